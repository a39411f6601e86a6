/// The enumerations only the case commands use.
extension ChoiceSet {
    /// How a case is closed (结案方式).
    public static let caseOutcome = ChoiceSet(
        "outcome",
        [
            Choice("resolved", ["已解决", "解决"]), Choice("no-further-action", ["无需处理", "不再处理"]),
            Choice("not-our-duty", ["非本级职责", "非职责"]), Choice("duplicate", ["重复", "重复诉求"]),
        ])
    /// Open311 is the only export format so far; named so more can follow.
    public static let exportFormat = ChoiceSet("format", [Choice("open311", ["Open311"])])
}

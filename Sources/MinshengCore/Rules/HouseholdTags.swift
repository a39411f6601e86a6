/// Household tags as stored: `,hardship,petitioner,` — commas at both ends, so "has tag
/// x" is a plain substring test for `,x,` that any SQL engine can index-free evaluate.
public enum HouseholdTags {
    /// The special groups (特殊群体) of the seed: frequent 12345 callers, hardship families,
    /// long-term petitioners. Each must have a named cadre and a visit.
    public static let special: [String] = ["frequent-caller", "hardship", "petitioner"]

    /// The stored form of a set of canonical tags, in the order `ChoiceSet.householdTag` lists them.
    public static func encode(_ tags: [String]) -> String {
        let known = ChoiceSet.householdTag.choices.map(\.value)
        let set = Set(tags)
        let ordered = known.filter { set.contains($0) } + tags.filter { !known.contains($0) }.sorted()
        var seen = Set<String>()
        let unique = ordered.filter { seen.insert($0).inserted }
        return unique.isEmpty ? "" : "," + unique.joined(separator: ",") + ","
    }

    /// The canonical tags in a stored value.
    public static func decode(_ stored: String) -> [String] {
        stored.split(separator: ",").map(String.init).filter { !$0.isEmpty }
    }

    /// Whether a stored value holds any special-group tag.
    public static func isSpecial(_ stored: String) -> Bool {
        decode(stored).contains { special.contains($0) }
    }

    /// Tags as people read them: Chinese labels joined by 、, or English values by commas.
    public static func display(_ stored: String, _ language: Language) -> String {
        let tags = decode(stored)
        guard language == .zh else { return tags.joined(separator: ", ") }
        return tags.map { ChoiceSet.householdTag.resolve($0)?.label.zh ?? $0 }.joined(separator: "、")
    }
}

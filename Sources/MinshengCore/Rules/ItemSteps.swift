/// The steps an agenda item moves through: 提 → 议 → 决 → 办 → 评.
///
/// An item is proposed, discussed (any number of speeches), put to a vote by a motion
/// (the poll is open until the tally), passed or failed, carried out as a case when it
/// passed, and evaluated by residents afterwards. A failed item may be discussed again
/// and get a new motion (a second round); a passed one may not be voted on again.
public enum ItemStep: String, Sendable, CaseIterable {
    case proposed, discussed, voting, passed, failed
    case carriedOut = "carried-out"
    case evaluated

    /// The step's word as users see it, with its Chinese label.
    public static let choices = ChoiceSet(
        "step",
        [
            Choice("proposed", ["已提出", "提"]), Choice("discussed", ["已讨论", "议"]), Choice("voting", ["表决中", "决"]),
            Choice("passed", ["已通过"]), Choice("failed", ["未通过"]), Choice("carried-out", ["已转办", "办"]),
            Choice("evaluated", ["已评价", "评"]),
        ])
}

/// What can be done to an item.
public enum ItemAction: String, Sendable, CaseIterable {
    case discuss, motion, vote, tally, decide, evaluate

    /// The steps from which the action is allowed.
    public var allowedFrom: [ItemStep] {
        switch self {
        case .discuss, .motion: return [.proposed, .discussed, .failed]
        case .vote, .tally: return [.voting]
        case .decide: return [.passed]
        case .evaluate: return [.carriedOut, .evaluated]
        }
    }

    /// The step an item reaches by this action (a tally's depends on its verdict).
    public func next(from step: ItemStep, passed: Bool = false) -> ItemStep? {
        guard allowedFrom.contains(step) else { return nil }
        switch self {
        case .discuss: return .discussed
        case .motion: return .voting
        case .vote: return .voting
        case .tally: return passed ? .passed : .failed
        case .decide: return .carriedOut
        case .evaluate: return .evaluated
        }
    }

    /// What the action is called in messages.
    public var label: Localized {
        switch self {
        case .discuss: return Localized(en: "discuss", zh: "讨论（议）")
        case .motion: return Localized(en: "put a motion on", zh: "对其提出动议")
        case .vote: return Localized(en: "vote on", zh: "对其投票（决）")
        case .tally: return Localized(en: "tally", zh: "计票")
        case .decide: return Localized(en: "carry out", zh: "转办（办）")
        case .evaluate: return Localized(en: "evaluate", zh: "评价（评）")
        }
    }
}

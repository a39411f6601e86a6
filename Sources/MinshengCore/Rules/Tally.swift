/// Quorum and majority rules for consultation meetings (会商会), as pure functions.
///
/// Defaults follow 城市居民委员会组织法 §9: a meeting may be held when more than half
/// of its members are present, and a decision passes with more than half of those
/// present. All arithmetic is exact on integers: "two-thirds" is `yes * 3 >= base * 2`,
/// never a floating-point fraction, so 6 of 9 is two-thirds and 5 of 8 is not.
public enum Tally {
    /// The largest count a meeting may give (members, ballots, ratings): far beyond any
    /// real meeting, and small enough that no product or sum here can overflow.
    public static let largestCount = 1_000_000

    /// How large a share of the base a motion needs.
    public enum Rule: String, Sendable, CaseIterable {
        /// Strictly more than half: `yes * 2 > base`.
        case majority
        /// At least two-thirds: `yes * 3 >= base * 2`.
        case twoThirds = "two-thirds"
        /// At least three-quarters: `yes * 4 >= base * 3`.
        case threeQuarters = "three-quarters"
        /// Every ballot in the base is yes: `yes == base`. Whether an abstention breaks
        /// unanimity is decided by the base: with `yes-no` it does not, with `cast`,
        /// `valid` or `present` it does.
        case unanimous
    }

    /// What the share is taken of.
    public enum Base: String, Sendable, CaseIterable {
        /// Members present at the vote, in person or by proxy (including those who voted
        /// and left before the tally): abstentions and non-votes count against.
        case present
        /// Every ballot cast, invalid ones included.
        case cast
        /// Valid ballots: yes + no + abstain.
        case valid
        /// All members of the meeting, present or not.
        case members
        /// Yes + no only: abstentions and non-votes do not count at all.
        case yesNo = "yes-no"
    }

    /// How many members must be present for the meeting to vote.
    public enum QuorumRule: Sendable, Equatable {
        /// More than half of the members (the default, §9).
        case majority
        case twoThirds
        case threeQuarters
        /// A fixed number of members.
        case count(Int)

        /// Reads `majority`, `two-thirds`, `three-quarters` (or their Chinese names) or a number.
        public static func parse(_ text: String) -> QuorumRule? {
            switch text.lowercased() {
            case "majority", "half", "过半数", "过半": return .majority
            case "two-thirds", "三分之二": return .twoThirds
            case "three-quarters", "四分之三": return .threeQuarters
            default:
                guard let n = Int(text), n > 0 else { return nil }
                return .count(n)
            }
        }

        /// The stored spelling, which `parse` reads back.
        public var storage: String {
            switch self {
            case .majority: return "majority"
            case .twoThirds: return "two-thirds"
            case .threeQuarters: return "three-quarters"
            case .count(let n): return String(n)
            }
        }
    }

    /// The number of members that must be present, out of `members`.
    public static func quorumRequired(_ rule: QuorumRule, members: Int) -> Int {
        switch rule {
        case .majority: return members / 2 + 1
        case .twoThirds: return (members * 2 + 2) / 3
        case .threeQuarters: return (members * 3 + 3) / 4
        case .count(let n): return n
        }
    }

    /// What was counted at a vote.
    public struct Counts: Sendable, Equatable {
        public var yes = 0, no = 0, abstain = 0
        /// Spoiled ballots (secret polls only).
        public var invalid = 0
        /// Members of the meeting.
        public var members = 0
        /// Members present at the vote, in person or by proxy.
        public var present = 0

        public init(yes: Int = 0, no: Int = 0, abstain: Int = 0, invalid: Int = 0, members: Int = 0, present: Int = 0) {
            self.yes = yes
            self.no = no
            self.abstain = abstain
            self.invalid = invalid
            self.members = members
            self.present = present
        }

        /// Ballots in the box, invalid ones included.
        public var cast: Int { yes + no + abstain + invalid }
        public var valid: Int { yes + no + abstain }
        /// Members present who cast no ballot.
        public var notVoted: Int { max(0, present - cast) }
    }

    /// The size of the base the share is taken of.
    public static func base(_ base: Base, _ c: Counts) -> Int {
        switch base {
        case .present: return c.present
        case .cast: return c.cast
        case .valid: return c.valid
        case .members: return c.members
        case .yesNo: return c.yes + c.no
        }
    }

    /// The fewest yes votes that pass under `rule` with a base of `base` (0 when the base is empty).
    public static func needed(_ rule: Rule, base: Int) -> Int {
        guard base > 0 else { return 0 }
        switch rule {
        case .majority: return base / 2 + 1
        case .twoThirds: return (base * 2 + 2) / 3
        case .threeQuarters: return (base * 3 + 3) / 4
        case .unanimous: return base
        }
    }

    /// Whether `yes` reaches the rule's share of `base`, stated as the rule is written.
    public static func reaches(_ rule: Rule, yes: Int, base: Int) -> Bool {
        guard base > 0 else { return false }
        switch rule {
        case .majority: return yes * 2 > base
        case .twoThirds: return yes * 3 >= base * 2
        case .threeQuarters: return yes * 4 >= base * 3
        case .unanimous: return yes == base
        }
    }

    /// The outcome of a vote.
    public enum Verdict: String, Sendable {
        case passed
        case failed
        /// Too few members present: the vote does not count.
        case noQuorum = "no-quorum"
    }

    /// Everything a tally prints, computed once.
    public struct Result: Sendable, Equatable {
        public var verdict: Verdict
        public var base: Int
        public var needed: Int
        public var quorumRequired: Int
    }

    /// Tallies a vote: no quorum first, then the rule against the base.
    public static func tally(_ c: Counts, rule: Rule, base: Base, quorum: QuorumRule) -> Result {
        let required = quorumRequired(quorum, members: c.members)
        let b = Self.base(base, c)
        let verdict: Verdict
        if c.present < required || c.members == 0 {
            verdict = .noQuorum
        } else {
            verdict = reaches(rule, yes: c.yes, base: b) ? .passed : .failed
        }
        return Result(verdict: verdict, base: b, needed: needed(rule, base: b), quorumRequired: required)
    }

    /// Whether a meeting of `members` with `present` members may vote.
    public static func hasQuorum(present: Int, members: Int, rule: QuorumRule) -> Bool {
        members > 0 && present >= quorumRequired(rule, members: members)
    }

    /// A share as a percentage with one decimal, rounded half up, in integers: `94.6%`.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 * 2 + whole) / (whole * 2)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// 考评: Beijing's three rates (三率) per unit and the ranking into 先进 / 进步 / 整改 / 治理.
///
/// Everything here is whole-number arithmetic: a rate is the fraction it is, a score is an
/// exact fraction, and thresholds are compared exactly; numbers are rounded only when shown
/// (to one decimal, rounded down, so 99.96% never reads as 100.0%).

/// A share: `part` of `whole`. Nothing to share (`whole == 0`) reads `—`, never a division by zero.
public struct Rate: Sendable, Equatable {
    public var part: Int
    public var whole: Int

    public init(_ part: Int, of whole: Int) {
        self.part = part
        self.whole = whole
    }

    public var isDefined: Bool { whole > 0 }

    /// `95.0%`, or `—`.
    public var text: String { percentText(part, of: whole) }

    /// `95.0` as a `.percent` result's value, or null.
    public var value: StoreValue { percentNumber(part, of: whole).map(StoreValue.text) ?? .null }
}

/// What the store counts for one unit in one period.
public struct UnitTally: Sendable, Equatable {
    /// Cases taken in during the period (duplicates closed as such are left out).
    public var cases = 0
    /// Of those, responded to by their response deadline.
    public var respondedOnTime = 0
    /// Of those, resolved (办结) by now.
    public var resolved = 0
    /// Callbacks made on those cases: every callback (an unsatisfied one that reopened the
    /// case, and the one after it) plus every spot-check re-callback with a result.
    public var callbacks = 0
    /// Of the callbacks, satisfied or basically satisfied.
    public var satisfied = 0
    /// Cases that missed their resolve deadline: resolved after it, or open and past it now.
    public var overdue = 0
    /// Visits made in the period (not a rate: shown beside them).
    public var visits = 0

    public init(cases: Int = 0, respondedOnTime: Int = 0, resolved: Int = 0, callbacks: Int = 0, satisfied: Int = 0, overdue: Int = 0, visits: Int = 0) {
        self.cases = cases
        self.respondedOnTime = respondedOnTime
        self.resolved = resolved
        self.callbacks = callbacks
        self.satisfied = satisfied
        self.overdue = overdue
        self.visits = visits
    }

    /// 响应率: responded within the deadline ÷ cases.
    public var response: Rate { Rate(respondedOnTime, of: cases) }
    /// 解决率: resolved ÷ cases.
    public var resolution: Rate { Rate(resolved, of: cases) }
    /// 满意率: (satisfied + basic) ÷ callbacks.
    public var satisfaction: Rate { Rate(satisfied, of: callbacks) }

    /// Two tallies of the same unit added (case callbacks and spot-check callbacks).
    public static func + (a: UnitTally, b: UnitTally) -> UnitTally {
        UnitTally(
            cases: a.cases + b.cases, respondedOnTime: a.respondedOnTime + b.respondedOnTime, resolved: a.resolved + b.resolved,
            callbacks: a.callbacks + b.callbacks, satisfied: a.satisfied + b.satisfied, overdue: a.overdue + b.overdue, visits: a.visits + b.visits)
    }
}

/// A non-negative exact fraction, compared without overflow.
public struct Fraction: Sendable, Comparable, CustomStringConvertible {
    public let num: Int128
    public let den: Int128

    /// `num / den`, reduced; `den` must be positive.
    public init(_ num: Int128, _ den: Int128) {
        let g = Fraction.gcd(num < 0 ? -num : num, den)
        self.num = g > 1 ? num / g : num
        self.den = g > 1 ? den / g : den
    }

    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }

    public static func == (a: Fraction, b: Fraction) -> Bool { a.num == b.num && a.den == b.den }

    /// Compared by continued fractions: exact for any size, no product can overflow.
    public static func < (a: Fraction, b: Fraction) -> Bool {
        var (an, ad, bn, bd) = (a.num, a.den, b.num, b.den)
        var flipped = false
        while true {
            let (qa, qb) = (an / ad, bn / bd)
            if qa != qb { return flipped ? qa > qb : qa < qb }
            let (ra, rb) = (an % ad, bn % bd)
            if ra == 0 || rb == 0 { return flipped ? (ra != 0 && rb == 0) : (ra == 0 && rb != 0) }
            (an, ad, bn, bd) = (ad, ra, bd, rb)
            flipped.toggle()
        }
    }

    /// `this − other`, in tenths, rounded toward zero (for a change shown as `+3.2`).
    public func tenthsMinus(_ other: Fraction) -> Int {
        let n = num * other.den - other.num * den
        return Int((n * 10) / (den * other.den))
    }

    /// At least `points` more than `other` (exactly).
    public func exceeds(_ other: Fraction, by points: Int) -> Bool {
        (num * other.den - other.num * den) >= Int128(points) * den * other.den
    }

    /// At least the whole number `n` (exactly).
    public func atLeast(_ n: Int) -> Bool { num >= Int128(n) * den }

    /// One decimal, rounded down: `87.5`.
    public var text: String {
        let tenths = (num * 10) / den
        return "\(tenths / 10).\(tenths % 10)"
    }

    public var description: String { "\(num)/\(den)" }
}

/// The thresholds and weights of the ranking; stored rules replace these defaults one by one.
public struct AssessmentRules: Sendable, Equatable {
    /// Units with fewer cases in the period are listed but not ranked.
    public var minCases = 5
    /// 先进: a score of at least this.
    public var excellent = 90
    /// 整改: a score below this.
    public var rectify = 75
    /// 治理: a score below this (or below `rectify` twice running without improving).
    public var govern = 60
    /// 进步: a score at least this many points above the previous period's.
    public var progress = 5
    /// Weights of the three rates in the score.
    public var weightResponse = 10
    public var weightResolution = 45
    public var weightSatisfaction = 45

    public init() {}

    public static let defaults = AssessmentRules()

    /// One rule as users name it, with its meaning.
    public struct Key: Sendable, Equatable {
        public var key: String
        public var zh: String
        public var help: Localized
    }

    /// The rules as users name them, with their meaning; `assess rules` lists them in this order.
    public static let keys: [Key] = [
        Key(key: "min-cases", zh: "最低件数", help: Localized(en: "fewer cases: listed, not ranked", zh: "少于此件数的单位只列出、不排名")),
        Key(key: "excellent", zh: "先进线", help: Localized(en: "excellent (先进): score at least this", zh: "先进：得分不低于此")),
        Key(key: "rectify", zh: "整改线", help: Localized(en: "rectify (整改): score below this", zh: "整改：得分低于此")),
        Key(key: "govern", zh: "治理线", help: Localized(en: "govern (治理): score below this, or below rectify twice running", zh: "治理：得分低于此，或连续两期低于整改线")),
        Key(key: "progress", zh: "进步分", help: Localized(en: "improved (进步): score up at least this many points", zh: "进步：得分比上期提高不少于此")),
        Key(key: "weight-response", zh: "响应率权重", help: Localized(en: "weight of the response rate (响应率) in the score", zh: "得分中响应率的权重")),
        Key(key: "weight-resolution", zh: "解决率权重", help: Localized(en: "weight of the resolution rate (解决率) in the score", zh: "得分中解决率的权重")),
        Key(key: "weight-satisfaction", zh: "满意率权重", help: Localized(en: "weight of the satisfaction rate (满意率) in the score", zh: "得分中满意率的权重")),
    ]

    /// The rule named by an English key or its Chinese name.
    public static func key(_ word: String) -> Key? {
        keys.first { $0.key == word.lowercased() || $0.zh == word }
    }

    /// A rule's value by its English key (unknown keys read 0 and are not stored).
    public subscript(key key: String) -> Int {
        get {
            switch key {
            case "min-cases": return minCases
            case "excellent": return excellent
            case "rectify": return rectify
            case "govern": return govern
            case "progress": return progress
            case "weight-response": return weightResponse
            case "weight-resolution": return weightResolution
            case "weight-satisfaction": return weightSatisfaction
            default: return 0
            }
        }
        set {
            switch key {
            case "min-cases": minCases = newValue
            case "excellent": excellent = newValue
            case "rectify": rectify = newValue
            case "govern": govern = newValue
            case "progress": progress = newValue
            case "weight-response": weightResponse = newValue
            case "weight-resolution": weightResolution = newValue
            case "weight-satisfaction": weightSatisfaction = newValue
            default: break
            }
        }
    }
}

/// Where a unit stands after the ranking.
public enum Grade: String, Sendable, CaseIterable {
    case excellent, improved, standard, rectify, govern
    /// Below the minimum volume, or nothing to score: listed, not ranked.
    case unranked

    public var label: Localized {
        switch self {
        case .excellent: return Localized(en: "先进", zh: "先进")
        case .improved: return Localized(en: "进步", zh: "进步")
        case .standard: return Localized(en: "—", zh: "—")
        case .rectify: return Localized(en: "整改", zh: "整改")
        case .govern: return Localized(en: "治理", zh: "治理")
        case .unranked: return Localized(en: "not ranked", zh: "不排名")
        }
    }
}

public enum Assessment {
    /// The score in points (0–100): the weighted mean of the defined rates. 满意率 is left out
    /// (and the other weights carry the score) while a unit has no callback; nil without cases.
    public static func score(_ t: UnitTally, _ rules: AssessmentRules) -> Fraction? {
        guard t.cases > 0 else { return nil }
        let d = Int128(t.cases), c = Int128(t.callbacks)
        let wr = Int128(rules.weightResponse), ws = Int128(rules.weightResolution), wv = Int128(rules.weightSatisfaction)
        let overCases = wr * Int128(t.respondedOnTime) + ws * Int128(t.resolved)
        guard t.callbacks > 0, wv > 0 else {
            guard wr + ws > 0 else { return nil }
            return Fraction(100 * overCases, (wr + ws) * d)
        }
        guard wr + ws + wv > 0 else { return nil }
        return Fraction(100 * (overCases * c + wv * Int128(t.satisfied) * d), (wr + ws + wv) * d * c)
    }

    /// Whether a unit is ranked: enough cases, and a score.
    public static func isRanked(_ t: UnitTally, _ rules: AssessmentRules) -> Bool {
        t.cases >= max(rules.minCases, 1) && score(t, rules) != nil
    }

    /// The grade, in this order: not ranked; 先进 (score ≥ excellent); 治理 (score < govern, or
    /// < rectify in this and the previous ranked period without improving by `progress`);
    /// 整改 (score < rectify); 进步 (up ≥ `progress` points on the previous ranked period);
    /// otherwise standard.
    public static func grade(_ score: Fraction?, previous: Fraction?, rules: AssessmentRules) -> Grade {
        guard let s = score else { return .unranked }
        if s.atLeast(rules.excellent) { return .excellent }
        let improved = previous.map { s.exceeds($0, by: rules.progress) } ?? false
        if !s.atLeast(rules.govern) { return .govern }
        if !s.atLeast(rules.rectify) {
            if let p = previous, !p.atLeast(rules.rectify), !improved { return .govern }
            return .rectify
        }
        return improved ? .improved : .standard
    }

    /// Competition ranks (1, 2, 2, 4) of scores already sorted best first.
    public static func ranks(_ sorted: [Fraction]) -> [Int] {
        var out: [Int] = []
        for (i, s) in sorted.enumerated() {
            out.append(i > 0 && s == sorted[i - 1] ? out[i - 1] : i + 1)
        }
        return out
    }
}

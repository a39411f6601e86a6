/// The totals of a campaign (大走访) and how far they are from its targets.
public struct CampaignTotals: Sendable, Equatable {
    /// Visits to units: enterprises and named community units (走访社区单位 … 次).
    public var unitVisits = 0
    /// Distinct households visited (入户 … 家).
    public var householdsVisited = 0
    /// Household visits, counted each time (入户次数).
    public var householdVisits = 0
    /// Cases created in the window (收集诉求 … 个).
    public var requests = 0
    /// Of those, raised on a visit.
    public var requestsFromVisits = 0
    /// Cases resolved in the window, whenever they were created (解决 … 个).
    public var resolved = 0
    /// Visits logged on a day other than Tuesday or Thursday.
    public var offDayVisits = 0

    public init() {}
}

/// One measure of a campaign against its target.
public struct ProgressLine: Sendable, Equatable {
    public var label: Localized
    public var done: Int
    public var target: Int?

    /// Progress in whole percent (rounded down, so 99.9% never reads as done), or nil without a target.
    public var percent: Int? {
        guard let target, target > 0 else { return nil }
        return done * 100 / target
    }
}

public enum CampaignProgress {
    /// The four measures of the seed, in its order.
    public static func lines(_ t: CampaignTotals, targets: [Int?]) -> [ProgressLine] {
        let labels = [
            Localized(en: "unit visits", zh: "走访社区单位（次）"), Localized(en: "households visited", zh: "入户（家）"),
            Localized(en: "requests collected", zh: "收集诉求（个）"), Localized(en: "requests resolved", zh: "解决诉求（个）"),
        ]
        let done = [t.unitVisits, t.householdsVisited, t.requests, t.resolved]
        return (0..<4).map { ProgressLine(label: labels[$0], done: done[$0], target: $0 < targets.count ? targets[$0] : nil) }
    }

    /// Where today stands against the window: days left to the deadline, or how long ago it ended.
    public static func deadline(_ w: DayWindow, today: Day, _ language: Language) -> String {
        if today < w.from {
            let n = w.from.ordinal - today.ordinal
            return language == .zh ? "尚未开始，\(n) 天后开始" : "starts in \(n) \(n == 1 ? "day" : "days")"
        }
        if today > w.to {
            let n = today.ordinal - w.to.ordinal
            return language == .zh ? "已于 \(n) 天前结束" : "ended \(n) \(n == 1 ? "day" : "days") ago"
        }
        let n = w.to.ordinal - today.ordinal
        if n == 0 { return language == .zh ? "今天截止" : "ends today" }
        return language == .zh ? "距截止还有 \(n) 天" : "\(n) \(n == 1 ? "day" : "days") left to the deadline"
    }

    /// The seed's sentence, from the data: "走访社区单位500余次，入户3300余家，收集诉求1000余个，解决800余个".
    public static func sentence(_ t: CampaignTotals, _ language: Language) -> String {
        language == .zh
            ? "走访社区单位\(t.unitVisits)次，入户\(t.householdsVisited)家，收集诉求\(t.requests)个，解决\(t.resolved)个"
            : "\(counted(t.unitVisits, "unit visit")), \(counted(t.householdsVisited, "household")) visited, \(counted(t.requests, "request")) collected, \(t.resolved) resolved"
    }
}

/// A share as `96.7%` (one decimal, rounded down), or `—` when there is nothing to share.
public func percentText(_ part: Int, of whole: Int) -> String {
    percentNumber(part, of: whole).map { $0 + "%" } ?? "—"
}

/// The same share without its sign, `96.7`, or nil: a `.percent` result's value.
public func percentNumber(_ part: Int, of whole: Int) -> String? {
    guard whole > 0 else { return nil }
    let tenths = part * 1000 / whole
    return "\(tenths / 10).\(tenths % 10)"
}

/// `1 visit`, `2 visits`: English counts read right.
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
}

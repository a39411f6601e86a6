/// 民情分析: what residents asked for in a period, against the period before.
///
/// Every request taken in counts (duplicates too: a repeated request is itself a signal).
/// A hot spot is a compound with repeated requests of one category: at least `hot` of them
/// in the period, or at least one in the period and `hot + 1` in the four weeks (28 days)
/// ending with it, so a problem that comes back week after week shows up too.

/// One group's count now and in the previous period.
public struct CountChange: Sendable, Equatable {
    public var key: String
    public var count: Int
    public var previous: Int

    public init(_ key: String, count: Int, previous: Int) {
        self.key = key
        self.count = count
        self.previous = previous
    }

    /// `+3`, `-2`, `0`.
    public var change: String { signed(count - previous) }
}

/// `+3`, `-2`, `0`.
public func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }

/// A compound where one category keeps coming back.
public struct HotSpot: Sendable, Equatable {
    public var compound: String
    public var community: String
    public var category: String
    /// Requests of the category at the compound in the period.
    public var inPeriod: Int
    /// In the 28 days ending with the period (or the period, when longer).
    public var inFourWeeks: Int
    /// The cases of the period, by number.
    public var cases: [Int]

    public init(compound: String, community: String, category: String, inPeriod: Int, inFourWeeks: Int, cases: [Int]) {
        self.compound = compound
        self.community = community
        self.category = category
        self.inPeriod = inPeriod
        self.inFourWeeks = inFourWeeks
        self.cases = cases
    }
}

public enum Analysis {
    /// Counts of this period and the previous, joined by key: the busiest first (then the
    /// previous period's busiest, then by key), groups of either period included.
    public static func changes(_ now: [(String, Int)], _ before: [(String, Int)]) -> [CountChange] {
        var rows: [CountChange] = now.map { CountChange($0.0, count: $0.1, previous: 0) }
        for (key, n) in before {
            if let i = rows.firstIndex(where: { $0.key == key }) {
                rows[i].previous += n
            } else {
                rows.append(CountChange(key, count: 0, previous: n))
            }
        }
        return rows.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.previous != b.previous { return a.previous > b.previous }
            return a.key < b.key
        }
    }

    /// Whether a compound's requests of one category make a hot spot.
    public static func isHot(inPeriod: Int, inFourWeeks: Int, hot: Int) -> Bool {
        inPeriod >= hot || (inPeriod >= 1 && inFourWeeks >= hot + 1)
    }

    /// The first day of the four weeks ending with the period (the period's own first day
    /// when it is longer than four weeks).
    public static func fourWeeksStart(_ p: Period) -> Day {
        Day(ordinal: min(p.window.from.ordinal, p.window.to.ordinal - 27))
    }
}

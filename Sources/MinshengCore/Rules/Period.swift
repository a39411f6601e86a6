/// The span an assessment or an analysis covers: an ISO week, a month, a quarter, or any
/// run of days given by `from=`/`to=`.
///
/// A case belongs to the period in which it was created (taken in); a visit to the one in
/// which it was made. Comparisons are made with the previous period: the week, month or
/// quarter before, or for a run of days the same number of days immediately before.
public struct Period: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case week, month, quarter, days }

    public var kind: Kind
    public var window: DayWindow

    public init(kind: Kind, window: DayWindow) {
        self.kind = kind
        self.window = window
    }

    /// The month `year-month`.
    public static func month(_ year: Int, _ month: Int) -> Period? {
        guard let first = Day(year: year, month: month, day: 1) else { return nil }
        let last = Day(ordinal: first.ordinal + Day.daysIn(year: year, month: month) - 1)
        return Period(kind: .month, window: DayWindow(from: first, to: last))
    }

    /// ISO week `week` of ISO year `year` (Monday to Sunday; week 1 holds January 4th).
    public static func week(_ year: Int, _ week: Int) -> Period? {
        guard week >= 1, week <= weeksIn(year), let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
        let monday = jan4.ordinal - (jan4.weekday - 1) + (week - 1) * 7
        return Period(kind: .week, window: DayWindow(from: Day(ordinal: monday), to: Day(ordinal: monday + 6)))
    }

    /// Quarter `q` (1…4) of `year`.
    public static func quarter(_ year: Int, _ q: Int) -> Period? {
        guard (1...4).contains(q), let first = month(year, q * 3 - 2), let last = month(year, q * 3) else { return nil }
        return Period(kind: .quarter, window: DayWindow(from: first.window.from, to: last.window.to))
    }

    /// Any run of days, both ends included.
    public static func days(_ from: Day, _ to: Day) -> Period { Period(kind: .days, window: DayWindow(from: from, to: to)) }

    /// The week holding `day`.
    public static func week(containing day: Day) -> Period {
        let monday = day.ordinal - (day.weekday - 1)
        return Period(kind: .week, window: DayWindow(from: Day(ordinal: monday), to: Day(ordinal: monday + 6)))
    }

    /// Reads `2019-11`, `2019-W48`, `2019-Q4`, `2019-11-05` (one day), or a word relative to
    /// `today`: `this-week`/`本周`, `last-week`/`上周`, `this-month`/`本月`, `last-month`/`上月`,
    /// `this-quarter`/`本季度`, `last-quarter`/`上季度`.
    public static func parse(_ text: String, today: Day) -> Period? {
        let s = text.trimmingWhitespace()
        if let relative = RelativePeriod.named(s) { return relative.period(today: today) }
        if let d = Day.parse(s) { return days(d, d) }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), y > 0 else { return nil }
        let rest = parts[1].uppercased()
        if rest.hasPrefix("W"), rest.count <= 3, let w = Int(rest.dropFirst()) { return week(y, w) }
        if rest.hasPrefix("Q"), rest.count == 2, let q = Int(rest.dropFirst()) { return quarter(y, q) }
        if rest.count <= 2, rest.allSatisfy(\.isASCIIDigit), let m = Int(rest) { return month(y, m) }
        return nil
    }

    /// The period just before: the previous week, month or quarter; for a run of days, as
    /// many days immediately before.
    public var previous: Period {
        let from = window.from
        switch kind {
        case .week:
            return Period(kind: .week, window: DayWindow(from: Day(ordinal: from.ordinal - 7), to: Day(ordinal: from.ordinal - 1)))
        case .month:
            let c = Day(ordinal: from.ordinal - 1).components
            return Period.month(c.year, c.month) ?? self
        case .quarter:
            let c = Day(ordinal: from.ordinal - 1).components
            return Period.quarter(c.year, (c.month + 2) / 3) ?? self
        case .days:
            let n = window.to.ordinal - from.ordinal + 1
            return Period.days(Day(ordinal: from.ordinal - n), Day(ordinal: from.ordinal - 1))
        }
    }

    /// The first moment of the period.
    public var start: Timestamp { Timestamp(day: window.from) }
    /// The first moment after the period (the end is exclusive).
    public var end: Timestamp { Timestamp(day: Day(ordinal: window.to.ordinal + 1)) }

    /// Days in the period.
    public var length: Int { window.to.ordinal - window.from.ordinal + 1 }

    /// `2019-W48`, `2019-11`, `2019-Q4`, `2019-11-05`, or `2019-11-01 – 2019-11-15`.
    public var label: String {
        let c = window.from.components
        switch kind {
        case .week:
            let (y, w) = Period.isoWeek(of: window.from)
            return "\(y)-W\(pad(w, 2))"
        case .month: return "\(pad(c.year, 4))-\(pad(c.month, 2))"
        case .quarter: return "\(pad(c.year, 4))-Q\((c.month + 2) / 3)"
        case .days: return window.from == window.to ? window.from.iso : window.display
        }
    }

    /// `2019-W48 (2019-11-25 – 2019-12-01)`; a run of days is its own label.
    public var title: String { kind == .days ? label : "\(label) (\(window.display))" }

    /// The ISO year and week of a day.
    public static func isoWeek(of day: Day) -> (year: Int, week: Int) {
        let thursday = Day(ordinal: day.ordinal - (day.weekday - 1) + 3)
        let year = thursday.components.year
        let jan1 = Day(year: year, month: 1, day: 1) ?? thursday
        return (year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// 52 or 53: the ISO week of December 28th, which is always in the year's last week.
    public static func weeksIn(_ year: Int) -> Int {
        guard let dec28 = Day(year: year, month: 12, day: 28) else { return 52 }
        return isoWeek(of: dec28).week
    }
}

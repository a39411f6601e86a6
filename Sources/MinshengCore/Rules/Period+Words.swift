/// A period named relative to today (`this-week`/`本周`, `last-month`/`上月`): one table that
/// `Period.parse`, a query's dates, `help find` and the language check all read, so the words
/// a user may type are listed once.
public enum RelativePeriod: String, Sendable, CaseIterable {
    case thisWeek = "this-week", lastWeek = "last-week", thisMonth = "this-month", lastMonth = "last-month"
    case thisQuarter = "this-quarter", lastQuarter = "last-quarter"

    /// The Chinese word, as a cadre types it.
    public var zh: String {
        switch self {
        case .thisWeek: return "本周"
        case .lastWeek: return "上周"
        case .thisMonth: return "本月"
        case .lastMonth: return "上月"
        case .thisQuarter: return "本季度"
        case .lastQuarter: return "上季度"
        }
    }

    /// Both spellings, English first.
    public var words: [String] { [rawValue, zh] }

    public static func named(_ word: String) -> RelativePeriod? {
        let w = word.lowercased()
        return allCases.first { $0.rawValue == w || $0.zh == word }
    }

    /// The period the word names on `today`.
    public func period(today: Day) -> Period? {
        let c = today.components
        switch self {
        case .thisWeek: return Period.week(containing: today)
        case .lastWeek: return Period.week(containing: today).previous
        case .thisMonth: return Period.month(c.year, c.month)
        case .lastMonth: return Period.month(c.year, c.month)?.previous
        case .thisQuarter: return Period.quarter(c.year, (c.month + 2) / 3)
        case .lastQuarter: return Period.quarter(c.year, (c.month + 2) / 3)?.previous
        }
    }
}

/// A day named by a word (`today`/`今天`, `yesterday`/`昨天`), and its distance from today;
/// `today-7d` (`今天-7天`) counts from the first.
public enum RelativeDay: Int, Sendable, CaseIterable {
    case today = 0, yesterday = -1

    /// Both spellings, English first.
    public var words: [String] {
        switch self {
        case .today: return ["today", "今天"]
        case .yesterday: return ["yesterday", "昨天"]
        }
    }

    public static func named(_ word: String) -> RelativeDay? {
        allCases.first { $0.words.contains(word.lowercased()) }
    }
}

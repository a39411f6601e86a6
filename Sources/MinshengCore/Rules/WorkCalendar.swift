/// What a day is, where the calendar says more than its weekday.
public enum CalendarDayKind: String, Sendable, Equatable {
    /// A day off, whatever its weekday (放假).
    case holiday
    /// A working day, whatever its weekday (上班; on a weekend, 调休上班).
    case workday
}

/// One marked day: what it is, its name (the holiday, or the reason it was set), and who
/// set it (nil for a shipped day).
public struct CalendarMark: Sendable, Equatable {
    public var kind: CalendarDayKind
    public var name: Localized
    public var setBy: String?

    public init(kind: CalendarDayKind, name: Localized, setBy: String?) {
        self.kind = kind
        self.name = name
        self.setBy = setBy
    }
}

/// The working calendar deadlines in working days are counted on: Monday to Friday, except
/// the public holidays, plus the make-up working days (调休) — the shipped days of
/// `ChinaHolidays` with the days set in this database laid over them — and, optionally, the
/// time a working day ends.
///
/// The rule for N working days (`15wd`), after 《民法典》 articles 201 and 203 (a period
/// counted in days starts the day after; its last day ends at 24:00, or when business
/// stops where there are business hours):
/// 1. The day of receipt is the calendar day the case was received; with a working day's
///    end set (e.g. 17:30), a case received after it counts as received the next day.
/// 2. The day of receipt is not counted: the first working day after it is day 1.
/// 3. The deadline is the end of working day N: the working day's end when set, else
///    23:59:59 (24:00, written as the last second of the day).
public struct WorkCalendar: Sendable, Equatable {
    /// Days set in this database (`calendar set`, `calendar import`), by ordinal.
    public var overrides: [Int: CalendarMark]
    /// Seconds after midnight when a working day ends; nil: at 24:00.
    public var dayEnd: Int?

    public init(overrides: [Int: CalendarMark] = [:], dayEnd: Int? = nil) {
        self.overrides = overrides
        self.dayEnd = dayEnd
    }

    /// The shipped calendar, nothing set.
    public static let shipped = WorkCalendar()

    /// A day's mark: set here, else shipped, else none (an ordinary weekday or weekend).
    public func mark(_ d: Day) -> CalendarMark? { overrides[d.ordinal] ?? ChinaHolidays.days[d.ordinal] }

    public func isWorkingDay(_ d: Day) -> Bool {
        switch mark(d)?.kind {
        case .holiday: return false
        case .workday: return true
        case nil: return d.weekday <= 5
        }
    }

    /// The day a case received at `t` counts from (rule 1).
    public func receiptDay(_ t: Timestamp) -> Day {
        let day = t.day
        if let end = dayEnd, t.secondOfDay > end { return Day(ordinal: day.ordinal + 1) }
        return day
    }

    /// The end of a working day (rule 3).
    public func end(of d: Day) -> Timestamp { Timestamp(seconds: d.ordinal * 86400 + (dayEnd ?? 86399)) }

    /// The `n`-th working day after `d` (n ≥ 1), or `d` itself for n ≤ 0. Ten years of
    /// days are searched at most: a calendar set to all holidays still ends.
    public func workingDay(_ n: Int, after d: Day) -> Day {
        var left = n, o = d.ordinal
        let limit = o + 3660 + n * 2
        while left > 0 && o < limit {
            o += 1
            if isWorkingDay(Day(ordinal: o)) { left -= 1 }
        }
        return Day(ordinal: o)
    }

    /// The deadline of `n` working days from a case received at `received` (the rules above).
    public func deadline(received: Timestamp, workingDays n: Int) -> Timestamp {
        end(of: workingDay(n, after: receiptDay(received)))
    }

    /// Whole working days gone since a case was received: the working days after its day of
    /// receipt whose end has passed by `now`. A case of N working days is overdue exactly
    /// when this reaches N (and its deadline's last second has passed).
    public func workingAge(received: Timestamp, now: Timestamp) -> Int {
        let from = receiptDay(received)
        var n = 0, o = from.ordinal + 1
        while o <= now.day.ordinal {
            let d = Day(ordinal: o)
            if isWorkingDay(d) && end(of: d) < now { n += 1 }
            o += 1
        }
        return n
    }

    /// The latest time a case may have been received and be at least `n` working days old
    /// at `now` (for `working-age >= n` as a condition on the receipt column); nil when
    /// every case is (n ≤ 0).
    public func latestReceipt(workingAge n: Int, now: Timestamp) -> Timestamp? {
        guard n > 0 else { return nil }
        // The n-th most recent working day whose end has passed; the day before it is the
        // last day of receipt that leaves n working days after it.
        var left = n, o = now.day.ordinal + 1
        let limit = o - 3660 - n * 2
        while left > 0 && o > limit {
            o -= 1
            let d = Day(ordinal: o)
            if isWorkingDay(d) && end(of: d) < now { left -= 1 }
        }
        let lastReceiptDay = Day(ordinal: o - 1)
        // Received at the day's end at the latest (after it, the receipt counts the next day).
        return end(of: lastReceiptDay)
    }

    /// Working days left before a deadline, counted as its deadline was: the working days
    /// after today up to the deadline's day (today, like the day of receipt, is not
    /// counted). Zero once past, and on the deadline's own day.
    public func workingDaysLeft(due: Timestamp, now: Timestamp) -> Int {
        guard now <= due else { return 0 }
        var n = 0, o = now.day.ordinal + 1
        while o <= due.day.ordinal {
            if isWorkingDay(Day(ordinal: o)) { n += 1 }
            o += 1
        }
        return n
    }
}

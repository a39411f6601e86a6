/// A span of days, both ends included (a campaign window, a plan's range).
public struct DayWindow: Sendable, Equatable {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    public var days: [Day] { from <= to ? (from.ordinal...to.ordinal).map(Day.init(ordinal:)) : [] }

    public func contains(_ d: Day) -> Bool { from <= d && d <= to }

    /// `2019-11-01 – 2019-11-30`.
    public var display: String { "\(from.iso) – \(to.iso)" }
}

/// The walking office (时间落实): office cadres go out with community cadres on Tuesday
/// and Thursday half-days — those that are working days: a Tuesday in the National Day
/// week is no walking day. (A weekend make-up working day is not one either: the walking
/// office keeps to its weekdays.)
public enum WalkingDays {
    /// ISO weekdays of the walking office: Tuesday and Thursday.
    public static let weekdays: Set<Int> = [2, 4]

    public static func isWalkingDay(_ d: Day, on calendar: WorkCalendar = .shipped) -> Bool {
        weekdays.contains(d.weekday) && calendar.isWorkingDay(d)
    }

    /// The walking days of a window, in order.
    public static func days(in window: DayWindow, on calendar: WorkCalendar = .shipped) -> [Day] {
        window.days.filter { isWalkingDay($0, on: calendar) }
    }

    /// The weekday's name, for messages.
    public static func weekdayName(_ d: Day, _ language: Language) -> String {
        let en = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let zh = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
        let i = d.weekday - 1
        return language == .zh ? zh[i] : en[i]
    }
}

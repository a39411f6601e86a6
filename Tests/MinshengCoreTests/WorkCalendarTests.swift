import Testing

@testable import MinshengCore

/// Deadlines in working days across China's 2019–2026 holidays.
///
/// The reference here is typed again from the State Council's notices, in their own words
/// (放假 ranges, 上班 days), and counted by brute force, independently of `ChinaHolidays`
/// and `WorkCalendar`: a slip in either shows as a difference.
@Suite struct WorkCalendarTests {
    /// Each year's notice: `off` ranges as `MM-DD..MM-DD` (a range starting in the year
    /// before is written with its year), `work` days, and the days each break lasts (共N天).
    static let notices: [(year: Int, off: [(String, Int)], work: [String])] = [
        (2019, [("2018-12-30..01-01", 3), ("02-04..02-10", 7), ("04-05..04-07", 3), ("05-01..05-04", 4), ("06-07..06-09", 3), ("09-13..09-15", 3), ("10-01..10-07", 7)],
         ["02-02", "02-03", "04-28", "05-05", "09-29", "10-12"]),
        (2020, [("01-01..01-01", 1), ("01-24..02-02", 10), ("04-04..04-06", 3), ("05-01..05-05", 5), ("06-25..06-27", 3), ("10-01..10-08", 8)],
         ["01-19", "04-26", "05-09", "06-28", "09-27", "10-10"]),
        (2021, [("01-01..01-03", 3), ("02-11..02-17", 7), ("04-03..04-05", 3), ("05-01..05-05", 5), ("06-12..06-14", 3), ("09-19..09-21", 3), ("10-01..10-07", 7)],
         ["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"]),
        (2022, [("01-01..01-03", 3), ("01-31..02-06", 7), ("04-03..04-05", 3), ("04-30..05-04", 5), ("06-03..06-05", 3), ("09-10..09-12", 3), ("10-01..10-07", 7)],
         ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"]),
        (2023, [("2022-12-31..01-02", 3), ("01-21..01-27", 7), ("04-05..04-05", 1), ("04-29..05-03", 5), ("06-22..06-24", 3), ("09-29..10-06", 8)],
         ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"]),
        (2024, [("01-01..01-01", 1), ("02-10..02-17", 8), ("04-04..04-06", 3), ("05-01..05-05", 5), ("06-10..06-10", 1), ("09-15..09-17", 3), ("10-01..10-07", 7)],
         ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"]),
        (2025, [("01-01..01-01", 1), ("01-28..02-04", 8), ("04-04..04-06", 3), ("05-01..05-05", 5), ("05-31..06-02", 3), ("10-01..10-08", 8)],
         ["01-26", "02-08", "04-27", "09-28", "10-11"]),
        (2026, [("01-01..01-03", 3), ("02-15..02-23", 9), ("04-04..04-06", 3), ("05-01..05-05", 5), ("06-19..06-21", 3), ("09-25..09-27", 3), ("10-01..10-07", 7)],
         ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"]),
    ]

    static func day(_ s: String, _ year: Int) -> Day {
        Day.parse(s.count == 5 ? "\(year)-\(s)" : s) ?? Day(ordinal: 0)
    }

    /// Every day off and every make-up day of the notices, by brute force.
    static let reference: (off: Set<Int>, work: Set<Int>) = {
        var off = Set<Int>(), work = Set<Int>()
        for n in notices {
            for (range, _) in n.off {
                let ends = range.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
                for o in day(ends[0], n.year).ordinal...day(ends[1], n.year).ordinal { off.insert(o) }
            }
            for w in n.work { work.insert(day(w, n.year).ordinal) }
        }
        return (off, work)
    }()

    static func referenceWorking(_ o: Int) -> Bool {
        if reference.work.contains(o) { return true }
        if reference.off.contains(o) { return false }
        return Day(ordinal: o).weekday <= 5
    }

    /// N working days after the day of receipt, ending at 23:59:59, counted one day at a time.
    static func referenceDeadline(_ received: Timestamp, _ n: Int) -> Timestamp {
        var o = received.day.ordinal, left = n
        while left > 0 {
            o += 1
            if referenceWorking(o) { left -= 1 }
        }
        return Timestamp(seconds: o * 86400 + 86399)
    }

    @Test func theNoticesAsShipped() {
        for n in Self.notices {
            for (range, days) in n.off {
                let ends = range.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
                let from = Self.day(ends[0], n.year), to = Self.day(ends[1], n.year)
                #expect(to.ordinal - from.ordinal + 1 == days, "\(range) \(n.year) should last \(days) days")
                for o in from.ordinal...to.ordinal {
                    #expect(!WorkCalendar.shipped.isWorkingDay(Day(ordinal: o)), "\(Day(ordinal: o).iso) is a day off")
                }
            }
            for w in n.work {
                let d = Self.day(w, n.year)
                #expect(d.weekday >= 6, "\(d.iso): a make-up working day falls on a weekend")
                #expect(WorkCalendar.shipped.isWorkingDay(d), "\(d.iso) is worked")
            }
        }
        // Nothing shipped that the notices do not say.
        let shipped = Set(ChinaHolidays.days.keys)
        #expect(shipped == Self.reference.off.union(Self.reference.work))
    }

    @Test func everyDayOf2019Through2026AgreesWithTheNotices() {
        guard let first = Day(year: 2019, month: 1, day: 1), let last = Day(year: 2026, month: 12, day: 31) else {
            Issue.record("no days")
            return
        }
        var differ: [String] = []
        for o in first.ordinal...last.ordinal where WorkCalendar.shipped.isWorkingDay(Day(ordinal: o)) != Self.referenceWorking(o) {
            differ.append(Day(ordinal: o).iso)
        }
        #expect(differ.isEmpty, "days that differ: \(differ)")
    }

    /// N = 1 … 20 from the working day before each break, from its first day off, and from
    /// each make-up day, at 09:00.
    @Test func oneToTwentyWorkingDaysAcrossEveryBreak() {
        var starts: [Day] = []
        for n in Self.notices {
            for (range, _) in n.off {
                let from = Self.day(range.split(separator: ".", omittingEmptySubsequences: true).map(String.init)[0], n.year)
                starts += [Day(ordinal: from.ordinal - 3), Day(ordinal: from.ordinal - 1), from, Day(ordinal: from.ordinal + 2)]
            }
            starts += n.work.map { Self.day($0, n.year) }
        }
        var checked = 0
        for start in starts {
            let received = Timestamp(day: start, hour: 9)
            for n in 1...20 {
                let got = WorkCalendar.shipped.deadline(received: received, workingDays: n)
                #expect(got == Self.referenceDeadline(received, n), "\(received.display) + \(n)wd")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    @Test func nationalDay2019ByHand() {
        let received = Timestamp.parse("2019-09-27T09:00") ?? Timestamp(seconds: 0)
        let c = WorkCalendar.shipped
        // Sunday 29 September is worked (day 1), Monday 30 (2), 1–7 October are off, then 8, 9, 10.
        #expect(c.deadline(received: received, workingDays: 1).display == "2019-09-29 23:59")
        #expect(c.deadline(received: received, workingDays: 2).display == "2019-09-30 23:59")
        #expect(c.deadline(received: received, workingDays: 3).display == "2019-10-08 23:59")
        #expect(c.deadline(received: received, workingDays: 5).display == "2019-10-10 23:59")
        // Saturday 12 October is worked too: day 7.
        #expect(c.deadline(received: received, workingDays: 7).display == "2019-10-12 23:59")
        #expect(c.deadline(received: received, workingDays: 8).display == "2019-10-14 23:59")
        // Spring Festival 2025: Sunday 26 January worked, 28 January – 4 February off.
        let spring = Timestamp.parse("2025-01-24T10:00") ?? Timestamp(seconds: 0)
        #expect(c.deadline(received: spring, workingDays: 1).display == "2025-01-26 23:59")
        #expect(c.deadline(received: spring, workingDays: 2).display == "2025-01-27 23:59")
        #expect(c.deadline(received: spring, workingDays: 3).display == "2025-02-05 23:59")
    }

    @Test func aWorkingDayThatEndsAt1730() {
        let c = WorkCalendar(dayEnd: 17 * 3600 + 30 * 60)
        let t = { (s: String) in Timestamp.parse(s) ?? Timestamp(seconds: 0) }
        // Received before or at the end: the day of receipt is Thursday; after it, Friday.
        #expect(c.deadline(received: t("2019-09-26T17:30"), workingDays: 1).display == "2019-09-27 17:30")
        #expect(c.deadline(received: t("2019-09-26T17:31"), workingDays: 1).display == "2019-09-29 17:30")
        // On Friday after hours the next day is Saturday: Sunday 29th (worked) is still day 1.
        #expect(c.deadline(received: t("2019-09-27T18:00"), workingDays: 1).display == "2019-09-29 17:30")
        #expect(c.deadline(received: t("2019-09-27T09:00"), workingDays: 5).display == "2019-10-10 17:30")
    }

    @Test func workingAgeAndItsConditionAgree() {
        let c = WorkCalendar.shipped
        let received = Timestamp.parse("2019-09-27T09:00") ?? Timestamp(seconds: 0)
        let due = c.deadline(received: received, workingDays: 5)
        // Overdue exactly when five working days are gone.
        #expect(c.workingAge(received: received, now: due) == 4)
        #expect(c.workingAge(received: received, now: due.adding(seconds: 1)) == 5)
        #expect(c.workingAge(received: received, now: Timestamp.parse("2019-10-07T12:00") ?? due) == 2)
        // The condition `working-age >= n` is `received <= latestReceipt(n)`, for every hour of October.
        let now = Timestamp.parse("2019-10-15T10:00") ?? due
        for n in 0...8 {
            let latest = c.latestReceipt(workingAge: n, now: now)
            for h in stride(from: 0, to: 24 * 20, by: 1) {
                let r = Timestamp.parse("2019-09-25T00:00")?.adding(seconds: h * 3600) ?? now
                let holds = c.workingAge(received: r, now: now) >= n
                #expect(holds == (latest.map { r <= $0 } ?? true), "received \(r.display), n=\(n)")
            }
        }
    }

    @Test func workingDaysLeftCountsLikeTheDeadline() {
        let c = WorkCalendar.shipped
        let received = Timestamp.parse("2019-09-27T09:00") ?? Timestamp(seconds: 0)
        let due = c.deadline(received: received, workingDays: 5)
        #expect(c.workingDaysLeft(due: due, now: received) == 5)
        #expect(c.workingDaysLeft(due: due, now: Timestamp.parse("2019-10-03T09:00") ?? due) == 3)
        #expect(c.workingDaysLeft(due: due, now: Timestamp.parse("2019-10-10T09:00") ?? due) == 0)
        #expect(c.workingDaysLeft(due: due, now: due.adding(seconds: 1)) == 0)
    }

    @Test func daysSetInTheDatabaseWin() {
        var c = WorkCalendar.shipped
        let oct8 = Day(year: 2026, month: 10, day: 8) ?? Day(ordinal: 0)
        #expect(c.isWorkingDay(oct8))
        c.overrides[oct8.ordinal] = CalendarMark(kind: .holiday, name: Localized("区里加放"), setBy: "王强")
        #expect(!c.isWorkingDay(oct8))
        // Outside the shipped years only weekends are off.
        #expect(c.isWorkingDay(Day(year: 2027, month: 10, day: 1) ?? oct8))
    }

    @Test func lengthsParseInBothLanguages() {
        #expect(DeadlineLength.parse("15wd") == .workingDays(15))
        #expect(DeadlineLength.parse("15个工作日") == .workingDays(15))
        #expect(DeadlineLength.parse("5工作日") == .workingDays(5))
        #expect(DeadlineLength.parse("7天") == .seconds(7 * 86400))
        #expect(DeadlineLength.parse("2小时") == .seconds(7200))
        #expect(DeadlineLength.parse("wd") == nil)
        #expect(DeadlineLength.parse("-3wd") == nil)
        #expect(DeadlineLength.workingDays(15).setting == "15wd")
        #expect(DeadlineLength.workingDays(15).text.zh == "15个工作日")
    }
}

import Testing

@testable import MinshengCore

@Suite struct PeriodTests {
    let today = Day(year: 2019, month: 12, day: 3) ?? Day(ordinal: 0)

    func p(_ s: String) -> Period? { Period.parse(s, today: today) }

    @Test func monthsWeeksQuartersAndDays() {
        #expect(p("2019-11")?.window.display == "2019-11-01 – 2019-11-30")
        #expect(p("2019-02")?.window.to.iso == "2019-02-28")
        #expect(p("2020-02")?.window.to.iso == "2020-02-29")
        #expect(p("2019-W48")?.window.display == "2019-11-25 – 2019-12-01")
        #expect(p("2019-w1")?.window.display == "2018-12-31 – 2019-01-06", "ISO week 1 holds January 4th")
        #expect(p("2020-W53")?.window.display == "2020-12-28 – 2021-01-03")
        #expect(p("2019-W53") == nil, "2019 has 52 weeks")
        #expect(p("2019-Q4")?.window.display == "2019-10-01 – 2019-12-31")
        #expect(p("2019-Q1")?.label == "2019-Q1")
        #expect(p("2019-11-05")?.label == "2019-11-05")
        for bad in ["2019-13", "2019-Q5", "2019-W0", "19-11", "2019", "11-2019", "", "2019-1x", "last-year"] {
            #expect(p(bad) == nil, "\(bad)")
        }
    }

    @Test func wordsRelativeToToday() {
        #expect(p("this-week")?.label == "2019-W49")
        #expect(p("上周")?.label == "2019-W48")
        #expect(p("this-month")?.label == "2019-12")
        #expect(p("last-month")?.label == "2019-11")
        #expect(p("本季度")?.label == "2019-Q4")
        #expect(p("last-quarter")?.label == "2019-Q3")
    }

    @Test func thePreviousPeriodIsTheSameKindJustBefore() {
        #expect(p("2019-11")?.previous.label == "2019-10")
        #expect(p("2019-01")?.previous.label == "2018-12")
        #expect(p("2019-03")?.previous.window.display == "2019-02-01 – 2019-02-28")
        #expect(p("2019-W01")?.previous.label == "2018-W52")
        #expect(p("2021-W01")?.previous.label == "2020-W53")
        #expect(p("2019-Q1")?.previous.label == "2018-Q4")
        let days = Period.days(Day(year: 2019, month: 11, day: 4) ?? today, Day(year: 2019, month: 11, day: 10) ?? today)
        #expect(days.previous.window.display == "2019-10-28 – 2019-11-03")
        #expect(days.length == 7)
    }

    @Test func boundsAreHalfOpenMoments() throws {
        let nov = try #require(p("2019-11"))
        #expect(nov.start.storage == "2019-11-01T00:00:00")
        #expect(nov.end.storage == "2019-12-01T00:00:00")
        #expect(nov.title == "2019-11 (2019-11-01 – 2019-11-30)")
    }

    @Test func isoWeeks() {
        let d = { (y: Int, m: Int, dd: Int) in Day(year: y, month: m, day: dd) ?? Day(ordinal: 0) }
        #expect(Period.isoWeek(of: d(2019, 12, 30)) == (2020, 1))
        #expect(Period.isoWeek(of: d(2021, 1, 3)) == (2020, 53))
        #expect(Period.isoWeek(of: d(2019, 12, 3)) == (2019, 49))
        #expect(Period.weeksIn(2020) == 53 && Period.weeksIn(2019) == 52)
    }
}

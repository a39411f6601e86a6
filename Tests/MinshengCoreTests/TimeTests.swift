import Testing

@testable import MinshengCore

@Suite struct TimeTests {
    @Test func daysRoundTrip() {
        for (y, m, d, weekday) in [(1970, 1, 1, 4), (2019, 12, 3, 2), (2000, 2, 29, 2), (2024, 12, 31, 2), (1969, 12, 31, 3)] {
            guard let day = Day(year: y, month: m, day: d) else {
                Issue.record("invalid \(y)-\(m)-\(d)")
                continue
            }
            #expect(day.components == (y, m, d))
            #expect(day.weekday == weekday)
        }
        #expect(Day(year: 2019, month: 2, day: 29) == nil)
        #expect(Day(year: 2019, month: 13, day: 1) == nil)
    }

    @Test func storedFormRoundTrips() {
        for text in ["1970-01-01T00:00:00", "2019-12-31T23:59:59", "2000-02-29T12:05:09", "0999-03-04T05:06:07", "1969-12-31T23:59:59"] {
            #expect(Timestamp.parse(text)?.storage == text)
        }
    }

    @Test func parsesAndFormats() {
        #expect(Timestamp.parse("2019-12-03T09:00")?.storage == "2019-12-03T09:00:00")
        #expect(Timestamp.parse("2019-12-03 09:05:07")?.display == "2019-12-03 09:05")
        #expect(Timestamp.parse("2019-12-03")?.iso8601 == "2019-12-03T00:00:00+08:00")
        for bad in ["2019-12-3x", "2019-13-01", "明天", "2019-12-03T25:00", "2019-12-03T09", ""] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(Duration.parse("2h")?.seconds == 7200)
        #expect(Duration.parse("7天")?.seconds == 604_800)
        #expect(Duration.parse("24h")?.description == "1d")
        #expect(Duration.parse("x") == nil)
    }

    @Test func relativeDays() {
        let ctx = BindingContext(now: Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0))
        #expect(ctx.day("today")?.iso == "2019-12-03")
        #expect(ctx.day("今天")?.iso == "2019-12-03")
        #expect(ctx.day("today-7d")?.iso == "2019-11-26")
        #expect(ctx.day("昨天")?.iso == "2019-12-02")
        #expect(ctx.day("明天") == nil)
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.of("城建科") == 6)
        #expect(DisplayWidth.of("D-1 城建") == 8)
        #expect(DisplayWidth.of("（）") == 4)
        #expect(DisplayWidth.pad("六里屯", to: 8) == "六里屯  ")
        #expect(DisplayWidth.truncate("十里堡北里3号楼", to: 9) == "十里堡北…")
        #expect(DisplayWidth.truncate("十里堡北里3号楼", to: 8) == "十里堡…")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "fnd", in: ["find", "count"]) == "find")
        #expect(Suggestion.closest(to: "xyz", in: ["find", "count"]) == nil)
    }
}

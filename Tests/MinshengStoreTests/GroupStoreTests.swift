import MinshengCore
import Testing

@testable import MinshengStore

/// A store whose cases have the given creation times, durations (seconds to the response
/// and to the resolution, nil for none) and reopen counts, all in one community.
func storeWithTimes(_ engine: TestEngine, _ cases: [(created: String, responded: Int?, resolved: Int?, reopened: Int)]) throws -> SQLStore {
    let store = try freshStore(engine)
    try store.transaction(.writes) {
        _ = try store.insert(.community, ["name": .text("六里屯社区"), "created_at": .text(clock.storage), "created_by": .text("x")])
        for (i, c) in cases.enumerated() {
            guard let created = Timestamp.parse(c.created) else { throw NoTestServer(description: "bad time \(c.created)") }
            _ = try store.insert(
                .case,
                [
                    "title": .text("诉求\(i)"), "kind": .text("complaint"), "category": .text("物业"), "urgency": .text("normal"),
                    "source": .text("visit"), "status": .text(c.resolved == nil ? "dispatched" : "resolved"), "community_id": .integer(1),
                    "created_at": .text(created.storage), "created_by": .text("x"), "respond_due": .text(created.adding(seconds: 86400).storage),
                    "resolve_due": .text(created.adding(seconds: 7 * 86400).storage), "updated_at": .text(created.storage),
                    "responded_at": c.responded.map { .text(created.adding(seconds: $0).storage) } ?? .null,
                    "resolved_at": c.resolved.map { .text(created.adding(seconds: $0).storage) } ?? .null, "reopen_count": .integer(c.reopened),
                ])
        }
    }
    return store
}

func cells(_ rs: ResultSet) -> [[String]] { rs.rows.map { $0.map { $0.text ?? "" } } }

@Suite struct GroupStoreTests {
    /// ISO weeks at the ends of years, alike on both engines: a week is its Thursday's year
    /// and begins on Monday; each label, read back by `where`, holds its own cases.
    @Test(arguments: TestEngine.allCases) func isoWeeksAtYearEnds(_ engine: TestEngine) throws {
        let times = [
            "2015-12-31T10:00", "2016-01-03T23:59", "2018-12-31T00:00", "2019-12-29T23:59", "2019-12-30T00:00", "2021-01-03T12:00",
            "2021-01-04T00:00",
        ]
        let s = try storeWithTimes(engine, times.map { ($0, nil, nil, 0) })
        let rs = try run(s, "count cases by week(created), day(created)")
        #expect(rs.columns.map(\.name) == ["created-week", "created-day", "count"])
        #expect(
            cells(rs) == [
                ["2015-W53", "2015-12-31", "1"], ["2015-W53", "2016-01-03", "1"], ["2019-W01", "2018-12-31", "1"], ["2019-W52", "2019-12-29", "1"],
                ["2020-W01", "2019-12-30", "1"], ["2020-W53", "2021-01-03", "1"], ["2021-W01", "2021-01-04", "1"],
            ])
        for label in ["2015-W53", "2019-W01", "2020-W01", "2020-W53"] {
            let expected = cells(rs).filter { $0[0] == label }.count
            #expect(try run(s, "count cases where created = \(label)").rows == [[.integer(expected)]], "\(label)")
        }
        // Ties in the order asked for are broken by the groupings, ascending.
        #expect(cells(try run(s, "count cases by month(created) order by count desc limit 2")) == [["2019-12", "2"], ["2021-01", "2"]])
        #expect(cells(try run(s, "count cases by month(created) order by count desc, month(created) desc limit 1")) == [["2021-01", "2"]])
    }

    /// Averages and durations are exact integers divided in Swift: the same tenth on both
    /// engines, halves rounded away from zero; `having` compares the exact value.
    @Test(arguments: TestEngine.allCases) func aggregatesAreExact(_ engine: TestEngine) throws {
        let hour = 3600
        let s = try storeWithTimes(
            engine,
            [
                ("2019-11-04T09:00", hour / 2, 36 * hour, 1), ("2019-11-05T09:00", 3 * hour, nil, 2),
                ("2019-11-06T09:00", nil, 12 * hour, 0), ("2019-11-07T09:00", hour, 30 * hour, 0),
            ])
        let rs = try run(s, "count cases by community avg reopened, sum reopened, avg days-to-resolve, max response-time, min days-to-resolve")
        #expect(rs.columns.map(\.type) == [.reference(.community), .integer, .decimal, .integer, .decimal, .decimal, .decimal])
        // reopened 3/4 = 0.75 → 0.8; days (1.5 + 0.5 + 1.25) / 3 = 1.083 → 1.1; response 3 h; min 0.5 day.
        #expect(cells(rs) == [["六里屯社区", "4", "0.8", "3", "1.1", "3.0", "0.5"]])
        #expect(cells(try run(s, "count cases by community having avg reopened >= 0.8")).isEmpty)
        #expect(cells(try run(s, "count cases by community having avg reopened > 0.7 and count = 4")) == [["六里屯社区", "4", "0.8"]])
        #expect(try run(s, "count cases where days-to-resolve > 1.2").rows == [[.integer(2)]])
        #expect(try run(s, "count cases where response-time <= 1").rows == [[.integer(2)]])
        #expect(titles(try run(s, "find cases where resolved > respond-due order by days-to-resolve desc")) == ["诉求0", "诉求3"])
        #expect(SQLStore.roundedDivision(-25, 10) == -3 && SQLStore.tenthsText(-5) == "-0.5")
    }
}

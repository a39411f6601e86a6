import MinshengCore
import Testing

@testable import MinshengStore

/// Coverage and campaign totals against data counted by hand.
@Suite struct OrgStoreTests {
    let november = DayWindow(from: Day.parse("2019-11-01") ?? Day(ordinal: 0), to: Day.parse("2019-11-30") ?? Day(ordinal: 0))
    let special = HouseholdTags.special

    func add(_ s: SQLStore, _ kind: RecordKind, _ values: [String: StoreValue]) throws -> Int {
        try s.insert(kind, values.merging(["created_at": .text("2019-10-01T09:00:00"), "created_by": .text("测试员")]) { a, _ in a })
    }

    /// Two communities, three compounds (B1, B2 in S1; B3 in S2), H1 hardship in B1, H2 in B1,
    /// H3 petitioner in B3, E1 in S1, one cadre assigned to B1; five visits and five cases
    /// placed around the window's edges.
    func world(_ engine: TestEngine) throws -> SQLStore {
        let s = try freshStore(engine)
        try s.transaction(.writes) {
            let s1 = try add(s, .community, ["name": .text("六里屯社区")]), s2 = try add(s, .community, ["name": .text("十里堡社区")])
            let b1 = try add(s, .compound, ["name": .text("B1"), "community_id": .integer(s1)])
            let b2 = try add(s, .compound, ["name": .text("B2"), "community_id": .integer(s1)])
            let b3 = try add(s, .compound, ["name": .text("B3"), "community_id": .integer(s2)])
            func household(_ address: String, _ b: Int, _ c: Int, _ tags: String) throws -> Int {
                try add(s, .household, ["address": .text(address), "compound_id": .integer(b), "community_id": .integer(c), "tags": .text(tags)])
            }
            let h1 = try household("H1", b1, s1, ",hardship,"), _ = try household("H2", b1, s1, ",elderly,"), h3 = try household("H3", b3, s2, ",petitioner,")
            let e1 = try add(s, .enterprise, ["name": .text("E1"), "community_id": .integer(s1)])
            let g1 = try add(s, .cadre, ["name": .text("王强"), "role": .text("office")])
            _ = try add(s, .assignment, ["cadre_id": .integer(g1), "compound_id": .integer(b1), "community_id": .integer(s1)])
            func visit(_ day: String, _ target: [String: StoreValue], _ c: Int) throws {
                _ = try add(
                    s, .visit,
                    target.merging(["day": .text(day), "half": .text("am"), "cadre_id": .integer(g1), "content": .text("contact"), "community_id": .integer(c)])
                    { a, _ in a })
            }
            try visit("2019-11-05", ["household_id": .integer(h1), "compound_id": .integer(b1)], s1)
            try visit("2019-11-05", ["household_id": .integer(h1), "compound_id": .integer(b1)], s1)
            try visit("2019-11-07", ["enterprise_id": .integer(e1)], s1)
            try visit("2019-11-09", ["unit": .text("小学")], s1)
            try visit("2019-12-01", ["household_id": .integer(h3), "compound_id": .integer(b3)], s2)
            func caseRow(_ created: String, _ source: String, _ status: String, _ c: Int, resolved: String? = nil, compound: Int? = nil, household: Int? = nil)
                throws
            {
                _ = try s.insert(
                    .case,
                    [
                        "title": .text("t"), "kind": .text("help"), "urgency": .text("normal"), "source": .text(source), "status": .text(status),
                        "community_id": .integer(c), "compound_id": compound.map { .integer($0) } ?? .null,
                        "household_id": household.map { .integer($0) } ?? .null,
                        "created_at": .text(created), "created_by": .text("x"), "respond_due": .text(created), "resolve_due": .text(created),
                        "resolved_at": resolved.map { .text($0) } ?? .null, "updated_at": .text(created),
                    ])
            }
            try caseRow("2019-11-02T10:00:00", "visit", "closed", s1, resolved: "2019-11-03T10:00:00", compound: b1)
            try caseRow("2019-11-10T10:00:00", "hotline", "dispatched", s2, household: h3)
            try caseRow("2019-10-30T10:00:00", "hotline", "resolved", s2, resolved: "2019-11-04T10:00:00", compound: b3)
            try caseRow("2019-11-30T23:59:59", "hotline", "received", s1, compound: b2)
            try caseRow("2019-12-01T00:00:00", "walk-in", "received", s1, compound: b1)
        }
        return s
    }

    @Test(arguments: TestEngine.allCases) func campaignTotalsCountTheWindowOnly(_ engine: TestEngine) throws {
        let s = try world(engine)
        let t = try s.campaignTotals(november, community: nil)
        #expect(t.unitVisits == 2)  // the enterprise and the unit
        #expect(t.householdsVisited == 1 && t.householdVisits == 2)  // H1, twice
        #expect(t.requests == 3 && t.requestsFromVisits == 1)  // created 11-02, 11-10, 11-30 23:59:59
        #expect(t.resolved == 2)  // resolved 11-03 and 11-04 (created in October)
        #expect(t.offDayVisits == 1)  // Saturday 11-09
        let s1 = try s.campaignTotals(november, community: 1)
        #expect([s1.unitVisits, s1.householdsVisited, s1.requests, s1.resolved] == [2, 1, 2, 1])
    }

    @Test(arguments: TestEngine.allCases) func coverageCountsAndKeyIssues(_ engine: TestEngine) throws {
        let s = try world(engine)
        let c = try s.coverageCounts(november, community: nil, specialTags: special, finished: ["resolved", "closed"])
        #expect([c.compounds, c.compoundsWithCadre, c.compoundsVisited] == [3, 1, 1])
        #expect([c.special, c.specialWithCadre, c.specialVisited] == [2, 1, 1])
        #expect([c.enterprises, c.enterprisesVisited] == [1, 1])
        // Open cases: B3 (through H3), B2, B1 (created in December, still open); only B1 was visited.
        #expect([c.issueCompounds, c.issueCompoundsVisited] == [3, 1])
        let issues = try s.unvisitedIssueCompounds(november, community: nil, finished: ["resolved", "closed"])
        #expect(issues.map { $0.text("name") } == ["B2", "B3"])
        #expect(try s.unvisitedSpecialHouseholds(november, community: nil, specialTags: special).map { $0.text("address") } == ["H3"])
        #expect(try s.compoundsWithoutCadre(community: 1, specialTags: special).map { $0.text("name") } == ["B2"])
        let unvisited = try s.unvisitedCompounds(november, community: nil, specialTags: special)
        #expect(unvisited.map { $0.text("name") } == ["B2", "B3"])
        #expect(try s.unvisitedEnterprises(november, community: nil).isEmpty)
    }

    @Test(arguments: TestEngine.allCases) func planFactsCountSpecialGroupsAndLastVisitBefore(_ engine: TestEngine) throws {
        let s = try world(engine)
        let facts = try s.compoundFacts(community: nil, specialTags: special, before: Day.parse("2019-12-01") ?? Day(ordinal: 0))
        #expect(facts[1]?.special == 1 && facts[1]?.lastVisit == Day.parse("2019-11-05"))
        #expect(facts[3]?.special == 1 && facts[3]?.lastVisit == nil)
        #expect(try s.cadresByCompound(community: nil) == [1: ["王强"]])
    }
}

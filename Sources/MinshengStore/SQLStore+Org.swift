import MinshengCore

/// The aggregate questions of the org and visits family, each one parameterized statement.
extension SQLStore: OrgStore {
    /// `(instr(h.tags, ?) > 0 OR …)` for the special tags, with their `,tag,` arguments.
    func anyTag(_ column: String, _ tags: [String]) -> (String, [StoreValue]) {
        guard !tags.isEmpty else { return ("0 = 1", []) }
        return ("(" + tags.map { _ in dialect.contains(column) }.joined(separator: " OR ") + ")", tags.map { ",\($0),".sqlValue })
    }

    /// ` AND t.community_id = ?` when a community is given.
    func inCommunity(_ column: String, _ community: Int?) -> (String, [StoreValue]) {
        guard let community else { return ("", []) }
        return (" AND \(column) = ?", [community.sqlValue])
    }

    func rows(_ sql: String, _ args: [StoreValue]) throws -> [StoredRecord] {
        try withDatabase { db in try db.records(sql, args) }
    }

    func visitedIn(_ w: DayWindow, _ column: String, _ outer: String) -> (String, [StoreValue]) {
        ("EXISTS (SELECT 1 FROM visit v WHERE v.voided_at IS NULL AND v.\(column) = \(outer) AND v.day >= ? AND v.day <= ?)", [w.from.iso.sqlValue, w.to.iso.sqlValue])
    }

    /// Household and special-group counts of a compound, as select expressions.
    func compoundSizes(_ tags: [String]) -> (String, [StoreValue]) {
        let (special, args) = anyTag("h.tags", tags)
        return (
            "(SELECT COUNT(*) FROM household h WHERE h.compound_id = b.id AND h.merged_at IS NULL) AS households, "
                + "(SELECT COUNT(*) FROM household h WHERE h.compound_id = b.id AND h.merged_at IS NULL AND \(special)) AS special", args
        )
    }

    public func compoundsWithoutCadre(community: Int?, specialTags: [String]) throws -> [StoredRecord] {
        let (sizes, sizeArgs) = compoundSizes(specialTags)
        let (comm, commArgs) = inCommunity("b.community_id", community)
        let sql = """
            SELECT b.id, b.name, s.name AS community, \(sizes) FROM compound b JOIN community s ON s.id = b.community_id
            WHERE b.merged_at IS NULL AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.ended_at IS NULL AND a.compound_id = b.id)\(comm)
            ORDER BY b.community_id, b.id
            """
        return try rows(sql, sizeArgs + commArgs)
    }

    public func unvisitedCompounds(_ w: DayWindow, community: Int?, specialTags: [String]) throws -> [StoredRecord] {
        let (sizes, sizeArgs) = compoundSizes(specialTags)
        let (visited, visitArgs) = visitedIn(w, "compound_id", "b.id")
        let (comm, commArgs) = inCommunity("b.community_id", community)
        let sql = """
            SELECT b.id, b.name, s.name AS community, \(sizes),
            (SELECT MAX(v.day) FROM visit v WHERE v.voided_at IS NULL AND v.compound_id = b.id AND v.day < ?) AS last_visit
            FROM compound b JOIN community s ON s.id = b.community_id
            WHERE b.merged_at IS NULL AND NOT \(visited)\(comm) ORDER BY b.community_id, b.id
            """
        return try rows(sql, sizeArgs + [w.from.iso.sqlValue] + visitArgs + commArgs)
    }

    public func unvisitedSpecialHouseholds(_ w: DayWindow, community: Int?, specialTags: [String]) throws -> [StoredRecord] {
        let (special, tagArgs) = anyTag("h.tags", specialTags)
        let (visited, visitArgs) = visitedIn(w, "household_id", "h.id")
        let (comm, commArgs) = inCommunity("h.community_id", community)
        let sql = """
            SELECT h.id, h.address, h.head, \(engine.guardsPhones ? dialect.guardedPhone("household", "h") + " AS phone" : "h.phone"), h.tags, h.compound_id,
            (SELECT MAX(v.day) FROM visit v WHERE v.voided_at IS NULL AND v.household_id = h.id AND v.day < ?) AS last_visit
            FROM household h WHERE h.merged_at IS NULL AND \(special) AND NOT \(visited)\(comm) ORDER BY \(dialect.order("h.community_id")), \(dialect.order("h.compound_id")), h.id
            """
        return try rows(sql, [w.from.iso.sqlValue] + tagArgs + visitArgs + commArgs)
    }

    public func unvisitedEnterprises(_ w: DayWindow, community: Int?) throws -> [StoredRecord] {
        let (visited, visitArgs) = visitedIn(w, "enterprise_id", "e.id")
        let (comm, commArgs) = inCommunity("e.community_id", community)
        let sql = """
            SELECT e.id, e.name, s.name AS community, e.contact,
            (SELECT MAX(v.day) FROM visit v WHERE v.voided_at IS NULL AND v.enterprise_id = e.id AND v.day < ?) AS last_visit
            FROM enterprise e LEFT JOIN community s ON s.id = e.community_id
            WHERE e.merged_at IS NULL AND NOT \(visited)\(comm) ORDER BY \(dialect.order("e.community_id")), e.id
            """
        return try rows(sql, [w.from.iso.sqlValue] + visitArgs + commArgs)
    }

    /// Compounds with open cases, directly or through a household, with how many.
    func issueCompounds(_ finished: [String]) -> (String, [StoreValue]) {
        let marks = finished.map { _ in "?" }.joined(separator: ", ")
        let sql = """
            SELECT COALESCE(c.compound_id, h.compound_id) AS compound_id, COUNT(*) AS open_cases
            FROM cases c LEFT JOIN household h ON h.id = c.household_id
            WHERE c.status NOT IN (\(marks)) AND COALESCE(c.compound_id, h.compound_id) IS NOT NULL
            GROUP BY COALESCE(c.compound_id, h.compound_id)
            """
        return (sql, finished.map { $0.sqlValue })
    }

    public func unvisitedIssueCompounds(_ w: DayWindow, community: Int?, finished: [String]) throws -> [StoredRecord] {
        let (issues, issueArgs) = issueCompounds(finished)
        let (visited, visitArgs) = visitedIn(w, "compound_id", "b.id")
        let (comm, commArgs) = inCommunity("b.community_id", community)
        let sql = """
            SELECT b.id, b.name, s.name AS community, i.open_cases
            FROM (\(issues)) i JOIN compound b ON b.id = i.compound_id JOIN community s ON s.id = b.community_id
            WHERE NOT \(visited)\(comm) ORDER BY b.community_id, b.id
            """
        return try rows(sql, issueArgs + visitArgs + commArgs)
    }

    public func coverageCounts(_ w: DayWindow, community: Int?, specialTags: [String], finished: [String]) throws -> CoverageCounts {
        var c = CoverageCounts()
        let (bComm, bArgs) = inCommunity("b.community_id", community)
        let (compoundVisited, cvArgs) = visitedIn(w, "compound_id", "b.id")
        let assigned = "EXISTS (SELECT 1 FROM assignment a WHERE a.ended_at IS NULL AND a.compound_id = b.id)"
        let compounds = try rows(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN \(assigned) THEN 1 ELSE 0 END), 0) AS assigned,
            COALESCE(SUM(CASE WHEN \(compoundVisited) THEN 1 ELSE 0 END), 0) AS visited FROM compound b WHERE b.merged_at IS NULL\(bComm)
            """, cvArgs + bArgs)
        c.compounds = compounds.first?.int("n") ?? 0
        c.compoundsWithCadre = compounds.first?.int("assigned") ?? 0
        c.compoundsVisited = compounds.first?.int("visited") ?? 0

        let (special, tagArgs) = anyTag("h.tags", specialTags)
        let (hVisited, hvArgs) = visitedIn(w, "household_id", "h.id")
        let (hComm, hArgs) = inCommunity("h.community_id", community)
        let households = try rows(
            """
            SELECT COUNT(*) AS n,
            COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.ended_at IS NULL AND a.compound_id = h.compound_id) THEN 1 ELSE 0 END), 0) AS assigned,
            COALESCE(SUM(CASE WHEN \(hVisited) THEN 1 ELSE 0 END), 0) AS visited FROM household h WHERE h.merged_at IS NULL AND \(special)\(hComm)
            """, hvArgs + tagArgs + hArgs)
        c.special = households.first?.int("n") ?? 0
        c.specialWithCadre = households.first?.int("assigned") ?? 0
        c.specialVisited = households.first?.int("visited") ?? 0

        let (eVisited, evArgs) = visitedIn(w, "enterprise_id", "e.id")
        let (eComm, eArgs) = inCommunity("e.community_id", community)
        let enterprises = try rows(
            "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN \(eVisited) THEN 1 ELSE 0 END), 0) AS visited FROM enterprise e WHERE e.merged_at IS NULL\(eComm)",
            evArgs + eArgs)
        c.enterprises = enterprises.first?.int("n") ?? 0
        c.enterprisesVisited = enterprises.first?.int("visited") ?? 0

        let (issues, issueArgs) = issueCompounds(finished)
        let issueRows = try rows(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN \(compoundVisited) THEN 1 ELSE 0 END), 0) AS visited
            FROM (\(issues)) i JOIN compound b ON b.id = i.compound_id WHERE 1 = 1\(bComm)
            """, cvArgs + issueArgs + bArgs)
        c.issueCompounds = issueRows.first?.int("n") ?? 0
        c.issueCompoundsVisited = issueRows.first?.int("visited") ?? 0
        return c
    }

    public func cadresByCompound(community: Int?) throws -> [Int: [String]] {
        let (comm, args) = inCommunity("a.community_id", community)
        let found = try rows(
            "SELECT a.compound_id, r.name FROM assignment a JOIN cadre r ON r.id = a.cadre_id WHERE a.ended_at IS NULL\(comm) ORDER BY a.compound_id, a.id",
            args)
        var out: [Int: [String]] = [:]
        for r in found {
            if let id = r.int("compound_id"), let name = r.text("name") { out[id, default: []].append(name) }
        }
        return out
    }

    public func campaignTotals(_ w: DayWindow, community: Int?) throws -> CampaignTotals {
        var t = CampaignTotals()
        let days = [w.from.iso.sqlValue, w.to.iso.sqlValue]
        let (vComm, vArgs) = inCommunity("v.community_id", community)
        let visits = try rows(
            """
            SELECT COALESCE(SUM(CASE WHEN v.enterprise_id IS NOT NULL OR v.unit IS NOT NULL THEN 1 ELSE 0 END), 0) AS units,
            COUNT(DISTINCT v.household_id) AS households, COUNT(v.household_id) AS household_visits
            FROM visit v WHERE v.voided_at IS NULL AND v.day >= ? AND v.day <= ?\(vComm)
            """, days + vArgs)
        t.unitVisits = visits.first?.int("units") ?? 0
        t.householdsVisited = visits.first?.int("households") ?? 0
        t.householdVisits = visits.first?.int("household_visits") ?? 0
        for r in try rows("SELECT v.day, COUNT(*) AS n FROM visit v WHERE v.voided_at IS NULL AND v.day >= ? AND v.day <= ?\(vComm) GROUP BY v.day", days + vArgs) {
            if let d = r.text("day").flatMap(Day.parse), !WalkingDays.isWalkingDay(d) { t.offDayVisits += r.int("n") ?? 0 }
        }
        let start = Timestamp(day: w.from).storage, end = Timestamp(day: Day(ordinal: w.to.ordinal + 1)).storage
        let (cComm, cArgs) = inCommunity("c.community_id", community)
        let created = try rows(
            """
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN c.source = 'visit' OR c.visit_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS from_visits
            FROM cases c WHERE c.created_at >= ? AND c.created_at < ?\(cComm)
            """, [start.sqlValue, end.sqlValue] + cArgs)
        t.requests = created.first?.int("n") ?? 0
        t.requestsFromVisits = created.first?.int("from_visits") ?? 0
        let resolved = try rows(
            "SELECT COUNT(*) AS n FROM cases c WHERE c.resolved_at >= ? AND c.resolved_at < ?\(cComm)", [start.sqlValue, end.sqlValue] + cArgs)
        t.resolved = resolved.first?.int("n") ?? 0
        return t
    }

    public func compoundFacts(community: Int?, specialTags: [String], before: Day) throws -> [Int: (special: Int, lastVisit: Day?)] {
        let (special, tagArgs) = anyTag("h.tags", specialTags)
        let (comm, commArgs) = inCommunity("b.community_id", community)
        let found = try rows(
            """
            SELECT b.id, (SELECT COUNT(*) FROM household h WHERE h.compound_id = b.id AND h.merged_at IS NULL AND \(special)) AS special,
            (SELECT MAX(v.day) FROM visit v WHERE v.voided_at IS NULL AND v.compound_id = b.id AND v.day < ?) AS last_visit
            FROM compound b WHERE b.merged_at IS NULL\(comm)
            """, tagArgs + [before.iso.sqlValue] + commArgs)
        var out: [Int: (special: Int, lastVisit: Day?)] = [:]
        for r in found { out[r.id] = (r.int("special") ?? 0, r.text("last_visit").flatMap(Day.parse)) }
        return out
    }
}

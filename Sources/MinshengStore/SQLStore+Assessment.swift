import MinshengCore

/// Supervision, assessment and analysis: every period question is a GROUP BY statement,
/// so the database counts and only one row per unit or group comes back.
extension SQLStore: AssessmentStore {
    /// The case columns the tallies read.
    static let tallyColumns =
        "c.id, c.status, c.respond_due, c.resolve_due, c.responded_at, c.verified_at, c.reported_at, "
        + "c.dispatched_at, c.resolved_at, c.closed_at, c.satisfaction, c.reopen_count"

    /// The cases of a period, each with the unit it belongs to (`unit`), as a derived table.
    /// A duplicate closed as such is the same request counted once, in its original. A case
    /// taken in under the name of a cadre merged into another counts for the one kept.
    func assessedCases(_ unit: AssessedUnit, from: Timestamp, to: Timestamp) -> (String, [StoreValue]) {
        let filter = "c.created_at >= ? AND c.created_at < ? AND (c.outcome IS NULL OR c.outcome <> 'duplicate')"
        let args: [StoreValue] = [from.storage.sqlValue, to.storage.sqlValue]
        let cols = Self.tallyColumns
        switch unit {
        case .department: return ("SELECT c.department_id AS unit, \(cols) FROM cases c WHERE \(filter)", args)
        case .community: return ("SELECT c.community_id AS unit, \(cols) FROM cases c WHERE \(filter)", args)
        case .subdistrict:
            return ("SELECT s.subdistrict_id AS unit, \(cols) FROM cases c LEFT JOIN community s ON s.id = c.community_id WHERE \(filter)", args)
        case .cadre:
            let sql = """
                SELECT v.cadre_id AS unit, \(cols) FROM cases c JOIN visit v ON v.id = c.visit_id WHERE \(filter)
                UNION ALL
                SELECT v.partner_id AS unit, \(cols) FROM cases c JOIN visit v ON v.id = c.visit_id WHERE v.partner_id IS NOT NULL AND \(filter)
                UNION ALL
                SELECT COALESCE(g.merged_into, g.id) AS unit, \(cols) FROM cases c LEFT JOIN visit v ON v.id = c.visit_id LEFT JOIN cadre g ON g.name = c.created_by
                WHERE v.id IS NULL AND \(filter)
                """
            return (sql, args + args + args)
        }
    }

    public func caseTallies(_ unit: AssessedUnit, from: Timestamp, to: Timestamp, now: Timestamp) throws -> [Int?: UnitTally] {
        let (source, args) = assessedCases(unit, from: from, to: to)
        let good = "CASE WHEN u.satisfaction IN ('satisfied', 'basic') THEN 1 ELSE 0 END"
        let cases = """
            SELECT u.unit AS unit, COUNT(*) AS cases,
            SUM(CASE WHEN COALESCE(u.responded_at, u.verified_at, u.reported_at, u.dispatched_at, u.closed_at) <= u.respond_due THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN u.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
            SUM(u.reopen_count + \(good)) AS callbacks,
            SUM(\(good)) AS satisfied,
            SUM(CASE WHEN u.resolved_at > u.resolve_due OR (u.resolved_at IS NULL AND u.status <> 'closed' AND u.resolve_due < ?) THEN 1 ELSE 0 END) AS overdue
            FROM (\(source)) u GROUP BY u.unit
            """
        let checks = """
            SELECT u.unit AS unit, COUNT(*) AS callbacks,
            SUM(CASE WHEN k.result IN ('satisfied', 'basic') THEN 1 ELSE 0 END) AS satisfied
            FROM (\(source)) u JOIN spotcheck_case k ON k.case_id = u.id WHERE k.result IS NOT NULL GROUP BY u.unit
            """
        var out: [Int?: UnitTally] = [:]
        for r in try rows(cases, [now.storage.sqlValue] + args) {
            out[r.int("unit")] = UnitTally(
                cases: r.int("cases") ?? 0, respondedOnTime: r.int("on_time") ?? 0, resolved: r.int("resolved") ?? 0,
                callbacks: r.int("callbacks") ?? 0, satisfied: r.int("satisfied") ?? 0, overdue: r.int("overdue") ?? 0)
        }
        for r in try rows(checks, args) {
            let extra = UnitTally(callbacks: r.int("callbacks") ?? 0, satisfied: r.int("satisfied") ?? 0)
            out[r.int("unit"), default: UnitTally()] = out[r.int("unit"), default: UnitTally()] + extra
        }
        return out
    }

    public func visitCounts(_ unit: AssessedUnit, _ w: DayWindow) throws -> [Int: Int] {
        let days: [StoreValue] = [w.from.iso.sqlValue, w.to.iso.sqlValue]
        let inWindow = "v.day >= ? AND v.day <= ?"
        let sql: String
        var args = days
        switch unit {
        case .community:
            sql = "SELECT v.community_id AS unit, COUNT(*) AS n FROM visit v WHERE v.voided_at IS NULL AND \(inWindow) AND v.community_id IS NOT NULL GROUP BY v.community_id"
        case .subdistrict:
            sql = """
                SELECT s.subdistrict_id AS unit, COUNT(*) AS n FROM visit v JOIN community s ON s.id = v.community_id
                WHERE v.voided_at IS NULL AND \(inWindow) AND s.subdistrict_id IS NOT NULL GROUP BY s.subdistrict_id
                """
        case .cadre:
            sql = """
                SELECT x.unit AS unit, COUNT(*) AS n FROM (
                SELECT v.cadre_id AS unit FROM visit v WHERE v.voided_at IS NULL AND \(inWindow)
                UNION ALL SELECT v.partner_id AS unit FROM visit v WHERE v.voided_at IS NULL AND v.partner_id IS NOT NULL AND \(inWindow)) x GROUP BY x.unit
                """
            args += days
        case .department:
            sql = """
                SELECT g.department_id AS unit, COUNT(DISTINCT v.id) AS n FROM visit v JOIN cadre g ON g.id = v.cadre_id OR g.id = v.partner_id
                WHERE v.voided_at IS NULL AND \(inWindow) AND g.department_id IS NOT NULL GROUP BY g.department_id
                """
        }
        var out: [Int: Int] = [:]
        for r in try rows(sql, args) {
            if let u = r.int("unit") { out[u] = r.int("n") ?? 0 }
        }
        return out
    }

    public func requestCounts(by group: AnalysisGroup, from: Timestamp, to: Timestamp) throws -> [(String, Int)] {
        let inPeriod = "c.created_at >= ? AND c.created_at < ?"
        let sql: String
        switch group {
        case .category: sql = "SELECT c.category AS k, COUNT(*) AS n FROM cases c WHERE \(inPeriod) GROUP BY c.category ORDER BY \(dialect.order("1"))"
        case .source: sql = "SELECT c.source AS k, COUNT(*) AS n FROM cases c WHERE \(inPeriod) GROUP BY c.source ORDER BY \(dialect.order("1"))"
        case .community:
            sql = """
                SELECT (SELECT s.name FROM community s WHERE s.id = g.cid) AS k, g.n AS n FROM (
                SELECT c.community_id AS cid, COUNT(*) AS n FROM cases c WHERE \(inPeriod) GROUP BY c.community_id) g ORDER BY \(dialect.order("g.cid"))
                """
        }
        return try rows(sql, [from.storage.sqlValue, to.storage.sqlValue]).map { ($0.text("k") ?? "", $0.int("n") ?? 0) }
    }

    public func hotSpots(from: Timestamp, windowFrom: Timestamp, to: Timestamp, hot: Int, limit: Int) throws -> [HotSpot] {
        let sql = """
            SELECT g.compound_id AS compound_id, g.category AS category, g.in_period AS in_period, g.in_window AS in_window,
            b.name AS compound, s.name AS community FROM (
            SELECT c.compound_id AS compound_id, c.category AS category, SUM(CASE WHEN c.created_at >= ? THEN 1 ELSE 0 END) AS in_period,
            COUNT(*) AS in_window FROM cases c
            WHERE c.created_at >= ? AND c.created_at < ? AND c.compound_id IS NOT NULL AND c.category <> ''
            GROUP BY c.compound_id, c.category) g
            JOIN compound b ON b.id = g.compound_id LEFT JOIN community s ON s.id = b.community_id
            WHERE g.in_period >= ? OR (g.in_period >= 1 AND g.in_window >= ?)
            ORDER BY g.in_period DESC, g.in_window DESC, g.compound_id, g.category LIMIT ?
            """
        let found = try rows(
            sql,
            [
                from.storage.sqlValue, windowFrom.storage.sqlValue, to.storage.sqlValue, hot.sqlValue,
                (hot + 1).sqlValue, limit.sqlValue,
            ])
        let cases = "SELECT c.id AS id FROM cases c WHERE c.compound_id = ? AND c.category = ? AND c.created_at >= ? AND c.created_at < ? ORDER BY c.id"
        return try found.map { r in
            let ids = try rows(cases, [r["compound_id"].sqlValue, r["category"].sqlValue, from.storage.sqlValue, to.storage.sqlValue])
            return HotSpot(
                compound: r.text("compound") ?? "", community: r.text("community") ?? "", category: r.text("category") ?? "",
                inPeriod: r.int("in_period") ?? 0, inFourWeeks: r.int("in_window") ?? 0, cases: ids.map(\.id))
        }
    }

    public func oldestOpen(before: Timestamp, limit: Int) throws -> [StoredRecord] {
        let sql = """
            SELECT c.id AS id, c.title AS title, c.category AS category, (SELECT s.name FROM community s WHERE s.id = c.community_id) AS community,
            c.status AS status, c.created_at AS created_at, c.resolve_due AS resolve_due FROM cases c
            WHERE c.status NOT IN ('resolved', 'closed') AND c.created_at < ? ORDER BY c.created_at, c.id LIMIT ?
            """
        return try rows(sql, [before.storage.sqlValue, limit.sqlValue])
    }

    public func caseNumbers(_ query: Query, now: Timestamp, _ body: (Int) throws -> Void) throws {
        let c = compileFind(query, now: now, columns: "t.id")
        try withDatabase { db in
            try db.forEachRow(c.sql, c.arguments) { row in
                if case .integer(let id) = row[0] { try body(id) }
            }
        }
    }
}

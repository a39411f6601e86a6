import MinshengCore

extension FieldSpec {
    var isReference: Bool {
        if case .reference = type { return true }
        return false
    }

    /// A grouping where one record falls in several groups: a tag each, a cadre each.
    var groupsPerValue: Bool { type == .tags || fact == .cadre }
}

extension SQLStore {
    /// A fact about the record in row `table` (an alias), as one correlated subquery over
    /// the records that name it; each is served by an index on the naming column
    /// (`visit_by_household`, `assignment_by_compound`, `cases_by_household`).
    func factExpression(_ fact: Fact, table t: String) -> String {
        switch fact {
        case .lastVisit:
            return "(SELECT MAX(x.day) FROM visit x WHERE x.household_id = \(t).id AND x.voided_at IS NULL)"
        case .cadre:
            // For order by: the one assigned first (conditions ask about each: `factCondition`).
            return "(SELECT x.cadre_id FROM assignment x WHERE x.compound_id = \(t).compound_id AND x.ended_at IS NULL ORDER BY x.id LIMIT 1)"
        case .cases:
            return "(SELECT COUNT(*) FROM cases x WHERE x.household_id = \(t).id)"
        case .compounds:
            return "(SELECT COUNT(*) FROM assignment x WHERE x.cadre_id = \(t).id AND x.ended_at IS NULL)"
        case .pairs:
            return "(SELECT COUNT(*) FROM pair x WHERE (x.office_id = \(t).id OR x.community_cadre_id = \(t).id) AND x.ended_at IS NULL)"
        case .visits:
            return "(SELECT COUNT(*) FROM visit x WHERE (x.cadre_id = \(t).id OR x.partner_id = \(t).id) AND x.voided_at IS NULL)"
        }
    }

    /// A reference equal to one value: the record of that id, or every record of that name
    /// (two households may share an address; each is meant, never the first alone).
    func referenceTest(_ f: FieldSpec, _ v: QueryValue, _ expression: String?, _ args: inout [StoreValue]) -> String {
        let c = expression ?? valueExpression(f)
        guard case .reference(let kind) = f.type, case .text(let text) = v else { return "\(c) = ?" }
        if let (k, n) = RecordKind.forID(text), k == kind {
            args.append(.integer(n))
            return "\(c) = ?"
        }
        args.append(.text(text))
        return "\(c) IN (SELECT r.id FROM \(kind.schema.table) r WHERE r.\(kind.schema.titleColumn) = ?)"
    }

    /// A condition on a household's `cadre`: a compound may have several cadres, and the
    /// household is each one's (`cadre = 李梅` finds it when 李梅 is one of them; `is empty`
    /// when none is). Nil for any other condition.
    func factCondition(_ p: Predicate, _ args: inout [StoreValue]) -> String? {
        let live = "SELECT 1 FROM assignment x WHERE x.compound_id = t.compound_id AND x.ended_at IS NULL"
        switch p {
        case .compare(let f, .equal, _) where f.fact == .cadre, .compare(let f, .contains, _) where f.fact == .cadre,
            .inList(let f, _) where f.fact == .cadre:
            return "EXISTS (\(live) AND \(leaf(p, "x.cadre_id", &args)))"
        case .isEmpty(let f) where f.fact == .cadre: return "NOT EXISTS (\(live))"
        default: return nil
        }
    }

    /// A household's cadres by name, in the order they were assigned (`王强, 李梅`).
    func cadreNames(table t: String) -> String {
        dialect.joined(
            "r.name", from: "FROM assignment x JOIN cadre r ON r.id = x.cadre_id WHERE x.compound_id = \(t).compound_id AND x.ended_at IS NULL",
            orderBy: "x.id")
    }

    /// `count households by tags`, `by cadre`: a group per tag, per cadre — a household with
    /// two tags (or two cadres) counts in both, one with none in the empty group. The store
    /// groups by the stored sets of tags (few distinct ones) and by compound, and each
    /// group's count is shared out here, so both engines answer alike without splitting
    /// strings in SQL. Nil when no group holds several values.
    func countByTags(_ query: Query, now: Timestamp) throws -> ResultSet? {
        let positions = query.groups.indices.filter { query.groups[$0].groupsPerValue }
        guard !positions.isEmpty else { return nil }
        var whole = query
        whole.limit = nil
        whole.offset = nil
        let compound = FieldSpec("compound", [], .integer, label: Localized(en: "compound", zh: "楼院"), column: "compound_id")
        for i in positions where query.groups[i].fact == .cadre { whole.groups[i] = compound }
        let c = compileCount(whole, now: now)
        var cadres: [Int: [Int]] = [:]
        var names: [Int: String] = [:]
        let rows = try withDatabase { db -> [[StoreValue]] in
            if positions.contains(where: { query.groups[$0].fact == .cadre }) {
                for r in try db.rows("SELECT compound_id, cadre_id FROM assignment WHERE ended_at IS NULL ORDER BY id") {
                    if case .integer(let b) = r[0], case .integer(let g) = r[1] { cadres[b, default: []].append(g) }
                }
                for r in try db.rows("SELECT id, name FROM cadre") {
                    if case .integer(let g) = r[0] { names[g] = r[1].text }
                }
            }
            return try db.rows(c.sql, c.arguments).map { Array($0.values.prefix(query.groups.count + 1)) }
        }
        func values(_ v: StoreValue, at i: Int) -> [StoreValue] {
            if query.groups[i].fact == .cadre {
                guard case .integer(let b) = v, let ids = cadres[b] else { return [.null] }
                return ids.map { names[$0].map(StoreValue.text) ?? .null }
            }
            let tags = HouseholdTags.decode(v.text ?? "")
            return tags.isEmpty ? [.null] : tags.map { .text(",\($0),") }
        }
        // Groups keep the order the store gave the other columns; within them, tags go in
        // the order `HouseholdTags.encode` keeps (the known ones first), cadres by name, the
        // empty group first.
        var order: [[StoreValue]] = []
        var counts: [[String?]: Int] = [:]
        for row in rows {
            var keys = [Array(row.dropLast())]
            for i in positions { keys = keys.flatMap { k in values(k[i], at: i).map { var e = k; e[i] = $0; return e } } }
            for key in keys {
                if counts[key.map(\.text)] == nil { order.append(key) }
                counts[key.map(\.text), default: 0] += Int(row.last?.text ?? "") ?? 0
            }
        }
        let known = ChoiceSet.householdTag.choices.map(\.value)
        func rank(_ v: StoreValue, at i: Int) -> (Int, [UInt32]) {
            guard let text = v.text else { return (-1, []) }
            if query.groups[i].fact == .cadre { return (0, text.unicodeScalars.map(\.value)) }
            let tag = HouseholdTags.decode(text).first ?? ""
            return (known.firstIndex(of: tag) ?? known.count, tag.unicodeScalars.map(\.value))
        }
        func others(_ key: [StoreValue]) -> [String?] { key.indices.filter { !positions.contains($0) }.map { key[$0].text } }
        var firstSeen: [[String?]: Int] = [:]
        for key in order where firstSeen[others(key)] == nil { firstSeen[others(key)] = firstSeen.count }
        let sorted = order.sorted { a, b in
            let (fa, fb) = (firstSeen[others(a)] ?? 0, firstSeen[others(b)] ?? 0)
            if fa != fb { return fa < fb }
            for i in positions where rank(a[i], at: i) != rank(b[i], at: i) {
                let (ra, rb) = (rank(a[i], at: i), rank(b[i], at: i))
                return ra.0 != rb.0 ? ra.0 < rb.0 : ra.1.lexicographicallyPrecedes(rb.1)
            }
            return false
        }
        var out = sorted.map { $0 + [StoreValue.integer(counts[$0.map(\.text)] ?? 0)] }
        if let limit = query.limit { out = Array(out.prefix(limit)) }
        return ResultSet(columns: query.groups + [Self.countField], rows: out)
    }
}

import MinshengCore

extension FieldSpec {
    var isReference: Bool {
        if case .reference = type { return true }
        return false
    }
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
            // A compound two cadres cover names the one assigned first.
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

    /// `count households by tags`: one group per tag, a record with two tags counted in
    /// both, a record with none in the group with no tag. The store groups by the stored
    /// sets (few distinct ones), and each set's count is shared out to its tags here, so
    /// both engines answer alike without splitting strings in SQL. Nil when no group is a
    /// set of tags.
    func countByTags(_ query: Query, now: Timestamp) throws -> ResultSet? {
        guard let position = query.groups.firstIndex(where: { $0.type == .tags }) else { return nil }
        var whole = query
        whole.limit = nil
        whole.offset = nil
        let c = compileCount(whole, now: now)
        let rows = try withDatabase { db in try db.rows(c.sql, c.arguments).map { Array($0.values.prefix(query.groups.count + 1)) } }
        // Groups keep the order the store gave the other columns; within them, tags go in
        // the order `HouseholdTags.encode` keeps (the known ones first), no tag first.
        var order: [[StoreValue]] = []
        var counts: [[String?]: Int] = [:]
        for row in rows {
            let n = Int(row.last?.text ?? "") ?? 0
            let tags = HouseholdTags.decode(row[position].text ?? "")
            for tag in tags.isEmpty ? [StoreValue.null] : tags.map({ StoreValue.text(",\($0),") }) {
                var key = Array(row.dropLast())
                key[position] = tag
                if counts[key.map(\.text)] == nil { order.append(key) }
                counts[key.map(\.text), default: 0] += n
            }
        }
        let known = ChoiceSet.householdTag.choices.map(\.value)
        func rank(_ v: StoreValue) -> (Int, String) {
            guard let tag = v.text.flatMap({ HouseholdTags.decode($0).first }) else { return (-1, "") }
            return (known.firstIndex(of: tag) ?? known.count, tag)
        }
        func others(_ key: [StoreValue]) -> [String?] { key.enumerated().filter { $0.offset != position }.map(\.element.text) }
        var firstSeen: [[String?]: Int] = [:]
        for key in order where firstSeen[others(key)] == nil { firstSeen[others(key)] = firstSeen.count }
        let sorted = order.sorted { a, b in
            let (fa, fb) = (firstSeen[others(a)] ?? 0, firstSeen[others(b)] ?? 0)
            if fa != fb { return fa < fb }
            return rank(a[position]) < rank(b[position])
        }
        var out = sorted.map { $0 + [StoreValue.integer(counts[$0.map(\.text)] ?? 0)] }
        if let limit = query.limit { out = Array(out.prefix(limit)) }
        let countField = FieldSpec("count", ["数量"], .integer, label: Localized(en: "count", zh: "数量"), column: nil)
        return ResultSet(columns: query.groups + [countField], rows: out)
    }
}

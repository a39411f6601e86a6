import MinshengCore

extension SQLStore {
    public func placement(_ kind: RecordKind, id: Int) throws -> Placement {
        let sub = subdistrictSQL(kind, id: "?")
        let community = kind == .community ? "CAST(? AS INTEGER)" : referenceSQL(kind, to: .community, id: "?")
        let department = kind == .department ? "CAST(? AS INTEGER)" : referenceSQL(kind, to: .department, id: "?")
        var columns: [String] = [], arguments: [StoreValue] = []
        for (name, sql) in [("s", sub), ("c", community), ("d", department)] {
            columns.append("\(sql ?? "NULL") AS \(name)")
            if sql != nil { arguments.append(.integer(id)) }
        }
        return try withDatabase { db in
            let row = try db.rows("SELECT " + columns.joined(separator: ", "), arguments).first
            var p = Placement(subdistrict: row?.int("s"), community: row?.int("c"), departments: row?.int("d").map { [$0] } ?? [])
            if kind == .case {
                // A case is the business of every department it is dispatched to and has not returned.
                for d in try db.ints("SELECT department_id FROM case_dispatch WHERE case_id = ? AND returned_at IS NULL", [.integer(id)])
                where !p.departments.contains(d) {
                    p.departments.append(d)
                }
            }
            if p.subdistrict == nil, let c = p.community {
                p.subdistrict = try db.int(subdistrictSQL(.community, id: "?") ?? "NULL", [.integer(c)])
            }
            return p
        }
    }

    /// The record of kind `target` a record refers to, as SQL over its id: its own column
    /// when it has one, else through the records it refers to (not through a cadre, whose
    /// community is not the record's), the nearest first; nil when no path leads there.
    func referenceSQL(_ kind: RecordKind, to target: RecordKind, id: String, depth: Int = 0) -> String? {
        guard depth < 3, let schema = RecordSchema.all.first(where: { $0.kind == kind }) else { return nil }
        let r = "p\(depth)"
        var direct: [String] = [], through: [String] = []
        for field in schema.fields where field.through == nil {
            guard let column = field.column, case .reference(let k) = field.type, k != kind else { continue }
            if k == target {
                direct.append("\(r).\(column)")
            } else if k != .cadre && k != .grant && k != .subdistrict, let path = referenceSQL(k, to: target, id: "\(r).\(column)", depth: depth + 1) {
                through.append(path)
            }
        }
        let paths = direct + through
        guard !paths.isEmpty else { return nil }
        return "(SELECT COALESCE(\(paths.joined(separator: ", ")), NULL) FROM \(schema.table) \(r) WHERE \(r).id = \(id))"
    }

    public func enrol(login: String) throws {
        try withWriting { db in try engine.enrol(login: login, db) }
    }
}

import MinshengCore

/// One column of a table that names a record of a kind that can be merged: when two records
/// entered for one are merged, the column moves from the duplicate to the record kept.
struct MergeLink {
    /// The kind whose table has the column.
    var kind: RecordKind
    var column: String
    /// The columns that, with `column`, must be unique together (an assignment's cadre and
    /// compound): a row whose twin the kept record already has cannot move.
    var unique: [String] = []
    /// Columns copied from the kept record as the link moves, so that what the row repeats
    /// of it stays true (a visit's compound is its household's).
    var follow: [String] = []
    /// A column keeping a copy of the record's name beside the link (a case's supervisor).
    var title: String? = nil
    /// A column that must hold this value for the row to be a link at all (a notice names
    /// its target by kind and id).
    var only: (column: String, value: String)? = nil

    var table: String { kind.schema.table }
}

extension SQLStore {
    /// A case's dispatches (a table of the case commands, not a kind users name).
    static let caseDispatch = RecordKind(rawValue: "case_dispatch")

    /// Every column that names a record of each kind that can be merged, as the migrations
    /// declare them (`REFERENCES`; a notice's target by kind and id). A record merged into
    /// the duplicate earlier moves on to the kept one too. `MergeLinkTests` checks the list
    /// against the schema, so a new migration's column cannot be forgotten here.
    static let mergeLinks: [RecordKind: [MergeLink]] = [
        .compound: [
            MergeLink(kind: .household, column: "compound_id", unique: ["address"]), MergeLink(kind: .enterprise, column: "compound_id"),
            MergeLink(kind: .case, column: "compound_id"), MergeLink(kind: .visit, column: "compound_id"),
            MergeLink(kind: .assignment, column: "compound_id", unique: ["cadre_id"]), MergeLink(kind: .compound, column: "merged_into"),
        ],
        .household: [
            MergeLink(kind: .case, column: "household_id", follow: ["compound_id"]), MergeLink(kind: .visit, column: "household_id", follow: ["compound_id"]),
            MergeLink(kind: .household, column: "merged_into"),
        ],
        .enterprise: [MergeLink(kind: .visit, column: "enterprise_id", follow: ["compound_id"]), MergeLink(kind: .enterprise, column: "merged_into")],
        .cadre: [
            MergeLink(kind: .visit, column: "cadre_id"), MergeLink(kind: .visit, column: "partner_id"),
            MergeLink(kind: .assignment, column: "cadre_id", unique: ["compound_id"]),
            MergeLink(kind: .pair, column: "office_id", unique: ["community_cadre_id"]),
            MergeLink(kind: .pair, column: "community_cadre_id", unique: ["office_id"]),
            MergeLink(kind: .leaderLink, column: "leader_id", unique: ["community_id"]),
            MergeLink(kind: .case, column: "supervisor_id", title: "supervisor_name"), MergeLink(kind: .grant, column: "cadre_id"),
            MergeLink(kind: .notice, column: "target_id", title: "target_name", only: ("target_kind", RecordKind.cadre.rawValue)),
            MergeLink(kind: .cadre, column: "merged_into"),
        ],
        .community: [
            MergeLink(kind: .compound, column: "community_id"), MergeLink(kind: .household, column: "community_id"),
            MergeLink(kind: .enterprise, column: "community_id"), MergeLink(kind: .cadre, column: "community_id"),
            MergeLink(kind: .case, column: "community_id"), MergeLink(kind: caseDispatch, column: "community_id"),
            MergeLink(kind: .visit, column: "community_id"), MergeLink(kind: .assignment, column: "community_id"),
            MergeLink(kind: .pair, column: "community_id"), MergeLink(kind: .leaderLink, column: "community_id", unique: ["leader_id"]),
            MergeLink(kind: .meeting, column: "community_id"), MergeLink(kind: .grant, column: "community_id"),
            MergeLink(kind: .notice, column: "target_id", title: "target_name", only: ("target_kind", RecordKind.community.rawValue)),
            MergeLink(kind: .community, column: "merged_into"),
        ],
        .department: [
            MergeLink(kind: .cadre, column: "department_id"), MergeLink(kind: .case, column: "department_id"),
            MergeLink(kind: .case, column: "lead_department_id"), MergeLink(kind: caseDispatch, column: "department_id"),
            MergeLink(kind: .grant, column: "department_id"),
            MergeLink(kind: .notice, column: "target_id", title: "target_name", only: ("target_kind", RecordKind.department.rawValue)),
            MergeLink(kind: .department, column: "merged_into"),
        ],
    ]

    /// `y`, a row of the link's table, is the kept record's twin of `x`: it names the kept
    /// record (the argument) and has the same values in the columns unique with the link.
    func twin(_ link: MergeLink) -> String {
        (["y.\(link.column) = ?"] + link.unique.map { "y.\($0) = x.\($0)" }).joined(separator: " AND ")
    }

    /// The rows `x` of `link` that name `duplicate` and can move to `kept` (those whose twin
    /// the kept record has stay), as a condition and its arguments.
    func movableRows(_ link: MergeLink, duplicate: Int, kept: Int) -> (String, [StoreValue]) {
        var sql = "x.\(link.column) = ?"
        var args: [StoreValue] = [duplicate.sqlValue]
        if let only = link.only {
            sql += " AND x.\(only.column) = ?"
            args.append(only.value.sqlValue)
        }
        guard !link.unique.isEmpty else { return (sql, args) }
        return (sql + " AND NOT EXISTS (SELECT 1 FROM \(link.table) y WHERE \(twin(link)))", args + [kept.sqlValue])
    }

    public func mergeClashes(_ kind: RecordKind, duplicate: Int, into kept: Int) throws -> [MergeClash] {
        try withDatabase { db in
            var out: [MergeClash] = []
            for link in Self.mergeLinks[kind] ?? [] where !link.unique.isEmpty {
                let sql =
                    "SELECT x.id AS x_id, y.id AS y_id FROM \(link.table) x JOIN \(link.table) y ON \(twin(link)) WHERE x.\(link.column) = ? ORDER BY x.id"
                for r in try db.rows(sql, [kept.sqlValue, duplicate.sqlValue]) {
                    if let x = r.int("x_id"), let y = r.int("y_id") { out.append(MergeClash(kind: link.kind, duplicateRow: x, keptRow: y)) }
                }
            }
            return out
        }
    }

    public func merge(_ kind: RecordKind, duplicate: Int, into kept: Int, at: Timestamp, by: String, reason: String) throws -> [(kind: RecordKind, rows: Int)] {
        try withWriting { db in
            let links = Self.mergeLinks[kind] ?? []
            let copied = Array(Set(links.flatMap(\.follow))).sorted()
            let titleColumn = kind.schema.titleColumn
            let keptRow = try db.rows("SELECT \(([titleColumn] + copied).joined(separator: ", ")) FROM \(kind.schema.table) WHERE id = ?", [kept.sqlValue])
                .first
            var moved: [(kind: RecordKind, rows: Int)] = []
            for link in links {
                let (condition, args) = movableRows(link, duplicate: duplicate, kept: kept)
                let ids = try db.ints("SELECT x.id FROM \(link.table) x WHERE \(condition) ORDER BY x.id" + dialect.rowLock(of: "x"), args)
                guard !ids.isEmpty else {
                    // (A server may hide from FOR UPDATE the rows the login may not change.)
                    try checkMoved(link.table, condition, args, db)
                    continue
                }
                var values: [(String, StoreValue)] = [(link.column, kept.sqlValue)]
                values += link.follow.map { ($0, keptRow?[$0] ?? .null) }
                if let title = link.title { values.append((title, keptRow?[titleColumn] ?? .null)) }
                let sql = "UPDATE \(link.table) SET \(values.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?"
                for id in ids {
                    try db.execute(sql, values.map(\.1) + [id.sqlValue])
                    touch(link.table, id)
                }
                try checkMoved(link.table, condition, args, db)
                if let i = moved.firstIndex(where: { $0.kind == link.kind }) {
                    moved[i].rows += ids.count
                } else {
                    moved.append((link.kind, ids.count))
                }
            }
            try db.execute(
                "UPDATE \(kind.schema.table) SET merged_into = ?, merged_at = ?, merged_by = ?, merge_reason = ? WHERE id = ?",
                [kept.sqlValue, at.storage.sqlValue, by.sqlValue, reason.sqlValue, duplicate.sqlValue])
            touch(kind.schema.table, duplicate)
            try checkMoved(kind.schema.table, "x.id = ? AND x.merged_into IS NULL", [duplicate.sqlValue], db)
            return moved
        }
    }

    /// Refuses a merge that the server carried out only in part: row-level security lets an
    /// UPDATE pass over the rows a login may read but not write, without a word, and a merge
    /// half done would leave links on the duplicate that nothing lists any more.
    func checkMoved(_ table: String, _ condition: String, _ args: [StoreValue], _ db: SQLConnection) throws {
        let left = try db.int("SELECT COUNT(*) FROM \(table) x WHERE \(condition)", args) ?? 0
        guard left > 0 else { return }
        throw ScriptError(
            .runtime,
            Localized(
                en: "not allowed by the server: this login may not change \(left) \(table) \(left == 1 ? "row" : "rows") the merge moves",
                zh: "服务器拒绝：此登录名无权修改合并须移交的 \(left) 条 \(table) 记录"),
            hint: Localized(
                en: "a merge needs a role that writes the records linked to it too (a subdistrict cadre's, beside admin)",
                zh: "合并还需要能修改其关联记录的角色（除管理员外，另需街道干部角色）"))
    }
}

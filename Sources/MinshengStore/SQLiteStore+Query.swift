import GRDB
import MinshengCore

/// A compiled query: SQL text with `?` placeholders and the values to bind.
struct CompiledSQL {
    var sql: String
    var arguments: [DatabaseValue]
}

extension SQLiteStore {
    var dialect: SQLDialect { .sqlite }

    /// The expression that selects a field for display.
    func selectExpression(_ f: FieldSpec, table: String) -> String {
        guard let column = f.column else { return "NULL" }
        if case .reference(let kind) = f.type {
            return "(SELECT r.\(kind.schema.titleColumn) FROM \(kind.schema.table) r WHERE r.id = \(table).\(column))"
        }
        return "\(table).\(column)"
    }

    /// Compiles a `find` into one statement.
    /// (`columns` replaces the listed fields, e.g. `t.*` for `scan`.)
    func compileFind(_ q: Query, now: Timestamp, columns: String? = nil) -> CompiledSQL {
        let s = q.kind.schema
        let fields = s.fields.filter { $0.listed }
        var args: [DatabaseValue] = []
        let selected = columns ?? fields.map { selectExpression($0, table: "t") }.joined(separator: ", ")
        var sql = "SELECT \(selected) FROM \(s.table) t"
        if let p = q.predicate { sql += " WHERE " + compile(p, &args) }
        let order = q.ordering.isEmpty ? [Ordering(field: s.fields[0], descending: false)] : q.ordering
        sql += " ORDER BY " + order.map { "t.\($0.field.column ?? "id")\($0.descending ? " DESC" : "")" }.joined(separator: ", ")
        if !q.ordering.isEmpty { sql += ", t.id" }
        if let limit = q.limit {
            sql += " LIMIT ?"
            args.append(limit.databaseValue)
            if let offset = q.offset {
                sql += " OFFSET ?"
                args.append(offset.databaseValue)
            }
        }
        return CompiledSQL(sql: sql, arguments: args)
    }

    /// Compiles a `count` into one statement. Groups are formed on the stored columns
    /// (ids for references) and only the groups' names are looked up afterwards, so a
    /// count over a million rows does one lookup per group, not per row.
    func compileCount(_ q: Query, now: Timestamp) -> CompiledSQL {
        let s = q.kind.schema
        var args: [DatabaseValue] = []
        let filter = q.predicate.map { " WHERE " + compile($0, &args) } ?? ""
        guard !q.groups.isEmpty else { return CompiledSQL(sql: "SELECT COUNT(*) FROM \(s.table) t" + filter, arguments: args) }
        let columns = q.groups.enumerated().map { "t.\($1.column ?? "id") AS c\($0)" }
        var inner = "SELECT \((columns + ["COUNT(*) AS n"]).joined(separator: ", ")) FROM \(s.table) t" + filter
        let positions = (1...columns.count).map(String.init).joined(separator: ", ")
        inner += " GROUP BY \(positions)"
        let outer = q.groups.enumerated().map { i, f -> String in
            if case .reference(let kind) = f.type {
                return "(SELECT r.name FROM \(kind.schema.table) r WHERE r.id = g.c\(i))"
            }
            return "g.c\(i)"
        }
        let sql = "SELECT \((outer + ["g.n"]).joined(separator: ", ")) FROM (\(inner)) g ORDER BY \(positions)"
        return CompiledSQL(sql: sql, arguments: args)
    }

    func compile(_ p: Predicate, _ args: inout [DatabaseValue]) -> String {
        switch p {
        case .and(let a, let b): return "(\(compile(a, &args)) AND \(compile(b, &args)))"
        case .or(let a, let b): return "(\(compile(a, &args)) OR \(compile(b, &args)))"
        case .not(let a): return "NOT (\(compile(a, &args)))"
        case .isEmpty(let f):
            let c = "t.\(f.column ?? "id")"
            return "(\(c) IS NULL OR \(c) = '')"
        case .range(let f, let lo, let hi):
            args.append(bindable(lo))
            args.append(bindable(hi))
            let c = "t.\(f.column ?? "id")"
            return "(\(c) >= ? AND \(c) < ?)"
        case .inList(let f, let values):
            let c = column(f, &args, values: values)
            return "\(c.0) IN (\(c.1.joined(separator: ", ")))"
        case .compare(let f, let op, let v):
            if op == .contains {
                args.append(bindable(v))
                return dialect.contains("t.\(f.column ?? "id")")
            }
            let (c, placeholders) = column(f, &args, values: [v])
            return "\(c) \(op.rawValue) \(placeholders[0])"
        }
    }

    /// The column a predicate compares, and a placeholder per value; a reference given
    /// by name compares against the named record's id.
    func column(_ f: FieldSpec, _ args: inout [DatabaseValue], values: [QueryValue]) -> (String, [String]) {
        let c = "t.\(f.column ?? "id")"
        var placeholders: [String] = []
        for v in values {
            if case .reference(let kind) = f.type, case .text(let text) = v {
                if let (k, n) = RecordKind.forID(text), k == kind {
                    args.append(n.databaseValue)
                    placeholders.append("?")
                } else {
                    args.append(text.databaseValue)
                    placeholders.append("(SELECT r.id FROM \(kind.schema.table) r WHERE r.\(kind.schema.titleColumn) = ?)")
                }
            } else if f.name == "id", case .text(let text) = v, let (_, n) = RecordKind.forID(text) {
                args.append(n.databaseValue)
                placeholders.append("?")
            } else {
                args.append(bindable(v))
                placeholders.append("?")
            }
        }
        return (c, placeholders)
    }

    func bindable(_ v: QueryValue) -> DatabaseValue {
        switch v {
        case .text(let s): return s.databaseValue
        case .integer(let n): return n.databaseValue
        case .time(let t): return t.storage.databaseValue
        }
    }

    public func find(_ query: Query, now: Timestamp) throws -> ResultSet {
        let c = compileFind(query, now: now)
        let fields = query.kind.schema.fields.filter { $0.listed }
        return try withDatabase { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: c.sql), arguments: StatementArguments(c.arguments))
            var out: [[StoreValue]] = []
            while let row = try rows.next() { out.append(values(of: row, count: fields.count)) }
            return ResultSet(columns: fields, rows: out)
        }
    }

    public func scan(_ query: Query, now: Timestamp, _ body: (StoredRecord) throws -> Void) throws {
        let c = compileFind(query, now: now, columns: "t.*")
        try withDatabase { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: c.sql), arguments: StatementArguments(c.arguments))
            while let row = try rows.next() {
                var values: [String: StoreValue] = [:]
                for (column, value) in row { values[column] = StoreValue(value) }
                try body(StoredRecord(values))
            }
        }
    }

    public func count(_ query: Query, now: Timestamp) throws -> ResultSet {
        let c = compileCount(query, now: now)
        let countField = FieldSpec("count", ["数量"], .integer, label: Localized(en: "count", zh: "数量"), column: nil)
        let columns = query.groups + [countField]
        return try withDatabase { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: c.sql), arguments: StatementArguments(c.arguments))
            return ResultSet(columns: columns, rows: rows.map { values(of: $0, count: columns.count) })
        }
    }

    public func explain(_ query: Query, counting: Bool, now: Timestamp) throws -> [String] {
        let c = counting ? compileCount(query, now: now) : compileFind(query, now: now)
        return try withDatabase { db in
            let plan = try Row.fetchAll(db, sql: dialect.explainPrefix() + c.sql, arguments: StatementArguments(c.arguments))
            var lines = ["SQL: " + c.sql]
            if !c.arguments.isEmpty {
                lines.append("parameters: " + c.arguments.map { $0.description }.joined(separator: ", "))
            }
            lines.append("plan:")
            for row in plan {
                let detail: String = row["detail"] ?? ""
                lines.append("  " + detail)
            }
            return lines
        }
    }
}

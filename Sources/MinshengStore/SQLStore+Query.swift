import MinshengCore

/// A compiled query: SQL text with `?` placeholders and the values to bind.
struct CompiledSQL {
    var sql: String
    var arguments: [StoreValue]
}

extension SQLStore {
    /// Tables whose rows may be voided (`voided_at`): a voided row counts as no row.
    static let voidableTables: Set<String> = ["visit"]

    /// The expression for a field's stored value in a row of `table` (an alias): its column,
    /// or for a field read through another record, that record's column.
    func valueExpression(_ f: FieldSpec, table: String = "t") -> String {
        if let fact = f.fact { return factExpression(fact, table: table) }
        guard let column = f.column else {
            if case .computed(let c) = f.type, let e = computedExpression(c, table: table) { return e }
            return "\(table).id"
        }
        if let via = f.through {
            return "(SELECT v.\(column) FROM \(via.kind.schema.table) v WHERE v.id = \(table).\(via.column))"
        }
        if f.type == .phone, engine.guardsPhones, let phoneTable { return dialect.guardedPhone(phoneTable, table) }
        return "\(table).\(column)"
    }

    /// The SQL value of a computed field that has one without the clock (a duration, in
    /// seconds), in a row of `table`; nil for those the parser rewrites into conditions on
    /// stored columns (`age`, `overdue`).
    func computedExpression(_ c: ComputedField, table: String) -> String? {
        switch c {
        case .daysToResolve: return "(\(dialect.epochSeconds("\(table).resolved_at")) - \(dialect.epochSeconds("\(table).created_at")))"
        case .responseTime: return "(\(dialect.epochSeconds("\(table).responded_at")) - \(dialect.epochSeconds("\(table).created_at")))"
        default: return nil
        }
    }

    /// Every column of `table` for a select list (`alias.*`), but a phone column the
    /// database keeps from the login read through its function.
    func allColumns(_ table: String, alias: String) throws -> String {
        guard engine.guardsPhones else { return "\(alias).*" }
        if columnLists[table] == nil { columnLists[table] = try engine.columnNames(table) }
        return (columnLists[table] ?? []).map { $0 == "phone" ? "\(dialect.guardedPhone(table, alias)) AS phone" : "\(alias).\($0)" }
            .joined(separator: ", ")
    }

    /// The expression that selects a field for display.
    func selectExpression(_ f: FieldSpec, table: String) -> String {
        guard f.column != nil || f.fact != nil else { return "NULL" }
        if f.fact == .cadre { return cadreNames(table: table) }
        if case .reference(let kind) = f.type {
            return "(SELECT r.\(kind.schema.titleColumn) FROM \(kind.schema.table) r WHERE r.id = \(valueExpression(f, table: table)))"
        }
        return valueExpression(f, table: table)
    }

    /// Compiles a `find` into one statement.
    /// (`columns` replaces the listed fields, e.g. `t.*` for `scan`.)
    func compileFind(_ q: Query, now: Timestamp, columns: String? = nil) -> CompiledSQL {
        let s = q.kind.schema
        phoneTable = s.table
        let fields = s.fields.filter { $0.listed }
        var args: [StoreValue] = []
        let selected = columns ?? fields.map { selectExpression($0, table: "t") }.joined(separator: ", ")
        var sql = "SELECT \(selected) FROM \(s.table) t"
        if let p = q.predicate { sql += " WHERE " + compile(p, &args) }
        let order = q.ordering.isEmpty ? [Ordering(field: s.fields[0], descending: false)] : q.ordering
        sql += " ORDER BY " + order.map { dialect.order(valueExpression($0.field), descending: $0.descending) }.joined(separator: ", ")
        if !q.ordering.isEmpty { sql += ", t.id" }
        sql += limitClause(q, &args)
        return CompiledSQL(sql: sql, arguments: args)
    }

    /// ` LIMIT ? [OFFSET ?]` as the query asks, its values appended to `args`.
    func limitClause(_ q: Query, _ args: inout [StoreValue]) -> String {
        guard let limit = q.limit else { return "" }
        args.append(.integer(limit))
        guard let offset = q.offset else { return " LIMIT ?" }
        args.append(.integer(offset))
        return " LIMIT ? OFFSET ?"
    }

    func compile(_ p: Predicate, _ args: inout [StoreValue]) -> String {
        if let fact = factCondition(p, &args) { return fact }
        switch p {
        case .and(let a, let b): return "(\(compile(a, &args)) AND \(compile(b, &args)))"
        case .or(let a, let b): return "(\(compile(a, &args)) OR \(compile(b, &args)))"
        // A comparison with an empty field is false, so its negation holds there
        // (`dept != 城管科` counts the cases with no department): NULL is false under `not`.
        case .not(let a): return "NOT COALESCE((\(compile(a, &args))), FALSE)"
        case .compare(let f, .notEqual, let v): return compile(.not(.compare(f, .equal, v)), &args)
        case .exists(let table, let column):
            // A voided row (a visit logged twice) is no evidence of anything.
            let live = Self.voidableTables.contains(table) ? " AND x.voided_at IS NULL" : ""
            return "EXISTS (SELECT 1 FROM \(table) x WHERE x.\(column) = t.id\(live))"
        case .isEmpty(let f):
            let c = valueExpression(f)
            // A number or a reference is empty only as NULL: PostgreSQL refuses to compare
            // one with ''.
            switch f.type {
            case .reference, .integer, .decimal, .percent, .computed: return "\(c) IS NULL"
            default: return "(\(c) IS NULL OR \(c) = '')"
            }
        case .range(let f, let lo, let hi):
            args.append(bindable(lo))
            args.append(bindable(hi))
            let c = valueExpression(f)
            return "(\(c) >= ? AND \(c) < ?)"
        case .compareFields(let a, let op, let b):
            return "\(valueExpression(a)) \(op.rawValue) \(valueExpression(b))"
        case .inList(let f, _) where isCaseDepartment(f), .compare(let f, .equal, _) where isCaseDepartment(f),
            .compare(let f, .contains, _) where isCaseDepartment(f):
            // A case's departments: its lead and every department it is dispatched to (and
            // has not returned it), so a co-department finds the cases it shares.
            let own = leaf(p, "t.department_id", &args), shared = leaf(p, "d.department_id", &args)
            return "(\(own) OR t.id IN (SELECT d.case_id FROM case_dispatch d WHERE d.returned_at IS NULL AND \(shared)))"
        case .inList, .compare: return leaf(p, nil, &args)
        }
    }

    /// Whether `f` is a case's department (the lead's column), in a query over cases.
    func isCaseDepartment(_ f: FieldSpec) -> Bool {
        phoneTable == "cases" && f.column == "department_id" && f.through == nil
    }

    /// A comparison or list on one field, over `expression` (the field's own column when nil).
    func leaf(_ p: Predicate, _ expression: String?, _ args: inout [StoreValue]) -> String {
        switch p {
        case .inList(let f, let values) where f.isReference:
            return "(" + values.map { referenceTest(f, $0, expression, &args) }.joined(separator: " OR ") + ")"
        case .compare(let f, .equal, let v) where f.isReference:
            return referenceTest(f, v, expression, &args)
        case .inList(let f, let values):
            let c = column(f, &args, values: values, expression: expression)
            return "\(c.0) IN (\(c.1.joined(separator: ", ")))"
        case .compare(let f, let op, let v):
            let e = expression ?? valueExpression(f)
            if op == .contains {
                args.append(bindable(v))
                // A reference matches by its record's name (`community ~ 六里屯`), never its number.
                if case .reference(let kind) = f.type {
                    let name = "r.\(kind.schema.titleColumn)"
                    return "\(e) IN (SELECT r.id FROM \(kind.schema.table) r WHERE \(dialect.contains(name)))"
                }
                return dialect.contains(e)
            }
            let (c, placeholders) = column(f, &args, values: [v], expression: expression)
            // An empty text is no value: it is neither less nor more than anything.
            if f.type == .text && op != .equal { return "(\(c) \(op.rawValue) \(placeholders[0]) AND \(c) <> '')" }
            return "\(c) \(op.rawValue) \(placeholders[0])"
        default: return compile(p, &args)
        }
    }

    /// The column a predicate compares, and a placeholder per value; a reference given
    /// by name compares against the named record's id.
    func column(_ f: FieldSpec, _ args: inout [StoreValue], values: [QueryValue], expression: String? = nil) -> (String, [String]) {
        let c = expression ?? valueExpression(f)
        var placeholders: [String] = []
        for v in values {
            if case .reference(let kind) = f.type, case .text(let text) = v {
                if let (k, n) = RecordKind.forID(text), k == kind {
                    args.append(.integer(n))
                    placeholders.append("?")
                } else {
                    args.append(.text(text))
                    placeholders.append("(SELECT r.id FROM \(kind.schema.table) r WHERE r.\(kind.schema.titleColumn) = ?)")
                }
            } else if f.name == "id", case .text(let text) = v, let (_, n) = RecordKind.forID(text) {
                args.append(.integer(n))
                placeholders.append("?")
            } else {
                args.append(bindable(v))
                placeholders.append("?")
            }
        }
        return (c, placeholders)
    }

    func bindable(_ v: QueryValue) -> StoreValue {
        switch v {
        case .text(let s): return .text(s)
        case .integer(let n): return .integer(n)
        case .time(let t): return .text(t.storage)
        }
    }

    public func find(_ query: Query, now: Timestamp) throws -> ResultSet {
        let c = compileFind(query, now: now)
        let fields = query.kind.schema.fields.filter { $0.listed }
        return try withDatabase { db in
            var out: [[StoreValue]] = []
            try db.forEachRow(c.sql, c.arguments) { out.append(Array($0.values.prefix(fields.count))) }
            return ResultSet(columns: fields, rows: out)
        }
    }

    public func scan(_ query: Query, now: Timestamp, _ body: (StoredRecord) throws -> Void) throws {
        let c = compileFind(query, now: now, columns: try allColumns(query.kind.schema.table, alias: "t"))
        try withDatabase { db in
            try db.forEachRow(c.sql, c.arguments) { try body($0.record) }
        }
    }

    public func explain(_ query: Query, counting: Bool, now: Timestamp) throws -> [String] {
        let c = counting ? compileCount(query, now: now) : compileFind(query, now: now)
        let plan = try engine.plan(c.sql, c.arguments)
        var lines = ["SQL: " + c.sql]
        if !c.arguments.isEmpty {
            lines.append("parameters: " + c.arguments.map(\.sqlLiteral).joined(separator: ", "))
        }
        lines.append("plan:")
        for step in plan { lines.append("  " + step) }
        return lines
    }
}

extension StoreValue {
    /// The value as `explain` lists it and the records digest hashes it (`"城建科"`, `42`, `NULL`).
    var sqlLiteral: String {
        switch self {
        case .null: return "NULL"
        case .integer(let n): return String(n)
        case .real(let d): return String(d)
        case .text(let s): return s.debugDescription
        }
    }
}

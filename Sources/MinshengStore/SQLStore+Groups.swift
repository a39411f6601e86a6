import MinshengCore

/// `count`: one number, or groups with their counts and aggregates.
///
/// Aggregates are read as exact integers — sums, counts, minima and maxima of whole
/// numbers or of seconds — and divided here, so an average shows the same tenth on SQLite
/// (floating point) and PostgreSQL (numeric); `having` compares the same integers.
extension SQLStore {
    /// Compiles a `count` into one statement. Groups are formed on the stored columns
    /// (ids for references) and only the groups' names are looked up afterwards, so a
    /// count over a million rows does one lookup per group, not per row.
    func compileCount(_ q: Query, now: Timestamp) -> CompiledSQL {
        let s = q.kind.schema
        phoneTable = s.table
        var selectArgs: [StoreValue] = [], whereArgs: [StoreValue] = [], havingArgs: [StoreValue] = [], tailArgs: [StoreValue] = []
        let filter = q.predicate.map { " WHERE " + compile($0, &whereArgs) } ?? ""
        guard q.isTabular else { return CompiledSQL(sql: "SELECT COUNT(*) FROM \(s.table) t" + filter, arguments: whereArgs) }
        let aggregates = q.aggregates
        var columns = q.groupings.enumerated().map { "\(groupExpression($1)) AS c\($0)" }
        columns.append("COUNT(*) AS n")
        for (i, a) in aggregates.enumerated() {
            let x = rowExpression(a.field, now: now, &selectArgs)
            switch a.function {
            case .avg: columns += ["SUM(\(x)) AS a\(i)", "COUNT(\(rowExpression(a.field, now: now, &selectArgs))) AS b\(i)"]
            case .sum, .min, .max: columns.append("\(a.function.rawValue.uppercased())(\(x)) AS a\(i)")
            }
        }
        var inner = "SELECT \(columns.joined(separator: ", ")) FROM \(s.table) t" + filter
        if !q.groupings.isEmpty {
            inner += " GROUP BY " + (1...q.groupings.count).map(String.init).joined(separator: ", ")
        }
        if !q.having.isEmpty {
            inner += " HAVING " + q.having.map { havingCondition($0, now: now, &havingArgs) }.joined(separator: " AND ")
        }
        let names = q.groupings.enumerated().map { i, g -> String in
            if g.bucket == nil, case .reference(let kind) = g.field.type {
                return "(SELECT r.\(kind.schema.titleColumn) FROM \(kind.schema.table) r WHERE r.id = g.c\(i))"
            }
            return "g.c\(i)"
        }
        var shown = names + ["g.n"]
        for (i, a) in q.aggregates.enumerated() { shown += a.function == .avg ? ["g.a\(i)", "g.b\(i)"] : ["g.a\(i)"] }
        var sql = "SELECT \(shown.joined(separator: ", ")) FROM (\(inner)) g"
        // The terms asked for, then the groupings in order (a reference by its name).
        var order = q.groupOrdering.map { o -> String in
            switch o.key {
            case .grouping(let i): return dialect.order(String(i + 1), descending: o.descending)
            case .measure(.count): return dialect.order("g.n", descending: o.descending)
            case .measure(.aggregate(let a)):
                let i = aggregates.firstIndex(of: a) ?? 0
                let value = a.function == .avg ? "1.0 * g.a\(i) / NULLIF(g.b\(i), 0)" : "g.a\(i)"
                return dialect.order(value, descending: o.descending)
            }
        }
        order += q.groupings.indices.map { dialect.order(String($0 + 1)) }
        if !order.isEmpty { sql += " ORDER BY " + order.joined(separator: ", ") }
        // `limit` keeps the first groups in that order.
        sql += limitClause(q, &tailArgs)
        return CompiledSQL(sql: sql, arguments: selectArgs + whereArgs + havingArgs + tailArgs)
    }

    /// A grouping's value in a row: the stored column, or its day, week or month.
    func groupExpression(_ g: Grouping) -> String {
        let e = valueExpression(g.field)
        return g.bucket.map { dialect.timeBucket($0, e) } ?? e
    }

    /// A field's value in a row as an integer an aggregate sums: a number itself, `age` in
    /// whole days against the clock (bound), a duration in seconds.
    func rowExpression(_ f: FieldSpec, now: Timestamp, _ args: inout [StoreValue]) -> String {
        guard case .computed(.age) = f.type else { return valueExpression(f) }
        args.append(bindable(.time(now)))
        // Whole days, rounded down also for a case created after the clock in force: the
        // offset keeps the dividend positive, where both engines' division truncates.
        return "((\(dialect.epochSeconds("?")) - \(dialect.epochSeconds("t.created_at")) + 8640000000) / 86400 - 100000)"
    }

    /// `having MEASURE op N`, compared in integers: `10 × value op N-in-tenths × unit`.
    func havingCondition(_ h: GroupFilter, now: Timestamp, _ args: inout [StoreValue]) -> String {
        let condition: String
        switch h.measure {
        case .count:
            condition = "10 * COUNT(*) \(h.comparison.rawValue) ?"
            args.append(.integer(h.tenths))
        case .aggregate(let a):
            let unit = a.field.durationUnit ?? 1
            // Placeholders are bound in the order they appear: the value, the threshold, the count.
            let x = rowExpression(a.field, now: now, &args)
            args.append(.integer(h.tenths * unit))
            if a.function == .avg {
                condition = "10 * SUM(\(x)) \(h.comparison.rawValue) ? * COUNT(\(rowExpression(a.field, now: now, &args)))"
            } else {
                condition = "10 * \(a.function.rawValue.uppercased())(\(x)) \(h.comparison.rawValue) ?"
            }
        }
        return condition
    }

    /// The column every count result ends its groups with.
    static let countField = FieldSpec("count", ["数量"], .integer, label: Localized(en: "count", zh: "数量"), column: nil)

    public func count(_ query: Query, now: Timestamp) throws -> ResultSet {
        // A household counted once per tag, per assigned cadre: summed after the query.
        if query.groups.contains(where: \.groupsPerValue) {
            guard query.aggregates.isEmpty, query.having.isEmpty, query.groupOrdering.isEmpty, !query.groupings.contains(where: { $0.bucket != nil }) else {
                throw ScriptError(
                    .validation,
                    Localized(
                        en: "a count per tag or per cadre takes no time buckets, aggregates, having or order by yet",
                        zh: "按标签或包片干部分组的统计暂不能再按时间分段、求平均等、用满足条件或排序"),
                    hint: Localized(en: "count by the tag or cadre alone, or filter with where", zh: "请只按标签或包片干部分组，或用条件筛选"))
            }
            if let perTag = try countByTags(query, now: now) { return perTag }
        }
        let c = compileCount(query, now: now)
        let columns = query.groupings.map(\.column) + [Self.countField] + query.aggregates.map(\.column)
        let k = query.groupings.count
        return try withDatabase { db in
            let rows = try db.rows(c.sql, c.arguments).map { row -> [StoreValue] in
                guard query.isTabular else { return Array(row.values.prefix(1)) }
                var out = Array(row.values.prefix(k + 1))
                for (i, g) in query.groupings.enumerated() where g.bucket == .week && i < out.count {
                    out[i] = Self.integer(out[i]).flatMap(TimeBucket.isoWeekLabel).map(StoreValue.text) ?? .null
                }
                var next = k + 1
                for a in query.aggregates {
                    let first = next < row.values.count ? row.values[next] : .null
                    let second = a.function == .avg && next + 1 < row.values.count ? row.values[next + 1] : .null
                    next += a.function == .avg ? 2 : 1
                    out.append(Self.aggregateValue(a, first, second))
                }
                return out
            }
            return ResultSet(columns: columns, rows: rows)
        }
    }

    /// An aggregate's shown value from the integers the statement returned: an average
    /// or a duration in tenths (`12.3`, rounded half away from zero), else a whole number;
    /// NULL when no record had a value.
    static func aggregateValue(_ a: Aggregate, _ first: StoreValue, _ second: StoreValue) -> StoreValue {
        guard let v = integer(first) else { return .null }
        let unit = a.field.durationUnit ?? 1
        if a.function == .avg {
            guard let n = integer(second), n > 0 else { return .null }
            return .text(tenthsText(roundedDivision(10 * v, n * unit)))
        }
        return a.isDecimal ? .text(tenthsText(roundedDivision(10 * v, unit))) : .integer(v)
    }

    static func integer(_ v: StoreValue) -> Int? {
        switch v {
        case .integer(let n): return n
        case .real(let d) where d.isFinite && abs(d) < 9e15: return Int(d)
        case .text(let s): return Int(s)
        default: return nil
        }
    }

    /// `a / b` rounded half away from zero (`b` > 0).
    static func roundedDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (2 * a + b) / (2 * b) : -((2 * -a + b) / (2 * b))
    }

    /// `123` tenths as `12.3`, `-5` as `-0.5`.
    static func tenthsText(_ tenths: Int) -> String {
        (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

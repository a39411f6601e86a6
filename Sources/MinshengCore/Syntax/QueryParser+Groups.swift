/// The grouped half of `count`: groupings with time buckets, aggregates, `having` and
/// the order of groups.
extension QueryParser {
    /// A term of `order by` in a count, resolved once the whole query is read (the
    /// groupings may come after it).
    enum PendingOrder {
        case grouping(Grouping, Token)
        case measure(GroupMeasure)
    }

    /// `按月`, `按周`, `按日`: `by` and a time bucket in one word, as Chinese writes it.
    func byBucket(_ t: Token) -> TimeBucket? {
        guard case .word(let w) = t.kind, w.hasPrefix("按"), w.count > 1 else { return nil }
        return TimeBucket.named(String(w.dropFirst()))
    }

    /// Grammar: groupings := grouping (',' grouping)*
    mutating func parseGroupings(_ schema: RecordSchema) throws(ScriptError) -> [Grouping] {
        var out: [Grouping] = []
        repeat {
            if !out.isEmpty { i += 1 }
            out.append(try parseGrouping(schema, computedRefused: true))
        } while peek()?.kind == .comma && !startsAggregate(at: i + 1)
        return out
    }

    /// Whether an aggregate (`avg age`) starts at token `index`.
    func startsAggregate(at index: Int) -> Bool {
        index < tokens.count && isMeasureStart(tokens[index]) && !isKeyword(tokens[index], "count")
    }

    /// Grammar: grouping := ['按'] BUCKET '(' FIELD ')' | FIELD   (BUCKET := day|week|month|日|周|月)
    mutating func parseGrouping(_ schema: RecordSchema, computedRefused: Bool) throws(ScriptError) -> Grouping {
        guard let t = peek() else { throw .syntax("expected a field name", "缺少字段名", at: end, hint: fieldsHint(schema)) }
        var bucket: TimeBucket?
        if let b = byBucket(t) {
            bucket = b
        } else if case .word(let w) = t.kind, let b = TimeBucket.named(w), schema.field(w) == nil || (i + 1 < tokens.count && tokens[i + 1].kind == .leftParen)
        {
            bucket = b
        }
        guard let bucket else {
            let f = try parseField(schema)
            if computedRefused, case .computed = f.type {
                throw .validation(
                    "cannot group by \(f.name): it is computed", "不能按\(f.label.zh)分组：它是计算得出的", at: t.location,
                    hint: Localized(en: "count with 'where \(f.name) …' instead", zh: "可改用 where \(f.name) … 统计"))
            }
            return Grouping(field: f)
        }
        i += 1
        guard let open = next(), open.kind == .leftParen else {
            throw .syntax(
                "expected '(' after \(t.spelling)", "\(t.spelling) 后应是 '('", at: i - 1 < tokens.count ? tokens[i - 1].location : end,
                hint: Localized(en: "e.g. by \(bucket.rawValue)(created)", zh: "例如 按\(bucket.label.zh)(受理时间)"))
        }
        let fieldToken = peek()
        let f = try parseField(schema)
        guard f.type == .dateTime || f.type == .date else {
            let dates = schema.fields.filter { $0.type == .dateTime || $0.type == .date }
            throw .validation(
                "\(bucket.rawValue)() needs a date field, and \(f.name) is not one", "按\(bucket.label.zh)分组需要日期字段，\(f.label.zh)不是日期",
                at: fieldToken?.location ?? open.location,
                hint: Localized(
                    en: "date fields: " + dates.map(\.name).joined(separator: ", "), zh: "日期字段：" + dates.map(\.zhName).joined(separator: "、")))
        }
        guard let close = next(), close.kind == .rightParen else {
            throw .syntax("expected ')'", "缺少 ')'", at: peek()?.location ?? end)
        }
        return Grouping(field: f, bucket: bucket)
    }

    /// Grammar: aggregate := FUNC FIELD   (FUNC := avg|sum|min|max|平均|合计|最小|最大)
    mutating func parseAggregate(_ schema: RecordSchema) throws(ScriptError) -> Aggregate {
        guard let t = next(), case .word(let w) = t.kind, let function = AggregateFunction.named(w) else {
            throw .syntax("expected avg, sum, min or max", "这里应是 平均、合计、最小 或 最大", at: tokens[min(i, tokens.count) - 1].location)
        }
        guard peek() != nil else {
            throw .syntax("expected a field after '\(w)'", "'\(w)' 后缺少字段", at: end, hint: aggregatableHint(schema))
        }
        let fieldToken = peek()
        let f = try parseField(schema)
        guard f.isAggregatable else {
            throw .validation(
                "'\(w)' needs a number or a duration, and \(f.name) is not one", "'\(w)' 需要数字或时长字段，\(f.label.zh)不是",
                at: fieldToken?.location ?? t.location, hint: aggregatableHint(schema))
        }
        return Aggregate(function, f)
    }

    func aggregatableHint(_ schema: RecordSchema) -> Localized {
        let fields = schema.fields.filter(\.isAggregatable)
        guard !fields.isEmpty else { return Localized(en: "\(schema.plural.en) have no number field", zh: "\(schema.label.zh)没有数字字段") }
        return Localized(
            en: "numbers and durations: " + fields.map(\.name).joined(separator: ", "),
            zh: "数字和时长字段：" + fields.map(\.zhName).joined(separator: "、"))
    }

    func isMeasureStart(_ t: Token) -> Bool {
        guard case .word(let w) = t.kind else { return false }
        return isKeyword(t, "count") || AggregateFunction.named(w) != nil
    }

    /// Grammar: measure := 'count' | aggregate
    mutating func parseMeasure(_ schema: RecordSchema) throws(ScriptError) -> GroupMeasure {
        if let t = peek(), isKeyword(t, "count") {
            i += 1
            return .count
        }
        return .aggregate(try parseAggregate(schema))
    }

    /// Grammar: having := measure op NUMBER ('and' measure op NUMBER)*
    mutating func parseHaving(_ schema: RecordSchema) throws(ScriptError) -> [GroupFilter] {
        var out: [GroupFilter] = []
        repeat {
            if !out.isEmpty { i += 1 }
            guard let t = peek(), isMeasureStart(t) else {
                throw .syntax(
                    "expected count or an aggregate after 'having'", "满足 后应是 数量 或 平均/合计/最小/最大", at: peek()?.location ?? end,
                    hint: Localized(en: "e.g. having count > 50, having avg age > 10", zh: "例如 满足 数量 > 50、满足 平均 天数 > 10"))
            }
            let measure = try parseMeasure(schema)
            guard let op = next() else { throw .syntax("expected an operator", "缺少运算符", at: end) }
            let comparison: Comparison
            switch op.kind {
            case .equals: comparison = .equal
            case .comparison(let s) where s != "~": comparison = Comparison(rawValue: s == "==" ? "=" : s) ?? .equal
            default:
                throw .syntax(
                    "expected an operator, found \(op.spelling)", "这里应是运算符，却是 \(op.spelling)", at: op.location,
                    hint: Localized(en: "operators: = != < <= > >=", zh: "运算符：= != < <= > >="))
            }
            out.append(GroupFilter(measure, comparison, tenths: try parseTenths()))
        } while peek().map { isKeyword($0, "and") } ?? false
        return out
    }

    /// A number with at most one decimal, in tenths (`2.5` → 25, `-3` → -30), within a
    /// range that keeps the SQL arithmetic far from overflow.
    mutating func parseTenths() throws(ScriptError) -> Int {
        guard let t = next() else { throw .syntax("expected a number", "缺少数字", at: end) }
        let raw = (try? context.folded(t)) ?? t.spelling
        let negative = raw.hasPrefix("-")
        let digits = negative ? String(raw.dropFirst()) : raw
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isASCII), whole <= 1_000_000_000,
            parts.count == 1 || (parts[1].count == 1 && parts[1].allSatisfy(\.isNumber) && parts[1].allSatisfy(\.isASCII))
        else {
            throw .validation(
                "expected a number with at most one decimal, not \(t.spelling)", "这里应是数字（最多一位小数），而不是 \(t.spelling)", at: t.location)
        }
        let tenths = whole * 10 + (parts.count == 2 ? Int(parts[1]) ?? 0 : 0)
        return negative ? -tenths : tenths
    }

    /// Grammar: group-ordering := (measure | grouping) [asc|desc] (',' …)*
    mutating func parsePendingOrdering(_ schema: RecordSchema) throws(ScriptError) -> [(PendingOrder, Bool)] {
        var out: [(PendingOrder, Bool)] = []
        repeat {
            if !out.isEmpty { i += 1 }
            let term: PendingOrder
            if let t = peek(), isMeasureStart(t) {
                term = .measure(try parseMeasure(schema))
            } else {
                let at = peek()
                term = .grouping(try parseGrouping(schema, computedRefused: false), at ?? Token(.comma, at: end))
            }
            var desc = false
            if let n = peek(), isKeyword(n, "desc") {
                desc = true
                i += 1
            } else if let n = peek(), isKeyword(n, "asc") {
                i += 1
            }
            out.append((term, desc))
        } while peek()?.kind == .comma
        return out
    }

    /// The order terms of a grouped count, each a grouping of the query or a measure.
    func resolveOrdering(_ pending: [(PendingOrder, Bool)], _ q: Query) throws(ScriptError) -> [GroupOrdering] {
        try pending.map { (term, desc) throws(ScriptError) -> GroupOrdering in
            switch term {
            case .measure(let m): return GroupOrdering(.measure(m), descending: desc)
            case .grouping(let g, let t):
                guard let index = q.groupings.firstIndex(of: g) else {
                    let shown = q.groupings.map { $0.column.name } + ["count"]
                    let shownZh = q.groupings.map { $0.column.label.zh } + ["数量"]
                    throw .validation(
                        "cannot order by \(g.column.name): the count is not grouped by it", "不能按\(g.column.label.zh)排序：统计并未按它分组",
                        at: t.location, hint: Localized(en: "order by " + shown.joined(separator: ", "), zh: "可按 " + shownZh.joined(separator: "、") + " 排序"))
                }
                return GroupOrdering(.grouping(index), descending: desc)
            }
        }
    }
}

extension FieldSpec {
    /// The name a Chinese session shows in lists of fields: its first Chinese word.
    public var zhName: String { aliases.first ?? name }
}

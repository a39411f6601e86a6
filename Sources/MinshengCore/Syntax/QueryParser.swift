/// Reads `KIND [where EXPR] [by G, …] [AGG F, …] [having M op N] [order by T [asc|desc], …]
/// [limit N [offset M]]`; groupings, aggregates and having only in a `count`.
///
/// Keywords have Chinese twins: where 条件/其中, and 且/并且, or 或, not 非/不, in 属于,
/// is empty 为空, order by 排序, limit 限制, asc 升序, desc 降序, by 按, having 满足,
/// count 数量; day/week/month 日/周/月 (`按月(受理时间)`), avg/sum/min/max 平均/合计/最小/最大.
public struct QueryParser {
    let tokens: [Token]
    let context: BindingContext
    let end: SourceLocation
    var i = 0
    /// The kind being asked about, once read (ids like `C-4` must be of it).
    var kind: RecordKind?
    /// How deep the `not` and `(` around the current condition go, and how many
    /// conditions have been read: both are capped, so a hostile line cannot overflow the
    /// stack here, in the SQL built from it, or when the condition tree is freed.
    var depth = 0
    var conditions = 0
    static let maxDepth = 40
    static let maxConditions = 500

    public init(tokens: [Token], context: BindingContext, end: SourceLocation) {
        self.tokens = tokens
        self.context = context
        self.end = end
    }

    static let keywords: [String: [String]] = [
        "where": ["where", "条件", "其中"], "and": ["and", "且", "并且"], "or": ["or", "或", "或者"],
        "not": ["not", "非", "不"], "in": ["in", "属于"], "is": ["is", "是"], "empty": ["empty", "为空"],
        "order": ["order", "排序"], "by": ["by", "按"], "limit": ["limit", "限制"], "offset": ["offset", "跳过"],
        "asc": ["asc", "升序"], "desc": ["desc", "降序"], "having": ["having", "满足"], "count": ["count", "数量"],
    ]

    /// Parses the whole token list as a query.
    /// Grammar: query := KIND clause*
    public mutating func parse(allowGroups: Bool) throws(ScriptError) -> Query {
        guard let first = next() else {
            throw .syntax("expected a record kind", "缺少记录种类", at: end, hint: kindsHint)
        }
        guard case .kind(let kind) = try context.value(of: first, as: .kind, named: "kind") else {
            throw .syntax("expected a record kind", "缺少记录种类", at: first.location)
        }
        self.kind = kind
        var q = Query(kind: kind)
        var pendingOrder: [(PendingOrder, Bool)] = []
        var orderToken: Token?
        while let t = peek() {
            if isKeyword(t, "where") {
                i += 1
                guard q.predicate == nil else { throw .syntax("'where' given twice", "重复的 \(Self.listed(["where"]).zh)", at: t.location) }
                q.predicate = try parseOr(kind.schema)
            } else if isKeyword(t, "order") {
                i += 1
                // `order by`; in Chinese `排序` alone (or `排序 按`) reads naturally.
                if let b = peek(), isKeyword(b, "by") {
                    i += 1
                } else if case .word(let w) = t.kind, w.lowercased() == "order" {
                    try expectKeyword("by")
                }
                if allowGroups {
                    orderToken = t
                    pendingOrder += try parsePendingOrdering(kind.schema)
                } else {
                    q.ordering = try parseOrdering(kind.schema)
                }
            } else if allowGroups && (isKeyword(t, "by") || byBucket(t) != nil) {
                if isKeyword(t, "by") { i += 1 }
                q.groupings += try parseGroupings(kind.schema)
            } else if allowGroups && t.kind == .comma && startsAggregate(at: i + 1) {
                i += 1  // `by dept, avg age` and `avg age, max age`: a comma before an aggregate
            } else if allowGroups && isMeasureStart(t) && !isKeyword(t, "count") {
                q.aggregates.append(try parseAggregate(kind.schema))
            } else if allowGroups && isKeyword(t, "having") {
                i += 1
                guard !q.groupings.isEmpty else {
                    throw .syntax(
                        "'having' needs groups: put 'by FIELD' before it", "满足 需要分组：请先写 按 字段", at: t.location,
                        hint: Localized(en: "e.g. count cases by community having count > 50", zh: "例如 统计 诉求 按 社区 满足 数量 > 50"))
                }
                q.having += try parseHaving(kind.schema)
            } else if isKeyword(t, "limit") {
                i += 1
                q.limit = try parseCount("limit")
                if let n = peek(), isKeyword(n, "offset") {
                    i += 1
                    q.offset = try parseCount("offset")
                }
            } else {
                let aggregates = AggregateFunction.allCases.map(\.rawValue)
                var expected = allowGroups ? ["where", "by"] + aggregates + ["having", "order by", "limit"] : ["where", "order by", "limit"]
                if q.predicate != nil { expected = ["and", "or"] + (allowGroups ? ["by"] + aggregates : []) + ["order by", "limit"] }
                let list = Self.listed(expected)
                throw .syntax("unexpected \(t.spelling); expected \(list.en)", "多余的 \(t.spelling)；此处可用 \(list.zh)", at: t.location)
            }
        }
        if let orderToken, !pendingOrder.isEmpty {
            if q.groupings.isEmpty {
                // One number (or one row of aggregates) has no order; a plain field still reads as before.
                if pendingOrder.contains(where: { if case .measure = $0.0 { return true } else { return false } }) {
                    throw .syntax(
                        "ordering by count needs groups: put 'by FIELD' before it", "按数量排序需要分组：请先写 按 字段", at: orderToken.location,
                        hint: Localized(en: "e.g. count cases by community order by count desc", zh: "例如 统计 诉求 按 社区 排序 数量 降序"))
                }
            } else {
                q.groupOrdering = try resolveOrdering(pendingOrder, q)
            }
        }
        // An aggregate the groups are filtered or ordered by is shown too.
        let measures = q.having.map(\.measure) + q.groupOrdering.compactMap { if case .measure(let m) = $0.key { m } else { nil } }
        for case .aggregate(let a) in measures where !q.aggregates.contains(a) { q.aggregates.append(a) }
        // A voided visit, an ended assignment, a merged cadre: kept, and left out unless the query asks.
        // (Asking what a record was merged into asks about merged ones.)
        for f in kind.schema.fields where f.name == "voided" || f.name == "ended" || f.name == "merged" {
            let asked = kind.schema.fields.filter { $0.name == f.name || (f.name == "merged" && $0.name == "merged-into") }
            guard !asked.contains(where: { q.predicate?.mentions($0) ?? false }) else { continue }
            q.predicate = q.predicate.map { .and($0, .isEmpty(f)) } ?? .isEmpty(f)
        }
        return q
    }

    /// Keywords as a message lists them: `where, order by, limit` / `条件（where）、排序（order by）、
    /// 限制（limit）` — the Chinese spelling from `keywords` (an aggregate's from its own
    /// words), the English beside, since either may be typed.
    static func listed(_ phrases: [String]) -> Localized {
        let zh = phrases.map { phrase in
            let first = String(phrase.split(separator: " ").first ?? "")
            let chinese = keywords[first]?.dropFirst().first ?? AggregateFunction.named(first)?.label.zh ?? phrase
            return "\(chinese)（\(phrase)）"
        }
        return Localized(en: phrases.joined(separator: ", "), zh: zh.joined(separator: "、"))
    }

    var kindsHint: Localized {
        Localized(
            en: "kinds: " + RecordKind.allCases.map { $0.schema.words[1] }.joined(separator: ", "),
            zh: "种类：" + RecordKind.allCases.map { $0.schema.zhWords[0] }.joined(separator: "、"))
    }

    func peek() -> Token? { i < tokens.count ? tokens[i] : nil }

    mutating func next() -> Token? {
        defer { i += 1 }
        return peek()
    }

    func isKeyword(_ t: Token, _ key: String) -> Bool {
        guard case .word(let w) = t.kind, let spellings = Self.keywords[key] else { return false }
        return spellings.contains(w.lowercased())
    }

    mutating func expectKeyword(_ key: String) throws(ScriptError) {
        guard let t = peek(), isKeyword(t, key) else {
            throw .syntax("expected '\(key)'", "这里应是 '\(key)'", at: peek()?.location ?? end)
        }
        i += 1
    }

    mutating func parseCount(_ what: String) throws(ScriptError) -> Int {
        let zh = Self.listed([what]).zh
        guard let t = next() else { throw .syntax("\(what) needs a number", "\(zh)需要数字", at: end) }
        guard let s = try? context.folded(t), let n = Int(s), n >= 0 else {
            throw .syntax("\(what) needs a whole number, not \(t.spelling)", "\(zh)需要非负整数，而不是 \(t.spelling)", at: t.location)
        }
        return n
    }

    /// Grammar: ordering := FIELD [asc|desc] (',' FIELD [asc|desc])*
    mutating func parseOrdering(_ schema: RecordSchema) throws(ScriptError) -> [Ordering] {
        var out: [Ordering] = []
        repeat {
            var f = try parseField(schema)
            if f.type == .phone && !context.reveal { throw hiddenPhone(f, tokens[i - 1]) }
            var desc = false
            var flip = false
            if case .computed(let c) = f.type, f.durationUnit == nil {
                // Order by what the computed field is derived from.
                let (column, reversed) = c == .age || c == .workingAge ? ("created", true) : ("due", false)
                guard let stored = schema.field(column) else {
                    throw .validation("cannot order by \(f.name)", "不能按\(f.label.zh)排序", at: tokens[i - 1].location)
                }
                f = stored
                flip = reversed
            }
            if let n = peek(), isKeyword(n, "desc") {
                desc = true
                i += 1
            } else if let n = peek(), isKeyword(n, "asc") {
                i += 1
            }
            out.append(Ordering(field: f, descending: desc != flip))
            guard let t = peek(), t.kind == .comma else { break }
            i += 1
        } while true
        return out
    }

    mutating func parseField(_ schema: RecordSchema) throws(ScriptError) -> FieldSpec {
        guard let t = next() else { throw .syntax("expected a field name", "缺少字段名", at: end) }
        guard case .word(let w) = t.kind else {
            throw .syntax("expected a field name, found \(t.spelling)", "这里应是字段名，却是 \(t.spelling)", at: t.location)
        }
        guard let f = schema.field(w) else {
            let names = schema.fields.map(\.name).joined(separator: ", ")
            let zhNames = schema.fields.map(\.zhName).joined(separator: "、")
            let suggestion = Suggestion.closest(to: w, in: schema.fieldWords)
            throw .validation(
                "unknown field '\(w)' for \(schema.words[1])", "\(schema.zhWords[0])没有字段 '\(w)'", at: t.location,
                hint: Localized(
                    en: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "fields: \(names)",
                    zh: (suggestion.map { "是不是要输入 '\($0)'？" } ?? "") + "字段：\(zhNames)"))
        }
        return f
    }
}

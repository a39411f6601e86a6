/// Reads `KIND [where EXPR] [by F, …] [order by F [asc|desc], …] [limit N [offset M]]`.
///
/// Keywords have Chinese twins: where 条件/其中, and 且/并且, or 或, not 非/不, in 属于,
/// is empty 为空, order by 排序, limit 限制, asc 升序, desc 降序, by 按.
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
        "asc": ["asc", "升序"], "desc": ["desc", "降序"],
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
        while let t = peek() {
            if isKeyword(t, "where") {
                i += 1
                guard q.predicate == nil else { throw .syntax("'where' given twice", "重复的 where", at: t.location) }
                q.predicate = try parseOr(kind.schema)
            } else if isKeyword(t, "order") {
                i += 1
                // `order by`; in Chinese `排序` alone (or `排序 按`) reads naturally.
                if let b = peek(), isKeyword(b, "by") {
                    i += 1
                } else if case .word(let w) = t.kind, w.lowercased() == "order" {
                    try expectKeyword("by")
                }
                q.ordering = try parseOrdering(kind.schema)
            } else if isKeyword(t, "by") && allowGroups {
                i += 1
                q.groups = try parseFieldList(kind.schema)
            } else if isKeyword(t, "limit") {
                i += 1
                q.limit = try parseCount("limit")
                if let n = peek(), isKeyword(n, "offset") {
                    i += 1
                    q.offset = try parseCount("offset")
                }
            } else {
                var expected = allowGroups ? "where, by" : "where, order by, limit"
                if q.predicate != nil { expected = allowGroups ? "and, or, by" : "and, or, order by, limit" }
                throw .syntax("unexpected \(t.spelling); expected \(expected)", "多余的 \(t.spelling)；此处可用 \(expected)", at: t.location)
            }
        }
        // A voided visit, an ended assignment, a merged cadre: kept, and left out unless the query asks.
        // (Asking what a record was merged into asks about merged ones.)
        for f in kind.schema.fields where f.name == "voided" || f.name == "ended" || f.name == "merged" {
            let asked = kind.schema.fields.filter { $0.name == f.name || (f.name == "merged" && $0.name == "merged-into") }
            guard !asked.contains(where: { q.predicate?.mentions($0) ?? false }) else { continue }
            q.predicate = q.predicate.map { .and($0, .isEmpty(f)) } ?? .isEmpty(f)
        }
        return q
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
        guard let t = next() else { throw .syntax("\(what) needs a number", "\(what) 需要数字", at: end) }
        guard let s = try? context.folded(t), let n = Int(s), n >= 0 else {
            throw .syntax("\(what) needs a whole number, not \(t.spelling)", "\(what) 需要非负整数，而不是 \(t.spelling)", at: t.location)
        }
        return n
    }

    /// Grammar: fields := FIELD (',' FIELD)*  (stored fields only: used by `count … by`)
    mutating func parseFieldList(_ schema: RecordSchema) throws(ScriptError) -> [FieldSpec] {
        var out: [FieldSpec] = []
        repeat {
            if !out.isEmpty { i += 1 }
            let at = peek()?.location ?? end
            let f = try parseField(schema)
            if case .computed = f.type {
                throw .validation("cannot group by \(f.name): it is computed", "不能按\(f.label.zh)分组：它是计算得出的", at: at,
                    hint: Localized(en: "count with 'where \(f.name) …' instead", zh: "可改用 where \(f.name) … 统计"))
            }
            out.append(f)
        } while peek()?.kind == .comma
        return out
    }

    /// Grammar: ordering := FIELD [asc|desc] (',' FIELD [asc|desc])*
    mutating func parseOrdering(_ schema: RecordSchema) throws(ScriptError) -> [Ordering] {
        var out: [Ordering] = []
        repeat {
            var f = try parseField(schema)
            if f.type == .phone && !context.reveal { throw hiddenPhone(f, tokens[i - 1]) }
            var desc = false
            var flip = false
            if case .computed(let c) = f.type {
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
            let suggestion = Suggestion.closest(to: w, in: schema.fieldWords)
            throw .validation(
                "unknown field '\(w)' for \(schema.words[1])", "\(schema.zhWords[0])没有字段 '\(w)'", at: t.location,
                hint: Localized(
                    en: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "fields: \(names)",
                    zh: (suggestion.map { "是不是要输入 '\($0)'？" } ?? "") + "字段：\(names)"))
        }
        return f
    }
}

extension QueryParser {
    /// Grammar: or := and ('or' and)*
    mutating func parseOr(_ schema: RecordSchema) throws(ScriptError) -> Predicate {
        var left = try parseAnd(schema)
        while let t = peek(), isKeyword(t, "or") {
            i += 1
            left = .or(left, try parseAnd(schema))
        }
        return left
    }

    /// Grammar: and := unary ('and' unary)*
    mutating func parseAnd(_ schema: RecordSchema) throws(ScriptError) -> Predicate {
        var left = try parseUnary(schema)
        while let t = peek(), isKeyword(t, "and") {
            i += 1
            left = .and(left, try parseUnary(schema))
        }
        return left
    }

    /// Grammar: unary := 'not' unary | '(' or ')' | condition
    mutating func parseUnary(_ schema: RecordSchema) throws(ScriptError) -> Predicate {
        guard let t = peek() else {
            throw .syntax("expected a condition", "缺少条件", at: end, hint: fieldsHint(schema))
        }
        if isKeyword(t, "not") {
            i += 1
            try enterNesting(at: t)
            defer { depth -= 1 }
            return .not(try parseUnary(schema))
        }
        if t.kind == .leftParen {
            i += 1
            try enterNesting(at: t)
            defer { depth -= 1 }
            let inner = try parseOr(schema)
            guard let close = next(), close.kind == .rightParen else {
                throw .syntax("expected ')'", "缺少 ')'", at: peek()?.location ?? end)
            }
            return inner
        }
        return try parseCondition(schema)
    }

    mutating func enterNesting(at t: Token) throws(ScriptError) {
        depth += 1
        guard depth <= Self.maxDepth else {
            throw .syntax(
                "conditions nested more than \(Self.maxDepth) deep", "条件嵌套超过 \(Self.maxDepth) 层", at: t.location,
                hint: Localized(en: "remove the extra 'not' and brackets", zh: "请去掉多余的 not 和括号"))
        }
    }

    func fieldsHint(_ schema: RecordSchema) -> Localized {
        let names = schema.fields.map(\.name).joined(separator: ", ")
        return Localized(en: "fields: \(names)", zh: "字段：" + schema.fields.map(\.zhName).joined(separator: "、"))
    }

    /// Grammar: condition := FIELD op VALUE | FIELD ['not'] 'in' '(' VALUE, … ')' | FIELD 'is' ['not'] 'empty' | FIELD '为空'
    mutating func parseCondition(_ schema: RecordSchema) throws(ScriptError) -> Predicate {
        let fieldToken = peek()
        conditions += 1
        guard conditions <= Self.maxConditions else {
            throw .syntax(
                "more than \(Self.maxConditions) conditions in one query", "一个查询的条件超过 \(Self.maxConditions) 个", at: fieldToken?.location ?? end,
                hint: Localized(en: "use 'in (…)' for a list of values", zh: "值较多时请用 in (…)"))
        }
        let field = try parseField(schema)
        if case .computed(let c) = field.type {
            return try parseComputed(c, field, schema, at: fieldToken?.location ?? end)
        }
        guard let op = next() else {
            throw .syntax("expected an operator after '\(field.name)'", "'\(field.name)' 后缺少运算符", at: end,
                hint: Localized(en: "operators: = != < <= > >= ~ in, is empty", zh: "运算符：= != < <= > >= ~ in、is empty"))
        }
        if isKeyword(op, "empty") { return .isEmpty(field) }
        if isKeyword(op, "is") {
            var negate = false
            if let n = peek(), isKeyword(n, "not") { negate = true; i += 1 }
            guard let e = next(), isKeyword(e, "empty") else {
                throw .syntax("expected 'empty' after 'is'", "'is' 后应是 'empty'", at: peek()?.location ?? end)
            }
            return negate ? .not(.isEmpty(field)) : .isEmpty(field)
        }
        if isKeyword(op, "not") {
            guard let n = next(), isKeyword(n, "in") else {
                throw .syntax("expected 'in' after 'not'", "'not' 后应是 'in'", at: peek()?.location ?? end)
            }
            return .not(try parseInList(field))
        }
        if isKeyword(op, "in") { return try parseInList(field) }
        let comparison: Comparison
        switch op.kind {
        case .equals: comparison = .equal
        case .comparison(let s): comparison = Comparison(rawValue: s == "==" ? "=" : s) ?? .equal
        default:
            throw .syntax("expected an operator after '\(field.name)', found \(op.spelling)", "'\(field.name)' 后应是运算符，却是 \(op.spelling)", at: op.location,
                hint: Localized(en: "operators: = != < <= > >= ~ in, is empty", zh: "运算符：= != < <= > >= ~ in、is empty"))
        }
        guard let valueToken = next() else {
            throw .syntax("expected a value after \(op.spelling)", "\(op.spelling) 后缺少值", at: end)
        }
        if case .word(let w) = valueToken.kind, let other = schema.field(w), !isLiteral(w.foldingFullWidth, for: field) {
            return try fieldComparison(field, comparison, other, opToken: op, at: valueToken)
        }
        try refuseBrackets(in: valueToken, field: fieldToken, op: op)
        return try typedComparison(field, comparison, valueToken, opToken: op)
    }

    /// A bracket where a value goes (`title = （2单元）灯坏`), or one opened right after it
    /// (`title ~ 灯坏（2单元）`): in a query brackets group conditions, so text with brackets
    /// must be quoted; the hint shows it quoted. A `)` right after a value closes a group.
    func refuseBrackets(in value: Token, field: Token?, op: Token) throws(ScriptError) {
        let at: Token
        if value.kind == .leftParen || value.kind == .rightParen {
            at = value
        } else if let n = peek(), n.kind == .leftParen, n.location == value.end {
            at = n
        } else {
            return
        }
        let text = BracketedText.glue(tokens, from: i - 1)?.token.asTyped ?? value.asTyped
        throw .syntax(
            "expected a value, found \(at.asTyped)", "这里应是一个值，却是 \(at.asTyped)", at: at.location,
            hint: BracketedText.quoteHint(before: field.map { "\($0.asTyped) \(op.spelling) " } ?? "", value: text))
    }

    mutating func parseInList(_ field: FieldSpec) throws(ScriptError) -> Predicate {
        guard let open = next(), open.kind == .leftParen else {
            throw .syntax("expected '(' after 'in'", "'in' 后应是 '('", at: peek()?.location ?? end)
        }
        var values: [QueryValue] = []
        // Tags: `tags in (a, b)` has a or b.
        var anyTag: [Predicate] = []
        while true {
            guard let t = next() else { throw .syntax("expected ')'", "缺少 ')'", at: end) }
            if t.kind == .rightParen && values.isEmpty && anyTag.isEmpty { break }
            switch try typedComparison(field, .equal, t, opToken: open) {
            case let has where field.type == .tags: anyTag.append(has)
            case .compare(_, _, let v): values.append(v)
            case .inList(_, let group): values += group  // a group of values (`status in (open, closed)`)
            default: throw .validation("'in' does not apply to \(field.name)", "\(field.name) 不能用 in", at: t.location)
            }
            guard let sep = next() else { throw .syntax("expected ')'", "缺少 ')'", at: end) }
            if sep.kind == .rightParen { break }
            guard sep.kind == .comma else {
                throw .syntax("expected ',' or ')', found \(sep.spelling)", "这里应是 ',' 或 ')'，却是 \(sep.spelling)", at: sep.location)
            }
        }
        if let first = anyTag.first { return anyTag.dropFirst().reduce(first) { .or($0, $1) } }
        return .inList(field, values)
    }
}

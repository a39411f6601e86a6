extension Interpreter {
    func parseQuery(_ inv: Invocation, tokens: [Token], groups: Bool) throws -> Query {
        let end = tokens.last?.end ?? inv.location
        var context = session.bindingContext
        if tokens.contains(where: { t in Self.workingAgeWords.contains((try? context.text(of: t)) ?? "") }) { context.calendar = try workCalendar() }
        var parser = QueryParser(tokens: tokens, context: context, end: end)
        let q = try parser.parse(allowGroups: groups)
        if let p = q.predicate { try checkNames(p, tokens: tokens, at: end) }
        return q
    }

    static let workingAgeWords: Set<String> = {
        guard let f = RecordSchema.case.field("working-age") else { return [] }
        return Set([f.name] + f.aliases)
    }()

    /// A reference field compared with a name (`community = 六里屯`) names a record that
    /// exists, or is an error with a suggestion — never a silent 0. `~` must match a name.
    func checkNames(_ p: Predicate, tokens: [Token], at end: SourceLocation) throws {
        switch p {
        case .and(let a, let b), .or(let a, let b):
            try checkNames(a, tokens: tokens, at: end)
            try checkNames(b, tokens: tokens, at: end)
        case .not(let a): try checkNames(a, tokens: tokens, at: end)
        case .compare(let f, let op, .text(let name)): try checkName(name, f, contains: op == .contains, tokens: tokens, at: end)
        case .inList(let f, let values):
            for case .text(let name) in values { try checkName(name, f, contains: false, tokens: tokens, at: end) }
        default: break
        }
    }

    func checkName(_ name: String, _ f: FieldSpec, contains: Bool, tokens: [Token], at end: SourceLocation) throws {
        guard case .reference(let kind) = f.type else { return }
        let loc = tokens.first { (try? session.bindingContext.text(of: $0)) == name }?.location ?? end
        if let (k, id) = RecordKind.forID(name), k == kind { return try checkNotMerged(kind, id, name, at: loc) }
        // A record is named by its own title column (a household by its address).
        guard let title = kind.schema.fields.first(where: { $0.column == kind.schema.titleColumn }) else { return }
        if contains {
            var q = Query(kind: kind)
            q.predicate = .compare(title, .contains, .text(name))
            if try store.count(q, now: session.now).rows.first?.first?.text != "0" { return }
        } else if let id = try store.lookup(kind, name: name) {
            return try checkNotMerged(kind, id, name, at: loc)
        }
        // Kinds known by id only (a household) offer no list of names to suggest from.
        let known = kind.schema.nameField == nil ? [] : try store.names(kind, prefix: "", limit: 5000)
        let label = kind.schema.label
        // The name the user most likely meant: one holding what was typed, else the closest.
        let holding = known.filter { $0.contains(name) }
        let hint = holding.count == 1 ? Localized(en: "did you mean '\(holding[0])'?", zh: "是不是要输入 '\(holding[0])'？") : Suggestion.hint(for: name, in: known)
        throw ScriptError.validation(
            contains ? "no \(label.en) has '\(name)' in its name" : "no \(label.en) named '\(name)'",
            contains ? "没有名称含 '\(name)' 的\(label.zh)" : "没有名为 '\(name)' 的\(label.zh)", at: loc,
            hint: hint ?? (holding.isEmpty ? nil : Localized(en: "names holding it: " + holding.prefix(5).joined(separator: ", "), zh: "含有它的名称：" + holding.prefix(5).joined(separator: "、"))))
    }

    /// A record merged into another has no links left: a query names the one kept instead
    /// (rather than finding nothing without a word).
    func checkNotMerged(_ kind: RecordKind, _ id: Int, _ name: String, at loc: SourceLocation) throws {
        let into = try kept(kind, id)
        guard into != id else { return }
        let shown = "\(kind.id(into)) \(try title(kind, into))"
        throw ScriptError.validation(
            "'\(name)' was merged into \(shown): its links are that record's now", "'\(name)' 已合并到 \(shown)：其关联已归入该记录", at: loc,
            hint: Localized(en: "ask for \(kind.id(into)) instead", zh: "请改为查询 \(kind.id(into))"))
    }

    func find(_ inv: Invocation) throws -> [Output] {
        let q = try parseQuery(inv, tokens: inv.rest, groups: false)
        return [.table(try store.find(q, now: session.now), kind: q.kind)]
    }

    func count(_ inv: Invocation) throws -> [Output] {
        let q = try parseQuery(inv, tokens: inv.rest, groups: true)
        let rs = try store.count(q, now: session.now)
        if !q.isTabular, session.format.isProse, let n = rs.rows.first?.first?.text {
            return [.text(n)]
        }
        return [.table(rs, kind: nil)]
    }

    func explain(_ inv: Invocation) throws -> [Output] {
        guard let first = inv.rest.first, case .word(let w) = first.kind,
            let (spec, used) = table.match([w]), spec.id == .find || spec.id == .count
        else {
            throw ScriptError.syntax(
                "explain needs a find or count", "explain 后应是 find 或 count 查询", at: inv.rest.first?.location ?? inv.location,
                hint: Localized(en: "explain find depts", zh: "例如 explain find depts"))
        }
        let counting = spec.id == .count
        let q = try parseQuery(inv, tokens: Array(inv.rest[used...]), groups: counting)
        return [.text(try store.explain(q, counting: counting, now: session.now).joined(separator: "\n"))]
    }

    func show(_ inv: Invocation) throws -> [Output] {
        guard let text = inv.text("id"), let loc = inv["id"]?.location else { return [] }
        guard let (kind, n) = RecordKind.forID(text) else {
            let prefixes = RecordKind.allCases.map { "\($0.schema.idPrefix)-" }.joined(separator: " ")
            throw ScriptError.validation(
                "'\(text)' is not a record id", "'\(text)' 不是记录编号", at: loc,
                hint: Localized(en: "ids look like D-1; prefixes: \(prefixes)", zh: "编号形如 D-1；前缀：\(prefixes)"))
        }
        guard var rs = try store.fetch(kind, id: n) else {
            throw ScriptError.runtime("no record \(text)", "没有记录 \(text)", at: loc)
        }
        // A one-subdistrict file names no subdistrict, a record never merged no merge: their
        // empty lines are left out.
        for name in ["subdistrict", "merged", "merged-into"] {
            guard let i = rs.columns.firstIndex(where: { $0.name == name }), rs.rows.first?[i] == .null else { continue }
            rs.columns.remove(at: i)
            rs.rows = rs.rows.map { var r = $0; r.remove(at: i); return r }
        }
        guard session.format == .table else { return [.table(rs, kind: kind)] }
        return [.text(renderer(.line, width: out.terminalWidth).render(rs, kind: kind).trimmingTrailingNewline())]
    }

    /// `check COMMAND OP N`: the command's count must compare as stated.
    func check(_ inv: Invocation) throws -> [Output] {
        let tokens = inv.rest
        guard tokens.count >= 3, let opIndex = tokens.indices.dropLast().last(where: { isComparison(tokens[$0]) }), opIndex == tokens.count - 2 else {
            throw ScriptError.syntax(
                "check needs: COMMAND OP NUMBER", "check 的写法：命令 运算符 数字", at: tokens.last?.location ?? inv.location,
                hint: Localized(en: "e.g. check count communities = 2", zh: "例如 check count communities = 2"))
        }
        let expectedToken = tokens[opIndex + 1]
        let expectedText = try session.bindingContext.folded(expectedToken)
        guard let expected = Int(expectedText) else {
            throw ScriptError.validation("check compares with a number, not '\(expectedText)'", "check 只能与数字比较，'\(expectedText)' 不是数字", at: expectedToken.location)
        }
        let left = Array(tokens[..<opIndex])
        guard let first = left.first, case .word(let w) = first.kind, let (spec, used) = table.match([w]),
            spec.id == .count || spec.id == .find
        else {
            throw ScriptError.syntax("check needs a count or find before the operator", "check 的运算符前应是 count 或 find 查询", at: left.first?.location ?? inv.location)
        }
        let q = try parseQuery(inv, tokens: Array(left[used...]), groups: false)
        let actual: Int
        if spec.id == .count {
            actual = Int(try store.count(q, now: session.now).rows.first?.first?.text ?? "0") ?? 0
        } else {
            actual = try store.find(q, now: session.now).rows.count
        }
        let op = tokens[opIndex]
        let opText = op.kind == .equals ? "=" : op.spelling
        let holds: Bool
        switch opText {
        case "=", "==": holds = actual == expected
        case "!=": holds = actual != expected
        case "<": holds = actual < expected
        case "<=": holds = actual <= expected
        case ">": holds = actual > expected
        case ">=": holds = actual >= expected
        default: holds = false
        }
        guard holds else {
            let what = left.map(\.spelling).joined(separator: " ")
            throw ScriptError(
                .check, Localized(en: "check failed: \(what) is \(actual), expected \(opText) \(expected)", zh: "检查未通过：\(what) 为 \(actual)，应 \(opText) \(expected)"),
                at: inv.location)
        }
        return []
    }

    func isComparison(_ t: Token) -> Bool {
        switch t.kind {
        case .equals, .comparison: return true
        default: return false
        }
    }
}

extension String {
    func trimmingTrailingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

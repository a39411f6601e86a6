/// Tab completion, derived from the command table: command words, verbs, option
/// keys, record kinds, field names, known values (names from the store) and file names.
public struct Completer {
    public let table: CommandTable
    /// Names of records of a kind that start with a prefix (Chinese included), at most
    /// `sourceLimit` of them: that many means there may be more.
    public let names: (RecordKind, String) -> [String]
    /// Values already stored in a text field (categories …) that start with a prefix, at
    /// most `sourceLimit`.
    public let values: (RecordKind, FieldSpec, String) -> [String]
    /// Files and folders (`docs/`) whose path starts with what was typed, at most `sourceLimit`.
    public let files: (String) -> [String]
    /// Whether the login may run a command: only those are offered.
    public let permits: (CommandSpec) -> Bool

    /// The most candidates a source gives; a source that gives this many may have more,
    /// and the completion is then partial (nothing is filled in from a prefix they share).
    public static let sourceLimit = 200

    public init(
        table: CommandTable, names: @escaping (RecordKind, String) -> [String],
        values: @escaping (RecordKind, FieldSpec, String) -> [String] = { _, _, _ in [] },
        files: @escaping (String) -> [String] = { _ in [] },
        permits: @escaping (CommandSpec) -> Bool = { _ in true }
    ) {
        self.table = table
        self.values = values
        self.names = names
        self.files = files
        self.permits = permits
    }

    /// Whether a source gave as many candidates as it may (so perhaps not all).
    final class Partial {
        var seen = false
    }

    /// The same completer, noting in `partial` when a source's list was cut at its limit.
    func noting(_ partial: Partial) -> Completer {
        let (names, values, files) = (self.names, self.values, self.files)
        func note(_ list: [String]) -> [String] {
            if list.count >= Self.sourceLimit { partial.seen = true }
            return list
        }
        return Completer(
            table: table, names: { note(names($0, $1)) }, values: { note(values($0, $1, $2)) }, files: { note(files($0)) },
            permits: permits)
    }

    /// The first words of the commands the login may run.
    var firstWords: [String] {
        var seen = Set<String>()
        return table.commands.filter(permits).flatMap { $0.spellings.map { $0[0] } }.filter { seen.insert($0).inserted }
    }

    static let breakers: Set<Character> = [" ", "\t", "\u{3000}", "=", "＝", ",", "，", "、", "(", "（", ";", "；"]

    /// Candidates for the word ending at `cursor` (Character offset); returns where that word
    /// starts, and whether the candidates may be only some of them (`partial`).
    public func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String], partial: Bool) {
        let chars = Array(line.prefix(cursor))
        var start = chars.count
        while start > 0 && !Self.breakers.contains(chars[start - 1]) { start -= 1 }
        let word = String(chars[start...])
        var commandStart = start
        while commandStart > 0 && chars[commandStart - 1] != ";" && chars[commandStart - 1] != "；" { commandStart -= 1 }
        let before = String(chars[commandStart..<start])
        guard case .complete(let lines)? = try? Lexer(file: "").lex(before) else { return (start, [], false) }
        let tokens = lines.last?.tokens ?? []
        let afterEquals = start > 0 && (chars[start - 1] == "=" || chars[start - 1] == "＝")
        let partial = Partial()
        let all = noting(partial).candidates(tokens: tokens, afterEquals: afterEquals, word: word)
        var seen = Set<String>()
        let matching = all.filter { $0.lowercased().hasPrefix(word.lowercased()) && seen.insert($0).inserted }
        return (start, matching.sorted(by: Self.ordered), partial.seen)
    }

    func candidates(tokens: [Token], afterEquals: Bool, word: String) -> [String] {
        let words = tokens.compactMap { t -> String? in
            if case .word(let w) = t.kind { return w }
            return nil
        }
        guard !tokens.isEmpty else { return firstWords }
        guard let (spec, used) = table.match(words) else {
            // One word typed so far (a quoted string is not a command word): its verbs.
            guard tokens.count == 1, let first = words.first else { return [] }
            return table.commands(startingWith: first).filter(permits).flatMap { s in
                s.spellings.filter { CommandTable.same($0[0], first) }.compactMap { $0.dropFirst().first }
            }
        }
        let rest = Array(tokens[used...])
        switch spec.syntax {
        case .query: return queryCandidates(rest, counting: spec.id == .count, word: word)
        case .command:
            // `case export … out=FILE`: its own syntax, the same file option.
            if afterEquals, let key = rest.dropLast().last?.text?.lowercased(), ["out", "输出", "文件"].contains(key) {
                return files(word)
            }
            switch spec.id {
            case .set: return rest.isEmpty ? Session.settingNames.map { $0 + "=" } : settingValues(rest)
            case .explain, .check:
                guard let f = rest.first, case .word(let w) = f.kind, let (inner, n) = table.match([w]) else { return ["find", "count"] }
                return queryCandidates(Array(rest[n...]), counting: inner.id == .count, word: word)
            default: return []
            }
        case .plain:
            if afterEquals, let key = rest.dropLast().last?.text, let p = spec.option(key) {
                return values(for: p.type, prefix: word)
            }
            if spec.id == .help { return rest.isEmpty ? firstWords : [] }
            // A key in either language (`科`⇥ gives `科室=`); with nothing typed yet, the
            // English keys alone, so the list stays short.
            let unused = spec.options.filter { p in !rest.contains { $0.text.map(p.matches) ?? false } }
            var out = unused.flatMap { p in (word.isEmpty ? [p.name] : [p.name] + p.aliases).map { $0 + "=" } }
            let positional = rest.filter { $0.kind != .equals }.count - 2 * rest.filter { $0.kind == .equals }.count
            if positional >= 0, positional < spec.arguments.count {
                out += values(for: spec.arguments[positional].type, prefix: word)
            }
            return out
        }
    }

    func settingValues(_ rest: [Token]) -> [String] {
        guard let name = rest.first?.text?.lowercased() else { return [] }
        switch name {
        case "lang": return ChoiceSet.language.spellings
        case "format": return ChoiceSet.format.spellings
        case "reveal", "timer", "truncate", "csv-bom", "csv-formulas": return ["on", "off"]
        case "expanded": return ["on", "off", "auto"]
        case "pager": return ["off", "on", "always"]
        default: return []
        }
    }

    func values(for type: ValueType, prefix: String) -> [String] {
        switch type {
        case .choice(let set): return set.spellings
        case .reference(let kind): return names(kind, prefix)
        case .kind: return RecordKind.queryWords
        case .path: return files(prefix)
        default: return []
        }
    }

    /// Candidates in order: ids by their number (`C-9` before `C-10`), the rest as text.
    static func ordered(_ a: String, _ b: String) -> Bool {
        if let (ka, na) = RecordKind.forID(a), let (kb, nb) = RecordKind.forID(b), ka == kb { return na < nb }
        return a < b
    }

    func queryCandidates(_ rest: [Token], counting: Bool, word: String) -> [String] {
        guard let first = rest.first, case .word(let k) = first.kind, let kind = RecordKind.named(k) else {
            return RecordKind.queryWords
        }
        let schema = kind.schema
        if let last = rest.last, rest.count >= 2 {
            switch last.kind {
            case .equals, .comparison:
                if case .word(let f) = rest[rest.count - 2].kind, let field = schema.field(f) {
                    switch field.type {
                    case .choice(let set): return set.spellings
                    case .reference(let k): return names(k, word)
                    case .text: return values(kind, field, word)
                    default: break
                    }
                }
            default: break
            }
        }
        var out = schema.fieldWords
        out += counting ? ["where", "by", "and", "or", "not"] : ["where", "order", "by", "limit", "and", "or", "not", "asc", "desc"]
        return out
    }
}

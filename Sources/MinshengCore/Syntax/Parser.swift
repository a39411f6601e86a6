/// Reads one command's tokens against the command table and binds typed values.
///
/// Grammar:
///   command   := NAME+ item*
///   item      := WORD '=' values | values
///   values    := value (',' value)*
///   value     := WORD | STRING | VARIABLE
public struct Parser {
    public let table: CommandTable
    /// Context for `$name` and relative dates.
    public let context: BindingContext

    public init(table: CommandTable, context: BindingContext) {
        self.table = table
        self.context = context
    }

    /// Parses one command.
    public func parse(_ line: TokenLine) throws(ScriptError) -> Invocation {
        let tokens = line.tokens
        let (spec, used) = try resolveCommand(tokens, at: line.location)
        var invocation = Invocation(spec: spec, values: [:], rest: [], location: line.location, source: line.source)
        if spec.syntax != .plain {
            invocation.rest = Array(tokens[used...])
            return invocation
        }
        var i = used
        var positional = 0
        while i < tokens.count {
            let t = tokens[i]
            if i + 1 < tokens.count, tokens[i + 1].kind == .equals {
                guard case .word(let key) = t.kind else {
                    throw .syntax("an option name must be a plain word, not \(t.spelling)", "选项名应为普通词语，而不是 \(t.spelling)", at: t.location)
                }
                guard let param = spec.option(key) else {
                    throw .validation(
                        "unknown option '\(key)' for '\(spec.displayName)'", "'\(spec.name(.zh))' 没有选项 '\(key)'",
                        at: t.location,
                        hint: Suggestion.hint(for: key, in: spec.options.flatMap { [$0.name] + $0.aliases })
                            ?? optionList(spec))
                }
                guard invocation.values[param.name] == nil else {
                    throw .validation("option '\(param.name)' given twice", "选项 '\(param.name(.zh))' 重复", at: t.location)
                }
                let (raw, next) = try readValues(tokens, from: i + 2, after: tokens[i + 1], text: param.type.isText)
                invocation.values[param.name] = try bind(raw, to: param)
                i = next
            } else {
                guard positional < spec.arguments.count else {
                    throw .syntax(
                        "unexpected \(t.spelling) after '\(spec.displayName)'", "'\(spec.name(.zh))' 后出现多余的 \(t.spelling)",
                        at: t.location, hint: Localized(en: "usage: " + spec.usage(.en), zh: "用法：" + spec.usage(.zh)))
                }
                let param = spec.arguments[positional]
                positional += 1
                let (raw, next) = try readValues(tokens, from: i, after: nil, text: param.type.isText)
                invocation.values[param.name] = try bind(raw, to: param)
                i = next
            }
        }
        for p in spec.arguments + spec.options where p.required && invocation.values[p.name] == nil {
            let isArg = spec.arguments.contains { $0.name == p.name }
            let what = isArg ? p.name.uppercased() : "\(p.name)="
            let whatZh = isArg ? p.name(.zh) : "\(p.name(.zh))="
            throw .validation(
                "'\(spec.displayName)' needs \(what)", "'\(spec.name(.zh))' 缺少 \(whatZh)",
                at: tokens.last.map { endOf($0) } ?? line.location,
                hint: Localized(en: "usage: " + spec.usage(.en), zh: "用法：" + spec.usage(.zh)))
        }
        return invocation
    }

    func optionList(_ spec: CommandSpec) -> Localized? {
        guard !spec.options.isEmpty else { return Localized(en: "it takes no options", zh: "此命令没有选项") }
        let names = spec.options.listed
        return Localized(en: "options: \(names.en)", zh: "可用选项：\(names.zh)")
    }

    /// Finds the command, or says precisely what is wrong with its name.
    func resolveCommand(_ tokens: [Token], at loc: SourceLocation) throws(ScriptError) -> (CommandSpec, Int) {
        guard let first = tokens.first, case .word(let w0) = first.kind else {
            let t = tokens.first
            throw .syntax("expected a command, found \(t?.spelling ?? "nothing")", "这里应是命令，却是 \(t?.spelling ?? "空")", at: t?.location ?? loc)
        }
        let words = tokens.prefix(3).compactMap { t -> String? in
            if case .word(let w) = t.kind { return w }
            return nil
        }
        if let m = table.match(words) { return m }
        let family = table.commands(startingWith: w0)
        if !family.isEmpty {
            let verbs = family.flatMap { $0.spellings.filter { CommandTable.same($0[0], w0) }.compactMap { $0.dropFirst().first } }
            let got = tokens.count > 1 ? tokens[1] : nil
            let list = verbs.joined(separator: ", ")
            throw .syntax(
                got.map { "unknown verb '\($0.spelling)' for '\(w0)'" } ?? "'\(w0)' needs a verb",
                got.map { "'\(w0)' 没有动词 '\($0.spelling)'" } ?? "'\(w0)' 后面需要动词",
                at: got?.location ?? endOf(first),
                hint: got.flatMap { Suggestion.hint(for: $0.spelling, in: verbs) } ?? Localized(en: "verbs: \(list)", zh: "可用动词：\(verbs.joined(separator: "、"))"))
        }
        throw .syntax(
            "unknown command '\(w0)'", "未知命令 '\(w0)'", at: first.location,
            hint: Suggestion.hint(for: w0, in: table.firstWords) ?? Localized(en: "type 'help' for the list of commands", zh: "输入 帮助 查看命令列表"))
    }

    /// Reads `value (',' value)*` starting at `start`. A text value may run into brackets,
    /// typed without quotes (`note=（2单元）3至5层灯坏`): in a command brackets group nothing,
    /// so they are part of the text.
    func readValues(_ tokens: [Token], from start: Int, after equals: Token?, text: Bool = false) throws(ScriptError) -> ([Token], Int) {
        var out: [Token] = []
        var i = start
        while true {
            guard i < tokens.count else {
                let at = out.last.map(endOf) ?? equals.map(endOf) ?? tokens.last.map(endOf)
                throw .syntax("expected a value", "缺少值", at: at)
            }
            let t = tokens[i]
            if text, let (glued, next) = BracketedText.glue(tokens, from: i) {
                out.append(glued)
                i = next
            } else {
                switch t.kind {
                case .word, .string, .variable: out.append(t)
                default: throw .syntax("expected a value, found \(t.spelling)", "这里应是一个值，却是 \(t.spelling)", at: t.location)
                }
                i += 1
            }
            guard i < tokens.count, tokens[i].kind == .comma else { return (out, i) }
            i += 1
        }
    }

    func endOf(_ t: Token) -> SourceLocation { t.end }
}

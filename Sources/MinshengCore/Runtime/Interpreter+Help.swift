extension Interpreter {
    /// `help`, `help NOUN`, `help NOUN VERB`: all from the command table.
    func help(_ inv: Invocation) throws -> [Output] {
        let words = [inv.text("command"), inv.text("verb")].compactMap { $0 }
        guard let first = words.first else { return [.text(overview())] }
        // `help find`, `help count cases`: the query language, from the schemas.
        if let (spec, used) = table.match([first]), used == 1, spec.id == .find || spec.id == .count {
            guard words.count > 1 else { return [.text(queryHelp(spec, kind: nil))] }
            guard let kind = RecordKind.named(words[1]) else {
                throw ScriptError.validation(
                    "no kind '\(words[1])'", "没有种类 '\(words[1])'", at: inv["verb"]?.location,
                    hint: Suggestion.hint(for: words[1], in: RecordKind.allWords))
            }
            return [.text(queryHelp(spec, kind: kind))]
        }
        if let (spec, used) = table.match(words), used == words.count || words.count == 1 {
            return [.text(detail(spec))]
        }
        let family = table.commands(startingWith: first)
        if !family.isEmpty && words.count == 1 {
            return [.text(family.map { line(for: $0) }.joined(separator: "\n"))]
        }
        // The verb alone, as a cadre says it (`help 派单`, `help dispatch`): the commands
        // whose name ends with it.
        if words.count == 1 {
            let byVerb = table.commands.filter { spec in
                spec.spellings.contains { $0.count > 1 && CommandTable.same($0[$0.count - 1], first) }
            }
            if byVerb.count == 1, let spec = byVerb.first { return [.text(detail(spec))] }
            if byVerb.count > 1 { return [.text(byVerb.map { line(for: $0) }.joined(separator: "\n"))] }
        }
        let loc = (words.count > 1 ? inv["verb"] : inv["command"])?.location
        throw ScriptError.validation(
            "no help for '\(words.joined(separator: " "))'", "没有 '\(words.joined(separator: " "))' 的帮助", at: loc,
            hint: Suggestion.hint(for: words.last ?? first, in: table.firstWords + table.commands.flatMap { $0.spellings.compactMap { $0.dropFirst().first } }))
    }

    /// One command in a list: in English `case new (诉求 新建)`, in Chinese `诉求 新建（case new）`,
    /// the session's spelling first and the other beside, since either may be typed.
    func line(for spec: CommandSpec) -> String {
        let zh = spec.name(.zh)
        let name =
            zh == spec.displayName
            ? zh : lang == .zh ? "\(zh)（\(spec.displayName)）" : "\(spec.displayName) (\(zh))"
        return "  " + DisplayWidth.pad(name, to: 30) + " " + spec.summary.text(lang)
    }

    func overview() -> String {
        let head =
            lang == .zh
            ? "minsheng（民声）命令。输入 帮助 命令 查看用法、选项和示例，如 帮助 诉求 新建。"
            : "minsheng (民声) commands. Type 'help COMMAND' for usage, options and an example, e.g. 'help case new'."
        var lines = [head]
        // A login whose roles are enforced sees what it may do (`help COMMAND` still explains any).
        let access = try? currentAccess()
        for section in table.sections {
            let commands = section.commands.filter { access?.holds($0.requires) ?? true }
            guard !commands.isEmpty else { continue }
            lines.append("")
            lines.append(section.title.text(lang) + (lang == .zh ? "：" : ":"))
            lines += commands.map { line(for: $0) }
        }
        if let access, access.enforced {
            let roles = access.grants.map { $0.role.label.text(lang) }
            lines.append("")
            lines.append(
                lang == .zh
                    ? "（只列出 \(access.identity.login) 可用的命令：\(roles.isEmpty ? "没有角色" : roles.joined(separator: "、"))；role list 查看授权）"
                    : "(only the commands \(access.identity.login) may use: \(roles.isEmpty ? "no role" : roles.joined(separator: ", ")); role list shows the grants)"
            )
        }
        return lines.joined(separator: "\n")
    }

    func detail(_ spec: CommandSpec) -> String {
        var out: [String] = []
        out.append((lang == .zh ? "用法：" : "usage: ") + spec.usage(lang))
        out.append("  " + spec.summary.text(lang))
        if !spec.aliases.isEmpty {
            out.append((lang == .zh ? "别名：" : "aliases: ") + spec.aliases.map { $0.joined(separator: " ") }.joined(separator: lang == .zh ? "、" : ", "))
        }
        let params = spec.arguments + spec.options
        if !params.isEmpty {
            out.append(lang == .zh ? "参数：" : "arguments and options:")
            var rows: [(String, String)] = []
            for p in params {
                let isArg = spec.arguments.contains { $0.name == p.name }
                // In Chinese the key a cadre types first, the English one and the other aliases beside.
                let key = p.name(lang)
                var name = isArg ? (lang == .zh ? key : p.name.uppercased()) : key + "="
                let others = ([p.name] + p.aliases).filter { $0 != key }
                if !others.isEmpty && !isArg {
                    let list = others.map { $0 + "=" }.joined(separator: " ")
                    name += lang == .zh ? "（\(list)）" : " (\(list))"
                }
                var text = p.help.text(lang)
                if case .choice(let set) = p.type {
                    let english = set.choices.map { c in c.aliases.first.map { "\(c.value)/\($0)" } ?? c.value }.joined(separator: ", ")
                    text += " — " + (lang == .zh ? set.listed().zh : english)
                }
                if p.required { text += lang == .zh ? "（必填）" : " (required)" }
                rows.append((name, text))
            }
            // A column as wide as the longest key (Chinese keys with their English twins run long).
            let width = max(22, rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
            out += rows.map { "  " + DisplayWidth.pad($0.0, to: width) + " " + $0.1 }
        }
        out.append((lang == .zh ? "示例：" : "example: ") + spec.example(lang))
        return out.joined(separator: "\n")
    }
}

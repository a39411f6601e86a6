#if canImport(Glibc)
    import Glibc
#endif

extension Interpreter {
    /// `set NAME=VALUE`, `set NAME VALUE`: a setting when the name is one, else a variable.
    func set(_ inv: Invocation) throws -> [Output] {
        let tokens = inv.rest
        guard let first = tokens.first, case .word(let name) = first.kind else {
            if tokens.isEmpty { return showSettings() }
            throw ScriptError.syntax("expected a name after 'set'", "'设置' 后应是名称", at: tokens.first?.location ?? inv.location)
        }
        var valueTokens = Array(tokens.dropFirst())
        if valueTokens.first?.kind == .equals { valueTokens.removeFirst() }
        // `set 地点=（东区）3号楼`: brackets in a value typed without quotes are its text.
        if valueTokens.count > 1, let (glued, next) = BracketedText.glue(valueTokens, from: 0), next == valueTokens.count { valueTokens = [glued] }
        guard let valueToken = valueTokens.first else {
            throw ScriptError.syntax("'set \(name)' needs a value", "'设置 \(name)' 缺少值", at: first.location,
                hint: Localized(en: "write set \(name)=VALUE", zh: "写成 设置 \(name)=值"))
        }
        if valueTokens.count > 1 {
            throw ScriptError.syntax("'set' takes one value; quote it if it has spaces", "'设置' 只取一个值；含空格请加引号", at: valueTokens[1].location)
        }
        let ctx = session.bindingContext
        let value = try ctx.text(of: valueToken)
        let loc = valueToken.location
        let setting = CommandTable.settings.first { $0.name == name.lowercased() || $0.zh.contains(name) || $0.zh.contains(name.lowercased()) }
        /// The value as one of `set`'s choices; a wrong one is named by the setting in both languages.
        func choice(_ set: ChoiceSet) throws -> String? {
            let value = try ctx.value(of: valueToken, as: .choice(set), named: setting?.name ?? name, zhName: setting?.zh.first)
            guard case .choice(let v) = value else { return nil }
            return v
        }
        switch setting?.name {
        case "lang":
            guard let v = try choice(.language), let l = Language(rawValue: v) else { return [] }
            session.language = l
        case "format":
            guard let v = try choice(.format), let f = OutputFormat(rawValue: v) else { return [] }
            session.format = f
        case "now":
            if value.lowercased() == "system" || value == "系统" {
                let system = Timestamp.systemNow(unixSeconds: Int(time(nil)))
                if interactive && scriptStack.isEmpty && system < session.now {
                    throw ScriptError.validation(
                        "the clock cannot go back at the prompt: it is \(session.now.display), the system clock \(system.display)",
                        "在提示符下时钟不能往回拨：现在是 \(session.now.display)，系统时钟是 \(system.display)", at: loc,
                        hint: Localized(en: "run it from a script (source FILE)", zh: "请在脚本中执行（source 文件）"))
                }
                session.fixedNow = nil
            } else {
                guard case .time(let t) = try ctx.value(of: valueToken, as: .dateTime, named: "now", zhName: "时钟") else { return [] }
                // At the prompt the clock only goes forward: a step backdated by hand would
                // game the deadlines. A script or a replay may set it back (it is logged).
                if interactive && scriptStack.isEmpty && t < session.now {
                    throw ScriptError.validation(
                        "the clock cannot go back at the prompt: it is \(session.now.display), not \(t.display)",
                        "在提示符下时钟不能往回拨：现在是 \(session.now.display)，不能设为 \(t.display)", at: loc,
                        hint: Localized(
                            en: "to enter past work, write it in a script and run it with source or replay (every clock change is logged)",
                            zh: "补录以前的工作，请写成脚本，用 source 或 replay 执行（每次改动时钟都会记入修改记录）"))
                }
                session.fixedNow = t
            }
        case "operator":
            guard !value.isEmpty else { throw ScriptError.validation("the operator needs a name", "操作员不能为空", at: loc) }
            try settleOperator()
            try checkOperator(value, try store.identity(), at: valueToken.location)
            session.actor = value
        case "reveal":
            guard let v = try choice(.onOff) else { return [] }
            // An auditor never sees a phone number in full.
            if v == "on" {
                let access = try currentAccess()
                guard access.holds(.reveal) else { throw try refusal(inv, .reveal, access, target: nil) }
            }
            // Seeing residents' phone numbers is itself a recorded act: no record, no reveal.
            try log(inv, "session.reveal", nil, nil, [("reveal", v)])
            try store.reveal(v == "on")
            session.reveal = v == "on"
        case "timer":
            guard let v = try choice(.onOff) else { return [] }
            session.timer = v == "on"
        case "expanded":
            guard let v = try choice(.expanded), let m = ExpandedMode(rawValue: v) else {
                return []
            }
            session.expanded = m
        case "pager":
            guard let v = try choice(.pager), let m = PagerMode(rawValue: v) else { return [] }
            session.pager = m
        case "csv-bom":
            guard let v = try choice(.onOff) else { return [] }
            session.csvBOM = v == "on"
        case "csv-formulas":
            guard let v = try choice(.onOff) else { return [] }
            session.csvFormulas = v == "on"
        case "truncate":
            guard let v = try choice(.onOff) else { return [] }
            session.truncate = v == "on"
        default:
            guard name.first.map({ $0.isLetter || $0 == "_" }) ?? false, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ScriptError.validation(
                    "'\(name)' is not a valid variable name", "'\(name)' 不是有效的变量名", at: first.location,
                    hint: Localized(en: "use letters, digits and _", zh: "只能用字母、数字和 _"))
            }
            session.variables[name] = value
        }
        return []
    }

    func unset(_ inv: Invocation) throws -> [Output] {
        guard let name = inv.text("name") else { return [] }
        guard session.variables.removeValue(forKey: name) != nil else {
            throw ScriptError.validation("unknown variable '\(name)'", "未定义的变量 '\(name)'", at: inv["name"]?.location)
        }
        return []
    }

    func showSettings() -> [Output] {
        // The operator a server will record is the login: asked for here if not yet (a
        // refused --as is reported at the next command that needs the database).
        try? settleOperator()
        let now = session.fixedNow.map { $0.display } ?? (lang == .zh ? "系统时钟（\(session.now.display)）" : "system clock (\(session.now.display))")
        let onOff: (Bool) -> String = { $0 ? "on" : "off" }
        let values: [(String, String, ChoiceSet?)] = [
            ("lang", session.language.rawValue, .language), ("format", session.format.rawValue, .format), ("now", now, nil),
            ("operator", session.actor, nil), ("reveal", onOff(session.reveal), .onOff), ("timer", onOff(session.timer), .onOff),
            ("expanded", session.expanded.rawValue, .expanded), ("truncate", onOff(session.truncate), .onOff),
            ("pager", session.pager.rawValue, .pager), ("csv-bom", onOff(session.csvBOM), .onOff),
            ("csv-formulas", onOff(session.csvFormulas), .onOff),
        ]
        // In Chinese each setting by its Chinese name with the English one beside, and its value in Chinese.
        let names = values.map { v in
            lang == .zh ? "\(CommandTable.settings.first { $0.name == v.0 }?.zh.first ?? v.0)（\(v.0)）" : v.0
        }
        let width = names.map { DisplayWidth.of($0) }.max() ?? 0
        var lines = zip(names, values).map { name, v in
            let value = lang == .zh ? v.2?.resolve(v.1).map(\.chinese) ?? v.1 : v.1
            return DisplayWidth.pad(name, to: width) + " = " + value
        }
        if let path = redirect?.path { lines.append(DisplayWidth.pad(lang == .zh ? "输出到（output）" : "output", to: width) + " = \(path)") }
        if let path = recorder?.shown { lines.append(DisplayWidth.pad(lang == .zh ? "录制（record）" : "record", to: width) + " = \(path)") }
        for (k, v) in session.variables.sorted(by: { $0.key < $1.key }) { lines.append("$\(k) = \(v)") }
        if let id = session.lastID { lines.append("$_ = \(id)") }
        return [.text(lines.joined(separator: "\n"))]
    }

    func echo(_ inv: Invocation) throws -> [Output] {
        let ctx = session.bindingContext
        // What was typed, spaced as typed: `===T1` stays `===T1`, not its tokens `== = T1`.
        var out = ""
        var previous: Token?
        for t in inv.rest {
            if let p = previous, t.location.line != p.end.line || t.location.column > p.end.column { out += " " }
            switch t.kind {
            case .word, .string, .variable: out += try ctx.text(of: t)
            default: out += t.asTyped
            }
            previous = t
        }
        return [.text(out)]
    }

    func history() -> [Output] {
        let entries = historyProvider().map { session.reveal ? $0 : PhoneMask.maskNumbers(in: $0) }
        let width = String(entries.count).count
        return [.text(entries.enumerated().map { DisplayWidth.pad(String($0.offset + 1), to: width, right: true) + "  " + $0.element }.joined(separator: "\n"))]
            .filter { _ in !entries.isEmpty }
    }
}

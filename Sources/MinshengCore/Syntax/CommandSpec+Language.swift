/// A command, its parameters and its choices as a user of each language types them.
///
/// The Chinese spellings are the table's own aliases: a Chinese usage line or example is
/// derived from the English one word by word, so the two never drift and nothing is
/// translated twice.
extension CommandSpec {
    /// The command's words in `lang`: `case new` / `诉求 新建` (the first Chinese alias).
    public func name(_ lang: Language) -> String {
        spelling(lang).joined(separator: " ")
    }

    /// The command's words in `lang`, as a list.
    public func spelling(_ lang: Language) -> [String] {
        guard lang == .zh, let zh = aliases.first(where: { $0.first?.isChinese ?? false }) else { return words }
        return zh
    }

    /// The example in `lang`: in Chinese the command words, option keys and choice values
    /// of the English example by their Chinese spellings (`诉求 派单 C-1 科室=城建科`).
    /// A query or a command taken whole keeps its words after the name.
    public func example(_ lang: Language) -> String {
        guard lang == .zh else { return example }
        var tokens = Self.split(example)
        let used =
            spellings.filter { s in
                s.count <= tokens.count && zip(s, tokens).allSatisfy { CommandTable.same($0, $1) }
            }.map(\.count).max() ?? 0
        tokens.removeFirst(used)
        switch syntax {
        case .plain: tokens = tokens.map(translated)
        case .query: tokens = Self.translatedQuery(tokens)
        case .command:
            // A command taken whole (`explain find depts`): the inner command in Chinese; else a query's words.
            if var inner = CommandTable.standard.match(tokens)?.0 {
                inner.example = tokens.joined(separator: " ")
                tokens = [inner.example(.zh)]
            } else {
                tokens = Self.translatedQuery(tokens)
            }
        }
        return (spelling(.zh) + tokens).joined(separator: " ")
    }

    /// The words of a query in Chinese: kinds (`depts` → `科室`), keywords (`where` → `条件`),
    /// fields by their Chinese alias and choice values by their Chinese word; the rest as typed.
    static func translatedQuery(_ tokens: [String]) -> [String] {
        var schemas = RecordSchema.all
        func field(_ word: String) -> FieldSpec? { schemas.lazy.compactMap { $0.field(word) }.first }
        func word(_ w: String) -> String {
            if let kind = RecordKind.named(w) {
                schemas = [kind.schema]
                return kind.schema.zhWords[0]
            }
            if let zh = QueryParser.keywords[w.lowercased()]?.dropFirst().first { return zh }
            if let f = field(w) { return f.aliases.first { $0.isChinese } ?? w }
            return w
        }
        return tokens.map { t in
            guard let eq = t.firstIndex(of: "="), let f = field(String(t[..<eq])) else { return word(t) }
            var value = String(t[t.index(after: eq)...])
            if case .choice(let set) = f.type, let c = set.resolve(value) { value = c.chinese }
            return word(String(t[..<eq])) + "=" + value
        }
    }

    /// One word of an example in Chinese: `dept=城建科` → `科室=城建科`, `holiday` → `放假`, `cadre` → `干部`.
    func translated(_ token: String) -> String {
        if let eq = token.firstIndex(of: "="), let option = option(String(token[..<eq])) {
            let value = token[token.index(after: eq)...]
            let values = value.split(separator: ",", omittingEmptySubsequences: false).map { option.type.chinese(String($0)) }
            return option.name(.zh) + "=" + values.joined(separator: ",")
        }
        for a in arguments {
            if case .choice = a.type { let t = a.type.chinese(token); if t != token { return t } }
            // A kind (`merge cadre …`) by its Chinese word (`合并 干部 …`).
            if case .kind = a.type, let kind = RecordKind.named(token) { return kind.schema.zhWords[0] }
        }
        return token
    }

    /// Splits an example at spaces outside double quotes.
    public static func split(_ s: String) -> [String] {
        var out: [String] = [], cur = "", quoted = false
        for c in s {
            if c == "\"" { quoted.toggle() }
            if c == " " && !quoted {
                if !cur.isEmpty { out.append(cur) }
                cur = ""
            } else {
                cur.append(c)
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// A usage line in `lang`: `case new TITLE [kind=…] …` / `诉求 新建 标题 [类型=咨询|求助|…] …`.
    public func usage(_ lang: Language) -> String {
        var parts = [name(lang)]
        for a in arguments {
            let n = (lang == .zh ? a.name(.zh) : a.name.uppercased()) + (a.list ? "[,…]" : "")
            parts.append(a.required ? n : "[\(n)]")
        }
        if syntax == .query { parts.append(lang == .zh ? "种类 [条件 表达式] [排序 按 字段] [限制 数目]" : "KIND [where EXPR] [order by FIELD] [limit N]") }
        if syntax == .command { parts.append(lang == .zh ? "命令…" : "COMMAND…") }
        for o in options {
            let v = "\(o.name(lang))=\(o.type.placeholder(lang))"
            parts.append(o.required ? v : "[\(v)]")
        }
        return parts.joined(separator: " ")
    }
}

extension ParameterSpec {
    /// The key or placeholder in `lang`: the first Chinese alias in Chinese (`科室`), else the English name.
    public func name(_ lang: Language) -> String {
        guard lang == .zh else { return name }
        return aliases.first { $0.isChinese } ?? name
    }
}

extension [ParameterSpec] {
    /// The keys as a message lists them: `reason, by` / `原因（reason）、经办人（by）`, the
    /// Chinese key first and the English one beside, since either may be typed.
    public var listed: Localized {
        Localized(
            en: map(\.name).joined(separator: ", "),
            zh: map { $0.name(.zh) == $0.name ? $0.name : "\($0.name(.zh))（\($0.name)）" }.joined(separator: "、"))
    }
}

extension ValueType {
    /// What a usage line shows for a value: `urgent|normal|…` / `紧急|一般|…`, `N` / `数目`.
    func placeholder(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .choice(let set): return set.choices.map { zh ? $0.chinese : $0.value }.joined(separator: "|")
        case .integer: return zh ? "数目" : "N"
        case .date: return zh ? "日期" : "YYYY-MM-DD"
        case .dateTime: return zh ? "日期时间" : "YYYY-MM-DDTHH:MM"
        case .duration: return zh ? "2小时|7天|15个工作日" : "2h|7d|15wd"
        default: return "…"
        }
    }

    /// A choice value by its Chinese spelling; anything else as it is.
    func chinese(_ word: String) -> String {
        guard case .choice(let set) = self, let c = set.resolve(word) else { return word }
        return c.chinese
    }
}

extension Choice {
    /// The Chinese spelling a user may type: the label if it is one of them, else the first Chinese alias.
    public var chinese: String {
        if label.zh != value && label.zh.isChinese && aliases.contains(label.zh) { return label.zh }
        return aliases.first { $0.isChinese } ?? value
    }
}

extension String {
    /// Holds a Han character (a Chinese word, not a Latin one).
    var isChinese: Bool { unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF } }
}

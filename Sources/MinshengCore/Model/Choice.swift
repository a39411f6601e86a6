/// One allowed value of an enumerated option, with its Chinese aliases.
public struct Choice: Sendable, Equatable {
    public var value: String
    public var aliases: [String]
    public var label: Localized

    public init(_ value: String, _ aliases: [String] = [], label: Localized? = nil) {
        self.value = value
        self.aliases = aliases
        self.label = label ?? Localized(en: value, zh: aliases.first ?? value)
    }
}

/// A named set of choices (urgency, callback result, …).
public struct ChoiceSet: Sendable, Equatable {
    public var name: String
    public var choices: [Choice]

    public init(_ name: String, _ choices: [Choice]) {
        self.name = name
        self.choices = choices
    }

    /// The canonical value for a typed word (English, case-insensitive, or a Chinese alias).
    public func resolve(_ word: String) -> Choice? {
        let w = word.lowercased()
        return choices.first { $0.value.lowercased() == w || $0.aliases.contains(word) }
    }

    /// Every spelling a user may type, for completion and suggestions.
    public var spellings: [String] { choices.flatMap { [$0.value] + $0.aliases } }

    /// The choices as an error lists them, each in the session's language first and the
    /// other beside it: `urgent (紧急), normal (一般)` / `紧急（urgent）、一般（normal）`.
    public func listed(extra: [(en: String, zh: String)] = []) -> Localized {
        let pairs = choices.map { c in (en: c.value, zh: c.label.zh != c.value && c.label.zh.isChinese ? c.label.zh : c.aliases.first { $0.isChinese }) }
            + extra.map { (en: $0.en, zh: Optional($0.zh)) }
        return Localized(
            en: pairs.map { p in p.zh.map { "\(p.en) (\($0))" } ?? p.en }.joined(separator: ", "),
            zh: pairs.map { p in p.zh.map { "\($0)（\(p.en)）" } ?? p.en }.joined(separator: "、"))
    }

    public static let onOff = ChoiceSet("on-off", [
        Choice("on", ["开", "是", "true", "yes"]), Choice("off", ["关", "否", "false", "no"]),
    ])
    public static let expanded = ChoiceSet("expanded", [
        Choice("on", ["开", "是", "true", "yes"]), Choice("off", ["关", "否", "false", "no"]), Choice("auto", ["自动"]),
    ])
    public static let pager = ChoiceSet("pager", [
        Choice("off", ["关", "否", "false", "no"]), Choice("on", ["开", "是", "true", "yes"]), Choice("always", ["总是"]),
    ])
    public static let encoding = ChoiceSet("encoding", [
        Choice("utf-8", ["utf8"]), Choice("gb18030"), Choice("gbk", ["gb2312", "GB2312", "cp936"]),
    ])
    public static let format = ChoiceSet("format", [
        Choice("table", ["表格"]), Choice("json"), Choice("jsonl"), Choice("csv"), Choice("markdown", ["md"]), Choice("line", ["行"]),
    ])
    public static let language = ChoiceSet("lang", [Choice("zh", ["中文"]), Choice("en", ["英文", "english"])])
}

/// The language of help and messages.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from locale variables: a zh_* locale gets Chinese.
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty {
                return v.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// A text in both languages; the shell picks one at the edge.
public struct Localized: Sendable, Equatable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    /// The same text in both languages (names, numbers, ids).
    public init(_ both: String) {
        self.en = both
        self.zh = both
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}

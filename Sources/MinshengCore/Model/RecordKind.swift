/// Every kind of record the shell keeps: one table each, one id prefix each.
public enum RecordKind: String, Sendable, CaseIterable {
    case department, community

    /// The shape of this kind: words, id prefix, fields.
    public var schema: RecordSchema {
        switch self {
        case .department: return .department
        case .community: return .community
        }
    }

    /// Finds a kind by any of its words (`dept`, `depts`, `科室` …).
    public static func named(_ word: String) -> RecordKind? {
        let w = word.lowercased()
        return allCases.first { $0.schema.words.contains(w) || $0.schema.zhWords.contains(word) }
    }

    /// Every word a user may type for a kind, for completion and suggestions.
    public static var allWords: [String] { allCases.flatMap { $0.schema.words + $0.schema.zhWords } }

    /// The kind whose ids start with this prefix (`D-12` → department).
    public static func forID(_ text: String) -> (RecordKind, Int)? {
        guard let dash = text.firstIndex(of: "-") else { return nil }
        let prefix = text[..<dash].uppercased()
        guard let n = Int(text[text.index(after: dash)...]), n > 0,
            let kind = allCases.first(where: { $0.schema.idPrefix == prefix })
        else { return nil }
        return (kind, n)
    }

    public func id(_ n: Int) -> String { "\(schema.idPrefix)-\(n)" }
}

/// The type of a field, which decides how values are parsed, compared and shown.
public enum FieldType: Sendable, Equatable {
    case text, integer, dateTime, date
    case choice(ChoiceSet)
    case reference(RecordKind)
    /// A comma-separated set of words (household tags).
    case tags
    /// A resident's phone number: masked in every output unless revealed.
    case phone
}

/// One field of a record kind, as users name it and as the store keeps it.
public struct FieldSpec: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var type: FieldType
    public var label: Localized
    /// The stored column; computed fields have none and are derived by the store.
    public var column: String?
    /// Shown by `find` unless the user picks fields.
    public var listed: Bool

    public init(_ name: String, _ aliases: [String], _ type: FieldType, label: Localized, column: String? = nil, listed: Bool = true) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.label = label
        self.column = column ?? name.replacingDashes()
        self.listed = listed
    }

    func matches(_ word: String) -> Bool { name == word.lowercased() || aliases.contains(word) }
}

/// The shape of a record kind.
public struct RecordSchema: Sendable {
    public var kind: String
    /// English words, singular first then plural (`dept`, `depts`, `department`).
    public var words: [String]
    public var zhWords: [String]
    public var idPrefix: String
    public var table: String
    public var label: Localized
    /// The plural, for messages such as "no departments found".
    public var plural: Localized
    public var fields: [FieldSpec]

    public func field(_ word: String) -> FieldSpec? { fields.first { $0.matches(word) } }

    /// Field names and aliases, for completion and suggestions.
    public var fieldWords: [String] { fields.flatMap { [$0.name] + $0.aliases } }

    /// The field that names a record, used to look it up by name.
    public var nameField: FieldSpec? { field("name") }
}

extension String {
    func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}

extension FieldSpec {
    static let id = FieldSpec("id", ["编号"], .integer, label: Localized(en: "id", zh: "编号"))
    static func name(_ zh: String) -> FieldSpec { FieldSpec("name", ["名称", "名字"], .text, label: Localized(en: "name", zh: zh)) }
    static let created = FieldSpec("created", ["创建时间"], .dateTime, label: Localized(en: "created", zh: "创建时间"), column: "created_at", listed: false)
    static let createdBy = FieldSpec("created-by", ["创建人"], .text, label: Localized(en: "created by", zh: "创建人"), listed: false)
}

extension RecordSchema {
    static let department = RecordSchema(
        kind: "department", words: ["dept", "depts", "department", "departments"], zhWords: ["科室", "部门"],
        idPrefix: "D", table: "department", label: Localized(en: "department", zh: "科室"),
        plural: Localized(en: "departments", zh: "科室"),
        fields: [.id, .name("科室"), .created, .createdBy])
    static let community = RecordSchema(
        kind: "community", words: ["community", "communities"], zhWords: ["社区"],
        idPrefix: "S", table: "community", label: Localized(en: "community", zh: "社区"),
        plural: Localized(en: "communities", zh: "社区"),
        fields: [.id, .name("社区"), .created, .createdBy])
}

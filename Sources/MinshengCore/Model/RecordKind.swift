/// A kind of record the shell keeps: one table each, one id prefix each.
///
/// Kinds are declared by the families that own them (`RecordSchema` constants) and
/// listed once in `RecordSchema.all`.
public struct RecordKind: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// The shape of this kind: words, id prefix, fields.
    public var schema: RecordSchema {
        RecordSchema.byKind[self] ?? RecordSchema(kind: self, words: [rawValue, rawValue], zhWords: [rawValue], idPrefix: "?", table: rawValue,
            label: Localized(rawValue), plural: Localized(rawValue), fields: [])
    }

    /// Every registered kind, in declaration order.
    public static var allCases: [RecordKind] { RecordSchema.all.map(\.kind) }

    /// Finds a kind by any of its words (`dept`, `depts`, `科室` …).
    public static func named(_ word: String) -> RecordKind? {
        let w = word.lowercased()
        return RecordSchema.all.first { $0.words.contains(w) || $0.zhWords.contains(word) }?.kind
    }

    /// The words completion offers after `find`/`count`: the plural and the Chinese names.
    public static var queryWords: [String] { RecordSchema.all.flatMap { [$0.words.count > 1 ? $0.words[1] : $0.words[0]] + $0.zhWords } }

    /// Every word a user may type for a kind, for completion and suggestions.
    public static var allWords: [String] { RecordSchema.all.flatMap { $0.words + $0.zhWords } }

    /// The kind whose ids start with this prefix (`D-12` → department).
    public static func forID(_ text: String) -> (RecordKind, Int)? {
        guard let dash = text.lastIndex(of: "-") else { return nil }
        let prefix = text[..<dash].uppercased()
        guard let n = Int(text[text.index(after: dash)...]), n > 0,
            let schema = RecordSchema.all.first(where: { $0.idPrefix == prefix })
        else { return nil }
        return (schema.kind, n)
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
    /// Derived from stored columns and the clock in force; the query parser rewrites
    /// conditions on it into conditions on columns, so indexes still serve.
    case computed(ComputedField)
    /// A number with one decimal kept as written (`92.7`, a change `+3.2`): shown as is,
    /// a number in JSON and CSV, `—` when there is none. Only results carry it.
    case decimal
    /// A percentage with one decimal (`90.9`): shown `90.9%`, the number 90.9 in JSON and
    /// CSV, `—` when there is nothing to share. Only results carry it.
    case percent
}

/// The fields a query can ask about that no column stores.
public enum ComputedField: String, Sendable, Equatable {
    /// Not resolved or closed, and past its resolve deadline.
    case overdue
    /// Whole days since it was created.
    case age
    /// Whole days until its resolve deadline (negative once past).
    case daysLeft = "days-left"
    /// Whole working days gone since it was received (`WorkCalendar.workingAge`).
    case workingAge = "working-age"
    /// A household some visit went to.
    case visited
    /// Days from a case's creation to its resolution, with fractions (none before resolved).
    case daysToResolve = "days-to-resolve"
    /// Hours from a case's creation to the first response, with fractions.
    case responseTime = "response-time"
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
    /// Read through another record: `column` is that record's, reached by this record's
    /// `through.column` (a case's subdistrict is its community's). Nothing stores it here.
    public var through: (kind: RecordKind, column: String)?
    /// Derived from other records (`last-visit`, a household's `cadre`): no column, the
    /// store computes it; the type is that of its value.
    public var fact: Fact?

    public static func == (a: FieldSpec, b: FieldSpec) -> Bool {
        a.name == b.name && a.aliases == b.aliases && a.type == b.type && a.label == b.label && a.column == b.column && a.listed == b.listed
            && a.through?.kind == b.through?.kind && a.through?.column == b.through?.column && a.fact == b.fact
    }

    public init(_ name: String, _ aliases: [String], _ type: FieldType, label: Localized, column: String? = nil, listed: Bool = true) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.label = label
        if case .computed = type {
            self.column = nil
        } else {
            self.column = column ?? name.replacingDashes()
        }
        self.listed = listed
    }

    func matches(_ word: String) -> Bool { name == word.lowercased() || aliases.contains(word) }
}

/// The shape of a record kind.
public struct RecordSchema: Sendable {
    public var kind: RecordKind
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

    /// The column that names a record in references and lookups: its name, else its title
    /// (a case), else its address (a household), else its number.
    public var titleColumn: String { (nameField ?? field("title") ?? field("address"))?.column ?? "id" }
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

extension RecordKind {
    public static let department = RecordKind(rawValue: "department")
    public static let community = RecordKind(rawValue: "community")
    public static let subdistrict = RecordKind(rawValue: "subdistrict")
}

extension RecordSchema {
    /// Every kind of record, in the order `help` and completion list them.
    /// A family adds its kinds here, one line.
    public static let all: [RecordSchema] = orgSchemas + domainSchemas + orgFamilySchemas + visitSchemas + meetingSchemas
        + assessmentSchemas + roleSchemas

    /// Tables a family keeps through the generic store but users do not query by name
    /// (attendance, ballots …): known to `schema`, absent from `find`, help and completion.
    /// A family adds its tables here, one line.
    static let auxiliary: [RecordSchema] = meetingTables
        + assessmentTables

    static let byKind: [RecordKind: RecordSchema] = Dictionary((all + auxiliary).map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })

    static let orgSchemas: [RecordSchema] = [.department, .community, .subdistrict]

    static let department = RecordSchema(
        kind: .department, words: ["dept", "depts", "department", "departments"], zhWords: ["科室", "部门"],
        idPrefix: "D", table: "department", label: Localized(en: "department", zh: "科室"),
        plural: Localized(en: "departments", zh: "科室"),
        fields: [.id, .name("科室"), .subdistrict, .created, .createdBy, .merged, .mergedInto(.department)])
    static let community = RecordSchema(
        kind: .community, words: ["community", "communities"], zhWords: ["社区"],
        idPrefix: "S", table: "community", label: Localized(en: "community", zh: "社区"),
        plural: Localized(en: "communities", zh: "社区"),
        fields: [.id, .name("社区"), .subdistrict, .created, .createdBy, .merged, .mergedInto(.community)])
    /// 街道: the level above communities. A district server holds many; a SQLite file holds
    /// one and need not name it.
    static let subdistrict = RecordSchema(
        kind: .subdistrict, words: ["subdistrict", "subdistricts"], zhWords: ["街道"],
        idPrefix: "J", table: "subdistrict", label: Localized(en: "subdistrict", zh: "街道"),
        plural: Localized(en: "subdistricts", zh: "街道"),
        fields: [.id, .name("街道"), .created, .createdBy])
}

extension FieldSpec {
    /// The subdistrict a department or community belongs to (none in a one-subdistrict file).
    static let subdistrict = FieldSpec(
        "subdistrict", ["街道"], .reference(.subdistrict), label: Localized(en: "subdistrict", zh: "街道"), column: "subdistrict_id", listed: false)
}

extension FieldType {
    /// A number to right-align on screen (an id is a name, not a number).
    public var isNumber: Bool {
        switch self {
        case .integer, .decimal, .percent: return true
        default: return false
        }
    }
}

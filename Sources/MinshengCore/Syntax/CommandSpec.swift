/// How a typed value is read and checked.
public enum ValueType: Sendable, Equatable {
    case text
    case integer
    case date
    case dateTime
    case duration
    case choice(ChoiceSet)
    /// A record given by id (`D-1`) or by name (`城建科`).
    case reference(RecordKind)
    /// A record kind (`cases`, `科室`).
    case kind
    /// A file path, relative to the current script.
    case path
    /// A setting or variable name.
    case name

    /// Free text, a path or a record's name: words that may run into brackets.
    var isText: Bool {
        switch self {
        case .text, .path, .reference: return true
        default: return false
        }
    }
}

/// One positional argument or `key=value` option of a command.
public struct ParameterSpec: Sendable {
    public var name: String
    public var aliases: [String]
    public var type: ValueType
    public var required: Bool
    /// Accepts a list, `a,b,c`.
    public var list: Bool
    public var help: Localized

    public init(_ name: String, _ aliases: [String] = [], _ type: ValueType, required: Bool = false, list: Bool = false, help: Localized) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.required = required
        self.list = list
        self.help = help
    }

    func matches(_ word: String) -> Bool { name == word.lowercased() || aliases.contains(word) }
}

/// What running a command does to the database, which decides its transaction.
public enum Effect: Sendable {
    /// Reads only: a deferred transaction.
    case reads
    /// Changes records: an immediate transaction, committed only if the command succeeds.
    case writes
    /// Touches the session only (settings, output, help): no transaction.
    case session
}

/// How the words after a command's name are read.
public enum ArgumentSyntax: Sendable {
    /// Positional values and `key=value` options.
    case plain
    /// A query: `KIND [where EXPR] [order by …] [limit N]` (and `by …` for count).
    case query
    /// Everything after the name is another command, kept as tokens (`check`, `explain`).
    case command
}

/// Identifies what a command does; the interpreter finds its handler by it.
/// Each family declares its ids beside its commands.
public struct CommandID: Hashable, Sendable, RawRepresentable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public init(_ raw: String) { self.rawValue = raw }
}

extension CommandID {
    public static let help = CommandID("help"), set = CommandID("set"), unset = CommandID("unset")
    public static let showSettings = CommandID("show-settings"), echo = CommandID("echo"), check = CommandID("check")
    public static let history = CommandID("history"), quit = CommandID("quit"), record = CommandID("record")
    public static let replay = CommandID("replay"), source = CommandID("source"), output = CommandID("output")
    public static let once = CommandID("once")
    public static let find = CommandID("find"), count = CommandID("count"), show = CommandID("show"), explain = CommandID("explain")
    public static let deptAdd = CommandID("dept-add"), communityAdd = CommandID("community-add")
    public static let subdistrictAdd = CommandID("subdistrict-add")
}

/// One entry of the command table: everything parsing, validation, help and
/// completion need to know about a command, declared once.
public struct CommandSpec: Sendable {
    public var id: CommandID
    /// The English words, e.g. `["case", "new"]`.
    public var words: [String]
    /// Other spellings, Chinese first, e.g. `[["诉求", "新建"]]`.
    public var aliases: [[String]]
    public var arguments: [ParameterSpec]
    public var options: [ParameterSpec]
    public var summary: Localized
    public var example: String
    public var effect: Effect
    public var syntax: ArgumentSyntax

    public init(
        _ id: CommandID, _ words: [String], aliases: [[String]] = [], arguments: [ParameterSpec] = [],
        options: [ParameterSpec] = [], summary: Localized, example: String, effect: Effect,
        syntax: ArgumentSyntax = .plain
    ) {
        self.id = id
        self.words = words
        self.aliases = aliases
        self.arguments = arguments
        self.options = options
        self.summary = summary
        self.example = example
        self.effect = effect
        self.syntax = syntax
    }

    /// Every spelling of the command's name.
    public var spellings: [[String]] { [words] + aliases }

    public var displayName: String { words.joined(separator: " ") }

    public func option(_ word: String) -> ParameterSpec? { options.first { $0.matches(word) } }
}

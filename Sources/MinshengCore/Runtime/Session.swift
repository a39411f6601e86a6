#if canImport(Glibc)
    import Glibc
#endif

/// How results are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv, markdown, line
}

/// `set pager off|on|always`: on shows results longer than the screen through the pager
/// (`$MINSHENG_PAGER`, `$PAGER`, `less -RSFX`), always shows every result through it; only
/// ever when the output is a terminal.
public enum PagerMode: String, Sendable, CaseIterable {
    case off, on, always
}

/// The settings and variables of one shell session.
public struct Session: Sendable {
    public var language: Language
    public var format: OutputFormat = .table
    /// A fixed clock (`--now`, `set now=…`); nil means the system clock.
    public var fixedNow: Timestamp?
    /// Who is recorded as having made each change.
    public var actor: String
    /// Show residents' phone numbers in full.
    public var reveal = false
    /// Print each command's time.
    public var timer = false
    /// One field per line: always, never, or when a table is wider than the terminal.
    public var expanded = ExpandedMode.auto
    /// Cut wide cells with `…` to fit the terminal instead of showing them whole.
    public var truncate = false
    /// Results longer than the screen go through a pager, on a terminal only.
    public var pager = PagerMode.on
    /// CSV for Excel: a UTF-8 byte order mark at the start of the file and CRLF line ends.
    public var csvBOM = false
    /// Leave CSV cells that start like a formula (`=`, `+`, `-`, `@`) as they are.
    public var csvFormulas = false
    public var variables: [String: String] = [:]
    /// The id the last command created (`$_`).
    public var lastID: String?
    /// The meeting commands in the room apply to (`M-1`), shown in the prompt.
    public var currentMeeting: String?
    /// The item a meeting command applies to when none is named (`I-2`), shown in the prompt.
    public var currentItem: String?
    /// Set by `meeting close`: the prompt leaves the room, while `minutes`, `decide` and
    /// `evaluate` still default to the meeting just closed.
    public var currentMeetingClosed = false
    /// `M-1/I-2` while a meeting is open and current, for the prompt.
    public var roomPlace: String? {
        guard !currentMeetingClosed, let m = currentMeeting else { return nil }
        return [m, currentItem].compactMap { $0 }.joined(separator: "/")
    }

    public init(language: Language, actor: String) {
        self.language = language
        self.actor = actor
    }

    /// The clock in force.
    public var now: Timestamp {
        if let fixedNow { return fixedNow }
        return Timestamp.systemNow(unixSeconds: Int(time(nil)))
    }

    public var bindingContext: BindingContext {
        BindingContext(variables: variables, lastID: lastID, now: now, reveal: reveal)
    }

    /// Names of the settings `set` knows, in the order `show settings` lists them.
    public static let settingNames = ["lang", "format", "now", "operator", "reveal", "timer", "expanded", "truncate", "pager", "csv-bom", "csv-formulas"]
}

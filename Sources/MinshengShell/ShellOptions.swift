import MinshengCore

/// What the command line asked for; filled in by the executable.
public struct ShellOptions: Sendable, Equatable {
    public var database: String?
    /// What to run, in the order the command line gave it: `-c` commands and script files
    /// (`-f FILE` or a bare name), as psql runs its `-c` and `-f`.
    public var inputs: [Input] = []
    public var keepGoing = false
    public var atomic = false
    public var now: Timestamp?
    public var actor: String?
    public var format: OutputFormat?
    public var language: Language?
    public var noRC = false
    /// `--safe`: refuse every command that writes outside the database.
    public var safe = false
    /// `--bom`: CSV for Excel (a UTF-8 byte order mark, CRLF), as `set csv-bom on`.
    public var csvBOM = false

    public init() {}

    /// One `-c COMMANDS` or one script file.
    public enum Input: Sendable, Equatable {
        case commands(String)
        case file(String)

        var shown: String {
            switch self {
            case .commands(let c): return "-c '\(c)'"
            case .file(let f): return f
            }
        }
    }

    /// The script files among the inputs, in order.
    public var scripts: [String] { inputs.compactMap { if case .file(let f) = $0 { return f } else { return nil } } }
}

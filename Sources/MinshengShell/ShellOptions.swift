import MinshengCore

/// What the command line asked for; filled in by the executable.
public struct ShellOptions: Sendable {
    public var database: String?
    public var scripts: [String] = []
    public var commands: String?
    public var keepGoing = false
    public var atomic = false
    public var now: Timestamp?
    public var actor: String?
    public var format: OutputFormat?
    public var language: Language?
    public var noRC = false
    /// `--safe`: refuse every command that writes outside the database.
    public var safe = false

    public init() {}
}

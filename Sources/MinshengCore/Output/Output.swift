/// What a command produced, before it is rendered for a terminal or a file.
public enum Output: Sendable, Equatable {
    /// A line of prose (confirmations, help).
    case text(String)
    /// Rows of records; `kind` names what they are for empty results and JSON.
    case table(ResultSet, kind: RecordKind?)
    /// A note that goes to the screen even while results go to a file.
    case notice(String)
}

extension OutputFormat {
    /// Whether results are set for people (a table, markdown, one field per line) rather
    /// than for programs (JSON, JSON Lines, CSV), which get every result as data.
    public var isProse: Bool { self == .table || self == .markdown || self == .line }
}

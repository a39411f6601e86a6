/// What a command produced, before it is rendered for a terminal or a file.
public enum Output: Sendable, Equatable {
    /// A line of prose (confirmations, help).
    case text(String)
    /// Rows of records; `kind` names what they are for empty results and JSON.
    case table(ResultSet, kind: RecordKind?)
    /// A note that goes to the screen even while results go to a file.
    case notice(String)
}

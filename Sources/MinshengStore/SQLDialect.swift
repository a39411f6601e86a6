/// The few places where SQLite and PostgreSQL spell things differently. Everything
/// else the store writes is plain parameterized SQL both accept.
struct SQLDialect {
    /// `haystack` contains `needle` (a bound parameter).
    func contains(_ haystack: String) -> String { "instr(\(haystack), ?) > 0" }
    /// The plan of a statement.
    func explainPrefix() -> String { "EXPLAIN QUERY PLAN " }

    static let sqlite = SQLDialect()
}

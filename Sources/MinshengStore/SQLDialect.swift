/// The few places where SQLite and PostgreSQL spell things differently. Everything
/// else the store writes is plain parameterized SQL (with `?` placeholders) both accept;
/// the PostgreSQL executor numbers the placeholders itself.
struct SQLDialect: Sendable {
    enum Engine: Sendable { case sqlite, postgres }
    let engine: Engine

    /// `haystack` contains `needle` (a bound parameter).
    func contains(_ haystack: String) -> String {
        engine == .sqlite ? "instr(\(haystack), ?) > 0" : "strpos(\(haystack), ?) > 0"
    }

    /// `column` equals a bound value, NULL included (`IS ?` in SQLite).
    func same(_ column: String) -> String {
        engine == .sqlite ? "\(column) IS ?" : "\(column) IS NOT DISTINCT FROM ?"
    }

    /// A column that orders a table's rows as stored, for the records digest.
    var storageOrder: String { engine == .sqlite ? "rowid" : "ctid" }

    /// An INSERT of `columns` for many rows; with `unique`, a row whose value there is taken
    /// is skipped (the partial unique index's condition names the conflict target).
    func bulkInsertSQL(table: String, columns: [String], unique: String?) -> String {
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        if let unique { sql += " ON CONFLICT (\(unique)) WHERE \(unique) IS NOT NULL DO NOTHING" }
        return sql
    }

    static let sqlite = SQLDialect(engine: .sqlite)
    static let postgres = SQLDialect(engine: .postgres)
}

import GRDB
import MinshengCore

extension SQLiteStore {
    /// A SHA-256 of every record table (all but the change log and the migrations'
    /// bookkeeping), row by row in rowid order. Two equal digests mean no record changed:
    /// the test that every change is logged compares it before and after each command.
    public func recordsDigest() throws -> String {
        try withDatabase { db in
            let tables = try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('event', 'grdb_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            var text = ""
            for table in tables {
                text += "\u{1}" + table
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
                while let row = try rows.next() {
                    text += "\u{2}" + row.databaseValues.map { $0.description }.joined(separator: "\u{3}")
                }
            }
            return SHA256.hex(text)
        }
    }
}

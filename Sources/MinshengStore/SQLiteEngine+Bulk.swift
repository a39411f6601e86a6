import GRDB
import GRDBSQLite
import MinshengCore

extension SQLiteEngine {
    func bulkInsert(table: String, key: String, columns: [String], unique: String?) throws -> BulkInsert {
        try withConnection { c in
            guard let db = (c as? SQLiteConnection)?.db else { throw ScriptError.runtimeFailure("not a SQLite connection") }
            let sql = dialect.bulkInsertSQL(table: table, key: key, columns: columns, unique: unique)
            let statement = try db.makeStatement(sql: sql)
            // Marks the arguments as set, so each row can bind its values straight into the
            // statement and run it (a reset keeps the bindings).
            statement.setUncheckedArguments(StatementArguments(columns.map { _ in DatabaseValue.null }))
            return SQLiteBulkInsert(db: db, statement: statement, engine: self)
        }
    }
}

/// One prepared INSERT, reused for every row of an import.
///
/// Per row this costs the bindings (straight into SQLite, no `StatementArguments`) and one
/// step: no SQL text is built or looked up, no dictionary of values is made, and a taken unique value is seen by the statement itself
/// (`ON CONFLICT … DO NOTHING`, then `changes()`), not by a SELECT before each insert.
final class SQLiteBulkInsert: BulkInsert {
    let db: Database
    let statement: Statement
    let engine: SQLiteEngine

    init(db: Database, statement: Statement, engine: SQLiteEngine) {
        self.db = db
        self.statement = statement
        self.engine = engine
    }

    func insert(_ values: [StoreValue]) throws -> Int? {
        try engine.mapErrors {
            let stmt = statement.sqliteStatement
            // The last row left the statement done: reset it (bindings are kept) to bind anew.
            sqlite3_reset(stmt)
            for (i, v) in values.enumerated() {
                let index = CInt(i + 1)
                let code: CInt
                switch v {
                case .text(let s): code = bindText(s, stmt, index)
                case .integer(let n): code = sqlite3_bind_int64(stmt, index, Int64(n))
                case .real(let d): code = sqlite3_bind_double(stmt, index, d)
                case .null: code = sqlite3_bind_null(stmt, index)
                }
                guard code == SQLITE_OK else { throw ScriptError.runtimeFailure("cannot bind value \(i + 1) of a bulk insert (\(code)): \(db.lastErrorMessage ?? "")") }
            }
            try statement.execute()
            return db.changesCount == 0 ? nil : Int(db.lastInsertedRowID)
        }
    }
}

/// Binds a string by its UTF-8 bytes and length (no C string is made); SQLite copies them.
private func bindText(_ s: String, _ stmt: OpaquePointer, _ index: CInt) -> CInt {
    var s = s
    return s.withUTF8 { bytes in
        // A null pointer would bind NULL: an empty string still needs a (valid) address.
        guard let base = bytes.baseAddress else { return sqlite3_bind_text(stmt, index, "", 0, SQLITE_TRANSIENT) }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(stmt, index, $0, CInt(bytes.count), SQLITE_TRANSIENT) }
    }
}

/// SQLite copies the bytes before the bind returns (the C macro, which Swift cannot import).
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

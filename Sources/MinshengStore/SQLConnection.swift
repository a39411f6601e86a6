import MinshengCore

/// One row a statement returned: its column names and values, in order.
struct SQLRow {
    let columns: [String]
    let values: [StoreValue]

    subscript(_ i: Int) -> StoreValue { i < values.count ? values[i] : .null }

    subscript(_ name: String) -> StoreValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return values[i]
    }

    func text(_ name: String) -> String? { self[name].text }

    func int(_ name: String) -> Int? {
        if case .integer(let n) = self[name] { return n }
        return nil
    }

    /// Every column by name.
    var record: StoredRecord {
        var out: [String: StoreValue] = [:]
        for (c, v) in zip(columns, values) { out[c] = v }
        return StoredRecord(out)
    }
}

/// An open connection inside a transaction, as the engine-neutral store sees it: SQL text
/// with `?` placeholders and the values to bind. The engine's executor turns the text into
/// its own dialect (placeholders, `RETURNING`), binds, steps and reads rows.
protocol SQLConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs a statement that returns no rows.
    func execute(_ sql: String, _ arguments: [StoreValue]) throws
    /// Runs an INSERT into a table with an `id` column and returns the new row's id.
    func insert(_ sql: String, _ arguments: [StoreValue]) throws -> Int
    /// Runs a query, handing each row to `body` as it is read (nothing is collected).
    func forEachRow(_ sql: String, _ arguments: [StoreValue], _ body: (SQLRow) throws -> Void) throws
    /// Runs a statement whose result nobody reads, now or with the next statement that is
    /// awaited (on a server: one round trip for both). Its failure fails that statement or
    /// the commit, so the command still fails whole.
    func hold(_ sql: String, _ arguments: [StoreValue]) throws
    /// Runs a query now, or with the next statement that is awaited, handing its rows to
    /// `body` then; `sendHeld()` makes sure they have arrived.
    func prefetch(_ sql: String, _ arguments: [StoreValue], _ body: @escaping ([SQLRow]) -> Void) throws
    /// Sends whatever is held, now.
    func sendHeld() throws
}

extension SQLConnection {
    func hold(_ sql: String, _ arguments: [StoreValue]) throws { try execute(sql, arguments) }
    func prefetch(_ sql: String, _ arguments: [StoreValue], _ body: @escaping ([SQLRow]) -> Void) throws { body(try rows(sql, arguments)) }
    func sendHeld() throws {}

    func execute(_ sql: String) throws { try execute(sql, []) }

    func rows(_ sql: String, _ arguments: [StoreValue] = []) throws -> [SQLRow] {
        var out: [SQLRow] = []
        try forEachRow(sql, arguments) { out.append($0) }
        return out
    }

    /// The first column of the first row, if any.
    func value(_ sql: String, _ arguments: [StoreValue] = []) throws -> StoreValue? {
        try rows(sql, arguments).first.map { $0[0] }
    }

    func int(_ sql: String, _ arguments: [StoreValue] = []) throws -> Int? {
        if case .integer(let n)? = try value(sql, arguments) { return n }
        return nil
    }

    func string(_ sql: String, _ arguments: [StoreValue] = []) throws -> String? {
        try value(sql, arguments)?.text
    }

    /// The first column of every row.
    func ints(_ sql: String, _ arguments: [StoreValue] = []) throws -> [Int] {
        try rows(sql, arguments).compactMap { if case .integer(let n) = $0[0] { return n } else { return nil } }
    }

    func strings(_ sql: String, _ arguments: [StoreValue] = []) throws -> [String] {
        try rows(sql, arguments).compactMap { $0[0].text }
    }

    /// Every row, every column by name.
    func records(_ sql: String, _ arguments: [StoreValue] = []) throws -> [StoredRecord] {
        try rows(sql, arguments).map(\.record)
    }
}

/// What an engine gives the store besides SQL: transactions, the file's own checks, the
/// plan of a query and bulk inserts. One executor per engine implements it.
protocol SQLEngine: AnyObject {
    var dialect: SQLDialect { get }
    /// Opens (creating and migrating if needed).
    func open() throws
    /// Runs `body` as one transaction, or as a savepoint inside the one already open. What
    /// a writing transaction reads stays as read until it ends: SQLite's holds the file's
    /// one write lock, PostgreSQL's locks the rows it reads and the chain head it appends to.
    func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T
    /// Stops the statement running now (Ctrl-C); callable from any thread.
    func interrupt()
    /// Whether a writing transaction is open (its reads lock what they read).
    var isWriting: Bool { get }
    /// The open transaction's connection, or a short one of its own.
    func withConnection<T>(_ body: (SQLConnection) throws -> T) throws -> T
    /// A connection that may write: the open transaction's (which must have been opened to
    /// write), or an immediate transaction of its own.
    func withWriting<T>(_ body: (SQLConnection) throws -> T) throws -> T
    /// What the engine's own integrity check finds wrong with the database, if anything.
    func integrityProblems() throws -> [String]
    /// The plan of a statement, in the engine's own words, one line each.
    func plan(_ sql: String, _ arguments: [StoreValue]) throws -> [String]
    /// An INSERT prepared once for many rows of an import.
    func bulkInsert(table: String, key: String, columns: [String], unique: String?) throws -> BulkInsert
    /// Rows whose numbers nobody reads (the log's entries and images), appended at once; the
    /// table numbers them by `key`.
    func bulkAppend(table: String, key: String, columns: [String], rows: [[StoreValue]]) throws
    /// Run once, in a transaction of its own, when a database made before rows were imaged
    /// into the log has just been migrated (the store writes the baseline).
    var afterUpgrade: ((SQLConnection) throws -> Void)? { get set }
    /// The wall-clock time of the open transaction for the log, in UTC
    /// (`2026-12-03T13:40:12Z`); `MINSHENG_WALL_CLOCK` fixes it for a privileged login (tests).
    func wallClock(_ db: SQLConnection) throws -> String
    /// The record tables (all but the change log and the engine's own bookkeeping).
    func recordTables() throws -> [String]
    /// The columns of a table, in order.
    func columnNames(_ table: String) throws -> [String]
    /// Who is at the keyboard: the server's authenticated login, or a file's OS user.
    func identity() throws -> Identity
    /// Lets a login granted a role work on the tables (nothing on a file).
    func enrol(login: String, _ db: SQLConnection) throws
    /// Whether residents' phone numbers are kept from this login by the database itself: it
    /// reads them only through the server's function (`SQLDialect.guardedPhone`), masked
    /// unless the session revealed them (a logged act).
    var guardsPhones: Bool { get }
    /// Starts or ends showing phone numbers in full for this session (the server logs it).
    func reveal(_ on: Bool, _ db: SQLConnection) throws
}

extension SQLEngine {
    func bulkAppend(table: String, key: String, columns: [String], rows: [[StoreValue]]) throws {
        _ = try bulkInsert(table: table, key: key, columns: columns, unique: nil).insert(batch: rows)
    }
}

/// Values that bind to a placeholder.
protocol SQLBindable {
    var sqlValue: StoreValue { get }
}

extension Int: SQLBindable { var sqlValue: StoreValue { .integer(self) } }
extension String: SQLBindable { var sqlValue: StoreValue { .text(self) } }
extension Double: SQLBindable { var sqlValue: StoreValue { .real(self) } }
extension StoreValue: SQLBindable { var sqlValue: StoreValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: StoreValue { self?.sqlValue ?? .null }
}

import MinshengCore

/// The store: every question and change the shell asks of a database, written once as
/// engine-neutral SQL (`?` placeholders, bound values, the few differences in
/// `SQLDialect`) over an engine's executor. Nothing here names an engine.
public final class SQLStore: Store {
    /// Where the database is, as the user named it.
    public let location: String
    let engine: SQLEngine
    /// Per table, its columns, read once (for select lists that guard phone columns).
    var columnLists: [String: [String]] = [:]
    /// SQL built from the schemas and the tables' columns alone (a subdistrict path, a row's
    /// image, an insert), kept by what it was built from: it is the same all session.
    var builtSQL: [String: String] = [:]
    var imageSelects: [String: ImageSelect] = [:]
    /// Rows a writing command read by id, locked: asked again, they are as they were (nobody
    /// else may change them before it ends), until the command writes them itself.
    var lockedRows: [String: [StoredRecord]] = [:]
    /// The table of the query being compiled (its rows are `t`), for a guarded phone column.
    var phoneTable: String?
    /// Log entries of the open transaction not yet written, and the rows it wrote since the
    /// last were: each entry is written with the images of its rows (`flushLog`).
    var pendingEvents: [Event] = []
    var touched: [(table: String, id: Int)] = []
    var touchedKeys: Set<String> = []
    /// Entries read for but not yet written (`prepare(batch:)`).
    var prepared: PreparedEntries?
    /// Transactions open through `transaction` (0: none; commands outside one write alone).
    var openTransactions = 0

    init(location: String, engine: SQLEngine) {
        self.location = location
        self.engine = engine
        engine.afterUpgrade = { [unowned self] db in try self.writeBaseline(db) }
    }

    /// A store on the database `location` names: a PostgreSQL connection string (a
    /// `postgres://` or `postgresql://` URI, or libpq keywords such as `host=… dbname=…`),
    /// or else a SQLite file (":memory:" for a private in-memory database). The engine is
    /// chosen here and nowhere else. On a file, `login` is who the log names as at the
    /// keyboard (the OS user unless given); a server names its own authenticated login.
    public convenience init(location: String, login: String? = nil) {
        let engine: SQLEngine =
            Self.isServer(location)
            ? PostgresEngine(conninfo: location) : SQLiteEngine(path: location, login: login ?? SQLiteEngine.osUser())
        self.init(location: location, engine: engine)
    }

    public func identity() throws -> Identity { try engine.identity() }

    public func reveal(_ on: Bool) throws {
        try withWriting { db in try engine.reveal(on, db) }
    }

    /// Whether `location` names a database server rather than a file.
    public static func isServer(_ location: String) -> Bool {
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") { return true }
        // libpq keywords: `host=/run/postgresql dbname=district`, `service=district`.
        let first = location.split(separator: " ").first.map(String.init) ?? ""
        guard let eq = first.firstIndex(of: "=") else { return false }
        let key = first[..<eq]
        return ["host", "hostaddr", "port", "dbname", "user", "service", "sslmode", "application_name"].contains(String(key))
    }

    /// The location as it may be shown: a server's password left out.
    public var shownLocation: String { Self.isServer(location) ? PostgresEngine.redacted(location) : location }

    /// A short name for the prompt: the file's name, or the server database's name
    /// (`district` of `postgresql://cadre@db/district?sslmode=require` or `dbname=district`).
    public var displayName: String {
        guard Self.isServer(location) else { return location.split(separator: "/").last.map(String.init) ?? location }
        if let r = location.firstRange(of: "dbname=") {
            return String(location[r.upperBound...].prefix { $0 != " " && $0 != "&" })
        }
        if let scheme = location.firstRange(of: "://") {
            let rest = location[scheme.upperBound...]
            if let slash = rest.firstIndex(of: "/") {
                let name = rest[rest.index(after: slash)...].prefix { $0 != "?" }
                if !name.isEmpty { return String(name) }
            }
        }
        return "postgres"
    }

    /// Whether the database is a file beside which the engine keeps others (`-wal` …).
    public var isFile: Bool { !Self.isServer(location) && location != ":memory:" }

    var dialect: SQLDialect { engine.dialect }

    /// Opens the database now, creating and migrating it if needed.
    public func open() throws { try engine.open() }

    /// A command's transaction. Its log entries are written at its end (or every thousand,
    /// for an import) with the images of the rows it wrote; a savepoint that fails takes its
    /// entries and rows with it.
    public func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T {
        if effect == .session && openTransactions == 0 { return try body() }
        let outermost = openTransactions == 0
        let mark = (events: pendingEvents.count, rows: touched.count)
        openTransactions += 1
        defer {
            openTransactions -= 1
            if outermost {
                forgetPending(to: (0, 0))
                lockedRows = [:]
            }
        }
        do {
            return try engine.transaction(effect) {
                let result = try body()
                if outermost { try flushLog() }
                return result
            }
        } catch {
            forgetPending(to: mark)
            // What a failed savepoint wrote is undone: its rows are read again.
            lockedRows = [:]
            throw error
        }
    }

    public func interrupt() { engine.interrupt() }

    /// Runs `body` with the open transaction's connection, or a short one of its own.
    func withDatabase<T>(_ body: (SQLConnection) throws -> T) throws -> T { try engine.withConnection(body) }

    /// Runs a change: inside the command's (writing) transaction, or in one of its own. Rows
    /// it writes are touched (`touch`), which lets go of what was read of them.
    func withWriting<T>(_ body: (SQLConnection) throws -> T) throws -> T { try engine.withWriting(body) }

    public func bulkInsert(_ kind: RecordKind, columns: [String], unique: String?) throws -> BulkInsert {
        TouchingBulkInsert(store: self, table: kind.schema.table, inner: try engine.bulkInsert(table: kind.schema.table, key: "id", columns: columns, unique: unique))
    }
}

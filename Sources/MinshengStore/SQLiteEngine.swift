import GRDB
import MinshengCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The SQLite executor: the only place that knows GRDB (with its bulk insert and the
/// migrations). It opens the file lazily, at the first command that needs it, so `help`
/// and a mistyped command cost nothing. Each command runs in one transaction; nested
/// calls (a whole `--atomic` script) become savepoints.
final class SQLiteEngine: SQLEngine {
    let path: String
    private var queue: DatabaseQueue?
    /// The same queue, for `interrupt()` from another thread (Ctrl-C's watcher).
    private let interruptible = Mutex<DatabaseQueue?>(nil)
    /// The connection while a transaction is open; nested calls reuse it.
    var current: SQLiteConnection?
    /// What the outermost open transaction was opened for.
    var currentEffect: Effect?
    let dialect = SQLDialect.sqlite
    /// The OS user at the keyboard: a file has no logins of its own.
    let login: String
    var afterUpgrade: ((SQLConnection) throws -> Void)?

    /// An engine on `path` (":memory:" for a private in-memory database), used by `login`.
    init(path: String, login: String) {
        self.path = path
        self.login = login
    }

    func identity() throws -> Identity { Identity(login: login, authenticated: false, privileged: true) }

    /// A file has no logins: whoever can open it can change it.
    func enrol(login: String, _ db: SQLConnection) throws {}

    /// On a file the shell masks phone numbers on output; the file itself keeps nobody out.
    var guardsPhones: Bool { false }

    func reveal(_ on: Bool, _ db: SQLConnection) throws {}

    /// The name of the OS user this process runs as.
    static func osUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    /// Opens the database now, creating and migrating it if needed.
    func open() throws {
        _ = try database()
    }

    func database() throws -> DatabaseQueue {
        if let queue { return queue }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.label = "minsheng"
        let memory = path == ":memory:"
        // WAL is kept in the file: it is set once, when the file is created or migrated.
        // (GRDB's `journalMode = .wal` would also make sure a WAL file exists by writing
        // to the database at every open — a write and a sync before a read-only query.)
        // Like GRDB in WAL mode, commits wait for the disk only at checkpoints.
        if !memory { config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") } }
        // Shells opening or migrating a file at the same moment may meet locks SQLite does
        // not wait for (SQLITE_BUSY): they try again after a short random pause, for up to
        // about ten seconds. Each migration is one transaction, so a lost race changed nothing.
        for attempt in 1... {
            do {
                let old = umask(0o077)
                defer { umask(old) }
                if !memory { removeStaleCreations() }
                if !memory && access(path, F_OK) != 0 { try create(config) }
                let q = memory ? try DatabaseQueue(configuration: config) : try DatabaseQueue(path: path, configuration: config)
                let before = try Migrations.migrateIfNeeded(q, wal: !memory)
                if !memory { makeSidecarsPrivate() }
                queue = q
                interruptible.withLock { $0 = q }
                if before > 0 && before < Migrations.imagesVersion, let hook = afterUpgrade {
                    try q.inTransaction(.immediate) { db in
                        try asCurrent(db, .writes, hook)
                        return .commit
                    }
                }
                return q
            } catch let e as DatabaseError where (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) && attempt < 300 {
                usleep(UInt32.random(in: 5_000...60_000))
            } catch let e as ScriptError {
                throw e
            } catch {
                throw openError(error)
            }
        }
        throw ScriptError.runtimeFailure("unreachable")
    }

    /// Makes a new database whole before it appears: it is built and migrated under a
    /// temporary name, then linked into place (`link` never replaces a file another shell
    /// made meanwhile). A shell killed while creating one leaves no file, not a file
    /// without tables.
    func create(_ config: Configuration) throws {
        let temp = "\(path).new-\(getpid())"
        func clean() { for ext in ["", "-wal", "-shm", "-journal"] { unlink(temp + ext) } }
        clean()
        defer { clean() }
        let q = try DatabaseQueue(path: temp, configuration: config)
        // Nobody sees the file until it is linked: no sync per migration, one at the end.
        try q.inDatabase { try $0.execute(sql: "PRAGMA synchronous = OFF") }
        try Migrations.migrateIfNeeded(q, wal: false)
        let mode = try q.inDatabase { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        guard mode == "wal" else { throw DatabaseError(message: "could not switch the database to WAL mode") }
        try q.close()
        let fd = Glibc.open(temp, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            Glibc.close(fd)
        }
        guard link(temp, path) == 0 || errno == EEXIST else {
            throw DatabaseError(message: String(cString: strerror(errno)))
        }
    }

    /// A shell killed while creating the database leaves `NAME.new-PID` (and its `-wal`,
    /// `-shm`, `-journal`): removed at the next open once that process is gone.
    func removeStaleCreations() {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let d = opendir(dir.isEmpty ? "/" : dir) else { return }
        defer { closedir(d) }
        let prefix = base + ".new-"
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix(prefix) else { continue }
            var rest = Substring(name.dropFirst(prefix.count))
            for ext in ["-wal", "-shm", "-journal"] where rest.hasSuffix(ext) { rest = rest.dropLast(ext.count) }
            guard let pid = Int32(rest), pid > 0, pid != getpid() else { continue }
            // Still running (or not ours to ask about): leave it alone.
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            unlink((dir.isEmpty ? "" : dir + "/") + name)
        }
    }

    /// SQLite gives the `-wal` and `-shm` files the database file's mode; what they hold is
    /// the same data, so they are made private (0600) whatever the database file's mode.
    func makeSidecarsPrivate() {
        for ext in ["-wal", "-shm"] {
            var st = stat()
            if lstat(path + ext, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_uid == getuid(), st.st_mode & 0o077 != 0 {
                chmod(path + ext, 0o600)
            }
        }
    }

    func openError(_ error: Error) -> ScriptError {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let reason: Localized
        if access(dir.isEmpty ? "/" : dir, F_OK) != 0 {
            reason = Localized(en: "the folder '\(dir)' does not exist", zh: "目录 '\(dir)' 不存在")
        } else if access(dir.isEmpty ? "/" : dir, W_OK) != 0 {
            reason = Localized(en: "the folder '\(dir)' is not writable", zh: "目录 '\(dir)' 不可写")
        } else {
            reason = Localized("\(error)")
        }
        return ScriptError(
            .io, Localized(en: "cannot open database '\(path)': \(reason.en)", zh: "无法打开数据库 '\(path)'：\(reason.zh)"),
            hint: Localized(en: "choose another file with --db", zh: "可用 --db 指定其他文件"))
    }

    func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T {
        if effect == .session && current == nil { return try body() }
        if let c = current {
            var result: T?
            try mapErrors {
                try c.db.inSavepoint {
                    result = try body()
                    return .commit
                }
            }
            guard let result else { throw ScriptError.runtimeFailure("savepoint returned nothing") }
            return result
        }
        let q = try database()
        return try mapErrors {
            try q.writeWithoutTransaction { db in
                try asCurrent(db, effect) { _ in
                    var result: T?
                    try db.inTransaction(effect == .writes ? .immediate : .deferred) {
                        result = try body()
                        return .commit
                    }
                    guard let result else { throw ScriptError.runtimeFailure("transaction returned nothing") }
                    return result
                }
            }
        }
    }

    /// Runs `body` with `db` as the open transaction's connection: what it asks of the
    /// engine meanwhile (a table's columns, a nested change) uses that connection.
    func asCurrent<T>(_ db: Database, _ effect: Effect, _ body: (SQLiteConnection) throws -> T) throws -> T {
        let c = SQLiteConnection(db, engine: self)
        current = c
        currentEffect = effect
        defer {
            current = nil
            currentEffect = nil
        }
        return try body(c)
    }

    /// Runs `body` with the open connection, or a short one of its own.
    var isWriting: Bool { current != nil && currentEffect == .writes }

    func withConnection<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        if let c = current { return try mapErrors { try body(c) } }
        let q = try database()
        return try mapErrors { try q.inDatabase { try body(SQLiteConnection($0, engine: self)) } }
    }

    /// Runs a change. Inside a command it joins the command's transaction, which must
    /// be an immediate one: a read transaction that turned into a write could fail with
    /// SQLITE_BUSY at once, without waiting, when another shell wrote in between. Alone
    /// (`set reveal`), it gets an immediate transaction of its own, so reading the
    /// previous hash and appending to the chain can never interleave with another shell.
    func withWriting<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        if let c = current {
            guard currentEffect != .reads else {
                throw ScriptError.runtimeFailure("a command declared as reading tried to write")
            }
            return try mapErrors { try body(c) }
        }
        let q = try database()
        return try mapErrors {
            var result: T?
            try q.inTransaction(.immediate) { db in
                result = try asCurrent(db, .writes, body)
                return .commit
            }
            guard let result else { throw ScriptError.runtimeFailure("transaction returned nothing") }
            return result
        }
    }

    /// `PRAGMA integrity_check`: a damaged file is reported as such, not as a raw error.
    func integrityProblems() throws -> [String] {
        try withConnection { c in
            do {
                return try c.strings("PRAGMA integrity_check").filter { $0 != "ok" }
            } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
                return [e.message ?? "database disk image is malformed"]
            }
        }
    }

    /// `EXPLAIN QUERY PLAN`, one line per step.
    func plan(_ sql: String, _ arguments: [StoreValue]) throws -> [String] {
        try withConnection { c in
            try c.rows("EXPLAIN QUERY PLAN " + sql, arguments).map { $0.text("detail") ?? "" }
        }
    }

    func columnNames(_ table: String) throws -> [String] {
        try withConnection { c in try c.rows("PRAGMA table_info(\(table))").compactMap { $0.text("name") } }
    }

    func recordTables() throws -> [String] {
        try withConnection { c in
            try c.strings(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('event', 'logged_row', 'grdb_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
    }

    /// The machine's clock: whoever holds the file may set it (as `MINSHENG_WALL_CLOCK` does,
    /// like git's `GIT_COMMITTER_DATE`); a published seal is what catches a rewrite.
    func wallClock(_ db: SQLConnection) throws -> String {
        if let fixed = SQLDialect.fixedWallClock { return fixed }
        return try db.string("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") ?? ""
    }

    /// `sqlite3_interrupt`: the statement running now fails with SQLITE_INTERRUPT (and
    /// SQLite rolls back the transaction it was writing in); thread-safe by SQLite's word.
    func interrupt() {
        interruptible.withLock { $0?.interrupt() }
    }

    /// Turns SQLite errors into messages a person can act on.
    func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ScriptError {
            throw e
        } catch let e as DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw ScriptError(
                    .runtime, Localized(en: "the database is busy: another shell is writing", zh: "数据库正忙：另一个终端正在写入"),
                    hint: Localized(en: "try the command again", zh: "请重试"))
            case .SQLITE_READONLY:
                throw ScriptError(.io, Localized(en: "the database is read-only", zh: "数据库只读，无法修改"))
            case .SQLITE_INTERRUPT:
                throw ScriptError.cancelled
            default:
                throw ScriptError(.runtime, Localized(en: "database error: \(e.message ?? "\(e.resultCode)")", zh: "数据库错误：\(e.message ?? "\(e.resultCode)")"))
            }
        }
    }
}

extension ScriptError {
    static func runtimeFailure(_ what: String) -> ScriptError {
        ScriptError(.runtime, Localized(en: "internal error: \(what)", zh: "内部错误：\(what)"))
    }
}

/// A GRDB connection seen through `SQLConnection`: statements are prepared once per SQL
/// text (GRDB's statement cache) and rows are read as they are stepped.
final class SQLiteConnection: SQLConnection {
    let db: Database
    unowned let engine: SQLiteEngine
    var dialect: SQLDialect { engine.dialect }

    init(_ db: Database, engine: SQLiteEngine) {
        self.db = db
        self.engine = engine
    }

    func statement(_ sql: String) throws -> Statement {
        // PRAGMAs and other one-off text are not cached.
        sql.hasPrefix("PRAGMA") || sql.hasPrefix("EXPLAIN") ? try db.makeStatement(sql: sql) : try db.cachedStatement(sql: sql)
    }

    func execute(_ sql: String, _ arguments: [StoreValue]) throws {
        try statement(sql).execute(arguments: StatementArguments(arguments.map(\.databaseValue)))
    }

    func insert(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        try execute(sql, arguments)
        return Int(db.lastInsertedRowID)
    }

    func forEachRow(_ sql: String, _ arguments: [StoreValue], _ body: (SQLRow) throws -> Void) throws {
        let cursor = try Row.fetchCursor(statement(sql), arguments: StatementArguments(arguments.map(\.databaseValue)))
        var columns: [String]?
        while let row = try cursor.next() {
            let names = columns ?? Array(row.columnNames)
            columns = names
            try body(SQLRow(columns: names, values: row.databaseValues.map(StoreValue.init)))
        }
    }
}

extension StoreValue {
    init(_ v: DatabaseValue) {
        switch v.storage {
        case .null: self = .null
        case .int64(let n): self = .integer(Int(n))
        case .double(let d): self = .real(d)
        case .string(let s): self = .text(s)
        case .blob: self = .text("<blob>")
        }
    }

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let n): return n.databaseValue
        case .real(let d): return d.databaseValue
        case .text(let s): return s.databaseValue
        }
    }
}

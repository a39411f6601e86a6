import CLibPQ
import MinshengCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL executor, through libpq (PostgreSQL's own C client): synchronous like the
/// shell, and it takes every connection string a user will type — a URI
/// (`postgresql://user@host/db?sslmode=require`), a keyword string (`host=/run/postgresql
/// dbname=district`), the `PG*` environment variables, `~/.pgpass`, peer authentication
/// over a Unix socket.
///
/// One connection per shell. A command is one transaction (`BEGIN` … `COMMIT`), a nested
/// one a savepoint; a write waits at most `lock_timeout` for a lock, then fails with a
/// retryable "busy" error, never hangs. Writers run side by side: ids come from each
/// table's sequence, the rows a writing command reads are locked as it reads them (`FOR
/// UPDATE`), and an append locks the head of its own chain only (one per subdistrict and
/// one for the district), so a long import in one subdistrict never stalls another.
final class PostgresEngine: SQLEngine {
    let conninfo: String
    let dialect = SQLDialect.postgres
    private var connection: PostgresConnection?
    /// Savepoint depth inside the open transaction; nil when none is open.
    private var depth: Int?
    private var currentEffect: Effect?
    /// The authenticated login (`session_user`), read once per connection.
    private var login: String?
    private var privileged = false
    var afterUpgrade: ((SQLConnection) throws -> Void)?
    /// Whether this connection migrated a database made before rows were imaged into the log.
    private var upgraded = false
    /// What `interrupt()` sends the server a cancel request with (`PQgetCancel`).
    private let canceller = PostgresCanceller()

    init(conninfo: String) {
        self.conninfo = conninfo
    }

    deinit {
        canceller.set(nil, libpq: nil)
        connection?.close()
    }

    /// `PQcancel`: asks the server to cancel the statement running on this connection, which
    /// then fails with SQLSTATE 57014 (and the transaction is rolled back). Thread-safe.
    func interrupt() { canceller.cancel() }

    func open() throws { _ = try connect() }

    func connect() throws -> PostgresConnection {
        if let connection { return connection }
        let libpq = try LibPQ.shared.get()
        guard let raw = libpq.PQconnectdb(conninfo) else { throw Self.cannotConnect(conninfo, "out of memory") }
        guard libpq.PQstatus(raw) == CONNECTION_OK else {
            let reason = cText(libpq.PQerrorMessage(raw)).trimmingTrailingNewlines()
            libpq.PQfinish(raw)
            throw Self.cannotConnect(conninfo, reason)
        }
        let c = PostgresConnection(raw, libpq: libpq, dialect: dialect)
        canceller.set(libpq.PQgetCancel(raw), libpq: libpq)
        try c.simple("SET client_encoding = 'UTF8'; SET lock_timeout = '5s'; SET client_min_messages = warning")
        // Honoured by the server for a privileged login only (`minsheng_wall`).
        if let fixed = SQLDialect.fixedWallClock { try c.simple("SET minsheng.wall_clock = '\(fixed)'") }
        try migrate(c)
        let me = try c.rows(
            "SELECT session_user::text AS login, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                + "OR pg_has_role(session_user, (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'event'), 'MEMBER') AS privileged"
        ).first
        login = me?.text("login")
        privileged = me?["privileged"] == .integer(1)
        connection = c
        if upgraded, let hook = afterUpgrade {
            upgraded = false
            depth = 0
            currentEffect = .writes
            defer {
                depth = nil
                currentEffect = nil
            }
            try c.within(begin: "BEGIN", commit: "COMMIT", rollback: "ROLLBACK") { try hook(c) }
        }
        return c
    }

    /// The server's own word for who is connected; the change log's login is written by
    /// the server too (`PostgresSecurity`), so what the shell sends cannot change it.
    func identity() throws -> Identity {
        _ = try connect()
        return Identity(login: login ?? "", authenticated: true, privileged: privileged)
    }

    /// The server checks that the login exists and that the caller may grant (its owner, or
    /// an admin by `role_grant`), then makes the login a member of the group the tables are
    /// granted to (`PostgresSecurity`).
    func enrol(login: String, _ db: SQLConnection) throws {
        _ = try db.rows("SELECT minsheng_enrol(?)", [.text(login)])
    }

    /// A login that does not own the database may not read the phone columns at all.
    var guardsPhones: Bool { (try? connect()) != nil && !privileged }

    func reveal(_ on: Bool, _ db: SQLConnection) throws {
        guard guardsPhones else { return }
        _ = try db.rows("SELECT minsheng_reveal(?)", [.integer(on ? 1 : 0)])
    }

    static func cannotConnect(_ conninfo: String, _ reason: String) -> ScriptError {
        ScriptError(
            .io,
            Localized(
                en: "cannot connect to the database '\(PostgresEngine.redacted(conninfo))': \(reason)",
                zh: "无法连接数据库 '\(PostgresEngine.redacted(conninfo))'：\(reason)"),
            hint: Localized(
                en: "check the server, the user and the database name (any libpq URI or keyword string works)",
                zh: "请检查服务器、用户名和数据库名（可用任何 libpq 连接串）"))
    }

    /// A connection string without its password, for messages.
    static func redacted(_ conninfo: String) -> String {
        var s = conninfo
        if let scheme = s.firstRange(of: "://"), let at = s[scheme.upperBound...].firstIndex(of: "@") {
            let userinfo = s[scheme.upperBound..<at]
            if let colon = userinfo.firstIndex(of: ":") { s.replaceSubrange(colon..<at, with: ":***") }
        }
        if let r = s.firstRange(of: "password=") {
            let end = s[r.upperBound...].firstIndex(of: " ") ?? s.endIndex
            s.replaceSubrange(r.upperBound..<end, with: "***")
        }
        return s
    }

    /// Runs the migrations not yet applied, in one transaction, under an advisory lock so
    /// two shells starting on a new database do not both migrate it.
    func migrate(_ c: PostgresConnection) throws {
        // A login that is not the owner may not create anything: it only reads what is done.
        if try c.string("SELECT to_regclass('minsheng_migrations')::text") == nil {
            try c.execute("CREATE TABLE IF NOT EXISTS minsheng_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        }
        let security = Self.securityStamp(migrations: Migrations.sql.map(\.0))
        // A login no admin has granted a role may not even read what is done: say so.
        if try c.value("SELECT has_table_privilege('minsheng_migrations', 'SELECT')") == .integer(0) {
            let login = try c.string("SELECT session_user::text") ?? ""
            throw ScriptError(
                .runtime,
                Localized(
                    en: "the login '\(login)' has no role on this database", zh: "登录名 '\(login)' 在这个数据库上没有任何角色"),
                hint: Localized(
                    en: "an admin grants one: role grant \(login) ROLE … (docs/DISTRICT.md)", zh: "请管理员授予：role grant \(login) 角色 …（见 docs/DISTRICT.md）"))
        }
        let done = Set(try c.strings("SELECT name FROM minsheng_migrations"))
        upgraded = done.contains(Migrations.sql[0].0) && !done.contains(Migrations.sql[Migrations.imagesVersion - 1].0)
        guard Migrations.sql.contains(where: { !done.contains($0.0) }) || !done.contains(security) else { return }
        try c.within(begin: "BEGIN; SELECT pg_advisory_xact_lock(20191203)", commit: "COMMIT", rollback: "ROLLBACK") {
            let applied = Set(try c.strings("SELECT name FROM minsheng_migrations"))
            for (name, ddl) in Migrations.sql where !applied.contains(name) {
                try c.simple(dialect.schema(ddl))
                try c.execute("INSERT INTO minsheng_migrations (name, applied_at) VALUES (?, now()::text)", [.text(name)])
            }
            try c.simple(Self.resyncIdentities)
            if !applied.contains(security) {
                try c.simple(PostgresSecurity.sql)
                try c.execute("DELETE FROM minsheng_migrations WHERE name LIKE 'security %'")
                try c.execute("INSERT INTO minsheng_migrations (name, applied_at) VALUES (?, now()::text)", [.text(security)])
            }
        }
    }

    /// What the server enforces is stamped by its digest, so a new version is applied once.
    /// The migrations are in the digest too: a column one adds is granted to the logins only
    /// by applying it again (the column privileges of a table with phones list its columns).
    static func securityStamp(migrations: [String]) -> String {
        "security " + SHA256.hex(PostgresSecurity.sql + "\n" + migrations.joined(separator: "\n")).prefix(16)
    }

    func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T {
        if effect == .session && depth == nil { return try body() }
        let c = try connect()
        if let d = depth {
            let name = "s\(d + 1)"
            depth = d + 1
            defer { depth = d }
            return try c.within(begin: "SAVEPOINT \(name)", commit: "RELEASE SAVEPOINT \(name)", rollback: "ROLLBACK TO SAVEPOINT \(name)", body)
        }
        depth = 0
        currentEffect = effect
        defer {
            depth = nil
            currentEffect = nil
        }
        // BEGIN goes out with the transaction's first statement (the log's wall clock comes
        // with the head of the chain it appends to: `SQLDialect.appendHead`).
        if effect == .reads { return try c.heldTransaction(begin: "BEGIN READ ONLY", body) }
        return try c.heldTransaction(begin: "BEGIN", body)
    }

    /// Databases made before ids came from sequences numbered their rows themselves: each
    /// identity sequence is moved past the largest id its table holds.
    static let resyncIdentities = """
        DO $$
        DECLARE c record;
        BEGIN
          FOR c IN SELECT table_name, column_name FROM information_schema.columns
                   WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP
            EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), GREATEST(COALESCE(MAX(%I), 0), 1), MAX(%I) IS NOT NULL) FROM %I',
                           c.table_name, c.column_name, c.column_name, c.column_name, c.table_name);
          END LOOP;
        END $$
        """

    var isWriting: Bool { depth != nil && currentEffect == .writes }

    func withConnection<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        try body(try connect())
    }

    func withWriting<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        if depth != nil {
            guard currentEffect != .reads else { throw ScriptError.runtimeFailure("a command declared as reading tried to write") }
            return try body(try connect())
        }
        return try transaction(.writes) { try body(try connect()) }
    }

    /// PostgreSQL checks its pages as it reads them; there is no whole-file check to run.
    func integrityProblems() throws -> [String] { [] }

    func plan(_ sql: String, _ arguments: [StoreValue]) throws -> [String] {
        try withConnection { c in try c.strings("EXPLAIN " + sql, arguments) }
    }

    func bulkAppend(table: String, key: String, columns: [String], rows: [[StoreValue]]) throws {
        guard privileged, !rows.isEmpty else {
            _ = try bulkInsert(table: table, key: key, columns: columns, unique: nil).insert(batch: rows)
            return
        }
        try connect().copyIn("COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN", PostgresBulkInsert.copyData(rows))
    }

    func bulkInsert(table: String, key: String, columns: [String], unique: String?) throws -> BulkInsert {
        PostgresBulkInsert(
            connection: try connect(), table: table, key: key, columns: columns, unique: unique,
            sql: dialect.bulkInsertSQL(table: table, key: key, columns: columns, unique: unique) + " RETURNING \(key)", copyAllowed: privileged)
    }

    func recordTables() throws -> [String] {
        try withConnection { c in
            try c.strings(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                    + "AND table_name NOT IN ('event', 'logged_row', 'minsheng_migrations', 'minsheng_reveal', 'minsheng_secret') ORDER BY table_name")
        }
    }

    /// The server's clock at the transaction's start, which its trigger writes into every
    /// entry whatever the client sends (a privileged login may fix it: tests).
    func wallClock(_ db: SQLConnection) throws -> String {
        try db.string("SELECT minsheng_wall()") ?? ""
    }

    func columnNames(_ table: String) throws -> [String] {
        try withConnection { c in
            try c.strings(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                [.text(table)])
        }
    }

}

/// One libpq connection seen through `SQLConnection`: `?` placeholders become `$1 …`,
/// values are sent as text and typed by the server from their context, and each result's
/// columns are read back by their type (integers, floating point, booleans as 1/0).
final class PostgresConnection: SQLConnection {
    let raw: OpaquePointer
    let libpq: LibPQ
    let dialect: SQLDialect
    /// Statements prepared on this connection, by their SQL text: the server parses and
    /// plans each once (the shell's statements are few and repeat).
    private var prepared: [String: String] = [:]
    /// Statements held back to go out with the next one whose answer is awaited
    /// (`PostgresConnection+Pipeline.swift`).
    var held: [HeldStatement] = []
    /// Whether the open transaction's BEGIN is still held: nothing of it reached the server.
    var beginHeld = false
    /// A COPY whose rows are still being sent, its answer unread (`copyIn`).
    var pendingCopy: PendingCopy?

    init(_ raw: OpaquePointer, libpq: LibPQ, dialect: SQLDialect) {
        self.raw = raw
        self.libpq = libpq
        self.dialect = dialect
    }

    func close() {
        pendingCopy?.done.wait()
        libpq.PQfinish(raw)
    }

    /// The server's text of each statement seen (`numbered`), kept: rewriting it character by
    /// character took a fifth of a replay's time. Bounded, like the prepared statements.
    private var serverTexts: [String: String] = [:]

    /// `sql` as the server takes it (`$n` placeholders), rewritten once per connection.
    func serverText(_ sql: String) -> String {
        if let text = serverTexts[sql] { return text }
        let text = Self.numbered(sql)
        if serverTexts.count < 4 * Self.preparedLimit { serverTexts[sql] = text }
        return text
    }

    /// `?` → `$n`, outside quoted text and identifiers.
    static func numbered(_ sql: String) -> String {
        // By UTF-8 byte: the characters that matter are ASCII, and no other character's
        // encoding contains an ASCII byte.
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: UInt8?
        for b in sql.utf8 {
            if let q = quote {
                if b == q { quote = nil }
                out.append(b)
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
                out.append(b)
            } else if b == UInt8(ascii: "?") {
                n += 1
                out.append(UInt8(ascii: "$"))
                out.append(contentsOf: String(n).utf8)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Runs `sql` with its values; returns the result, which the caller clears.
    func run(_ sql: String, _ arguments: [StoreValue]) throws -> OpaquePointer {
        try finishCopy()
        if !held.isEmpty {
            guard let result = try sendHeld(then: HeldStatement(sql, arguments)) else { throw ScriptError.runtimeFailure("a statement returned nothing") }
            return result
        }
        let text = serverText(sql)
        let name = try statementName(text, parameters: Int32(arguments.count))
        let result = Self.withCStrings(arguments) { values -> OpaquePointer? in
            if let name { return libpq.PQexecPrepared(raw, name, Int32(values.count), values.baseAddress, nil, nil, 0) }
            return libpq.PQexecParams(raw, text, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard let result else { throw PostgresConnection.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        let status = libpq.PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let failure = failure(of: result)
            libpq.PQclear(result)
            throw failure
        }
        return result
    }

    /// At most this many statements are kept prepared; others (an `explain`, a long `in`
    /// list) are sent as they are.
    static let preparedLimit = 400

    /// The prepared statement for `text`, preparing it the first time; nil past the limit.
    func statementName(_ text: String, parameters: Int32) throws -> String? {
        if let name = prepared[text] { return name }
        try finishCopy()
        guard prepared.count < Self.preparedLimit, !text.hasPrefix("EXPLAIN") else { return nil }
        let name = "m\(prepared.count + 1)"
        guard let result = libpq.PQprepare(raw, name, text, parameters, nil) else {
            throw PostgresConnection.failure(cText(libpq.PQerrorMessage(raw)), state: nil)
        }
        defer { libpq.PQclear(result) }
        guard libpq.PQresultStatus(result) == PGRES_COMMAND_OK else { throw failure(of: result) }
        prepared[text] = name
        return name
    }

    /// Runs `body` between `begin` and `commit`; if anything throws, `rollback` undoes it.
    func within<T>(begin: String, commit: String, rollback: String, _ body: () throws -> T) throws -> T {
        try simple(begin)
        do {
            let result = try body()
            try simple(commit)
            return result
        } catch {
            // A COPY still under way is answered first, so that the rollback is sent at all.
            try? finishCopy()
            try? simple(rollback)
            throw error
        }
    }

    /// Several statements at once, with no values (a migration's DDL).
    func simple(_ sql: String) throws {
        try sendHeld()
        guard let result = libpq.PQexec(raw, sql) else { throw PostgresConnection.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        defer { libpq.PQclear(result) }
        let status = libpq.PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw PostgresConnection.failure(cText(libpq.PQresultErrorMessage(result)), state: nil)
        }
    }

    /// The failure a result reports, with its SQLSTATE.
    func failure(of result: OpaquePointer) -> ScriptError {
        Self.failure(
            cText(libpq.PQresultErrorMessage(result)), state: libpq.PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) })
    }

    /// Server errors as messages a person can act on: a lock not granted in time is "busy".
    static func failure(_ message: String, state: String?) -> ScriptError {
        let text = message.trimmingTrailingNewlines()
        switch state {
        case "55P03", "40001", "40P01":
            return ScriptError(
                .runtime, Localized(en: "the database is busy: another shell is writing", zh: "数据库正忙：另一个终端正在写入"),
                hint: Localized(en: "try the command again", zh: "请重试"))
        case "57014":
            return ScriptError.cancelled
        case "25006":
            return ScriptError(.io, Localized(en: "the database is read-only", zh: "数据库只读，无法修改"))
        case "42501":
            // Privileges and row-level security: the server itself refused the login.
            let reason = text.hasPrefix("ERROR:  ") ? String(text.dropFirst(8)) : text
            return ScriptError(
                .runtime, Localized(en: "not allowed by the server: \(reason)", zh: "服务器拒绝：\(reason)"),
                hint: Localized(en: "an admin grants roles: role grant LOGIN ROLE …", zh: "由管理员授予角色：role grant 登录名 角色 …"))
        default:
            return ScriptError(.runtime, Localized(en: "database error: \(text)", zh: "数据库错误：\(text)"))
        }
    }

    func execute(_ sql: String, _ arguments: [StoreValue]) throws {
        libpq.PQclear(try run(sql, arguments))
    }

    /// Runs an INSERT whose id is the next dense one (`SQLDialect.insertSQL`) and returns it.
    func insert(_ sql: String, _ arguments: [StoreValue]) throws -> Int {
        let result = try run(sql + " RETURNING id", arguments)
        defer { libpq.PQclear(result) }
        guard libpq.PQntuples(result) == 1, let v = libpq.PQgetvalue(result, 0, 0), let id = Int(String(cString: v)) else {
            throw ScriptError.runtimeFailure("an insert returned no id")
        }
        return id
    }

    func forEachRow(_ sql: String, _ arguments: [StoreValue], _ body: (SQLRow) throws -> Void) throws {
        let result = try run(sql, arguments)
        defer { libpq.PQclear(result) }
        try forEachRow(of: result, body)
    }

    /// Each row of a result, read back by its columns' types.
    func forEachRow(of result: OpaquePointer, _ body: (SQLRow) throws -> Void) rethrows {
        let rows = libpq.PQntuples(result), cols = libpq.PQnfields(result)
        let names = (0..<cols).map { cText(libpq.PQfname(result, $0)) }
        let types = (0..<cols).map { libpq.PQftype(result, $0) }
        for r in 0..<rows {
            var values: [StoreValue] = []
            values.reserveCapacity(Int(cols))
            for c in 0..<cols {
                if libpq.PQgetisnull(result, r, c) == 1 {
                    values.append(.null)
                    continue
                }
                let text = cText(libpq.PQgetvalue(result, r, c))
                values.append(Self.value(text, type: types[Int(c)]))
            }
            try body(SQLRow(columns: names, values: values))
        }
    }

    /// A column's text as the store's value, by its type's OID.
    static func value(_ text: String, type: Oid) -> StoreValue {
        switch type {
        case 20, 21, 23, 26: return Int(text).map(StoreValue.integer) ?? .text(text)
        case 16: return .integer(text == "t" ? 1 : 0)
        case 700, 701: return Double(text).map(StoreValue.real) ?? .text(text)
        case 1700: return Int(text).map(StoreValue.integer) ?? Double(text).map(StoreValue.real) ?? .text(text)
        default: return .text(text)
        }
    }
}

/// A connection's cancel handle, kept apart from the connection so that another thread (Ctrl-C's
/// watcher) may use it while the shell's thread waits on the server: libpq's `PQcancel` is
/// thread-safe as long as the handle is not freed meanwhile, which the lock ensures.
final class PostgresCanceller: @unchecked Sendable {
    private let lock = Mutex<Void>(())
    private var handle: OpaquePointer?
    private var libpq: LibPQ?

    /// Replaces the handle (freeing the old one); nil frees it.
    func set(_ new: OpaquePointer?, libpq library: LibPQ?) {
        lock.withLock { _ in
            if let handle, let libpq { libpq.PQfreeCancel(handle) }
            handle = new
            libpq = library
        }
    }

    func cancel() {
        lock.withLock { _ in
            guard let handle, let libpq else { return }
            var reason = [CChar](repeating: 0, count: 256)
            _ = libpq.PQcancel(handle, &reason, Int32(reason.count))
        }
    }
}

extension String {
    /// Each scalar that is a key replaced by its value, in one pass (by scalar, so the CR
    /// and LF of a `\r\n` are each replaced).
    func replacingEvery(_ map: [Unicode.Scalar: String]) -> String {
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            if let r = map[u] { out.append(contentsOf: r.unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

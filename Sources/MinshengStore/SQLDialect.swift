import Glibc
import MinshengCore
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

    /// The values of `expression` over the rows of `from` (a FROM … WHERE clause), joined
    /// by `, ` in the order of `orderBy`: SQLite's group_concat, PostgreSQL's string_agg.
    func joined(_ expression: String, from: String, orderBy: String) -> String {
        engine == .sqlite
            ? "(SELECT group_concat(j.v, ', ') FROM (SELECT \(expression) AS v \(from) ORDER BY \(orderBy)) j)"
            : "(SELECT string_agg(\(expression), ', ' ORDER BY \(orderBy)) \(from))"
    }

    /// A stored moment (`YYYY-MM-DDTHH:MM:SS`, or a day) as whole seconds since 1970, in
    /// the same clock it was written in: differences of two are durations.
    func epochSeconds(_ expression: String) -> String {
        engine == .sqlite
            ? "CAST(strftime('%s', \(expression)) AS INTEGER)"
            : "CAST(EXTRACT(EPOCH FROM CAST(\(expression) AS TIMESTAMP)) AS BIGINT)"
    }

    /// The day, week or month a stored moment falls in (NULL for none): a day `2019-11-05`
    /// and a month `2019-11` are prefixes of the stored text; a week is its number, whole
    /// weeks since Monday 0001-01-01, alike on both engines (`TimeBucket.isoWeekLabel` names
    /// it `2019-W48` once per group: one date function per row instead of four).
    func timeBucket(_ bucket: TimeBucket, _ expression: String) -> String {
        switch (bucket, engine) {
        case (.day, _): return "substr(\(expression), 1, 10)"
        case (.month, _): return "substr(\(expression), 1, 7)"
        case (.week, .sqlite): return "(CAST(julianday(\(expression)) - 1721425.5 AS INTEGER) / 7)"
        case (.week, .postgres): return "((CAST(\(expression) AS DATE) - DATE '0001-01-01') / 7)"
        }
    }

    /// The next number of a key. SQLite's `INTEGER PRIMARY KEY` given NULL is the largest
    /// plus one: a file has one writer at a time, so its numbers stay dense. PostgreSQL's
    /// identity column takes it from its sequence, so writers in different subdistricts never
    /// wait for each other; a command rolled back there leaves its number unused (`audit
    /// verify` proves no record the log names was deleted).
    func nextKey(_ key: String, in table: String) -> String {
        engine == .sqlite ? "NULL" : "DEFAULT"
    }

    /// What a SELECT inside a writing command appends so the rows it read stay as read
    /// until it commits: SQLite's writer holds the whole file already. `shared`: rows the
    /// command only consults, which others may consult at the same time (`FOR SHARE`).
    /// With `alias`, only that table's rows are locked (not those its subqueries read).
    func rowLock(of alias: String? = nil, shared: Bool = false) -> String {
        engine == .sqlite ? "" : (shared ? " FOR SHARE" : " FOR UPDATE") + (alias.map { " OF " + $0 } ?? "")
    }

    /// The last entry of a chain (`?`): its link and hash. On a server a login may not read
    /// every entry of its chain, so the server's own function reads it.
    var chainHead: String {
        engine == .sqlite
            ? "SELECT link, hash FROM event WHERE chain = ? ORDER BY link DESC LIMIT 1"
            : "SELECT link, hash FROM minsheng_chain_head(?)"
    }

    /// A guarded phone column of the row `alias`, read through the server's function: the
    /// number masked, or in full in a session that revealed it, and only in a row the login
    /// may read.
    func guardedPhone(_ table: String, _ alias: String) -> String { "minsheng_phone('\(table)', \(alias).id)" }

    /// Where the row images of `table` (as `t`) are read from, and its phone column in them:
    /// the number itself in a file (whoever holds the file holds the numbers); on a server its
    /// keyed digest, the same whoever writes or verifies (the image shows that it changed,
    /// never the number) — for one row, by the server's function for a row; for many (those
    /// of a bound array, the parameter before the WHERE clause's; or every row), by one call
    /// of its function for many.
    func imageSource(_ table: String, rows: ImageRows) -> (from: String, phone: String, bindsIDs: Bool) {
        switch (engine, rows) {
        case (.sqlite, _): return ("\(table) t", "t.phone", false)
        case (.postgres, .one): return ("\(table) t", "minsheng_phone_digest('\(table)', t.id)", false)
        case (.postgres, .many): return ("\(table) t LEFT JOIN minsheng_phone_digests('\(table)', CAST(? AS BIGINT[])) d ON d.id = t.id", "d.digest", true)
        case (.postgres, .all): return ("\(table) t LEFT JOIN minsheng_phone_digests('\(table)', NULL) d ON d.id = t.id", "d.digest", false)
        }
    }

    /// Which rows a statement reads images of.
    enum ImageRows: String { case one, many, all }

    /// Rows whose `column` is one of `ids`: a list of placeholders in a file; on a server one
    /// array, so that the statement is planned alike whatever the count (a list of 500
    /// values is planned value by value) — but one id alone by `=`: a statement's plan is
    /// kept for the session, and one kept for an array from when the table was small scans
    /// the whole table ever after (an index answers `=` whatever the size).
    func oneOf(_ column: String, _ ids: some Collection<Int>) -> (sql: String, values: [StoreValue]) {
        if ids.count == 1, let id = ids.first { return ("\(column) = ?", [.integer(id)]) }
        return engine == .sqlite
            ? ("\(column) IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")", ids.map { .integer($0) })
            : ("\(column) = ANY (CAST(? AS BIGINT[]))", [Self.array(ids)])
    }

    /// Integers as one PostgreSQL array parameter (`{1,2,3}`).
    static func array(_ ids: some Collection<Int>) -> StoreValue {
        .text("{" + ids.map(String.init).joined(separator: ",") + "}")
    }

    /// A query for the chains the login may verify, as an SQL array of subdistrict ids (NULL:
    /// every chain); nil when the login reads the whole log (a file).
    var verifiableChains: String? {
        engine == .sqlite ? nil : "SELECT minsheng_verifiable_chains()::text"
    }

    /// The hash of a chain's entry (`?`, `?`), read through the server's function there.
    var entryHash: String {
        engine == .sqlite
            ? "SELECT hash FROM event WHERE chain = ? AND link = ?"
            : "SELECT minsheng_entry_hash(?, ?)"
    }

    /// One row for the chain `chain` (an SQL expression, a BIGINT) about to be appended to:
    /// the chain, its head (`link` and `hash`, NULL for an empty chain) locked until the
    /// transaction ends, so that only appends to the same chain wait for each other (SQLite's
    /// writer holds the whole file already), and `wall`, the clock the server writes into the
    /// entry (NULL where the engine has no clock of its own). On a server one call of its
    /// function: the lock, then the head as it is once locked.
    func appendHead(chain: String) -> String {
        engine == .sqlite
            ? "SELECT x.chain, e.link, e.hash, NULL AS wall FROM (SELECT \(chain) AS chain) x "
                + "LEFT JOIN event e ON e.chain = x.chain AND e.link = (SELECT max(l.link) FROM event l WHERE l.chain = x.chain)"
            : "SELECT x.chain, h.link, h.hash, h.wall FROM (SELECT \(chain) AS chain) x CROSS JOIN LATERAL minsheng_append_head(x.chain) h"
    }

    /// An ORDER BY term with NULL first going up and last going down, as SQLite orders
    /// (PostgreSQL's default is the other way round).
    func order(_ expression: String, descending: Bool = false) -> String {
        switch (engine, descending) {
        case (.sqlite, false): return expression
        case (.sqlite, true): return expression + " DESC"
        case (.postgres, false): return expression + " NULLS FIRST"
        case (.postgres, true): return expression + " DESC NULLS LAST"
        }
    }

    /// A column that orders a table's rows as stored, for the records digest.
    var storageOrder: String { engine == .sqlite ? "rowid" : "ctid" }

    /// An INSERT of `columns` for many rows; with `unique`, a row whose value there is taken
    /// is skipped (the partial unique index's condition names the conflict target).
    func bulkInsertSQL(table: String, key: String = "id", columns: [String], unique: String?) -> String {
        var sql = insertSQL(table: table, key: key, columns: columns)
        if let unique { sql += " ON CONFLICT (\(unique)) WHERE \(unique) IS NOT NULL DO NOTHING" }
        return sql
    }

    /// An INSERT of `columns` into a table numbered by `key` (`id`), the next dense one.
    func insertSQL(table: String, key: String = "id", columns: [String], rows: Int = 1) -> String {
        let row = "(\(nextKey(key, in: table)), " + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(key), \(columns.joined(separator: ", "))) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// A migration's DDL as the engine takes it: in PostgreSQL an `INTEGER PRIMARY KEY` is
    /// an identity column and integers are 64-bit, as SQLite's are.
    func schema(_ ddl: String) -> String {
        guard engine == .postgres else { return ddl }
        var out = ""
        for line in ddl.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line)
            if let r = l.firstRange(of: " INTEGER PRIMARY KEY") {
                l.replaceSubrange(r, with: " BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
            }
            while let r = l.firstRange(of: " INTEGER") { l.replaceSubrange(r, with: " BIGINT") }
            while let r = l.firstRange(of: " REAL") { l.replaceSubrange(r, with: " DOUBLE PRECISION") }
            out += l + "\n"
        }
        return out
    }

    /// `MINSHENG_WALL_CLOCK` (`2019-12-03T09:00:00Z`), when set and well formed: the wall
    /// clock a test fixes, as git's tests fix `GIT_COMMITTER_DATE`.
    static var fixedWallClock: String? {
        guard let raw = getenv("MINSHENG_WALL_CLOCK") else { return nil }
        let text = String(cString: raw)
        guard text.count == 20, text.allSatisfy({ $0.isASCII && ($0.isNumber || "-:TZ".contains($0)) }) else { return nil }
        return text
    }

    static let sqlite = SQLDialect(engine: .sqlite)
    static let postgres = SQLDialect(engine: .postgres)
}

import MinshengCore

extension SQLStore {
    public func insert(_ kind: RecordKind, _ values: [String: StoreValue]) throws -> Int {
        try withWriting { db in
            let columns = values.keys.sorted()
            let id = try db.insert(insertSQL(table: kind.schema.table, columns: columns), columns.map { values[$0] ?? .null })
            touch(kind.schema.table, id)
            return id
        }
    }

    /// `dialect.insertSQL`, built once for each table, column list and number of rows.
    func insertSQL(table: String, key: String = "id", columns: [String], rows: Int = 1) -> String {
        let name = "insert \(table) \(key) \(rows) " + columns.joined(separator: ",")
        if let built = builtSQL[name] { return built }
        let sql = dialect.insertSQL(table: table, key: key, columns: columns, rows: rows)
        builtSQL[name] = sql
        return sql
    }

    public func update(_ kind: RecordKind, id: Int, _ values: [String: StoreValue]) throws {
        try withWriting { db in
            let columns = values.keys.sorted()
            let sql = "UPDATE \(kind.schema.table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
            // Nobody reads its answer: on a server it goes out with the next statement.
            try db.hold(sql, columns.map { values[$0] ?? .null } + [.integer(id)])
            touch(kind.schema.table, id)
        }
    }

    public func fetch(_ kind: RecordKind, id: Int) throws -> ResultSet? {
        try withDatabase { db in
            let fields = kind.schema.fields.filter { $0.column != nil || $0.fact != nil }
            phoneTable = kind.schema.table
            var sql = "SELECT \(fields.map { selectExpression($0, table: "t") }.joined(separator: ", ")) FROM \(kind.schema.table) t WHERE t.id = ?"
            if engine.isWriting { sql += dialect.rowLock(of: "t", shared: Self.consultedTables.contains(kind.schema.table)) }
            guard let row = try db.rows(sql, [.integer(id)]).first else { return nil }
            return ResultSet(columns: fields, rows: [Array(row.values.prefix(fields.count))])
        }
    }

    /// Tables a writing command reads to consult — the policy, the calendar, the settings,
    /// the organisation its records name — whose rows it locks shared: nobody changes them
    /// under it, and nobody who only consults them waits for it (one subdistrict's import
    /// holds the policy and its communities for minutes). The rows of every other table a
    /// writing command reads, it locks for update: two cadres stepping one case take turns.
    static let consultedTables: Set<String> = [
        "case_policy", "calendar_day", "policy_setting", "assess_rule", "subdistrict", "department", "community",
    ]

    public func lookup(_ kind: RecordKind, name: String) throws -> Int? {
        try withDatabase { db in
            let table = kind.schema.table
            // A writing command that names a department or a community reads the row next:
            // it is read, and locked shared, with its name (one round trip, not two).
            if engine.isWriting && Self.consultedTables.contains(table) {
                let sql = "SELECT \(try allColumns(table, alias: "t")) FROM \(table) t WHERE t.\(kind.schema.titleColumn) = ? ORDER BY t.id LIMIT 1"
                guard let row = try db.records(sql + dialect.rowLock(of: "t", shared: true), [.text(name)]).first, let id = row.int("id") else {
                    return nil
                }
                let key = Self.rowKey(table, id)
                if lockedRows[key] == nil { lockedRows[key] = [row] }
                return id
            }
            return try db.int("SELECT id FROM \(table) WHERE \(kind.schema.titleColumn) = ? ORDER BY id", [.text(name)])
        }
    }

    public func names(_ kind: RecordKind, prefix: String, limit: Int) throws -> [String] {
        try withDatabase { db in
            // Kinds without names (cases, visits, items …) are given by id.
            let idPrefix = kind.schema.idPrefix + "-"
            if kind.schema.nameField == nil && (idPrefix.hasPrefix(prefix.uppercased()) || prefix.uppercased().hasPrefix(idPrefix)) {
                let digits = prefix.count > idPrefix.count ? String(prefix.dropFirst(idPrefix.count)) : ""
                return try idsStarting(with: digits, in: kind.schema.table, limit: limit, db).map { idPrefix + String($0) }
            }
            let c = kind.schema.titleColumn
            // A record merged into another is offered no more: its name leads to the kept one.
            let live = kind.schema.field("merged") == nil ? "" : " AND merged_at IS NULL"
            let sql = "SELECT \(c) FROM \(kind.schema.table) WHERE substr(\(c), 1, length(?)) = ?\(live) ORDER BY \(c) LIMIT ?"
            return try db.strings(sql, [.text(prefix), .text(prefix), .integer(limit)])
        }
    }

    /// Ids whose digits start with `digits`, smallest first, at most `limit`: `1` is 1, then
    /// 10–19, 100–199 … up to the largest id, each range read through the key, so it costs the
    /// same on a million cases as on ten. No digits: the newest ids.
    func idsStarting(with digits: String, in table: String, limit: Int, _ db: SQLConnection) throws -> [Int] {
        guard !digits.isEmpty else { return try db.ints("SELECT id FROM \(table) ORDER BY id DESC LIMIT ?", [.integer(limit)]) }
        guard digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.first != "0", digits.count <= 15, let p = Int(digits),
            let largest = try db.int("SELECT max(id) FROM \(table)")
        else { return [] }
        var ids: [Int] = []
        var (low, high) = (p, p)
        while low <= largest && ids.count < limit {
            ids += try db.ints(
                "SELECT id FROM \(table) WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?", [.integer(low), .integer(high), .integer(limit - ids.count)])
            (low, high) = (low * 10, high * 10 + 9)
        }
        return ids
    }

    /// Values stored in a text column that start with `prefix` (for completion), most used first.
    public func distinctValues(_ kind: RecordKind, field: FieldSpec, prefix: String, limit: Int) throws -> [String] {
        guard let column = field.column, case .text = field.type else { return [] }
        return try withDatabase { db in
            let sql = """
                SELECT \(column) FROM \(kind.schema.table) WHERE \(column) IS NOT NULL AND \(column) != '' AND substr(\(column), 1, length(?)) = ?
                GROUP BY \(column) ORDER BY COUNT(*) DESC LIMIT ?
                """
            return try db.strings(sql, [.text(prefix), .text(prefix), .integer(limit)])
        }
    }

    public func append(_ event: Event) throws { try queue([event]) }

    /// The columns of a log entry the store writes (`seq` aside).
    static let entryColumns = [
        "chain", "link", "at", "actor", "command", "action", "kind", "record_id", "details", "prev_hash", "hash", "login", "wall", "row_digest",
    ]

    /// A log entry as it is written: its hash (over the previous one and every field, the
    /// login, the wall-clock time and the digest of its rows' images included — the
    /// database's word for the login and the time; on a server it writes them itself, the
    /// same) and its values in the order of `entryColumns`.
    static func entry(_ e: Event, chain: Int, link: Int, prev: String, login: String, wall: String, rows: String) -> (
        hash: String, values: [StoreValue]
    ) {
        let details = EventDetails.encode(e.details)
        let hash = chainHash(
            prev: prev,
            hashedFields(
                at: e.at.storage, actor: e.actor, command: e.command, action: e.action, kind: e.kind?.rawValue ?? "",
                record: e.recordID.map(String.init) ?? "", details: details, login: login, wall: wall, rows: rows))
        return (hash, [
            .integer(chain), .integer(link), e.at.storage.sqlValue, e.actor.sqlValue, e.command.sqlValue, e.action.sqlValue,
            e.kind?.rawValue.sqlValue ?? .null, e.recordID.sqlValue, details.sqlValue, prev.sqlValue, hash.sqlValue, login.sqlValue,
            wall.sqlValue, rows.sqlValue,
        ])
    }

    /// The first record of a batch entry (`case import`), which names its first and last.
    static func batchFirst(_ event: Event) -> Int? {
        event.details.first { $0.0 == "first" }.flatMap { RecordKind.forID($0.1) }.map { $0.1 }
    }

    /// The subdistrict a record belongs to, as SQL over its id (an expression): its own
    /// subdistrict column, its community's or department's, or its parent record's, the
    /// nearest first; NULL when none names one.
    func subdistrictSQL(_ kind: RecordKind, id: String) -> String? {
        let key = "subdistrict \(kind.rawValue) \(id)"
        if let built = builtSQL[key] { return built.isEmpty ? nil : built }
        let path = subdistrictSQL(kind, id: id, depth: 0)
        builtSQL[key] = path ?? ""
        return path
    }

    func subdistrictSQL(_ kind: RecordKind, id: String, depth: Int) -> String? {
        if kind == .subdistrict { return id }
        guard depth < 3, let schema = RecordSchema.all.first(where: { $0.kind == kind }) else { return nil }
        let r = "r\(depth)"
        var paths: [(Int, String)] = []
        for field in schema.fields where field.through == nil {
            guard let column = field.column, case .reference(let target) = field.type, target != kind else { continue }
            let rank = target == .subdistrict ? 0 : target == .community ? 1 : target == .department ? 2 : 3
            if target == .subdistrict {
                paths.append((rank, "\(r).\(column)"))
            } else if let path = subdistrictSQL(target, id: "\(r).\(column)", depth: depth + 1) {
                paths.append((rank, path))
            }
        }
        guard !paths.isEmpty else { return nil }
        let ordered = paths.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        return "(SELECT COALESCE(\(ordered.joined(separator: ", ")), NULL) FROM \(schema.table) \(r) WHERE \(r).id = \(id))"
    }

    public func select(_ kind: RecordKind, matching: [String: StoreValue], orderBy: [String]) throws -> [StoredRecord] {
        try withDatabase { db in
            // A row a writing command has locked is read once (a command asks for the same
            // department or community more than once).
            var cacheKey: String?
            if engine.isWriting, matching.count == 1, case .integer(let id)? = matching["id"] { cacheKey = Self.rowKey(kind.schema.table, id) }
            if let cacheKey, let rows = lockedRows[cacheKey] { return rows }
            let keys = matching.keys.sorted()
            var sql = "SELECT \(try allColumns(kind.schema.table, alias: "t")) FROM \(kind.schema.table) t"
            // `= ?` for a value and `IS NULL` for none, each read through an index (PostgreSQL
            // reads every row for `IS NOT DISTINCT FROM ?`).
            let conditions = keys.map { matching[$0] == .null ? "\($0) IS NULL" : "\($0) = ?" }
            if !keys.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY " + (orderBy.map { dialect.order($0) } + ["id"]).joined(separator: ", ")
            if engine.isWriting { sql += dialect.rowLock(shared: Self.consultedTables.contains(kind.schema.table)) }
            let rows = try db.records(sql, keys.compactMap { matching[$0] == .null ? nil : matching[$0] })
            if let cacheKey, !rows.isEmpty { lockedRows[cacheKey] = rows }
            return rows
        }
    }

    public func events(kind: RecordKind?, recordID: Int?) throws -> [Event] {
        try flushBeforeReading()
        return try withDatabase { db in
            var sql = "SELECT \(Self.eventColumns) FROM event"
            var args: [StoreValue] = []
            if let kind {
                sql += " WHERE kind = ?"
                args.append(.text(kind.rawValue))
                if let recordID {
                    sql += " AND record_id = ?"
                    args.append(.integer(recordID))
                }
            }
            sql += " ORDER BY seq"
            return try db.rows(sql, args).map(Self.event)
        }
    }

    /// The columns `event(_:)` reads.
    static let eventColumns = "at, actor, command, action, kind, record_id, details, login, wall"

    /// A log entry as read back.
    static func event(_ row: SQLRow) -> Event {
        let kind = row.text("kind")
        var event = Event(
            at: Timestamp.parse(row.text("at") ?? "") ?? Timestamp(seconds: 0), actor: row.text("actor") ?? "",
            command: row.text("command") ?? "", action: row.text("action") ?? "",
            kind: kind.flatMap { $0.isEmpty ? nil : RecordKind(rawValue: $0) }, recordID: row.int("record_id"),
            details: EventDetails.decode(row.text("details") ?? ""))
        event.login = row.text("login") ?? ""
        event.wall = row.text("wall") ?? ""
        return event
    }

    /// `{1,2}` (an SQL array of numbers) as numbers.
    static func integers(_ text: String) -> [Int] {
        text.split { $0 == "{" || $0 == "}" || $0 == "," }.compactMap { Int($0) }
    }

    /// The fields an entry's hash covers, in order. The login is covered when there is one
    /// (entries made before logins were kept hash as they did).
    static func hashedFields(
        at: String, actor: String, command: String, action: String, kind: String, record: String, details: String, login: String,
        wall: String, rows: String
    ) -> [String] {
        let fields = [at, actor, command, action, kind, record, details]
        // Entries made before wall-clock times and row images were kept hash as they did.
        if !wall.isEmpty { return fields + [login, wall, rows] }
        return login.isEmpty ? fields : fields + [login]
    }

    /// The hash of an entry: the previous hash, then every field, quoted and tab-separated.
    static func chainHash(prev: String, _ fields: [String]) -> String {
        SHA256.hex(prev + "\n" + fields.map(JSON.quote).joined(separator: "\t"))
    }

    public func verifyLog() throws -> LogVerification {
        // A damaged file is reported as such: reading the log out of it could fail midway.
        let damage = try engine.integrityProblems()
        if !damage.isEmpty {
            var v = LogVerification(checked: 0, problems: [], head: "")
            v.damage = damage
            return v
        }
        let tables = try engine.recordTables()
        for table in tables { _ = try imageSelect(table, rows: .all) }
        return try withDatabase { db in
            var names: [Int: String] = [:]
            for row in try db.rows("SELECT id, name FROM subdistrict") { if let id = row.int("id") { names[id] = row.text("name") } }
            var chains: [LogChain] = []
            var current: Int?
            var previous = ""
            var lastLink = 0
            var checked = 0, imaged = 0
            var problems: [(chain: String?, seq: Int, problem: LogProblem)] = []
            // A login whose scope is some subdistricts verifies their chains, each in full
            // (the server lets it read them); the others' are not its to read.
            let scope = try dialect.verifiableChains.map { try db.string($0) }.flatMap { $0 }.map(Self.integers)
            let only = scope.map { " WHERE chain IN (\($0.isEmpty ? "-1" : $0.map(String.init).joined(separator: ", ")))" } ?? ""
            var images = EntryImages()
            try db.forEachRow(
                "SELECT chain, link, at, actor, command, action, kind, record_id, details, prev_hash, hash, login, wall, row_digest FROM event\(only) ORDER BY chain, link", []
            ) { row in
                let chain = row.int("chain") ?? 0, link = row.int("link") ?? 0
                // A subdistrict's chain is named by its subdistrict; one that is gone, by its number.
                let name = chain == 0 ? nil : names[chain] ?? "#\(chain)"
                if chain != current {
                    current = chain
                    chains.append(LogChain(subdistrict: name, entries: 0, head: ""))
                    previous = ""
                    lastLink = 0
                }
                let recordID = row.int("record_id")
                let rows = row.text("row_digest") ?? ""
                let fields = Self.hashedFields(
                    at: row.text("at") ?? "", actor: row.text("actor") ?? "", command: row.text("command") ?? "", action: row.text("action") ?? "",
                    kind: row.text("kind") ?? "", record: recordID.map(String.init) ?? "", details: row.text("details") ?? "",
                    login: row.text("login") ?? "", wall: row.text("wall") ?? "", rows: rows)
                let prev = row.text("prev_hash") ?? "", hash = row.text("hash") ?? ""
                if link != lastLink + 1 { problems.append((name, lastLink + 1, .missing)) }
                if prev != previous { problems.append((name, link, .brokenLink)) }
                if Self.chainHash(prev: prev, fields) != hash { problems.append((name, link, .edited)) }
                // The images kept for the entry must be the ones its hash covers.
                let lines = try images.of(chain: chain, link: link, db)
                imaged += lines.count
                if Self.rowDigest(lines) != rows { problems.append((name, link, .imagesChanged)) }
                previous = hash
                lastLink = link
                checked += 1
                chains[chains.count - 1].entries += 1
                chains[chains.count - 1].head = hash
            }
            var v = LogVerification(checked: checked, problems: problems, head: chains.count == 1 ? previous : "")
            v.chains = chains
            // Records are checked against the log by a login that reads them all.
            guard scope == nil else {
                v.scoped = true
                return v
            }
            // An image no entry covers could only have been added behind the shell's back.
            v.strayImages = max(0, (try db.int("SELECT COUNT(*) FROM logged_row") ?? 0) - imaged)
            try checkImages(tables, db, &v)
            if checked == 0 {
                for schema in RecordSchema.all {
                    v.recordsWithoutLog += try db.int("SELECT COUNT(*) FROM \(schema.table)") ?? 0
                }
            }
            return v
        }
    }

    /// Every row of every table must be as the last entry that wrote it imaged it: a row
    /// added, deleted or edited behind the shell's back shows here even when the chain
    /// itself is intact. Rows and images are read side by side in windows of ids.
    func checkImages(_ tables: [String], _ db: SQLConnection, _ v: inout LogVerification) throws {
        for table in tables {
            let select = try imageSelect(table, rows: .all)
            var window: [Int: String] = [:], windowEnd = 0, seen = Set<Int>()
            func load(from start: Int, to end: Int?) throws {
                window = [:]
                seen = []
                var sql = "SELECT row_id, image FROM logged_row WHERE tbl = ? AND row_id >= ?"
                var args: [StoreValue] = [.text(table), .integer(start)]
                if let end {
                    sql += " AND row_id < ?"
                    args.append(.integer(end))
                }
                try db.forEachRow(sql + " ORDER BY row_id, id", args) { r in
                    if let id = r.int("row_id") { window[id] = r.text("image") ?? "" }
                }
            }
            func closeWindow() {
                for (id, image) in window.sorted(by: { $0.key < $1.key }) where !seen.contains(id) && image != "null" {
                    v.vanished.append(Self.recordName(table, id))
                }
            }
            try db.forEachRow(select.sql + " ORDER BY t.id", []) { row in
                guard let id = row.int("id") else { return }
                if id >= windowEnd {
                    closeWindow()
                    let start = windowEnd
                    windowEnd = max(start + 2000, id + 1)
                    try load(from: start, to: windowEnd)
                }
                seen.insert(id)
                let now = Self.image(select.names, row.values)
                guard let logged = window[id], logged != "null" else {
                    v.unlogged.append(Self.recordName(table, id))
                    return
                }
                guard logged != now else { return }
                let was = Self.fields(ofImage: logged), nowFields = Self.fields(ofImage: now)
                let differing = Set(was.keys).union(nowFields.keys).sorted().filter { (was[$0] ?? "null") != (nowFields[$0] ?? "null") }
                v.altered.append(
                    AlteredRecord(record: Self.recordName(table, id), table: table, columns: differing.map { ($0, was[$0] ?? "null", nowFields[$0] ?? "null") }))
            }
            closeWindow()
            try load(from: windowEnd, to: nil)
            closeWindow()
        }
    }

    /// A row as a person names it: `C-12` for a record with an id of its own, else its
    /// table and number (`ballot 3`).
    static func recordName(_ table: String, _ id: Int) -> String {
        if let schema = RecordSchema.all.first(where: { $0.table == table }), schema.idPrefix.count >= 1, schema.idPrefix != "?" {
            return schema.kind.id(id)
        }
        return "\(table) \(id)"
    }

    public func logEntry(hashPrefix: String) throws -> (chain: String?, entry: Int)? {
        try flushBeforeReading()
        return try withDatabase { db in
            let sql = """
                SELECT e.link, s.name FROM event e LEFT JOIN subdistrict s ON s.id = e.chain
                WHERE substr(e.hash, 1, length(?)) = ? ORDER BY e.seq LIMIT 1
                """
            guard let row = try db.rows(sql, [.text(hashPrefix), .text(hashPrefix)]).first, let link = row.int("link") else { return nil }
            return (row.text("name"), link)
        }
    }

    public func eventCount() throws -> Int {
        try flushBeforeReading()
        return try withDatabase { db in try db.int("SELECT COUNT(*) FROM event") ?? 0 }
    }
}

/// Event details as a flat JSON object of strings, in order.
enum EventDetails {
    static func encode(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { JSON.quote($0.0) + ":" + JSON.quote($0.1) }.joined(separator: ",") + "}"
    }

    /// Reads back what `encode` wrote (a flat object of strings).
    static func decode(_ text: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var strings: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        var scalars = text.unicodeScalars.makeIterator()
        while let u = scalars.next() {
            if !inString {
                if u == "\"" { inString = true; current = "" }
                continue
            }
            if escaped {
                switch u {
                case "n": current += "\n"
                case "r": current += "\r"
                case "t": current += "\t"
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let h = scalars.next() { hex.unicodeScalars.append(h) } }
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { current.unicodeScalars.append(s) }
                default: current.unicodeScalars.append(u)
                }
                escaped = false
            } else if u == "\\" {
                escaped = true
            } else if u == "\"" {
                inString = false
                strings.append(current)
            } else {
                current.unicodeScalars.append(u)
            }
        }
        var i = 0
        while i + 1 < strings.count {
            out.append((strings[i], strings[i + 1]))
            i += 2
        }
        return out
    }
}

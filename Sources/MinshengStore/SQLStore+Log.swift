#if canImport(Glibc)
    import Glibc
#endif
import MinshengCore

/// Writing the change log: a command's entries are queued and written when it commits,
/// each with the images of the rows it wrote (`logged_row`), the digest of those images and
/// the wall-clock time in its hash — so every row of every table is bound to the chain.
extension SQLStore {
    /// Entries are written at the end of the command, or a thousand at a time (an import).
    static let entriesPerFlush = 1000

    func queue(_ events: [Event]) throws {
        guard !events.isEmpty else { return }
        // Alone (no command's transaction), the entry is written at once, in one of its own.
        guard openTransactions > 0 else {
            try transaction(.writes) { pendingEvents += events }
            return
        }
        pendingEvents += events
        if pendingEvents.count >= Self.entriesPerFlush { try flushLog() }
    }

    /// A row the open command wrote: its image goes into the entry that logs it.
    func touch(_ table: String, _ id: Int) {
        let key = Self.rowKey(table, id)
        lockedRows[key] = nil
        if touchedKeys.insert(key).inserted { touched.append((table, id)) }
    }

    /// Before the log is read inside a command, what it queued is written (it reads its own
    /// entries, as SQL reads its own writes).
    func flushBeforeReading() throws {
        if (!pendingEvents.isEmpty || prepared != nil) && openTransactions > 0 && engine.isWriting { try flushLog() }
    }

    /// One key for a row wherever rows are tracked by table and id.
    static func rowKey(_ table: String, _ id: Int) -> String { "\(table)#\(id)" }

    /// Drops what a failed savepoint (or the end of a command) leaves queued.
    func forgetPending(to mark: (events: Int, rows: Int)) {
        // A prepared batch is written before the command's next statement of its own: one
        // still pending belongs to the statement that failed.
        prepared = nil
        if pendingEvents.count > mark.events { pendingEvents.removeLast(pendingEvents.count - mark.events) }
        if touched.count > mark.rows {
            for (table, id) in touched[mark.rows...] { touchedKeys.remove(Self.rowKey(table, id)) }
            touched.removeLast(touched.count - mark.rows)
        }
    }

    /// Writes the queued entries. A row goes to the last entry naming it (an imported case
    /// to its own), every other row to the command's last entry. Rows written with no entry
    /// at all stay unlogged: `audit verify` names them.
    func flushLog() throws {
        try writePrepared()
        guard !pendingEvents.isEmpty else { return }
        let (events, rows) = takePending()
        try withWriting { db in try writeEntries(events, rows: rows, db) }
    }

    /// The queued entries and the rows written since the last were, taken to be written.
    func takePending() -> (events: [Event], rows: [(table: String, id: Int)]) {
        defer {
            pendingEvents = []
            touched = []
            touchedKeys = []
        }
        return (pendingEvents, touched)
    }

    /// The entries queued (with `events`), read for but not yet written: the rows written
    /// from now on go to later entries.
    public func prepare(batch events: [Event]) throws {
        // Alone (no command's transaction), written at once, in one of its own.
        guard openTransactions > 0 else { return try queue(events) }
        try writePrepared()
        pendingEvents += events
        let (all, rows) = takePending()
        prepared = try withWriting { db in try prepareEntries(all, rows: rows, db) }
    }

    public func writePrepared() throws {
        guard let entries = prepared else { return }
        prepared = nil
        try withWriting { db in try writeEntries(entries, db) }
    }

    func writeEntries(_ events: [Event], rows: [(table: String, id: Int)], _ db: SQLConnection) throws {
        try writeEntries(try prepareEntries(events, rows: rows, db), db)
    }

    /// Entries about to be written: their chains, the heads they follow, the images of their
    /// rows, as read (and the heads locked) by `prepareEntries`.
    struct PreparedEntries {
        var events: [Event], rows: [(table: String, id: Int)]
        var chains: [Int], heads: [Int: (link: Int, hash: String)]
        var login: String, wall: String, images: [String]
    }

    func prepareEntries(_ events: [Event], rows: [(table: String, id: Int)], _ db: SQLConnection) throws -> PreparedEntries {
        // Each entry's chain (its record's subdistrict's, else the district's, 0) and each
        // chain's head, locked until the command commits — in ascending order, so that no two
        // appends wait for each other — with the server's clock.
        var chains: [Int] = Array(repeating: 0, count: events.count)
        var heads: [Int: (link: Int, hash: String)] = [:]
        var serverWall: String?
        func keep(_ chain: Int, _ row: SQLRow?) {
            if heads[chain] == nil { heads[chain] = (row?.int("link") ?? 0, row?.text("hash") ?? "") }
            serverWall = serverWall ?? row?.text("wall")
        }
        var records: [(index: Int, kind: RecordKind, id: Int)] = []
        var chained: [RecordKind: Bool] = [:]
        for (i, e) in events.enumerated() {
            guard let kind = e.kind, let id = e.recordID ?? Self.batchFirst(e) else { continue }
            if chained[kind] == nil { chained[kind] = subdistrictSQL(kind, id: "0") != nil }
            if chained[kind] == true { records.append((i, kind, id)) }
        }
        let head = "CAST(? AS BIGINT)"
        let one = Set(records.map { Self.rowKey($0.kind.schema.table, $0.id) }).count <= 1
        // The rows' images, asked for first: on a server they go out with the next query. For
        // many records (an import), with the chain of each record among them.
        var chainSQL: [String: String] = [:]
        if !one {
            for r in records where chainSQL[r.kind.schema.table] == nil { chainSQL[r.kind.schema.table] = subdistrictSQL(r.kind, id: "t.id") }
        }
        let requested = try requestImages(rows, db, chains: chainSQL)
        if one {
            // A command's one record: its chain found and locked by the statement that reads
            // the head, after the district's when an entry goes there too (0 comes first).
            if records.count < events.count { try db.prefetch(dialect.appendHead(chain: head), [.integer(0)]) { keep(0, $0.first) } }
            if let r = records.first, let sub = subdistrictSQL(r.kind, id: head) {
                let row = try db.rows(dialect.appendHead(chain: "COALESCE(\(sub), 0)"), [.integer(r.id)]).first
                let chain = row?.int("chain") ?? 0
                keep(chain, row)
                for r in records { chains[r.index] = chain }
            }
        } else {
            // Many records (an import, a merge): their chains read with their images, or for
            // records the command did not write, in one statement per kind; then the heads
            // locked in order, in one round trip.
            try db.sendHeld()
            var byKind: [RecordKind: [(index: Int, id: Int)]] = [:]
            for r in records {
                if let chain = requested.chains[Self.rowKey(r.kind.schema.table, r.id)] {
                    chains[r.index] = chain
                } else {
                    byKind[r.kind, default: []].append((r.index, r.id))
                }
            }
            for (kind, items) in byKind {
                guard let sub = subdistrictSQL(kind, id: "t.id") else { continue }
                var found: [Int: Int] = [:]
                for chunk in Self.chunks(items, 500) {
                    let (condition, values) = dialect.oneOf("t.id", chunk.map(\.id))
                    for row in try db.rows("SELECT t.id, \(sub) AS s FROM \(kind.schema.table) t WHERE \(condition)", values) {
                        if let id = row.int("id") { found[id] = row.int("s") ?? 0 }
                    }
                }
                for item in items { chains[item.index] = found[item.id] ?? 0 }
            }
            for chain in Set(chains).sorted() {
                try db.prefetch(dialect.appendHead(chain: head), [.integer(chain)]) { keep(chain, $0.first) }
            }
        }
        try db.sendHeld()
        return PreparedEntries(
            events: events, rows: rows, chains: chains, heads: heads, login: try engine.identity().login, wall: try serverWall ?? engine.wallClock(db),
            images: requested.of(rows))
    }

    func writeEntries(_ prepared: PreparedEntries, _ db: SQLConnection) throws {
        let (events, rows, chains, login, wall, images) = (prepared.events, prepared.rows, prepared.chains, prepared.login, prepared.wall, prepared.images)
        var heads = prepared.heads
        // Which entry each row goes to, with its image.
        var lastNaming: [String: Int] = [:]
        for (i, e) in events.enumerated() {
            if let kind = e.kind, let id = e.recordID { lastNaming[Self.rowKey(kind.schema.table, id)] = i }
        }
        var lines: [[(table: String, id: Int, image: String)]] = Array(repeating: [], count: events.count)
        for (row, image) in zip(rows, images) {
            lines[lastNaming[Self.rowKey(row.table, row.id)] ?? events.count - 1].append((row.table, row.id, image))
        }
        var entries: [[StoreValue]] = [], logged: [[StoreValue]] = []
        entries.reserveCapacity(events.count)
        for (i, (e, chain)) in zip(events, chains).enumerated() {
            let (last, prev) = heads[chain] ?? (0, "")
            let entry = Self.entry(e, chain: chain, link: last + 1, prev: prev, login: login, wall: wall, rows: Self.rowDigest(lines[i]))
            heads[chain] = (last + 1, entry.hash)
            entries.append(entry.values)
            for l in lines[i] { logged.append([.integer(chain), .integer(last + 1), .text(l.table), .integer(l.id), .text(l.image)]) }
        }
        // A command's few entries and images go in one statement each, prepared once per
        // connection for each number of rows; an import's thousands through a bulk insert.
        let imageColumns = ["chain", "link", "tbl", "row_id", "image"]
        if entries.count + logged.count <= 8 {
            if !entries.isEmpty { try db.hold(insertSQL(table: "event", key: "seq", columns: Self.entryColumns, rows: entries.count), entries.flatMap { $0 }) }
            if !logged.isEmpty { try db.hold(insertSQL(table: "logged_row", columns: imageColumns, rows: logged.count), logged.flatMap { $0 }) }
            return
        }
        try engine.bulkAppend(table: "event", key: "seq", columns: Self.entryColumns, rows: entries)
        try engine.bulkAppend(table: "logged_row", key: "id", columns: imageColumns, rows: logged)
    }

    /// A database made before rows were imaged into the log: every row as it is at the
    /// upgrade is imaged into baseline entries of the district's chain, a thousand rows
    /// each, so that from now on an edit behind the shell's back is found. (What was done
    /// to a row before the upgrade, the log cannot tell.)
    func writeBaseline(_ db: SQLConnection) throws {
        let at = Timestamp.systemNow(unixSeconds: Int(time(nil)))
        for table in try engine.recordTables() {
            let ids = try db.ints("SELECT id FROM \(table) ORDER BY id")
            for chunk in Self.chunks(ids, 1000) {
                let rows = chunk.map { (table: table, id: $0) }
                let event = Event(
                    at: at, actor: "minsheng", command: "(upgrade: rows imaged into the log)", action: "audit.baseline", kind: nil, recordID: nil,
                    details: [("table", table), ("first", String(chunk.first ?? 0)), ("last", String(chunk.last ?? 0)), ("rows", String(chunk.count))])
                try writeEntries([event], rows: rows, db)
            }
        }
    }

    static func chunks<T>(_ items: [T], _ size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// The digest over an entry's row images, in the order they are kept ("" for none).
    static func rowDigest(_ lines: [(table: String, id: Int, image: String)]) -> String {
        lines.isEmpty ? "" : SHA256.hex(lines.map { "\($0.table)\t\($0.id)\t\($0.image)" }.joined(separator: "\n"))
    }

    /// The statement reading a table's row images: every column, in name order (a phone
    /// number as the dialect images it), of one row, of many (their ids bound before the
    /// WHERE clause the caller adds, when `bindsIDs`) or of all.
    func imageSelect(_ table: String, rows: SQLDialect.ImageRows) throws -> ImageSelect {
        let key = table + " " + rows.rawValue
        if let built = imageSelects[key] { return built }
        if columnLists[table] == nil { columnLists[table] = try engine.columnNames(table) }
        let names = (columnLists[table] ?? []).sorted()
        var built = ImageSelect(names: names, columns: names.map { "t.\($0)" }.joined(separator: ", "), from: "\(table) t", bindsIDs: false)
        if names.contains("phone") {
            let source = dialect.imageSource(table, rows: rows)
            built.columns = names.map { $0 == "phone" ? "\(source.phone) AS phone" : "t.\($0)" }.joined(separator: ", ")
            built.from = source.from
            built.bindsIDs = source.bindsIDs
        }
        imageSelects[key] = built
        return built
    }

    /// Asks for the images of rows, and with them the chain of each row of the tables in
    /// `chains` (its subdistrict, by that SQL); they are there once `db.sendHeld()` has run
    /// (on a server the queries travel with the next statement that is awaited: no round trip
    /// of their own).
    func requestImages(_ rows: [(table: String, id: Int)], _ db: SQLConnection, chains: [String: String] = [:]) throws -> RowImages {
        var byTable: [String: [Int]] = [:]
        for r in rows { byTable[r.table, default: []].append(r.id) }
        let images = RowImages()
        for (table, ids) in byTable {
            let chain = chains[table]
            for chunk in Self.chunks(ids, 500) {
                let select = try imageSelect(table, rows: chunk.count == 1 ? .one : .many)
                let sql = "SELECT \(select.columns)" + (chain.map { ", \($0) AS minsheng_chain" } ?? "") + " FROM \(select.from) WHERE "
                let (condition, values) = dialect.oneOf("t.id", chunk)
                try db.prefetch(sql + condition, (select.bindsIDs ? [SQLDialect.array(chunk)] : []) + values) { found in
                    for row in found {
                        guard let id = row.int("id") else { continue }
                        let key = Self.rowKey(table, id)
                        images.found[key] = Self.image(select.names, row.values)
                        if chain != nil { images.chains[key] = row.int("minsheng_chain") ?? 0 }
                    }
                }
            }
        }
        return images
    }

    /// A row's image: its columns by name, in name order, as one JSON object; a NULL column
    /// is left out (read back as null), which keeps an image about half the size.
    static func image(_ names: [String], _ values: [StoreValue]) -> String {
        var out = "{"
        for (name, value) in zip(names, values) {
            if case .null = value { continue }
            if out.utf8.count > 1 { out += "," }
            out += "\"" + name + "\":" + imageValue(value)
        }
        return out + "}"
    }

    static func imageValue(_ v: StoreValue) -> String {
        switch v {
        case .null: return "null"
        case .integer(let n): return String(n)
        case .real(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .text(let s): return JSON.quote(s)
        }
    }

    /// An image's fields, by name, each value as written in it.
    static func fields(ofImage image: String) -> [String: String] {
        var out: [String: String] = [:]
        let chars = Array(image.unicodeScalars)
        guard chars.first == "{", chars.last == "}" else { return out }
        var i = 1, key = "", inString = false, escaped = false, start = 1, readingKey = true
        while i < chars.count - 1 {
            let c = chars[i]
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == ":" && readingKey {
                key = String(String(String.UnicodeScalarView(chars[start..<i])).dropFirst().dropLast())
                readingKey = false
                start = i + 1
            } else if c == "," {
                out[key] = String(String.UnicodeScalarView(chars[start..<i]))
                readingKey = true
                start = i + 1
            }
            i += 1
        }
        if !readingKey { out[key] = String(String.UnicodeScalarView(chars[start..<(chars.count - 1)])) }
        return out
    }
}

/// An import's inserter that tells the store which rows it wrote.
final class TouchingBulkInsert: BulkInsert {
    let store: SQLStore, table: String, inner: BulkInsert

    init(store: SQLStore, table: String, inner: BulkInsert) {
        self.store = store
        self.table = table
        self.inner = inner
    }

    func insert(_ values: [StoreValue]) throws -> Int? {
        let id = try inner.insert(values)
        if let id { store.touch(table, id) }
        return id
    }

    func insert(batch rows: [[StoreValue]]) throws -> [Int?] {
        try insert(batch: rows, beforeWriting: {})
    }

    func insert(batch rows: [[StoreValue]], beforeWriting: () throws -> Void) throws -> [Int?] {
        let ids = try inner.insert(batch: rows, beforeWriting: beforeWriting)
        for id in ids { if let id { store.touch(table, id) } }
        return ids
    }
}

/// The images kept for each entry, read a window of links at a time while the entries are.
struct EntryImages {
    var chain = -1, start = 0, end = 0
    var lines: [Int: [(table: String, id: Int, image: String)]] = [:]

    mutating func of(chain: Int, link: Int, _ db: SQLConnection) throws -> [(table: String, id: Int, image: String)] {
        if chain != self.chain || link < start || link >= end {
            self.chain = chain
            start = link
            end = link + 1000
            lines = [:]
            try db.forEachRow(
                "SELECT link, tbl, row_id, image FROM logged_row WHERE chain = ? AND link >= ? AND link < ? ORDER BY link, id",
                [.integer(chain), .integer(start), .integer(end)]
            ) { r in
                lines[r.int("link") ?? 0, default: []].append((r.text("tbl") ?? "", r.int("row_id") ?? 0, r.text("image") ?? ""))
            }
        }
        return lines[link] ?? []
    }
}

/// A statement reading row images, and the columns of the image.
struct ImageSelect {
    var names: [String], columns: String, from: String, bindsIDs: Bool
    var sql: String { "SELECT \(columns) FROM \(from)" }
}

/// Row images as they arrive from the database, by table and id.
final class RowImages {
    var found: [String: String] = [:]
    /// The chain of each row read with its image, when asked for.
    var chains: [String: Int] = [:]

    /// The images of `rows`, in their order ("null" for a row not there).
    func of(_ rows: [(table: String, id: Int)]) -> [String] {
        rows.map { found[SQLStore.rowKey($0.table, $0.id)] ?? "null" }
    }
}

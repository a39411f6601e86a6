import CLibPQ
import Dispatch
import MinshengCore

/// Many rows through one INSERT … RETURNING id.
///
/// A batch (`case import`) goes in with `COPY … FROM STDIN`: the batch's values in the unique
/// column are looked up in one query, the rows that are new are numbered from the table's
/// sequence in one more and streamed in as text.
final class PostgresBulkInsert: BulkInsert {
    let connection: PostgresConnection
    let table: String
    /// The column the table is numbered by (`id`; the log's `seq`).
    let key: String
    let columns: [String]
    let unique: String?
    let sql: String
    /// Whether the login may COPY into the table (it is not under row-level security).
    let copyAllowed: Bool
    var libpq: LibPQ { connection.libpq }

    init(connection: PostgresConnection, table: String, key: String, columns: [String], unique: String?, sql: String, copyAllowed: Bool) {
        self.copyAllowed = copyAllowed
        self.connection = connection
        self.table = table
        self.key = key
        self.columns = columns
        self.unique = unique
        self.sql = sql
    }

    func insert(batch rows: [[StoreValue]]) throws -> [Int?] {
        try insert(batch: rows, beforeWriting: {})
    }

    func insert(batch rows: [[StoreValue]], beforeWriting: () throws -> Void) throws -> [Int?] {
        guard !rows.isEmpty else {
            try beforeWriting()
            return []
        }
        // Values in the unique column: taken in the table, or by an earlier row of the batch.
        var taken = Set<String>()
        let u = unique.flatMap { columns.firstIndex(of: $0) }
        if let u, let unique {
            let values = rows.compactMap { $0[u].text }
            if !values.isEmpty {
                let list = "{" + values.map { "\"" + $0.replacingEvery(["\\": "\\\\", "\"": "\\\""]) + "\"" }.joined(separator: ",") + "}"
                taken = Set(try connection.strings("SELECT \(unique) FROM \(table) WHERE \(unique) = ANY(CAST(? AS text[]))", [.text(list)]))
            }
        }
        let new = rows.map { row -> Bool in
            guard let u, let key = row[u].text else { return true }
            return taken.insert(key).inserted
        }
        // The sequence found once for the batch, not once for each number.
        var numbers = try connection.ints(
            "SELECT nextval(s.seq) FROM (SELECT CAST(pg_get_serial_sequence(?, ?) AS regclass) AS seq OFFSET 0) s, generate_series(1, ?) ORDER BY 1",
            [.text(table), .text(key), .integer(new.filter { $0 }.count)]
        ).makeIterator()
        var ids: [Int?] = []
        try beforeWriting()
        // A login under row-level security may not COPY: its rows go in as multi-row INSERTs.
        guard copyAllowed else {
            var chunk: [StoreValue] = [], count = 0
            let perStatement = max(1, 30000 / (columns.count + 1))
            func send() throws {
                guard count > 0 else { return }
                let marks = "(" + Array(repeating: "?", count: columns.count + 1).joined(separator: ", ") + ")"
                try connection.execute(
                    "INSERT INTO \(table) (\(key), \(columns.joined(separator: ", "))) VALUES " + Array(repeating: marks, count: count).joined(separator: ", "), chunk)
                chunk = []
                count = 0
            }
            for (row, isNew) in zip(rows, new) {
                guard isNew, let id = numbers.next() else {
                    ids.append(nil)
                    continue
                }
                ids.append(id)
                chunk.append(.integer(id))
                chunk += row
                count += 1
                if count == perStatement { try send() }
            }
            try send()
            return ids
        }
        var numbered: [[StoreValue]] = []
        for (row, isNew) in zip(rows, new) {
            guard isNew, let id = numbers.next() else {
                ids.append(nil)
                continue
            }
            ids.append(id)
            numbered.append([.integer(id)] + row)
        }
        if !numbered.isEmpty {
            try connection.copyIn("COPY \(table) (\(key), \(columns.joined(separator: ", "))) FROM STDIN", Self.copyData(numbered))
        }
        return ids
    }

    /// Rows in COPY's text format: values by tabs, rows by line ends.
    static func copyData(_ rows: [[StoreValue]]) -> [UInt8] {
        var data: [UInt8] = []
        for row in rows {
            for (i, v) in row.enumerated() {
                if i > 0 { data.append(9) }
                data.append(contentsOf: copyText(v).utf8)
            }
            data.append(10)
        }
        return data
    }

    /// A value in COPY's text format: `\N` for NULL; backslash, tab and line ends escaped.
    static func copyText(_ v: StoreValue) -> String {
        switch v {
        case .null: return "\\N"
        case .integer(let n): return String(n)
        case .real(let d): return String(d)
        case .text(let s):
            guard s.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
            return s.replacingEvery(["\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"])
        }
    }

    func insert(_ values: [StoreValue]) throws -> Int? {
        // A row whose unique value is taken is skipped before it draws a number from the
        // sequence (ON CONFLICT would draw one first); a row racing in between still conflicts.
        if let unique, let u = columns.firstIndex(of: unique), u < values.count, case .text = values[u],
            try connection.int("SELECT 1 FROM \(table) WHERE \(unique) = ?", [values[u]]) != nil
        {
            return nil
        }
        let result = try connection.run(sql, values)
        defer { libpq.PQclear(result) }
        guard libpq.PQntuples(result) == 1, let v = libpq.PQgetvalue(result, 0, 0) else { return nil }
        return Int(String(cString: v))
    }
}

/// COPY's rows on their way to the server. The statement's rows are written by a thread of
/// their own (libpq writes as fast as the server reads, so a batch of rows would hold the
/// shell until the server had taken nearly all of them) while the shell goes on with its own
/// work; the connection's next statement first waits for them and reads the COPY's answer,
/// so a COPY that failed fails the statement after it, inside the same transaction.
final class PendingCopy: @unchecked Sendable {
    let raw: OpaquePointer
    let libpq: LibPQ
    let data: [UInt8]
    let done = DispatchGroup()
    /// Whether every row and the end were handed to libpq (written by the sending thread,
    /// read after `done`).
    private(set) var sent = false

    init(raw: OpaquePointer, libpq: LibPQ, data: [UInt8]) {
        self.raw = raw
        self.libpq = libpq
        self.data = data
    }

    func start() {
        DispatchQueue.global().async(group: done) { self.send() }
    }

    private func send() {
        var ok: Int32 = 1
        if !data.isEmpty {
            ok = data.withUnsafeBufferPointer { buf in
                buf.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buf.count) { libpq.PQputCopyData(raw, $0, Int32(buf.count)) } ?? 1
            }
        }
        let ended = libpq.PQputCopyEnd(raw, ok == 1 ? nil : "the rows could not be sent")
        sent = ok == 1 && ended == 1
    }
}

extension PostgresConnection {
    /// Starts `COPY … FROM STDIN` (after whatever is held) and hands its rows to a thread of
    /// their own; returns once the server has taken the statement.
    func copyIn(_ statement: String, _ data: [UInt8]) throws {
        try sendHeld()
        guard let start = libpq.PQexec(raw, statement) else { throw Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        let status = libpq.PQresultStatus(start)
        let startError = cText(libpq.PQresultErrorMessage(start))
        libpq.PQclear(start)
        guard status == PGRES_COPY_IN else { throw Self.failure(startError, state: nil) }
        let copy = PendingCopy(raw: raw, libpq: libpq, data: data)
        pendingCopy = copy
        copy.start()
    }

    /// Waits for the rows of a COPY still on their way and reads its answer: its failure, if
    /// it failed, is thrown here. Every statement the connection sends calls it first.
    func finishCopy() throws {
        guard let copy = pendingCopy else { return }
        pendingCopy = nil
        copy.done.wait()
        var failure: ScriptError?
        while let r = libpq.PQgetResult(raw) {
            if libpq.PQresultStatus(r) != PGRES_COMMAND_OK, failure == nil { failure = self.failure(of: r) }
            libpq.PQclear(r)
        }
        if let failure { throw failure }
        guard copy.sent else { throw Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
    }
}

import CLibPQ
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// A statement whose answer nobody waits for: held back by the connection and sent with
/// the next statement whose answer is awaited, in one round trip.
struct HeldStatement {
    var sql: String
    var arguments: [StoreValue]
    /// Given the statement's rows once they arrive (the wall clock read with BEGIN).
    var onRows: (([SQLRow]) -> Void)?

    init(_ sql: String, _ arguments: [StoreValue] = [], onRows: (([SQLRow]) -> Void)? = nil) {
        self.sql = sql
        self.arguments = arguments
        self.onRows = onRows
    }

    /// Whether to keep it prepared (statements, not BEGIN, COMMIT and their kind).
    var preparable: Bool {
        !(sql.hasPrefix("BEGIN") || sql.hasPrefix("COMMIT") || sql.hasPrefix("ROLLBACK") || sql.hasPrefix("SAVEPOINT") || sql.hasPrefix("RELEASE"))
    }
}

/// Fewer round trips to the server. A command's statements mostly wait for each other's
/// answers, but some answers nobody reads: BEGIN, the change log's inserts, the lock on a
/// chain's head. Those are held and go out with the next statement that is awaited — in
/// libpq's pipeline mode, one round trip for all — and the last of them with COMMIT. A
/// held statement that fails fails the statement it went out with (or the commit), so the
/// command fails and is rolled back whole, as it would have been.
extension PostgresConnection {
    /// Runs a statement whose result nobody reads, later: with the next awaited statement.
    func hold(_ sql: String, _ arguments: [StoreValue]) throws {
        guard libpq.pipeline != nil else { return try execute(sql, arguments) }
        held.append(HeldStatement(sql, arguments))
    }

    /// Runs a query with the next awaited statement, handing its rows to `body` then.
    func prefetch(_ sql: String, _ arguments: [StoreValue], _ body: @escaping ([SQLRow]) -> Void) throws {
        guard libpq.pipeline != nil else { return body(try rows(sql, arguments)) }
        held.append(HeldStatement(sql, arguments, onRows: body))
    }

    /// Sends whatever is held, now (the protocol's spelling of `sendHeld(then: nil)`).
    func sendHeld() throws { try sendHeld(then: nil) }

    /// One transaction whose BEGIN goes out with its first statement; a transaction that
    /// sent nothing costs no round trip at all.
    func heldTransaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        guard libpq.pipeline != nil, held.isEmpty else { return try within(begin: begin, commit: "COMMIT", rollback: "ROLLBACK", body) }
        held = [HeldStatement(begin)]
        beginHeld = true
        do {
            let result = try body()
            if beginHeld {
                held = []
                beginHeld = false
                return result
            }
            if let r = try sendHeld(then: HeldStatement("COMMIT")) { libpq.PQclear(r) }
            return result
        } catch {
            let reached = !beginHeld
            held = []
            beginHeld = false
            if reached {
                try? finishCopy()
                try? simple("ROLLBACK")
            }
            throw error
        }
    }

    /// Sends what is held, then `last`, in one round trip, and returns `last`'s result (which
    /// the caller clears). The first failure among them is thrown, once all answers are read.
    @discardableResult
    func sendHeld(then last: HeldStatement?) throws -> OpaquePointer? {
        try finishCopy()
        guard !held.isEmpty || last != nil else { return nil }
        var statements = held
        held = []
        beginHeld = false
        if let last { statements.append(last) }
        // Only a connection in pipeline mode holds anything (`hold`, `prefetch`, `heldTransaction`).
        guard let pipe = libpq.pipeline else { throw ScriptError.runtimeFailure("statements were held without libpq's pipeline mode") }
        // Statements are prepared before the pipeline starts (preparing waits for its answer).
        let texts = statements.map { serverText($0.sql) }
        var names: [String?] = []
        for (s, text) in zip(statements, texts) {
            names.append(s.preparable ? try statementName(text, parameters: Int32(s.arguments.count)) : nil)
        }
        guard pipe.PQenterPipelineMode(raw) == 1 else { throw Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        var failure: ScriptError?
        var sent = 0
        for ((s, text), name) in zip(zip(statements, texts), names) {
            let ok = Self.withCStrings(s.arguments) { values -> Int32 in
                if let name { return pipe.PQsendQueryPrepared(raw, name, Int32(values.count), values.baseAddress, nil, nil, 0) }
                return pipe.PQsendQueryParams(raw, text, Int32(values.count), nil, values.baseAddress, nil, nil, 0)
            }
            guard ok == 1 else {
                failure = Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil)
                break
            }
            sent += 1
        }
        if pipe.PQpipelineSync(raw) != 1, failure == nil { failure = Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        var result: OpaquePointer?
        var synced = false
        // Each statement's answer is its results followed by a null; then the sync point.
        reading: for i in 0..<sent {
            while let r = libpq.PQgetResult(raw) {
                let status = libpq.PQresultStatus(r)
                if status == PGRES_PIPELINE_SYNC {
                    libpq.PQclear(r)
                    synced = true
                    break reading
                }
                if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
                    if last != nil && i == statements.count - 1 && result == nil {
                        result = r
                        continue
                    }
                    statements[i].onRows?(rows(of: r))
                } else if status != PGRES_PIPELINE_ABORTED, failure == nil {
                    failure = self.failure(of: r)
                }
                libpq.PQclear(r)
            }
        }
        // Read up to the sync point (a bounded number of results: a broken connection ends it).
        var extra = 0
        while !synced, extra < 2 * sent + 4, let r = libpq.PQgetResult(raw) {
            synced = libpq.PQresultStatus(r) == PGRES_PIPELINE_SYNC
            libpq.PQclear(r)
            extra += 1
        }
        if pipe.PQexitPipelineMode(raw) != 1, failure == nil { failure = Self.failure(cText(libpq.PQerrorMessage(raw)), state: nil) }
        if let failure {
            if let result { libpq.PQclear(result) }
            throw failure
        }
        return result
    }

    /// The rows of a result, read as `forEachRow` reads them.
    func rows(of result: OpaquePointer) -> [SQLRow] {
        var out: [SQLRow] = []
        forEachRow(of: result) { out.append($0) }
        return out
    }

    /// `values` as C strings (NULL for a null) for the duration of `body`.
    static func withCStrings<T>(_ values: [StoreValue], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> T) -> T {
        let pointers: [UnsafePointer<CChar>?] = values.map { v in
            switch v {
            case .null: return nil
            case .integer(let n): return UnsafePointer(strdup(String(n)))
            case .real(let d): return UnsafePointer(strdup(String(d)))
            case .text(let s): return UnsafePointer(strdup(s))
            }
        }
        defer { for p in pointers { free(UnsafeMutablePointer(mutating: p)) } }
        return pointers.withUnsafeBufferPointer(body)
    }
}

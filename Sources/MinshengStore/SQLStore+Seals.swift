import MinshengCore

extension SQLStore {
    public func chainHeads() throws -> [ChainHead] {
        try flushBeforeReading()
        return try withDatabase { db in
            var heads: [ChainHead] = []
            let subdistricts = try db.rows("SELECT id, name FROM subdistrict ORDER BY id").compactMap { r in r.int("id").map { ($0, r.text("name")) } }
            for (chain, name) in [(0, nil)] + subdistricts {
                // Read through the server's function where a login may not read every entry.
                guard let row = try db.rows(dialect.chainHead, [.integer(chain)]).first, let link = row.int("link") else { continue }
                heads.append(ChainHead(chain: chain, subdistrict: name, link: link, hash: row.text("hash") ?? ""))
            }
            return heads
        }
    }

    public func entryHash(chain: Int, link: Int) throws -> String? {
        try flushBeforeReading()
        return try withDatabase { db in try db.string(dialect.entryHash, [.integer(chain), .integer(link)]) }
    }

    public func events(action: String) throws -> [Event] {
        try flushBeforeReading()
        return try withDatabase { db in
            try db.rows("SELECT \(Self.eventColumns) FROM event WHERE action = ? ORDER BY seq", [.text(action)]).map(Self.event)
        }
    }
}

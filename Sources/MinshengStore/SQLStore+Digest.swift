import MinshengCore

extension SQLStore {
    /// A SHA-256 of every record table (all but the change log and the engine's
    /// bookkeeping), row by row in the order they are stored. Two equal digests mean no
    /// record changed: the test that every change is logged compares it before and after
    /// each command.
    public func recordsDigest() throws -> String {
        let tables = try engine.recordTables()
        return try withDatabase { db in
            var text = ""
            for table in tables {
                text += "\u{1}" + table
                try db.forEachRow("SELECT * FROM \(table) ORDER BY \(dialect.storageOrder)", []) { row in
                    text += "\u{2}" + row.values.map(\.sqlLiteral).joined(separator: "\u{3}")
                }
            }
            return SHA256.hex(text)
        }
    }
}

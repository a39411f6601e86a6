import GRDB
import MinshengCore

extension SQLiteStore {
    public func insert(_ kind: RecordKind, _ values: [String: StoreValue]) throws -> Int {
        try withDatabase { db in
            let columns = values.keys.sorted()
            let sql = "INSERT INTO \(kind.schema.table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { values[$0]?.databaseValue ?? .null }))
            return Int(db.lastInsertedRowID)
        }
    }

    public func update(_ kind: RecordKind, id: Int, _ values: [String: StoreValue]) throws {
        try withDatabase { db in
            let columns = values.keys.sorted()
            let sql = "UPDATE \(kind.schema.table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(columns.map { values[$0]?.databaseValue ?? .null } + [id.databaseValue]))
        }
    }

    public func fetch(_ kind: RecordKind, id: Int) throws -> ResultSet? {
        try withDatabase { db in
            let fields = kind.schema.fields.filter { $0.column != nil }
            let sql = "SELECT \(fields.map { selectExpression($0, table: "t") }.joined(separator: ", ")) FROM \(kind.schema.table) t WHERE t.id = ?"
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [id])
            guard let row = rows.first else { return nil }
            return ResultSet(columns: fields, rows: [values(of: row, count: fields.count)])
        }
    }

    public func lookup(_ kind: RecordKind, name: String) throws -> Int? {
        try withDatabase { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(kind.schema.table) WHERE name = ?"), arguments: [name])
        }
    }

    public func names(_ kind: RecordKind, prefix: String, limit: Int) throws -> [String] {
        try withDatabase { db in
            let sql = "SELECT name FROM \(kind.schema.table) WHERE substr(name, 1, length(?)) = ? ORDER BY name LIMIT ?"
            return try String.fetchAll(db.cachedStatement(sql: sql), arguments: [prefix, prefix, limit])
        }
    }

    public func append(_ event: Event) throws {
        try withDatabase { db in
            let prev = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM event ORDER BY seq DESC LIMIT 1")) ?? ""
            let details = "{" + event.details.map { JSON.quote($0.0) + ":" + JSON.quote($0.1) }.joined(separator: ",") + "}"
            let fields = [event.at.storage, event.actor, event.command, event.action, event.kind?.rawValue ?? "", event.recordID.map(String.init) ?? "", details]
            let hash = SHA256.hex(prev + "\n" + fields.map(JSON.quote).joined(separator: "\t"))
            let sql = "INSERT INTO event (at, actor, command, action, kind, record_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            try db.cachedStatement(sql: sql).execute(arguments: [
                event.at.storage, event.actor, event.command, event.action, event.kind?.rawValue, event.recordID, details, prev, hash,
            ])
        }
    }

    public func eventCount() throws -> Int {
        try withDatabase { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
    }

    func values(of row: Row, count: Int) -> [StoreValue] {
        (0..<count).map { i in StoreValue(row[i] as DatabaseValue) }
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

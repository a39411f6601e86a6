import MinshengCore

/// The store: every question and change the shell asks of a database, written once as
/// engine-neutral SQL (`?` placeholders, bound values, the few differences in
/// `SQLDialect`) over an engine's executor. Nothing here names an engine.
public final class SQLStore: Store {
    /// Where the database is, as the user named it.
    public let location: String
    let engine: SQLEngine

    init(location: String, engine: SQLEngine) {
        self.location = location
        self.engine = engine
    }

    /// A store on the database `location` names: a file (":memory:" for a private
    /// in-memory database). The engine is chosen here and nowhere else.
    public convenience init(location: String) {
        self.init(location: location, engine: SQLiteEngine(path: location))
    }

    var dialect: SQLDialect { engine.dialect }

    /// Opens the database now, creating and migrating it if needed.
    public func open() throws { try engine.open() }

    public func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T {
        try engine.transaction(effect, body)
    }

    /// Runs `body` with the open transaction's connection, or a short one of its own.
    func withDatabase<T>(_ body: (SQLConnection) throws -> T) throws -> T { try engine.withConnection(body) }

    /// Runs a change: inside the command's (writing) transaction, or in one of its own.
    func withWriting<T>(_ body: (SQLConnection) throws -> T) throws -> T { try engine.withWriting(body) }

    public func bulkInsert(_ kind: RecordKind, columns: [String], unique: String?) throws -> BulkInsert {
        try engine.bulkInsert(table: kind.schema.table, columns: columns, unique: unique)
    }
}

import GRDB

/// The schema, as migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    /// Every migration, in order. A family appends its own (defined in its own file), one line.
    static let all: [(String, @Sendable (Database) throws -> Void)] = [
        ("v1: departments, communities, event log", v1),
        ("v2: compounds, households, enterprises, cadres, cases", v2),
        ("v3: case policy, dispatches, step columns", v3Cases),
        ("v4: meetings, items, ballots", v4Meetings),
        ("v5: assignments, pairs, leader links, visits, campaigns", v5Visits),
        ("v6: spot checks, notices, assessment rules", v6Assessment),
        ("v7: subdistricts", v7District),
        ("v8: one chain per subdistrict", v8Chains),
        ("v9: logins in the change log", v9Logins),
        ("v10: roles granted to logins", v10Roles),
        ("v11: row images and wall-clock time in the change log", v11Images),
        ("v12: working days, the working calendar, policy settings", v12Calendar),
        ("v13: corrections: void ballots and sign-ins", v13Corrections),
        ("v14: void visits, end assignments, pairs and leader links", v14Endings),
        ("v15: venue, start, chair, recorder and leaders of a meeting", v15Minutes),
        ("v16: records merged into the one kept", v16Merges),
        ("v17: the speakers' list of a meeting", v17Speakers),
    ]

    /// The same migrations as SQL text, for an engine that runs them itself (PostgreSQL,
    /// through `SQLDialect.schema`).
    static let sql: [(String, String)] = [
        (all[0].0, v1SQL), (all[1].0, v2SQL), (all[2].0, v3CasesSQL), (all[3].0, v4MeetingsSQL), (all[4].0, v5VisitsSQL),
        (all[5].0, v6AssessmentSQL), (all[6].0, v7DistrictSQL), (all[7].0, v8ChainsSQL),
        (all[8].0, v9LoginsSQL), (all[9].0, v10RolesSQL), (all[10].0, v11ImagesSQL),
        (all[11].0, v12CalendarSQL), (all[12].0, v13CorrectionsSQL), (all[13].0, v14EndingsSQL),
        (all[14].0, v15MinutesSQL), (all[15].0, v16MergesSQL), (all[16].0, v17SpeakersSQL),
    ]

    /// Brings the schema up to date. An up-to-date file costs one `PRAGMA user_version`
    /// (the number of migrations applied, stamped after migrating) instead of the
    /// migrator's reading of its own table: that check runs at every start of the shell.
    /// A file is put in WAL mode (readers and a writer at once) before its first migration.
    /// Returns the version the file was at (0: new).
    @discardableResult
    static func migrateIfNeeded(_ q: DatabaseQueue, wal: Bool) throws -> Int {
        let stamp = all.count
        let version = try q.inDatabase { try Int.fetchOne($0, sql: "PRAGMA user_version") } ?? 0
        guard version != stamp else { return version }
        if wal {
            let mode = try q.inDatabase { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
            guard mode == "wal" else { throw DatabaseError(message: "could not switch the database to WAL mode") }
        }
        try migrator().migrate(q)
        try q.inDatabase { try $0.execute(sql: "PRAGMA user_version = \(stamp)") }
        return version
    }

    /// The number of migrations up to the one that started imaging rows into the log: a
    /// database made before it gets a baseline of every row (`SQLStore.writeBaseline`).
    static let imagesVersion = 11

    static func migrator() -> DatabaseMigrator {
        var m = DatabaseMigrator()
        for (name, body) in all { m.registerMigration(name, migrate: body) }
        return m
    }

    static let v1SQL = """
                    CREATE TABLE department (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE community (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE event (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        command TEXT NOT NULL,
                        action TEXT NOT NULL,
                        kind TEXT,
                        record_id INTEGER,
                        details TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX event_by_record ON event(kind, record_id);
                    """

    static func v1(_ db: Database) throws { try db.execute(sql: v1SQL) }
}

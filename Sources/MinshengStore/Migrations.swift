import GRDB

/// The schema, as migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    static func migrator() -> DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: departments, communities, event log") { db in
            try db.execute(
                sql: """
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
                    """)
        }
        return m
    }
}

import GRDB

extension Migrations {
    /// Deadlines in working days: a rule's length may be a number of working days (NULL
    /// keeps the length in seconds, as before); the days this database sets in the working
    /// calendar over the shipped holidays; and the policy's own settings (the time a working
    /// day ends).
    static let v12CalendarSQL = """
        ALTER TABLE case_policy ADD COLUMN respond_working_days INTEGER;
        ALTER TABLE case_policy ADD COLUMN resolve_working_days INTEGER;
        CREATE TABLE calendar_day (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        CREATE TABLE policy_setting (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        """

    static func v12Calendar(_ db: Database) throws { try db.execute(sql: v12CalendarSQL) }
}

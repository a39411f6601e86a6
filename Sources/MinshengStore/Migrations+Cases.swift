import GRDB

extension Migrations {
    /// The case lifecycle's own tables and columns: the deadline policy (rules that
    /// replace the shipped defaults), the dispatches of a case (several departments,
    /// one of them leading), and the step times and names the `cases` table lacked.
    static let v3CasesSQL = """
                CREATE TABLE case_policy (
                    id INTEGER PRIMARY KEY,
                    urgency TEXT NOT NULL UNIQUE,
                    respond_seconds INTEGER NOT NULL,
                    resolve_seconds INTEGER NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE TABLE case_dispatch (
                    id INTEGER PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    department_id INTEGER NOT NULL REFERENCES department(id),
                    community_id INTEGER NOT NULL REFERENCES community(id),
                    is_lead INTEGER NOT NULL,
                    dispatched_at TEXT NOT NULL,
                    dispatched_by TEXT NOT NULL,
                    returned_at TEXT,
                    return_reason TEXT
                );
                CREATE INDEX case_dispatch_by_case ON case_dispatch(case_id);
                CREATE INDEX case_dispatch_by_department ON case_dispatch(department_id, returned_at);
                ALTER TABLE cases ADD COLUMN description TEXT;
                ALTER TABLE cases ADD COLUMN special_groups TEXT NOT NULL DEFAULT '';
                ALTER TABLE cases ADD COLUMN verified_at TEXT;
                ALTER TABLE cases ADD COLUMN reported_at TEXT;
                ALTER TABLE cases ADD COLUMN reported_to TEXT;
                ALTER TABLE cases ADD COLUMN dispatched_at TEXT;
                ALTER TABLE cases ADD COLUMN supervisor_name TEXT;
                ALTER TABLE cases ADD COLUMN last_note TEXT;
                ALTER TABLE cases ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE cases ADD COLUMN return_count INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX cases_by_duplicate ON cases(duplicate_of);
                """

    static func v3Cases(_ db: Database) throws { try db.execute(sql: v3CasesSQL) }
}

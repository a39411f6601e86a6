import GRDB

extension Migrations {
    /// Supervision and assessment: spot checks and the cases they drew (with the
    /// re-callback results), notices (通报), the assessment rules that replace the
    /// defaults, and the indexes the period aggregations and the supervised list use.
    static let v6AssessmentSQL = """
                CREATE TABLE spotcheck (
                    id INTEGER PRIMARY KEY,
                    size INTEGER NOT NULL,
                    population INTEGER NOT NULL,
                    seed TEXT NOT NULL,
                    filter TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE spotcheck_case (
                    id INTEGER PRIMARY KEY,
                    spotcheck_id INTEGER NOT NULL REFERENCES spotcheck(id),
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    result TEXT,
                    note TEXT,
                    called_at TEXT,
                    called_by TEXT,
                    recorded_by TEXT,
                    UNIQUE (spotcheck_id, case_id)
                );
                CREATE INDEX spotcheck_case_by_case ON spotcheck_case(case_id);
                CREATE TABLE notice (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    target_kind TEXT NOT NULL,
                    target_id INTEGER NOT NULL,
                    target_name TEXT NOT NULL,
                    period TEXT,
                    reason TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX notice_by_target ON notice(target_kind, target_id);
                CREATE TABLE assess_rule (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    value INTEGER NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE INDEX cases_by_supervisor ON cases(supervisor_name) WHERE supervisor_name IS NOT NULL;
                CREATE INDEX cases_by_compound_created ON cases(compound_id, created_at);
                """

    static func v6Assessment(_ db: Database) throws { try db.execute(sql: v6AssessmentSQL) }
}

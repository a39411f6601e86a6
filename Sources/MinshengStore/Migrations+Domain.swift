import GRDB

extension Migrations {
    /// The tables every family shares: where people live, who works, and the cases.
    static let v2SQL = """
                CREATE TABLE compound (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    community_id INTEGER NOT NULL REFERENCES community(id),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX compound_by_community ON compound(community_id);
                CREATE TABLE household (
                    id INTEGER PRIMARY KEY,
                    address TEXT NOT NULL,
                    compound_id INTEGER REFERENCES compound(id),
                    community_id INTEGER REFERENCES community(id),
                    head TEXT,
                    phone TEXT,
                    tags TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (compound_id, address)
                );
                CREATE INDEX household_by_community ON household(community_id);
                CREATE TABLE enterprise (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    community_id INTEGER REFERENCES community(id),
                    compound_id INTEGER REFERENCES compound(id),
                    address TEXT,
                    contact TEXT,
                    phone TEXT,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE cadre (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    department_id INTEGER REFERENCES department(id),
                    community_id INTEGER REFERENCES community(id),
                    phone TEXT,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    category TEXT NOT NULL DEFAULT '',
                    urgency TEXT NOT NULL,
                    source TEXT NOT NULL,
                    status TEXT NOT NULL,
                    community_id INTEGER REFERENCES community(id),
                    compound_id INTEGER REFERENCES compound(id),
                    household_id INTEGER REFERENCES household(id),
                    address TEXT,
                    resident TEXT,
                    phone TEXT,
                    visit_id INTEGER,
                    item_id INTEGER,
                    duplicate_of INTEGER REFERENCES cases(id),
                    department_id INTEGER REFERENCES department(id),
                    lead_department_id INTEGER REFERENCES department(id),
                    supervisor_id INTEGER REFERENCES cadre(id),
                    work_order TEXT,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    respond_due TEXT NOT NULL,
                    resolve_due TEXT NOT NULL,
                    responded_at TEXT,
                    resolved_at TEXT,
                    closed_at TEXT,
                    outcome TEXT,
                    outcome_reason TEXT,
                    satisfaction TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX cases_by_status_due ON cases(status, resolve_due);
                CREATE INDEX cases_by_category_status ON cases(category, status, resolve_due);
                CREATE INDEX cases_by_community_status ON cases(community_id, status);
                CREATE INDEX cases_by_department_status ON cases(department_id, status);
                CREATE INDEX cases_by_created ON cases(created_at);
                CREATE INDEX cases_by_household ON cases(household_id);
                CREATE UNIQUE INDEX cases_by_work_order ON cases(work_order) WHERE work_order IS NOT NULL;
                """

    static func v2(_ db: Database) throws { try db.execute(sql: v2SQL) }
}

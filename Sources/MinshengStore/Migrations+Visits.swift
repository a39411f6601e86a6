import GRDB

extension Migrations {
    /// Who covers which compound, who walks with whom, what was visited, and the campaigns.
    static let v5VisitsSQL = """
                CREATE TABLE assignment (
                    id INTEGER PRIMARY KEY,
                    cadre_id INTEGER NOT NULL REFERENCES cadre(id),
                    compound_id INTEGER NOT NULL REFERENCES compound(id),
                    community_id INTEGER REFERENCES community(id),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (cadre_id, compound_id)
                );
                CREATE INDEX assignment_by_compound ON assignment(compound_id);
                CREATE TABLE pair (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    office_id INTEGER NOT NULL REFERENCES cadre(id),
                    community_cadre_id INTEGER NOT NULL REFERENCES cadre(id),
                    community_id INTEGER REFERENCES community(id),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (office_id, community_cadre_id)
                );
                CREATE TABLE leader_link (
                    id INTEGER PRIMARY KEY,
                    leader_id INTEGER NOT NULL REFERENCES cadre(id),
                    community_id INTEGER NOT NULL REFERENCES community(id),
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (leader_id, community_id)
                );
                CREATE TABLE visit (
                    id INTEGER PRIMARY KEY,
                    day TEXT NOT NULL,
                    half TEXT NOT NULL,
                    cadre_id INTEGER NOT NULL REFERENCES cadre(id),
                    partner_id INTEGER REFERENCES cadre(id),
                    pair_id INTEGER REFERENCES pair(id),
                    household_id INTEGER REFERENCES household(id),
                    enterprise_id INTEGER REFERENCES enterprise(id),
                    unit TEXT,
                    compound_id INTEGER REFERENCES compound(id),
                    community_id INTEGER REFERENCES community(id),
                    content TEXT NOT NULL,
                    note TEXT,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX visit_by_day ON visit(day);
                CREATE INDEX visit_by_household ON visit(household_id, day);
                CREATE INDEX visit_by_compound ON visit(compound_id, day);
                CREATE INDEX visit_by_enterprise ON visit(enterprise_id, day);
                CREATE TABLE campaign (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    start_day TEXT NOT NULL,
                    end_day TEXT NOT NULL,
                    target_visits INTEGER,
                    target_households INTEGER,
                    target_requests INTEGER,
                    target_resolved INTEGER,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                """

    static func v5Visits(_ db: Database) throws { try db.execute(sql: v5VisitsSQL) }
}

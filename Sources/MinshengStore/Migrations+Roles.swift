import GRDB

extension Migrations {
    /// Roles granted to logins, each in a scope (none: the district; else a subdistrict, a
    /// community or a department), bound to a cadre when the login is one. A revoked grant
    /// stays, marked revoked.
    static let v10RolesSQL = """
        CREATE TABLE role_grant (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL,
            role TEXT NOT NULL,
            subdistrict_id INTEGER REFERENCES subdistrict(id),
            community_id INTEGER REFERENCES community(id),
            department_id INTEGER REFERENCES department(id),
            cadre_id INTEGER REFERENCES cadre(id),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            revoked_at TEXT,
            revoked_by TEXT
        );
        CREATE INDEX role_grant_by_login ON role_grant(login);
        """

    static func v10Roles(_ db: Database) throws { try db.execute(sql: v10RolesSQL) }
}

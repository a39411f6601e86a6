import GRDB

extension Migrations {
    /// The subdistrict (街道) as a level: communities and departments belong to one. A file
    /// made before stays as it was: its records name no subdistrict, as a one-subdistrict
    /// file need not.
    static let v7DistrictSQL = """
        CREATE TABLE subdistrict (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        );
        ALTER TABLE community ADD COLUMN subdistrict_id INTEGER REFERENCES subdistrict(id);
        ALTER TABLE department ADD COLUMN subdistrict_id INTEGER REFERENCES subdistrict(id);
        CREATE INDEX community_by_subdistrict ON community(subdistrict_id);
        CREATE INDEX department_by_subdistrict ON department(subdistrict_id);
        """

    static func v7District(_ db: Database) throws { try db.execute(sql: v7DistrictSQL) }
}

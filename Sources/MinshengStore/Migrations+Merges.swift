import GRDB

extension Migrations {
    /// Two records entered for one are merged (`merge cadre 王方 into=王芳`): every link moves
    /// to the kept one, and the duplicate stays, marked with the record it was merged into,
    /// when, by whom and why; lists, completion and queries leave it out.
    static let v16MergesSQL = """
        ALTER TABLE compound ADD COLUMN merged_into INTEGER REFERENCES compound(id);
        ALTER TABLE compound ADD COLUMN merged_at TEXT;
        ALTER TABLE compound ADD COLUMN merged_by TEXT;
        ALTER TABLE compound ADD COLUMN merge_reason TEXT;
        ALTER TABLE household ADD COLUMN merged_into INTEGER REFERENCES household(id);
        ALTER TABLE household ADD COLUMN merged_at TEXT;
        ALTER TABLE household ADD COLUMN merged_by TEXT;
        ALTER TABLE household ADD COLUMN merge_reason TEXT;
        ALTER TABLE enterprise ADD COLUMN merged_into INTEGER REFERENCES enterprise(id);
        ALTER TABLE enterprise ADD COLUMN merged_at TEXT;
        ALTER TABLE enterprise ADD COLUMN merged_by TEXT;
        ALTER TABLE enterprise ADD COLUMN merge_reason TEXT;
        ALTER TABLE cadre ADD COLUMN merged_into INTEGER REFERENCES cadre(id);
        ALTER TABLE cadre ADD COLUMN merged_at TEXT;
        ALTER TABLE cadre ADD COLUMN merged_by TEXT;
        ALTER TABLE cadre ADD COLUMN merge_reason TEXT;
        ALTER TABLE department ADD COLUMN merged_into INTEGER REFERENCES department(id);
        ALTER TABLE department ADD COLUMN merged_at TEXT;
        ALTER TABLE department ADD COLUMN merged_by TEXT;
        ALTER TABLE department ADD COLUMN merge_reason TEXT;
        ALTER TABLE community ADD COLUMN merged_into INTEGER REFERENCES community(id);
        ALTER TABLE community ADD COLUMN merged_at TEXT;
        ALTER TABLE community ADD COLUMN merged_by TEXT;
        ALTER TABLE community ADD COLUMN merge_reason TEXT;
        """

    static func v16Merges(_ db: Database) throws { try db.execute(sql: v16MergesSQL) }
}

import GRDB

extension Migrations {
    /// Each entry names the login that made it beside the operator: the OS user on a file,
    /// the authenticated login on a server (written there by the server itself). Entries
    /// made before name none.
    static let v9LoginsSQL = """
        ALTER TABLE event ADD COLUMN login TEXT NOT NULL DEFAULT '';
        """

    static func v9Logins(_ db: Database) throws { try db.execute(sql: v9LoginsSQL) }
}

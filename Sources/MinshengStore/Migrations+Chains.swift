import GRDB

extension Migrations {
    /// One chain per subdistrict and one for the district: each entry names its chain and
    /// its number there. The entries written before form the district's chain, numbered as
    /// they were.
    static let v8ChainsSQL = """
        ALTER TABLE event ADD COLUMN chain INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE event ADD COLUMN link INTEGER NOT NULL DEFAULT 0;
        UPDATE event SET link = seq;
        CREATE UNIQUE INDEX event_by_chain ON event(chain, link);
        """

    static func v8Chains(_ db: Database) throws { try db.execute(sql: v8ChainsSQL) }
}

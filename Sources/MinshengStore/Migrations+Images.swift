import GRDB

extension Migrations {
    /// Every row the shell writes is imaged into the log entry that wrote it: `logged_row`
    /// keeps each row's content as the entry left it, `event.row_digest` is the SHA-256 over
    /// the entry's images (covered by its hash), so `audit verify` can tell a row inserted,
    /// deleted or edited behind the shell's back in any table. `event.wall` is the real
    /// time the entry was committed (UTC), beside the clock in force (`at`); on a server the
    /// server writes it itself.
    static let v11ImagesSQL = """
        ALTER TABLE event ADD COLUMN wall TEXT NOT NULL DEFAULT '';
        ALTER TABLE event ADD COLUMN row_digest TEXT NOT NULL DEFAULT '';
        CREATE TABLE logged_row (
            id INTEGER PRIMARY KEY,
            chain INTEGER NOT NULL,
            link INTEGER NOT NULL,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            image TEXT NOT NULL
        );
        CREATE INDEX logged_row_by_row ON logged_row(tbl, row_id, id);
        CREATE INDEX logged_row_by_entry ON logged_row(chain, link, id);
        """

    static func v11Images(_ db: Database) throws { try db.execute(sql: v11ImagesSQL) }
}

import GRDB

extension Migrations {
    /// Corrections keep what they correct: a ballot withdrawn or a sign-in removed stays in
    /// its table marked void — when, by whom and why — and is left out of every count; each
    /// correction of a meeting's record is listed in `meeting_correction` (what, whose, the
    /// value before and after, the reason), which the minutes print.
    static let v13CorrectionsSQL = """
        ALTER TABLE ballot ADD COLUMN voided_at TEXT;
        ALTER TABLE ballot ADD COLUMN voided_by TEXT;
        ALTER TABLE ballot ADD COLUMN void_reason TEXT;
        ALTER TABLE secret_voter ADD COLUMN voided_at TEXT;
        ALTER TABLE secret_voter ADD COLUMN voided_by TEXT;
        ALTER TABLE secret_voter ADD COLUMN void_reason TEXT;
        ALTER TABLE attendance ADD COLUMN voided_at TEXT;
        ALTER TABLE attendance ADD COLUMN voided_by TEXT;
        ALTER TABLE attendance ADD COLUMN void_reason TEXT;
        CREATE TABLE meeting_correction (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            item_id INTEGER REFERENCES item(id),
            what TEXT NOT NULL,
            name TEXT NOT NULL,
            was TEXT,
            now TEXT,
            reason TEXT NOT NULL,
            corrected_at TEXT NOT NULL,
            corrected_by TEXT NOT NULL
        );
        CREATE INDEX meeting_correction_by_meeting ON meeting_correction(meeting_id, id);
        """

    static func v13Corrections(_ db: Database) throws { try db.execute(sql: v13CorrectionsSQL) }
}

extension Migrations {
    /// A visit logged twice is voided, an assignment, pair or leader's link ended: each row
    /// stays, marked with when, by whom and why, and is counted nowhere.
    static let v14EndingsSQL = """
        ALTER TABLE visit ADD COLUMN voided_at TEXT;
        ALTER TABLE visit ADD COLUMN voided_by TEXT;
        ALTER TABLE visit ADD COLUMN void_reason TEXT;
        ALTER TABLE assignment ADD COLUMN ended_at TEXT;
        ALTER TABLE assignment ADD COLUMN ended_by TEXT;
        ALTER TABLE assignment ADD COLUMN end_reason TEXT;
        ALTER TABLE pair ADD COLUMN ended_at TEXT;
        ALTER TABLE pair ADD COLUMN ended_by TEXT;
        ALTER TABLE pair ADD COLUMN end_reason TEXT;
        ALTER TABLE leader_link ADD COLUMN ended_at TEXT;
        ALTER TABLE leader_link ADD COLUMN ended_by TEXT;
        ALTER TABLE leader_link ADD COLUMN end_reason TEXT;
        """

    static func v14Endings(_ db: Database) throws { try db.execute(sql: v14EndingsSQL) }
}

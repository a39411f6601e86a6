import GRDB

extension Migrations {
    /// Consultation meetings: members, attendance with arrival and departure times (so
    /// "present at the vote" is exact), proxies, items, speeches, motions with the tally
    /// they ended in, and ballots. A secret poll keeps who voted (`secret_voter`) apart
    /// from what the box held (`secret_count`): no table links a voter to a choice.
    static let v4MeetingsSQL = """
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    community_id INTEGER REFERENCES community(id),
                    date TEXT NOT NULL,
                    member_count INTEGER NOT NULL DEFAULT 0,
                    named INTEGER NOT NULL,
                    quorum TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    closed_at TEXT
                );
                CREATE TABLE meeting_member (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    name TEXT NOT NULL,
                    added_at TEXT NOT NULL,
                    added_by TEXT NOT NULL,
                    UNIQUE (meeting_id, name)
                );
                CREATE TABLE attendance (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    arrived_at TEXT NOT NULL,
                    left_at TEXT,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX attendance_by_meeting ON attendance(meeting_id, name);
                CREATE TABLE meeting_proxy (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    giver TEXT NOT NULL,
                    holder TEXT NOT NULL,
                    given_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    UNIQUE (meeting_id, giver),
                    UNIQUE (meeting_id, holder)
                );
                CREATE TABLE item (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meeting(id),
                    title TEXT NOT NULL,
                    proposer TEXT NOT NULL,
                    step TEXT NOT NULL,
                    proposed_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX item_by_meeting ON item(meeting_id);
                CREATE TABLE speech (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    speaker TEXT NOT NULL,
                    stance TEXT NOT NULL,
                    note TEXT NOT NULL,
                    spoken_at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE INDEX speech_by_item ON speech(item_id);
                CREATE TABLE motion (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    round INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    base TEXT NOT NULL,
                    ballot TEXT NOT NULL,
                    opened_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    closed_at TEXT,
                    members INTEGER,
                    present INTEGER,
                    by_proxy INTEGER,
                    quorum_required INTEGER,
                    yes INTEGER,
                    no INTEGER,
                    abstain INTEGER,
                    invalid INTEGER,
                    base_count INTEGER,
                    needed INTEGER,
                    verdict TEXT,
                    UNIQUE (item_id, round)
                );
                CREATE TABLE ballot (
                    id INTEGER PRIMARY KEY,
                    motion_id INTEGER NOT NULL REFERENCES motion(id),
                    voter TEXT NOT NULL,
                    choice TEXT NOT NULL,
                    proxy_holder TEXT,
                    cast_at TEXT NOT NULL,
                    UNIQUE (motion_id, voter)
                );
                CREATE TABLE secret_voter (
                    id INTEGER PRIMARY KEY,
                    motion_id INTEGER NOT NULL REFERENCES motion(id),
                    voter TEXT NOT NULL,
                    proxy_holder TEXT,
                    cast_at TEXT NOT NULL,
                    UNIQUE (motion_id, voter)
                );
                CREATE TABLE secret_count (
                    id INTEGER PRIMARY KEY,
                    motion_id INTEGER NOT NULL REFERENCES motion(id),
                    choice TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    UNIQUE (motion_id, choice)
                );
                CREATE TABLE evaluation (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    meeting_id INTEGER REFERENCES meeting(id),
                    satisfied INTEGER NOT NULL,
                    basic INTEGER NOT NULL,
                    unsatisfied INTEGER NOT NULL,
                    case_status TEXT,
                    at TEXT NOT NULL,
                    created_by TEXT NOT NULL
                );
                CREATE TABLE rating (
                    id INTEGER PRIMARY KEY,
                    evaluation_id INTEGER NOT NULL REFERENCES evaluation(id),
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    resident TEXT NOT NULL,
                    result TEXT NOT NULL,
                    UNIQUE (evaluation_id, resident)
                );
                CREATE INDEX cases_by_item ON cases(item_id);
                """

    static func v4Meetings(_ db: Database) throws { try db.execute(sql: v4MeetingsSQL) }
}

extension Migrations {
    /// What a party committee files with the minutes: where and when the meeting sat, who
    /// chaired and who kept the record, the leaders who attended (a list of names).
    static let v15MinutesSQL = """
        ALTER TABLE meeting ADD COLUMN venue TEXT;
        ALTER TABLE meeting ADD COLUMN starts_at TEXT;
        ALTER TABLE meeting ADD COLUMN chair TEXT;
        ALTER TABLE meeting ADD COLUMN recorder TEXT;
        ALTER TABLE meeting ADD COLUMN leaders TEXT;
        """

    static func v15Minutes(_ db: Database) throws { try db.execute(sql: v15MinutesSQL) }
}

extension Migrations {
    /// The speakers' list (举手): who asked to speak on an item, when, when the chair called
    /// them and with what time limit, or when they withdrew.
    static let v17SpeakersSQL = """
        CREATE TABLE speaker_request (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            item_id INTEGER NOT NULL REFERENCES item(id),
            name TEXT NOT NULL,
            asked_at TEXT NOT NULL,
            called_at TEXT,
            limit_seconds INTEGER,
            withdrawn_at TEXT,
            created_by TEXT NOT NULL
        );
        CREATE INDEX speaker_request_by_item ON speaker_request(item_id, id);
        """

    static func v17Speakers(_ db: Database) throws { try db.execute(sql: v17SpeakersSQL) }
}

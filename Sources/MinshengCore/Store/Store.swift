/// A stored value, as plain as SQL keeps it.
public enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    public var text: String? {
        switch self {
        case .null: return nil
        case .integer(let n): return String(n)
        case .real(let d): return String(d)
        case .text(let s): return s
        }
    }
}

/// One change, as recorded in the event log: who, when, what command, what it did.
public struct Event: Sendable, Equatable {
    public var at: Timestamp
    public var actor: String
    public var command: String
    public var action: String
    public var kind: RecordKind?
    public var recordID: Int?
    /// Details as ordered key/value pairs (stored as JSON).
    public var details: [(String, String)]
    /// The login that made the change, as the store knows it: on a server the authenticated
    /// user, written by the server itself; on a file the OS user. Filled in by the store
    /// (whatever is given here is not what is written); empty in entries made before logins
    /// were kept.
    public var login: String = ""
    /// The real time the entry was committed (UTC, `2026-12-03T13:40:12Z`), beside the clock
    /// in force (`at`); written by the store, empty in entries made before it was kept.
    public var wall: String = ""

    public init(at: Timestamp, actor: String, command: String, action: String, kind: RecordKind?, recordID: Int?, details: [(String, String)] = []) {
        self.at = at
        self.actor = actor
        self.command = command
        self.action = action
        self.kind = kind
        self.recordID = recordID
        self.details = details
    }

    /// Who is shown as having made the change: the operator, and the login beside it when
    /// the two differ ("root as 王强").
    public func operatorText(_ language: Language) -> String {
        guard !login.isEmpty, login != actor else { return actor }
        return language == .zh ? "\(login)（以 \(actor) 名义）" : "\(login) as \(actor)"
    }

    /// Equal in what was asked for; `login` is the store's to fill in.
    public static func == (a: Event, b: Event) -> Bool {
        a.at == b.at && a.actor == b.actor && a.command == b.command && a.action == b.action && a.kind == b.kind
            && a.recordID == b.recordID && a.details.map { "\($0.0)=\($0.1)" } == b.details.map { "\($0.0)=\($0.1)" }
    }
}

/// Who is at the keyboard, as the database knows it.
public struct Identity: Sendable, Equatable {
    /// The login: the server's authenticated user, or on a file the OS user.
    public var login: String
    /// Whether the database itself authenticated the login (a server): then nobody may act
    /// under another name, and the log's login is written by the server.
    public var authenticated: Bool
    /// Whether the login holds every power over the database already: a file's OS user, a
    /// server's superuser or the owner of its tables (who set it up and migrates it). Such a
    /// login may record work under another name (`set operator=…`, loading an office's old
    /// scripts); the log still names the login beside it.
    public var privileged: Bool

    public init(login: String, authenticated: Bool, privileged: Bool) {
        self.login = login
        self.authenticated = authenticated
        self.privileged = privileged
    }
}

/// Rows of one kind inserted through one prepared statement (see `Store.bulkInsert`).
public protocol BulkInsert: AnyObject {
    /// Inserts a row (values in the order of the columns given); returns its number, or
    /// nil when its value in the unique column is taken and nothing was inserted.
    func insert(_ values: [StoreValue]) throws -> Int?
    /// Inserts rows in order, as `insert` one by one would (a value in the unique column
    /// taken by an earlier row of the batch is taken too); an engine may send them at once.
    func insert(batch rows: [[StoreValue]]) throws -> [Int?]
    /// The same, running `beforeWriting` once the rows are checked and numbered, just before
    /// they are written (an import reads back the batch before, meanwhile).
    func insert(batch rows: [[StoreValue]], beforeWriting: () throws -> Void) throws -> [Int?]
}

extension BulkInsert {
    public func insert(batch rows: [[StoreValue]]) throws -> [Int?] { try rows.map { try insert($0) } }

    public func insert(batch rows: [[StoreValue]], beforeWriting: () throws -> Void) throws -> [Int?] {
        try beforeWriting()
        return try insert(batch: rows)
    }
}

/// The columns and rows a query returned.
public struct ResultSet: Sendable, Equatable {
    public var columns: [FieldSpec]
    public var rows: [[StoreValue]]

    public init(columns: [FieldSpec], rows: [[StoreValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Everything the core needs from a database. Nothing outside the store target
/// knows which engine is underneath; every method throws `ScriptError`.
public protocol Store: AnyObject {
    /// Runs `body` as one transaction (a savepoint when one is already open):
    /// if it throws, nothing it did remains.
    func transaction<T>(_ effect: Effect, _ body: () throws -> T) throws -> T

    /// Stops the statement running now, if any, so that it fails with
    /// `ScriptError.cancelled` (Ctrl-C). Unlike every other method it may be called from any
    /// thread, while another is inside `transaction`; with nothing running it does nothing
    /// that outlasts the call.
    func interrupt()

    /// Inserts a record and returns its number.
    func insert(_ kind: RecordKind, _ values: [String: StoreValue]) throws -> Int
    /// Changes columns of one record.
    func update(_ kind: RecordKind, id: Int, _ values: [String: StoreValue]) throws
    /// One record's listed columns, or nil.
    func fetch(_ kind: RecordKind, id: Int) throws -> ResultSet?
    /// The number of the record with this name, or nil.
    func lookup(_ kind: RecordKind, name: String) throws -> Int?
    /// Names (or ids) of records of a kind that start with `prefix`, for completion.
    func names(_ kind: RecordKind, prefix: String, limit: Int) throws -> [String]

    /// Rows for a `find`.
    func find(_ query: Query, now: Timestamp) throws -> ResultSet
    /// Counts for a `count`, one row per group (one row when ungrouped).
    func count(_ query: Query, now: Timestamp) throws -> ResultSet
    /// The SQL, its parameters and the plan, one line each.
    func explain(_ query: Query, counting: Bool, now: Timestamp) throws -> [String]

    /// Rows of one kind whose columns equal the given values, every stored column by name,
    /// ordered by `orderBy` columns (then id). For rules that need records, not tables.
    func select(_ kind: RecordKind, matching: [String: StoreValue], orderBy: [String]) throws -> [StoredRecord]

    /// Every stored column of each record a query selects, in its order, one at a time,
    /// so an export of a million cases holds one row in memory, not all of them.
    func scan(_ query: Query, now: Timestamp, _ body: (StoredRecord) throws -> Void) throws

    /// Prepares an INSERT of `columns` into `kind`'s table for many rows (an import): the
    /// statement is compiled once and each row only binds its values. With `unique`, a row
    /// whose value in that column is already taken is skipped, not an error. The inserter
    /// is valid inside the current transaction only.
    func bulkInsert(_ kind: RecordKind, columns: [String], unique: String?) throws -> BulkInsert

    /// Appends to the change log (hash-chained).
    func append(_ event: Event) throws
    /// The last entry of every chain that has one: the district's (0) first, then each
    /// subdistrict's by id.
    func chainHeads() throws -> [ChainHead]
    /// The hash of a chain's entry `link`, if it exists.
    func entryHash(chain: Int, link: Int) throws -> String?
    /// The entries of one action (`audit.seal`), oldest first.
    func events(action: String) throws -> [Event]
    /// Appends many entries in order (`case import`: one per case), each to its record's
    /// chain, as `append` one by one would, in two steps, so that the next rows can be
    /// written in between: this one reads what the entries need from the rows written so far
    /// (their images, their chains' heads); `writePrepared` writes them — or, at the latest,
    /// the next write or read of the log, or the command's end. Rows written in between go
    /// to later entries.
    func prepare(batch events: [Event]) throws
    func writePrepared() throws
    /// Who the database says is at the keyboard.
    func identity() throws -> Identity
    /// Where a record sits: its subdistrict, community and departments.
    func placement(_ kind: RecordKind, id: Int) throws -> Placement
    /// Makes `login` able to work on the database once granted a role: on a server it must
    /// be an existing login, and joins the group the tables are granted to. Nothing on a file.
    func enrol(login: String) throws
    /// Starts or ends showing residents' phone numbers in full (`set reveal`): where the
    /// database keeps them from the login, it lets this session see them, and logs it.
    func reveal(_ on: Bool) throws
    /// The number of events logged.
    func eventCount() throws -> Int
    /// Events about one record (or all, when `kind` is nil), oldest first.
    func events(kind: RecordKind?, recordID: Int?) throws -> [Event]
    /// Recomputes the hash chain of the event log and reports every break.
    func verifyLog() throws -> LogVerification
    /// The entry whose hash starts with `prefix` (hex), if any: its chain and its number there.
    func logEntry(hashPrefix: String) throws -> (chain: String?, entry: Int)?
}

/// The result of checking the event log's hash chain.
public struct LogVerification: Sendable, Equatable {
    /// Entries checked.
    public var checked: Int
    /// Each problem: the chain (a subdistrict's name; nil for the district's), the entry's
    /// number in it and what is wrong with it.
    public var problems: [(chain: String?, seq: Int, problem: LogProblem)]
    /// The hash of the last entry when the log is one chain: write it down to detect a
    /// truncated log later. With several chains each has its own (`chains`).
    public var head: String
    /// Every chain, the district's first: a subdistrict's changes chain on their own, so
    /// writers in different subdistricts never wait for each other.
    public var chains: [LogChain] = []
    /// Records (`C-7`) that no entry names: added behind the shell's back.
    public var unlogged: [String]
    /// Records the log names that no longer exist: deleted behind the shell's back.
    public var vanished: [String]
    /// Records whose row is no longer what the last entry that wrote it imaged: edited
    /// behind the shell's back, with what differs.
    public var altered: [AlteredRecord] = []
    /// Row images kept that no entry covers (added behind the shell's back).
    public var strayImages = 0
    /// What the engine's own integrity check found wrong with the file, if anything.
    public var damage: [String] = []
    /// Rows kept while the log is empty: a log that was emptied is not an intact one.
    public var recordsWithoutLog = 0
    /// Only the chains of the login's scope were verified, and the records were not checked
    /// against the log (that takes a login that reads them all).
    public var scoped = false

    /// Whether nothing at all was found wrong.
    public var isIntact: Bool {
        problems.isEmpty && unlogged.isEmpty && vanished.isEmpty && altered.isEmpty && strayImages == 0 && damage.isEmpty && recordsWithoutLog == 0
    }

    public init(
        checked: Int, problems: [(chain: String?, seq: Int, problem: LogProblem)], head: String, unlogged: [String] = [], vanished: [String] = []
    ) {
        self.checked = checked
        self.problems = problems
        self.head = head
        self.unlogged = unlogged
        self.vanished = vanished
    }

    public static func == (a: LogVerification, b: LogVerification) -> Bool {
        a.checked == b.checked && a.head == b.head && a.chains == b.chains
            && a.problems.map { "\($0.chain ?? "")\($0.seq)\($0.problem)" } == b.problems.map { "\($0.chain ?? "")\($0.seq)\($0.problem)" }
            && a.unlogged == b.unlogged && a.vanished == b.vanished && a.damage == b.damage && a.recordsWithoutLog == b.recordsWithoutLog
            && a.altered == b.altered && a.strayImages == b.strayImages
    }
}

/// A record edited behind the shell's back: its name (`C-12`, `ballot 3`), its table, and
/// each column that differs, as the log imaged it and as it is now (JSON values; a phone
/// number on a server as a digest).
public struct AlteredRecord: Sendable, Equatable {
    public var record: String
    public var table: String
    public var columns: [(column: String, logged: String, now: String)]

    public init(record: String, table: String, columns: [(column: String, logged: String, now: String)]) {
        self.record = record
        self.table = table
        self.columns = columns
    }

    public static func == (a: AlteredRecord, b: AlteredRecord) -> Bool {
        a.record == b.record && a.table == b.table && a.columns.map { "\($0)\t\($1)\t\($2)" } == b.columns.map { "\($0)\t\($1)\t\($2)" }
    }
}

/// One chain of the change log: the district's (`subdistrict` nil) or a subdistrict's.
public struct LogChain: Sendable, Equatable {
    public var subdistrict: String?
    public var entries: Int
    public var head: String

    public init(subdistrict: String?, entries: Int, head: String) {
        self.subdistrict = subdistrict
        self.entries = entries
        self.head = head
    }
}

/// Where a chain ends: its number (0 the district's, else its subdistrict's id), its
/// subdistrict's name, its last entry and that entry's hash.
public struct ChainHead: Sendable, Equatable {
    public var chain: Int
    public var subdistrict: String?
    public var link: Int
    public var hash: String

    public init(chain: Int, subdistrict: String?, link: Int, hash: String) {
        self.chain = chain
        self.subdistrict = subdistrict
        self.link = link
        self.hash = hash
    }
}

/// What can be wrong with a log entry.
public enum LogProblem: String, Sendable {
    /// Its content no longer matches its hash: the row was edited.
    case edited
    /// It does not follow the entry before it: an entry was deleted or inserted before it.
    case brokenLink = "broken-link"
    /// Sequence numbers jump over it: entries were deleted.
    case missing
    /// The images of the rows it wrote are not those its hash covers: they were edited,
    /// deleted, or added to.
    case imagesChanged = "images-changed"
}

/// One stored row, by column name.
public struct StoredRecord: Sendable, Equatable {
    public var values: [String: StoreValue]

    public init(_ values: [String: StoreValue]) { self.values = values }

    public subscript(_ column: String) -> StoreValue { values[column] ?? .null }

    public func text(_ column: String) -> String? { values[column]?.text }

    public func int(_ column: String) -> Int? {
        if case .integer(let n)? = values[column] { return n }
        return nil
    }

    public var id: Int { int("id") ?? 0 }
}

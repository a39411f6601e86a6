import GRDB
import MinshengCore
import MinshengTestSupport
import Testing

@testable import MinshengStore

let clock = Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0)

/// The engines every engine-neutral store test runs on: the same test, the same answers.
enum TestEngine: String, CaseIterable, Sendable {
    case sqlite, postgres
}

struct NoTestServer: Error, CustomStringConvertible {
    let description: String
}

/// A new, empty store: in memory on SQLite, a database of its own on the PostgreSQL server
/// `scripts/test` started (without it the test fails, it never skips).
func freshStore(_ engine: TestEngine = .sqlite) throws -> SQLStore {
    let location: String
    switch engine {
    case .sqlite: location = ":memory:"
    case .postgres:
        let (found, problem) = TestServer.freshDatabase()
        guard let found else { throw NoTestServer(description: problem ?? "no PostgreSQL test server") }
        location = found
    }
    let s = SQLStore(location: location)
    try s.open()
    return s
}

@Suite struct StoreTests {
    @Test(arguments: TestEngine.allCases) func insertFindAndLookup(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        try store.transaction(.writes) {
            _ = try store.insert(.department, ["name": .text("城建科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
            _ = try store.insert(.department, ["name": .text("城管科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
        }
        #expect(try store.lookup(.department, name: "城管科") == 2)
        #expect(try store.lookup(.department, name: "没有") == nil)
        let all = try store.find(Query(kind: .department), now: clock)
        #expect(all.rows.map { $0[1] } == [.text("城建科"), .text("城管科")])
        #expect(try store.names(.department, prefix: "城建", limit: 10) == ["城建科"])
    }

    /// A writing command reads a locked row once; what it writes, and what a failed
    /// savepoint undoes, it reads again as it now is.
    @Test(arguments: TestEngine.allCases) func aRowReadAgainInACommandIsAsItNowIs(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        let name = { (rows: [StoredRecord]) in rows.first?["name"] }
        struct Boom: Error {}
        try store.transaction(.writes) {
            let id = try store.insert(.department, ["name": .text("城建科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
            #expect(name(try store.select(.department, matching: ["id": .integer(id)], orderBy: [])) == .text("城建科"))
            try store.update(.department, id: id, ["name": .text("城管科")])
            #expect(name(try store.select(.department, matching: ["id": .integer(id)], orderBy: [])) == .text("城管科"))
            #expect(throws: Boom.self) {
                try store.transaction(.writes) {
                    try store.update(.department, id: id, ["name": .text("平安建设办")])
                    #expect(name(try store.select(.department, matching: ["id": .integer(id)], orderBy: [])) == .text("平安建设办"))
                    throw Boom()
                }
            }
            #expect(name(try store.select(.department, matching: ["id": .integer(id)], orderBy: [])) == .text("城管科"))
            #expect(try store.select(.department, matching: ["id": .integer(id + 1)], orderBy: []).isEmpty)
            let other = try store.insert(.department, ["name": .text("环境办"), "created_at": .text(clock.storage), "created_by": .text("王强")])
            #expect(name(try store.select(.department, matching: ["id": .integer(other)], orderBy: [])) == .text("环境办"))
        }
        #expect(try store.select(.department, matching: ["name": .text("城管科")], orderBy: []).count == 1)
    }

    @Test(arguments: TestEngine.allCases) func aFailingTransactionLeavesNothing(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.transaction(.writes) {
                _ = try store.insert(.community, ["name": .text("六里屯社区"), "created_at": .text(clock.storage), "created_by": .text("x")])
                throw Boom()
            }
        }
        #expect(try store.count(Query(kind: .community), now: clock).rows == [[.integer(0)]])
    }

    @Test(arguments: TestEngine.allCases) func nestedTransactionsAreSavepoints(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        struct Boom: Error {}
        try store.transaction(.writes) {
            _ = try store.insert(.community, ["name": .text("A"), "created_at": .text(clock.storage), "created_by": .text("x")])
            _ = try? store.transaction(.writes) {
                _ = try store.insert(.community, ["name": .text("B"), "created_at": .text(clock.storage), "created_by": .text("x")])
                throw Boom()
            }
        }
        #expect(try store.find(Query(kind: .community), now: clock).rows.map { $0[1] } == [.text("A")])
    }

    @Test(arguments: TestEngine.allCases) func eventsAreHashChained(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        try store.transaction(.writes) {
            for i in 1...3 {
                try store.append(Event(at: clock, actor: "王强", command: "dept add d\(i)", action: "department.add", kind: .department, recordID: i, details: [("name", "d\(i)")]))
            }
        }
        #expect(try store.eventCount() == 3)
        let rows = try store.withDatabase { db in try db.rows("SELECT prev_hash, hash FROM event ORDER BY seq") }
        let prev = rows.map { $0.text("prev_hash") ?? "" }
        let hash = rows.map { $0.text("hash") ?? "" }
        #expect(prev == ["", hash[0], hash[1]])
        #expect(Set(hash).count == 3 && hash.allSatisfy { $0.count == 64 })
    }

    /// What the prompt and the greeting show of a location: a short name, never a password.
    @Test func locationsAreShownWithoutPasswords() {
        let uri = SQLStore(location: "postgresql://wang:s3cret@db.example/district?sslmode=require")
        #expect(uri.displayName == "district")
        #expect(uri.shownLocation == "postgresql://wang:***@db.example/district?sslmode=require")
        let keywords = SQLStore(location: "host=/run/postgresql dbname=liulitun password=s3cret")
        #expect(keywords.displayName == "liulitun")
        #expect(keywords.shownLocation == "host=/run/postgresql dbname=liulitun password=***")
        let file = SQLStore(location: "/home/li/data/demo.db")
        #expect(file.displayName == "demo.db" && file.shownLocation == "/home/li/data/demo.db")
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)).hasPrefix("41edece42d63e8d9bf515a9ba6932e1c"))
    }

    /// The schema in the core and the tables in the store must not drift apart.
    @Test(arguments: TestEngine.allCases) func everyFieldHasAColumn(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        for kind in RecordKind.allCases {
            let columns = try store.engine.columnNames(kind.schema.table)
            for f in kind.schema.fields {
                guard let c = f.column else { continue }
                if let via = f.through {
                    // Read through another record: the column is that record's, reached by one of this one's.
                    #expect(columns.contains(via.column), "\(kind).\(f.name) through \(via.column)")
                    #expect(try store.engine.columnNames(via.kind.schema.table).contains(c), "\(kind).\(f.name) → \(via.kind).\(c)")
                } else {
                    #expect(columns.contains(c), "\(kind).\(f.name) → \(c)")
                }
            }
        }
    }

    @Test(arguments: TestEngine.allCases) func queriesBindValuesNeverPasteThem(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        var q = Query(kind: .department)
        guard let name = RecordKind.department.schema.field("name") else { return }
        q.predicate = .compare(name, .equal, .text("' or 1=1 --"))
        let sql = store.compileFind(q, now: clock)
        #expect(!sql.sql.contains("1=1"))
        #expect(sql.arguments == [.text("' or 1=1 --")])
        #expect(try store.find(q, now: clock).rows.isEmpty)
    }

    @Test func missingFolderIsAClearError() {
        let store = SQLStore(location: "/nonexistent-dir/x.db")
        do {
            try store.open()
            Issue.record("opened a database in a missing folder")
        } catch let e as ScriptError {
            #expect(e.message.en == "cannot open database '/nonexistent-dir/x.db': the folder '/nonexistent-dir' does not exist")
        } catch {
            Issue.record("\(error)")
        }
    }
}

@Suite struct StoreReadTests {
    @Test(arguments: TestEngine.allCases) func selectAndEventsRoundTrip(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        try store.transaction(.writes) {
            for name in ["乙", "甲"] {
                let id = try store.insert(.community, ["name": .text(name), "created_at": .text(clock.storage), "created_by": .text("x")])
                try store.append(Event(at: clock, actor: "李梅", command: "community add \(name)", action: "community.add", kind: .community, recordID: id, details: [("name", name), ("note", "引号\"和\\反斜杠\n")]))
            }
        }
        let rows = try store.select(.community, matching: [:], orderBy: ["name"])
        #expect(rows.map { $0.text("name") } == ["乙", "甲"].sorted())
        #expect(try store.select(.community, matching: ["name": .text("甲")], orderBy: []).map(\.id) == [2])
        let events = try store.events(kind: .community, recordID: 2)
        #expect(events.count == 1)
        #expect(events.first?.details.map { "\($0.0)=\($0.1)" } == ["name=甲", "note=引号\"和\\反斜杠\n"])
        #expect(events.first?.actor == "李梅" && events.first?.at == clock)
    }
}

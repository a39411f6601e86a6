import GRDB
import MinshengCore
import MinshengTestSupport
import Testing

@testable import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// Collects output and errors, and steps through `replay … step` saying yes each time.
final class MeetingCapture: OutputSink, DiagnosticSink, StepController {
    var text = ""
    var errors: [String] = []
    var asked: [String] = []
    var shown: [String] = []
    func write(_ s: String) { text += s }
    var terminalWidth: Int? { nil }
    func report(_ error: ScriptError, sourceLine: String?, language: Language) { errors.append(error.message.en) }
    func confirm(next command: String, position: Int, language: Language) -> Bool {
        asked.append(command)
        return true
    }
    func show(_ text: String) { shown.append(text) }
}

/// Runs commands on a database file, as the shell would, and returns what they printed.
func runMeeting(_ lines: [String], database: String, language: Language = .en, stepper: MeetingCapture? = nil) -> MeetingCapture {
    _ = TestClock.fixed
    let capture = stepper ?? MeetingCapture()
    var session = Session(language: language, actor: "王强")
    session.fixedNow = Timestamp.parse("2019-12-05T19:00")
    let interpreter = Interpreter(session: session, store: SQLStore(location: database), out: capture, diagnostics: capture)
    interpreter.stepper = capture
    _ = interpreter.runScript(LineSource(text: lines.joined(separator: "\n"), name: "test"), options: RunOptions(keepGoing: true))
    return capture
}

func temporaryFolder() -> String {
    var template = Array("/tmp/minsheng-store-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buf in
        guard let base = buf.baseAddress, let p = mkdtemp(base) else { return "/tmp" }
        return String(cString: p)
    }
}

/// A secret poll of four on one database, with the box counted as given.
func secretPoll(_ database: String, box: String) -> MeetingCapture {
    runMeeting(
        [
            "meeting new 楼门会 date=2019-12-05 members=王芳,张伟,刘洋,李娜,陈静",
            "attend 王芳,张伟,刘洋,李娜",
            "proxy 李娜 for=陈静",
            "propose 外墙粉刷 by=王芳",
            "motion 粉刷外墙 ballot=secret",
            "vote by=张伟,陈静",
            "vote by=王芳,刘洋,李娜",
            "tally \(box)",
        ], database: database)
}

/// Reads a whole table as text, row by row, for comparison.
func dump(_ db: Database, _ sql: String) throws -> [String] {
    try Row.fetchAll(db, sql: sql).map { row in
        row.databaseValues.map { v in
            switch v.storage {
            case .null: return "NULL"
            case .int64(let n): return String(n)
            case .double(let d): return String(d)
            case .string(let s): return s
            case .blob: return "<blob>"
            }
        }.joined(separator: "|")
    }
}

@Suite struct MeetingStoreTests {
    /// Opens the SQLite file itself: nothing stored links a secret ballot's voter to a choice.
    @Test func aSecretBallotCannotBeLinkedToItsVoter() throws {
        let dir = temporaryFolder()
        let first = secretPoll(dir + "/a.db", box: "yes=3 no=1 invalid=1")
        #expect(first.errors.isEmpty, "\(first.errors)")
        // The same people vote in the same order, and the box says the opposite.
        let second = secretPoll(dir + "/b.db", box: "yes=1 no=3 abstain=1")
        #expect(second.errors.isEmpty, "\(second.errors)")

        let a = try DatabaseQueue(path: dir + "/a.db"), b = try DatabaseQueue(path: dir + "/b.db")
        try a.read { db in
            let voterColumns = try db.columns(in: "secret_voter").map(\.name)
            // Who voted, when, and whether the ballot was withdrawn (when, by whom, why): never a choice.
            #expect(voterColumns == ["id", "motion_id", "voter", "proxy_holder", "cast_at", "voided_at", "voided_by", "void_reason"], "who voted, never a choice")
            let countColumns = try db.columns(in: "secret_count").map(\.name)
            #expect(countColumns == ["id", "motion_id", "choice", "n"], "what the box held, never a voter or a time")
            #expect(try dump(db, "SELECT choice, n FROM secret_count ORDER BY id") == ["yes|3", "no|1", "abstain|0", "invalid|1"])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ballot") == 0, "no named ballot exists for a secret poll")
            let votes = try dump(db, "SELECT command, details FROM event WHERE action = 'item.vote'")
            #expect(votes.count == 2)
            for v in votes {
                for word in ["yes", "no=", "abstain", "赞成", "反对", "弃权"] { #expect(!v.contains(word), "\(v)") }
            }
        }
        // Everything that names a voter is identical whatever the box held.
        let named = [
            "SELECT * FROM secret_voter ORDER BY id", "SELECT * FROM meeting_proxy ORDER BY id",
            "SELECT command, details, at FROM event WHERE action = 'item.vote' ORDER BY seq",
        ]
        for sql in named {
            let left = try a.read { try dump($0, sql) }, right = try b.read { try dump($0, sql) }
            #expect(left == right, "\(sql)")
        }
        let boxes = try b.read { try dump($0, "SELECT choice, n FROM secret_count ORDER BY id") }
        #expect(boxes == ["yes|1", "no|3", "abstain|1", "invalid|0"])
    }

    /// The database refuses a second ballot even if a bug let one through.
    @Test func theSchemaHoldsOneBallotPerVoter() throws {
        let dir = temporaryFolder()
        _ = secretPoll(dir + "/a.db", box: "yes=3 no=2")
        let q = try DatabaseQueue(path: dir + "/a.db")
        #expect(throws: DatabaseError.self) {
            try q.write { db in
                try db.execute(sql: "INSERT INTO secret_voter (motion_id, voter, cast_at) VALUES (1, '王芳', '2019-12-05T19:00:00')")
            }
        }
        #expect(throws: DatabaseError.self) {
            try q.write { db in
                try db.execute(sql: "INSERT INTO meeting_proxy (meeting_id, giver, holder, given_at, created_by) VALUES (1, '刘洋', '李娜', 'x', 'x')")
            }
        }
    }

    /// `replay FILE step` asks before each command and shows where the meeting stands after it.
    @Test func replayStepShowsTheAgendaAfterEachStep() throws {
        let dir = temporaryFolder()
        let script = dir + "/meeting.msh"
        let writer = try TextFileWriter(path: script, append: false)
        writer.write(
            """
            meeting new 楼门会 date=2019-12-05 members=3
            attend 王芳,张伟
            propose 楼道灯 by=王芳
            motion 修好楼道灯
            vote yes=王芳,张伟
            tally

            """)
        writer.close()
        let capture = MeetingCapture()
        _ = runMeeting(["replay \(script) step"], database: dir + "/s.db", stepper: capture)
        #expect(capture.errors.isEmpty, "\(capture.errors)")
        #expect(capture.asked.count == 6)
        #expect(capture.shown.count == 6)
        #expect(capture.shown.first == "M-1 present: 0 of 3 members; quorum 2 — not met (2 more needed)")
        #expect(capture.shown[2].contains("I-1 | 楼道灯 | 王芳 | proposed |"))
        #expect(capture.shown[5].contains("I-1 | 楼道灯 | 王芳 | passed | passed 2/2 |"))
        // Outside `replay … step` nothing is asked, even with a stepper at hand.
        let plain = runMeeting(["agenda"], database: dir + "/s.db")
        #expect(plain.asked.isEmpty && plain.shown.isEmpty)
    }
}

import GRDB
import MinshengCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@testable import MinshengStore

/// The strongest form of "a secret ballot stores no link between voter and choice":
/// two databases where the same people vote in the same order and at the same times,
/// but the box says the opposite, differ only in rows that name no voter.
@Suite struct SecretBallotTests {
    @Test func twoOppositeBoxesDifferOnlyInRowsThatNameNoVoter() throws {
        let dir = temporaryFolder()
        let first = secretPoll(dir + "/a.db", box: "yes=4 no=1")
        let second = secretPoll(dir + "/b.db", box: "yes=1 no=4")
        #expect(first.errors.isEmpty && second.errors.isEmpty, "\(first.errors) \(second.errors)")
        let voters = ["王芳", "张伟", "刘洋", "李娜", "陈静"]
        let a = try DatabaseQueue(path: dir + "/a.db"), b = try DatabaseQueue(path: dir + "/b.db")
        let tables = try a.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables.contains("secret_voter") && tables.contains("event"))
        var differing: [String: [String]] = [:]
        for table in tables {
            let sql = "SELECT * FROM \(table) ORDER BY rowid"
            let left = try a.read { try dump($0, sql) }, right = try b.read { try dump($0, sql) }
            #expect(left.count == right.count, "\(table): the same number of rows whatever the box held")
            for (l, r) in zip(left, right) where l != r {
                // Keep only the cells that differ: what the box decided, cell by cell.
                let lc = l.split(separator: "|", omittingEmptySubsequences: false), rc = r.split(separator: "|", omittingEmptySubsequences: false)
                var cells = zip(lc, rc).filter { $0.0 != $0.1 }.flatMap { [String($0.0), String($0.1)] }
                if table == "logged_row" {
                    // A row's image in the log: the table it images, and only the fields that differ.
                    let imaged = String(lc[3])
                    let li = SQLStore.fields(ofImage: String(lc[5])), ri = SQLStore.fields(ofImage: String(rc[5]))
                    cells = Set(li.keys).union(ri.keys).filter { li[$0] != ri[$0] }.flatMap { [li[$0] ?? "", ri[$0] ?? ""] }
                    differing["image of " + imaged, default: []] += cells
                    continue
                }
                differing[table, default: []] += cells + (table == "event" ? [l] : [])
            }
        }
        // Only the count of the box, the tally's event and the outcome it decided differ …
        let decided = ["secret_count", "motion", "item"]
        #expect(Set(differing.keys).isSubset(of: decided + ["event"] + decided.map { "image of " + $0 }), "\(differing.keys.sorted())")
        // … and none of those rows names a voter, so nothing can join a choice to a person.
        for (table, cells) in differing {
            for row in cells where !row.contains("item.tally") {
                for v in voters { #expect(!row.contains(v), "\(table) row names \(v): \(row)") }
            }
        }
        // The event rows that differ are the tally's, not the votes'.
        let eventRows = (differing["event"] ?? []).filter { $0.contains("|") }
        #expect(!eventRows.isEmpty)
        for row in eventRows { #expect(row.contains("item.tally"), "\(row)") }
    }

    /// A recorded session replays the meeting without ever writing a voter beside a choice.
    @Test func theRecordedScriptKeepsTheVoteAndTheBoxApart() throws {
        let dir = temporaryFolder()
        let capture = runMeeting(
            [
                "record on \(dir)/session.msh",
                "meeting new 楼门会 date=2019-12-05 members=王芳,张伟,刘洋",
                "attend 王芳,张伟,刘洋", "propose 外墙粉刷 by=王芳", "motion 粉刷外墙 ballot=secret",
                "vote by=张伟", "vote by=王芳,刘洋", "tally yes=2 no=1", "record off",
            ], database: dir + "/r.db")
        #expect(capture.errors.isEmpty, "\(capture.errors)")
        let script = try String(contentsOfFileNoFoundation: dir + "/session.msh")
        #expect(script.contains("vote by=张伟") && script.contains("tally yes=2 no=1"))
        for line in script.split(separator: "\n") where line.contains("yes") || line.contains("no=") {
            for v in ["王芳", "张伟", "刘洋"] { #expect(!line.contains(v), "\(line)") }
        }
    }
}

extension String {
    /// Reads a small text file with the C library (the store tests do without Foundation).
    init(contentsOfFileNoFoundation path: String) throws {
        guard let f = fopen(path, "rb") else { throw ScriptError(.io, Localized("cannot read \(path)")) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The name of the OS user the tests run as, as the shell finds it.
let osUser: String = {
    guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "uid\(geteuid())" }
    return String(cString: name)
}()

/// Who did it: the change log names the login beside the operator. On a file the login is
/// the OS user; on a server it is the authenticated login, written by the server itself.
@Suite(.serialized) struct IdentityTests {
    @Test func onAFileTheLogShowsTheOSUserBesideAs() {
        let dir = Files.temporaryDirectory()
        let first = runMinsheng("--db t.db --lang en --now 2019-12-03T09:00 --as 王强 -c 'dept add 城建科'", in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let r = runMinsheng("--db t.db --lang en --now 2019-12-03T09:05 -c 'dept add 城管科; audit; audit verify'", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // "root as 王强" is as wide as the login and eight more columns; beside the clock in
        // force, the (fixed) wall-clock time the entry was committed.
        // Each run's clock, set by hand (--now), is logged before the first change made under it.
        #expect(r.stdout.contains(" 2019-12-03 09:00 | 2019-12-03 09:00 | \(osUser) as 王强 | D-1    | dept add 城建科 "), "\(r.stdout)")
        #expect(r.stdout.contains(" 2019-12-03 09:05 | 2019-12-03 09:00 | \(osUser)\(String(repeating: " ", count: 8)) | D-2    | dept add 城管科 "), "\(r.stdout)")
        #expect(r.stdout.contains("change log intact: 4 entries verified"))
        #expect(
            sqlite(dir + "/t.db", "SELECT login || '/' || actor || '/' || action FROM event ORDER BY seq")
                == "\(osUser)/王强/clock.set\n\(osUser)/王强/department.add\n\(osUser)/\(osUser)/clock.set\n\(osUser)/\(osUser)/department.add\n")
        // The login is under the hash: changing it behind the shell's back is found.
        _ = sqlite(dir + "/t.db", "UPDATE event SET login = '王强' WHERE seq = 2")
        let v = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(v.status == 1 && v.stderr.contains("entry 2: edited after it was written"), "\(v.stderr)")
    }

    @Test func onAServerTheServerWritesTheLogin() throws {
        let (db, problem) = TestServer.freshDatabase()
        guard let db else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        let dir = Files.temporaryDirectory()
        // The server's owner may load work under another name: the log names the login beside it.
        let owner = runMinsheng("--db '\(db)' --lang en --now 2019-12-03T09:00 --as 王强 -c 'dept add 城建科; audit'", in: dir)
        #expect(owner.status == 0, "\(owner.stderr)")
        #expect(owner.stdout.contains(" 2019-12-03 09:00 | 2019-12-03 09:00 | postgres as 王强 | D-1    | dept add 城建科 "), "\(owner.stdout)")
        // A row written around the shell names the login that wrote it, whatever it claims.
        let forged = psqlLines(
            db,
            "INSERT INTO event (chain, link, at, actor, command, action, details, prev_hash, hash, login) "
                + "VALUES (0, 3, '2019-12-03T09:10', '李梅', 'x', 'x', '', '', '', '李梅') RETURNING login")
        #expect(forged == ["postgres"], "\(forged)")
        let v = runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir)
        #expect(v.status == 1 && v.stderr.contains("entry 3: "), "\(v.stderr)")
    }
}

/// How psql names its standard input in an error (`psql:<stdin>:1: ERROR: …`).
let attackFile = "<stdin>"

/// What psql printed for `sql` (read from standard input) on `location`, unaligned, one
/// line each; as `user` when given.
func psqlLines(_ location: String, _ sql: String, as user: String? = nil) -> [String] {
    let dir = Files.temporaryDirectory()
    Files.write(dir + "/q.sql", sql)
    var target = location
    if let user, let at = location.firstRange(of: "@/") {
        target = "postgresql://\(TestServer.percentEncoded(user))" + location[at.lowerBound...]
    }
    _ = system("psql -X -A -t -q '\(target)' < '\(dir)/q.sql' > '\(dir)/out' 2>&1")
    return (Files.read(dir + "/out") ?? "").split(separator: "\n").map(String.init)
}

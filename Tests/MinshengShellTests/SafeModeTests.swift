import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--safe` and `replay FILE safe`, for a script someone sent: it may change the database,
/// and every command that would write (or read) outside it is refused, located.
@Suite struct SafeModeTests {
    @Test(arguments: [
        ("once out.txt", "'once' writes a file"),
        ("output out.txt", "'output' writes a file"),
        ("record on out.txt", "'record on' writes a file"),
        ("minutes M-1 out=out.txt", "out= writes a file"),
        ("analysis week=2019-W48 out=out.txt", "out= writes a file"),
        ("case export open311 out=out.txt", "'case export' writes a file"),
        ("source /etc/passwd", "'/etc/passwd' is outside the script's folder"),
        ("replay ../x.msh", "'../x.msh' is outside the script's folder"),
        ("case import \"~/cases.csv\"", "'~/cases.csv' is outside the script's folder"),
        ("import households /tmp/h.csv", "'/tmp/h.csv' is outside the script's folder"),
    ])
    func safeModeRefusesWhatReachesOutside(command: String, reason: String) {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/sent.msh", "dept add 城建科\n\(command)\ndept add 民政科\n")
        let r = runMinsheng("--db d.db --lang en --safe sent.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "added department D-1 城建科\n")
        #expect(r.stderr.hasPrefix("sent.msh:2:1: error: refused in safe mode: \(reason); nothing was run\n"), "\(r.stderr)")
        #expect(access(dir + "/out.txt", F_OK) != 0)
        let after = runMinsheng("--db d.db --lang en -c 'count depts'", in: dir)
        #expect(after.stdout == "1\n")
    }

    @Test func replaySafeRefusesInsideTheReplayOnlyAndNestingCannotTurnItOff() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/inner.msh", "once out.txt\ncount depts\n")
        Files.write(dir + "/sent.msh", "dept add 城建科\nreplay inner.msh\n")
        let r = runMinsheng("--db d.db --lang en -c 'replay sent.msh safe'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("inner.msh:1:1: error: refused in safe mode: 'once' writes a file; nothing was run\n"), "\(r.stderr)")
        #expect(access(dir + "/out.txt", F_OK) != 0)
        // Outside the replay the session is as it was: the same line works.
        let ok = runMinsheng("--db other.db --lang en -c 'replay sent.msh'", in: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(Files.read(dir + "/out.txt") == "1\n")
    }

    @Test func whatStaysInsideStillWorks() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/setup.msh", "dept add 城建科\n")
        Files.write(dir + "/sent.msh", "source setup.msh\noutput -\ncount depts\n")
        let r = runMinsheng("--db d.db --lang en --safe sent.msh", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "added department D-1 城建科\n1\n")
    }
}

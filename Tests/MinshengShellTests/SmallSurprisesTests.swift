import MinshengTestSupport
import Testing

/// The small surprises of issue 20, each as a user met it.
@Suite struct SmallSurprisesTests {
    /// `echo` prints what was typed, spaced as typed (it printed `== = T1`).
    @Test func echoPrintsWhatWasTyped() {
        let r = runMinsheng("--db t.db --lang en -c 'echo ===T1 a=b (x) \"y z\",w 10%'")
        #expect(r.status == 0 && r.stdout == "===T1 a=b (x) y z,w 10%\n", "\(r.stdout)\(r.stderr)")
    }

    /// `--keep-going` also goes on inside one line: `a; bogus; b` runs `b`.
    @Test func keepGoingInsideOneLine() {
        let dir = Files.temporaryDirectory()
        let going = runMinsheng("--db t.db --lang en --keep-going -c 'echo a; bogus; echo b'", in: dir)
        #expect(going.status == 1 && going.stdout == "a\nb\n", "\(going.stdout)")
        #expect(going.stderr.hasPrefix("-c:1:9: error: unknown command 'bogus'"), "\(going.stderr)")
        let stops = runMinsheng("--db t.db --lang en -c 'echo a; bogus; echo b'", in: dir)
        #expect(stops.status == 1 && stops.stdout == "a\n", "\(stops.stdout)")
        Files.write(dir + "/s.msh", "echo a; bogus; echo b\necho c\n")
        let script = runMinsheng("--db t.db --lang en --keep-going s.msh", in: dir)
        #expect(script.stdout == "a\nb\nc\n", "\(script.stdout)")
    }

    /// `once FILE` waits for the next command that asks the database: a `set` in between
    /// neither uses it up nor lands in the file.
    @Test func onceSurvivesASetting() {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng(
            "--db t.db --lang en", input: "dept add 城建科\nonce o.csv\nset format csv\necho between\nfind depts\nfind depts\n", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Files.read(dir + "/o.csv") == "id,name\nD-1,城建科\n")
        #expect(r.stdout == "added department D-1 城建科\nbetween\nid,name\nD-1,城建科\n", "\(r.stdout)")
    }

    /// `help` on a database that does not exist yet does not create it.
    @Test func helpCreatesNoDatabase() {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng("--db new.db --lang en -c help", in: dir)
        #expect(r.status == 0 && r.stdout.contains("case new"))
        #expect(Files.read(dir + "/new.db") == nil)
    }
}

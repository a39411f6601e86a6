import MinshengShell
import MinshengTestSupport
import Testing

/// Paths as in every shell (issue 18): what a command writes goes to the working directory,
/// as sqlite3's `.output` and psql's `\o`; what a script reads (`source`) is found beside it;
/// a replay replaces no file unless told to.
@Suite struct OutputPathTests {
    @Test func outputsGoToTheWorkingDirectoryInputsBesideTheScript() {
        let dir = Files.temporaryDirectory()
        Paths.makeDirectory(dir + "/sub")
        Files.write(dir + "/sub/inner.msh", "dept add 城建科\n")
        Files.write(dir + "/sub/s.msh", "source inner.msh\nonce depts.csv\nset format csv\nfind depts\nrecord on rec.msh\ncount depts\nrecord off\n")
        let r = runMinsheng("--db t.db --lang en sub/s.msh", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Files.read(dir + "/depts.csv") == "id,name\nD-1,城建科\n", "once writes where the shell runs")
        #expect(Files.read(dir + "/rec.msh")?.contains("count depts") == true, "record on writes where the shell runs")
        #expect(Files.read(dir + "/sub/depts.csv") == nil && Files.read(dir + "/sub/rec.msh") == nil, "nothing is written beside the script")
    }

    @Test func aReplayReplacesNoFileUnlessTold() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/s.msh", "once list.csv overwrite=yes\nfind depts\n")
        Files.write(dir + "/list.csv", "the original\n")
        let kept = runMinsheng("--db t.db --lang en -c 'dept add 城建科' -c 'replay s.msh'", in: dir)
        #expect(kept.status == 1 && Files.read(dir + "/list.csv") == "the original\n")
        #expect(
            kept.stderr.hasPrefix("s.msh:1:6: error: 'list.csv' already exists: a replay does not replace it\n"), "\(kept.stderr)")
        #expect(kept.stderr.contains("hint: move it away, or replay with overwrite=yes to replace what the script writes"))
        let told = runMinsheng("--db t.db --lang en -c 'replay s.msh overwrite=yes'", in: dir)
        #expect(told.status == 0 && Files.read(dir + "/list.csv")?.contains("城建科") == true, "\(told.stderr)")
        // Running the script itself (not replaying it) does what it says.
        Files.write(dir + "/list.csv", "the original\n")
        let run = runMinsheng("--db t.db --lang en s.msh", in: dir)
        #expect(run.status == 0 && Files.read(dir + "/list.csv")?.contains("城建科") == true, "\(run.stderr)")
    }
}

import MinshengTestSupport
import Testing

/// Scripts that would never end or overflow the stack are refused where they start.
@Suite(.serialized) struct ScriptBoundsTests {
    @Test func replayingTheFileBeingRecordedIsRefused() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/a.msh", "record on r.msh\ndept add 城建科\nreplay r.msh\n")
        let r = runMinsheng("--db d.db --lang en --now 2019-12-03T09:00 a.msh", in: dir)
        #expect(r.status == 1)
        #expect(
            r.stderr == """
                a.msh:3:8: error: 'r.msh' is being recorded: running it would read what it writes
                    replay r.msh
                           ^
                hint: record off first

                """)
        #expect(Files.read(dir + "/r.msh") == "set now=2019-12-03T09:00:00\ndept add 城建科\n")
    }

    @Test func recordingIntoTheRunningScriptIsRefused() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/a.msh", "dept add 城建科\nrecord on a.msh\ndept add 民政科\n")
        let r = runMinsheng("--db d.db --lang en a.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("a.msh:2:11: error: 'a.msh' is being run: recording into it would replay forever\n"))
        #expect(Files.read(dir + "/a.msh") == "dept add 城建科\nrecord on a.msh\ndept add 民政科\n")
    }

    /// A chain 3,000 files deep used to overflow the stack (SIGSEGV).
    @Test func aDeepSourceChainStopsWithALocatedError() {
        let dir = Files.temporaryDirectory()
        for i in 1...3000 { Files.write(dir + "/s\(i).msh", "source s\(i + 1).msh\n") }
        Files.write(dir + "/s3001.msh", "echo bottom\n")
        let r = runMinsheng("--db d.db --lang en s1.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("s64.msh:1:8: error: scripts are nested 64 deep: 's65.msh' would go deeper\n"))
    }

    @Test func sixtyThreeLevelsStillRun() {
        let dir = Files.temporaryDirectory()
        for i in 1...62 { Files.write(dir + "/s\(i).msh", "source s\(i + 1).msh\n") }
        Files.write(dir + "/s63.msh", "echo bottom\n")
        let r = runMinsheng("--db d.db --lang en s1.msh", in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "bottom\n")
    }
}

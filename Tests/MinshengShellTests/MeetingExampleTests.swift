import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

let exampleMeeting = packageRoot + "/examples/meeting.msh"
let exampleGoldens = packageRoot + "/Tests/Examples"

/// A fresh folder holding the example meeting, so the minutes it writes stay out of the tree.
/// Scripts there are run by their full path: relative paths resolve against the script, and
/// the working directory (which other suites change) never matters.
func exampleFolder() -> String {
    let dir = Files.temporaryDirectory("minsheng-meeting")
    Files.write(dir + "/meeting.msh", Files.read(exampleMeeting) ?? "")
    return dir
}

/// Minutes split at their seal: the record as the meeting kept it, and the seal of the log at
/// its close. A replay writes the same record; its log (another operator, another database)
/// has a seal of its own — a seal that matched would prove nothing.
func recordAndSeal(_ minutes: String?) -> (record: String, seal: String)? {
    guard let minutes, let r = minutes.firstRange(of: "\n## 记录封印\n") else { return nil }
    let seal = minutes[r.upperBound...].split(separator: "：").dropFirst().first.map { String($0.prefix(16)) } ?? ""
    return (String(minutes[..<r.lowerBound]), seal)
}

/// Writes a script whose first line pins the transcript options.
func script(_ dir: String, _ name: String, options: String, _ lines: [String]) -> String {
    let path = dir + "/" + name
    Files.write(path, (["# minsheng: " + options] + lines).joined(separator: "\n") + "\n")
    return path
}

/// The shipped example meeting: what the room sees, and the minutes it writes.
@Suite(.serialized) struct MeetingExampleTests {
    @Test func exampleMeetingTranscriptAndMinutes() throws {
        let dir = exampleFolder()
        let run = script(dir, "run.msh", options: "--lang zh --as 王强", ["source meeting.msh"])
        let actual = Transcript.run(path: run, displayName: run)
        let minutes = Files.read(dir + "/十二月民主协商议事会纪要.md") ?? "(no minutes written)"
        if getenv("RECORD_GOLDEN") != nil {
            Files.write(exampleGoldens + "/meeting.out", actual)
            Files.write(exampleGoldens + "/meeting-minutes.md", minutes)
            return
        }
        #expect(actual == Files.read(exampleGoldens + "/meeting.out"), "examples/meeting.msh differs from Tests/Examples/meeting.out")
        #expect(minutes == Files.read(exampleGoldens + "/meeting-minutes.md"), "the minutes differ from Tests/Examples/meeting-minutes.md")
    }

    /// Record the meeting as it happens, replay the recording into an empty database
    /// elsewhere, under another operator, language and clock: the minutes are the same bytes
    /// but for the seal, which is each log's own.
    @Test func replayingTheRecordingWritesByteIdenticalMinutes() throws {
        let dir = exampleFolder()
        let first = script(
            dir, "first.msh", options: "--lang zh --as 王强",
            [
                "record on recorded.msh", "source meeting.msh", "record off", "minutes M-1 out=first.md",
            ])
        let firstOut = Transcript.run(path: first, displayName: first, database: dir + "/first.db")
        #expect(!firstOut.contains("error"), "\(firstOut)")
        let recorded = Files.read(dir + "/recorded.msh") ?? ""
        #expect(recorded.hasPrefix("set now=2019-12-05T18:30\n科室 添加 城建科\n"))
        #expect(!recorded.contains("source "), "a sourced script is recorded command by command, not as 'source'")

        // The replay writes the same minutes file again: take the first away, as a replay
        // never replaces a file without overwrite=yes.
        #expect(unlink(dir + "/十二月民主协商议事会纪要.md") == 0)
        let elsewhere = Files.temporaryDirectory("minsheng-replay")
        let second = script(
            dir, "second.msh", options: "--lang en --as 李梅 --now 2031-06-01T08:00",
            [
                "replay recorded.msh", "minutes M-1 out=second.md",
            ])
        let secondOut = Transcript.run(path: second, displayName: second, database: elsewhere + "/other.db")
        #expect(!secondOut.contains("error"), "\(secondOut)")
        let a = Files.read(dir + "/first.md"), b = Files.read(dir + "/second.md")
        #expect(a == Files.read(exampleGoldens + "/meeting-minutes.md"))
        let original = recordAndSeal(a), replayed = recordAndSeal(b)
        #expect(original != nil && original?.record == replayed?.record, "the replayed minutes differ")
        #expect(original?.seal.count == 16 && replayed?.seal.count == 16 && original?.seal != replayed?.seal, "each log has its own seal")
    }

    /// A meeting run on the wall clock (no --now) and replayed a moment later under a
    /// fixed, different clock: the recording carries the times, so the minutes match.
    @Test func wallClockMeetingReplaysIdentically() {
        let dir = Files.temporaryDirectory("minsheng-wall")
        let live = """
            record on live.msh
            meeting new 楼门会 date=today members=王芳,张伟,刘洋
            attend 王芳,张伟
            proxy 张伟 for=刘洋
            propose "楼道灯" by=王芳
            motion "修好楼道灯"
            vote yes=王芳,刘洋 no=张伟
            tally
            motion I-1 "不存在的轮次"
            propose "外墙" by=张伟
            motion "粉刷外墙" ballot=secret
            vote by=王芳,张伟
            tally yes=1 abstain=1
            meeting close
            record off
            minutes M-1 out=live.md

            """
        let a = runMinsheng("--db a.db --lang en --as 王强 --keep-going", input: live, in: dir)
        #expect(a.status == 1, "the one mistake in the session is refused: \(a.stderr)")
        #expect(a.stderr.contains("cannot put a motion on I-1: it is passed"))
        #expect(Files.read(dir + "/live.msh")?.contains("不存在的轮次") == false, "a refused command is not recorded")
        mkdir(dir + "/sub", 0o700)
        let c = runMinsheng("--db sub/b.db --lang zh --as 李梅 --now 2031-06-01T08:00 -c 'replay live.msh; minutes M-1 out=replayed.md'", in: dir)
        #expect(c.status == 0, "\(c.stderr)")
        let original = Files.read(dir + "/live.md"), replayed = Files.read(dir + "/replayed.md")
        #expect(recordAndSeal(original) != nil && recordAndSeal(original)?.record == recordAndSeal(replayed)?.record)
        #expect(original?.contains("2031") == false)
        // Each seal is its own database's: the original's log still extends it, the replay's does not.
        let seal = recordAndSeal(original)?.seal ?? ""
        #expect(runMinsheng("--db a.db --lang en -c 'audit verify seal=\(seal)'", in: dir).status == 0)
        #expect(runMinsheng("--db sub/b.db --lang en -c 'audit verify seal=\(seal)'", in: dir).status == 1)
    }
}

import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `minsheng` binary, next to the test bundle.
let binary: String = {
    let argv0 = CommandLine.arguments[0]
    let dir = argv0.lastIndex(of: "/").map { String(argv0[..<$0]) } ?? "."
    let candidates = [dir + "/minsheng", dir + "/../minsheng", packageRoot + "/.build/debug/minsheng"]
    return candidates.first { access($0, X_OK) == 0 } ?? candidates[2]
}()

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the binary through `sh -c`, with `input` on standard input.
func runMinsheng(_ args: String, input: String = "", env: String = "", in dir: String? = nil) -> ProcessResult {
    let work = dir ?? Files.temporaryDirectory()
    Files.write(work + "/.stdin", input)
    let cmd = "cd '\(work)' && env -u LANG -u LC_ALL HOME='\(work)' XDG_DATA_HOME='\(work)/data' MINSHENG_WALL_CLOCK=\(TestClock.wall) \(env) '\(binary)' \(args) < .stdin > .stdout 2> .stderr"
    let status = system(cmd)
    let code = (status >> 8) & 0xff
    return ProcessResult(status: code, stdout: Files.read(work + "/.stdout") ?? "", stderr: Files.read(work + "/.stderr") ?? "")
}

@Suite(.serialized) struct ProcessTests {
    @Test func commandLineCommands() {
        let r = runMinsheng("--db t.db --lang en -c 'dept add 城建科; community add 六里屯社区; find depts'")
        #expect(r.status == 0)
        #expect(r.stdout == "added department D-1 城建科\nadded community S-1 六里屯社区\n id  | name   \n-----+--------\n D-1 | 城建科 \n(1 row)\n")
        #expect(r.stderr == "")
    }

    @Test func stdinThatIsNotATerminalIsAScript() {
        let r = runMinsheng("--db t.db --lang en", input: "dept add 城建科\ndept ad x\ndept add 城管科\n")
        #expect(r.status == 1)
        #expect(r.stdout == "added department D-1 城建科\n")
        #expect(r.stderr == "<stdin>:2:6: error: unknown verb 'ad' for 'dept'\n    dept ad x\n         ^\nhint: did you mean 'add'?\n")
    }

    @Test func scriptStopsAtFirstErrorWithLocation() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/s.msh", "dept add 城建科\ncommunity add 六里屯社区\nfind depts where nme = 城建科\ndept add 城管科\n")
        let r = runMinsheng("--db t.db --lang en s.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("s.msh:3:18: error: unknown field 'nme' for depts\n    find depts where nme = 城建科\n                     ^\nhint: did you mean 'name'?"))
        let check = runMinsheng("--db t.db -c 'check count depts = 1'", in: dir)
        #expect(check.status == 0, "the 4th line must not have run")
    }

    @Test func keepGoingRunsTheRest() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/s.msh", "dept ad x\ndept add 城管科\n")
        let r = runMinsheng("--db t.db --keep-going s.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("城管科"))
    }

    @Test func atomicScriptIsAllOrNothing() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/s.msh", "dept add 城建科\ndept add 城管科\ndept add 城建科\n")
        let r = runMinsheng("--db t.db --atomic --lang en s.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("s.msh:3:10: error: department '城建科' already exists"))
        let after = runMinsheng("--db t.db -c 'count depts'", in: dir)
        #expect(after.stdout == "0\n")
    }

    @Test func badCommandLine() {
        let now = runMinsheng("--now 明天 -c 'help'")
        #expect(now.status == 64)
        #expect(now.stderr == "minsheng: error: --now: '明天' is not a time; write e.g. 2019-12-03T09:00\n", "\(now.stderr)")
        let db = runMinsheng("--db /nonexistent-folder/x.db --lang en -c 'dept add x'")
        #expect(db.status == 1)
        #expect(db.stderr.contains("cannot open database '/nonexistent-folder/x.db': the folder '/nonexistent-folder' does not exist"))
        let missing = runMinsheng("--db t.db nothere.msh")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read 'nothere.msh'"))
    }

    @Test func invalidUTF8IsLocated() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/ok.msh", "dept add 城建科\n")
        // A script whose second line has a stray byte after two characters.
        system("cd '\(dir)' && printf 'dept add x\\n科室\\377 add y\\n' > bad.msh")
        let r = runMinsheng("--db t.db --lang en bad.msh", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("bad.msh:2:3: error: invalid UTF-8 in the script"))
    }

    @Test func databaseIsPrivate() {
        let dir = Files.temporaryDirectory()
        _ = runMinsheng("--db t.db -c 'dept add x'", in: dir)
        var st = stat()
        #expect(stat(dir + "/t.db", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
        #expect(stat(dir + "/t.db-wal", &st) != 0 || st.st_mode & 0o777 == 0o600)
    }

    @Test func defaultDatabaseFollowsXDGAndEnvironment() {
        let dir = Files.temporaryDirectory()
        _ = runMinsheng("-c 'dept add x'", in: dir)
        #expect(access(dir + "/data/minsheng/minsheng.db", F_OK) == 0)
        _ = runMinsheng("-c 'dept add y'", env: "MINSHENG_DB='\(dir)/env.db'", in: dir)
        #expect(access(dir + "/env.db", F_OK) == 0)
    }

    @Test func versionAndHelp() {
        #expect(runMinsheng("--version").stdout == "minsheng 0.1.0\n")
        let zh = runMinsheng("--db t.db --lang zh -c 'help dept add'")
        #expect(zh.stdout.hasPrefix("用法：科室 添加 名称 [街道=…]\n  添加街道科室（条）\n"))
    }

    @Test func recordThenReplayIntoAnEmptyDatabase() {
        let dir = Files.temporaryDirectory()
        let first = runMinsheng("--db a.db --now 2019-12-03T09:00 -c 'record on s.msh; dept add 城建科; community add 六里屯社区; record off'", in: dir)
        #expect(first.status == 0)
        #expect(Files.read(dir + "/s.msh") == "set now=2019-12-03T09:00:00\ndept add 城建科\ncommunity add 六里屯社区\n")
        let replay = runMinsheng("--db b.db -c 'replay s.msh; find communities'", in: dir)
        #expect(replay.status == 0)
        #expect(replay.stdout.contains("六里屯社区"))
    }
}

@Suite(.serialized) struct OutputProcessTests {
    @Test func outputAndOnceRedirectResults() {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng("--db t.db --lang en -c 'dept add 城建科; set format csv; output all.csv; find depts; count depts; output -; set format json; once one.json; find depts; find depts'", in: dir)
        #expect(r.status == 0)
        // A plain count in CSV is a one-column table with its header (b89c8c1, issue 17).
        #expect(Files.read(dir + "/all.csv") == "id,name\nD-1,城建科\ncount\n1\n")
        #expect(Files.read(dir + "/one.json") == "[\n  {\"id\": \"D-1\", \"name\": \"城建科\"}\n]\n")
        #expect(r.stdout == "added department D-1 城建科\n[\n  {\"id\": \"D-1\", \"name\": \"城建科\"}\n]\n")
    }

    @Test func timerPrintsEachCommandsTime() {
        let r = runMinsheng("--db t.db --lang en -c 'set timer on; count depts'")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0] == "0" && lines[1].hasPrefix("time: ") && lines[1].hasSuffix(" ms"))
    }

    @Test func explainShowsSQLAndPlan() {
        let r = runMinsheng("--db t.db --lang en -c \"explain find cases where status = dispatched and category = 物业 order by due limit 20\"")
        #expect(r.status == 0)
        #expect(r.stdout.contains("SQL: SELECT t.id, t.title"))
        #expect(r.stdout.contains("parameters: \"dispatched\", \"物业\", 20"))
        #expect(r.stdout.contains("USING INDEX cases_by_category_status"))
    }

    @Test func jsonOutputParsesBack() throws {
        let r = runMinsheng("--db t.db --format json -c 'dept add \"城建科 \\\"东\\\"\"; dept add 城管科; find depts'")
        let json = r.stdout.split(separator: "\n").drop(while: { !$0.hasPrefix("[") }).joined(separator: "\n")
        Files.write("/tmp/minsheng-json-check.json", json)
        #expect(system("python3 -c 'import json,sys; d=json.load(open(\"/tmp/minsheng-json-check.json\")); assert d==[{\"id\":\"D-1\",\"name\":\"城建科 \\\"东\\\"\"},{\"id\":\"D-2\",\"name\":\"城管科\"}], d' ") == 0)
    }
}

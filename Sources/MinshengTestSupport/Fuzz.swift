import MinshengCore
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// Something wrong the fuzzer saw short of a crash (a crash ends the process).
public struct FuzzFinding: CustomStringConvertible, Sendable {
    public var input: [UInt8]
    public var problem: String
    public var description: String { "\(problem)\n  input: \(String(reflecting: String(decoding: input, as: UTF8.self)))" }
}

/// What a run of the fuzzer did.
public struct FuzzReport: Sendable {
    public init() {}
    public var inputs = 0
    /// Commands that ran to the end (the rest were refused with an error or skipped).
    public var succeeded = 0
    /// Errors reported, every one checked for a location inside its input.
    public var rejected = 0
    /// Commands parsed but not run because they name a file outside the sandbox (an
    /// absolute path, `~`, `..`) or would fill the database with a demo.
    public var skipped = 0
    /// Inputs that ran a command naming a file, inside the sandbox.
    public var sandboxed = 0
    public var findings: [FuzzFinding] = []
    /// The slowest input, in milliseconds.
    public var slowestMilliseconds = 0.0
}

/// Feeds hostile input through the whole path a script takes — UTF-8 decoding, lexer,
/// parser, validation and the handlers — against an in-memory database that holds a
/// small subdistrict and an open poll. Each input runs in one transaction that is
/// rolled back, so every input meets the same database.
///
/// Every error must be a `ScriptError` located inside the input; anything else is a
/// finding, and so is a raw control character in any output. Commands that name files
/// run inside a sandbox folder holding a stand-in database (with its `-wal`), an existing
/// file, a symbolic link to a file outside, and scripts that source each other; a path
/// that is absolute, `~` or climbs with `..` is parsed but not run (the fuzzer never
/// touches anything outside the sandbox). After such an input the stand-in database, the
/// existing file and the link's target must be as they were.
public final class FuzzHarness {
    let store: SQLStore
    let base: Session
    let sink = FuzzSink()
    /// An input slower than this is reported (a hang is a denial of service too).
    public var slowMilliseconds = 2000.0
    static let name = "fuzz"

    struct Rollback: Error {}

    /// The sandbox folder, and the file the link in it points to (outside it).
    let sandbox: String
    let linkTarget: String
    static let sandboxFiles: [(String, String)] = [
        ("fuzz.db", "stand-in database\n"), ("fuzz.db-wal", "stand-in wal\n"), ("existing.txt", "existing\n"),
        ("nest.msh", "source nest2.msh\ncount depts\n"), ("nest2.msh", "echo nested\nsource nest.msh\n"),
        ("self.msh", "source self.msh\n"), ("depts.csv", "name\n新科室\n"),
    ]
    /// Files that no command may change, whatever it says (the stand-in database, the link's target).
    var guarded: [String] { [sandbox + "/fuzz.db", sandbox + "/fuzz.db-wal", linkTarget] }

    public init() throws {
        store = SQLStore(location: ":memory:")
        var session = Session(language: .en, actor: "测试员")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let setup = Interpreter(session: session, store: store, out: sink, diagnostics: sink)
        let ok = setup.runScript(LineSource(text: Self.fixture, name: "fixture"))
        guard ok, sink.errors.isEmpty else {
            throw ScriptError(.runtime, Localized("fuzz fixture failed: \(sink.errors)"))
        }
        base = setup.session
        sandbox = FuzzHarness.temporaryFolder("minsheng-fuzz-sandbox")
        linkTarget = FuzzHarness.temporaryFolder("minsheng-fuzz-outside") + "/target.txt"
        FuzzHarness.put(linkTarget, "outside\n")
        resetSandbox()
    }

    deinit {
        Files.removeTemporary(sandbox)
        Files.removeTemporary(String(linkTarget.dropLast("/target.txt".count)))
    }

    static func temporaryFolder(_ prefix: String) -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress, let p = mkdtemp(base) else { return "/tmp" }
            return String(cString: p)
        }
    }

    static func put(_ path: String, _ text: String) {
        guard let f = fopen(path, "wb") else { return }
        var bytes = Array(text.utf8)
        fwrite(&bytes, 1, bytes.count, f)
        fclose(f)
    }

    /// Puts the sandbox back as it was: its files rewritten, anything else removed.
    func resetSandbox() {
        if let d = opendir(sandbox) {
            var names: [String] = []
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(d)
            for name in names { unlink(sandbox + "/" + name) }
        }
        for (name, text) in Self.sandboxFiles { Self.put(sandbox + "/" + name, text) }
        symlink(linkTarget, sandbox + "/link.txt")
    }

    /// What the guarded files hold now.
    func guardedContents() -> [[UInt8]?] { guarded.map { Files.readBytes($0) } }

    /// Runs `count` generated inputs from `seed`; `progress` is called every 10,000.
    public func run(corpus: FuzzCorpus, count: Int, seed: UInt64, maxRun: Int = 3000, progress: (FuzzReport) -> Void = { _ in }) -> FuzzReport {
        var rng = SeededRandom(state: seed)
        let mutator = FuzzMutator(corpus: corpus, maxRun: maxRun)
        var report = FuzzReport()
        for i in 0..<count {
            let input = mutator.input(&rng)
            FuzzCrashReporter.current(input, number: i)
            run(input, into: &report)
            if (i + 1) % 10_000 == 0 { progress(report) }
        }
        return report
    }

    /// Runs one input (bytes, as a script file would hold them).
    public func run(_ input: [UInt8], into report: inout FuzzReport) {
        report.inputs += 1
        guard !input.isEmpty else { return }
        let started = monotonicMilliseconds()
        let interpreter = Interpreter(session: base, store: store, out: sink, diagnostics: sink)
        interpreter.protectedFiles = [sandbox + "/fuzz.db"]
        interpreter.resolvePaths(beside: sandbox + "/" + Self.name)
        let guardedBefore = guardedContents()
        sink.rawControls = 0
        var buffer = input
        let stream = buffer.withUnsafeMutableBytes { raw in fmemopen(raw.baseAddress, raw.count, "r") }
        guard let stream else { return }
        defer { fclose(stream) }
        let source = LineSource(stream: stream, name: Self.name)
        var check = InputCheck(input: input)
        do {
            try store.transaction(.writes) { () throws -> Void in
                self.runLines(source, interpreter, &check)
                throw Rollback()
            }
        } catch is Rollback {
        } catch {
            check.problems.append("the rollback failed: \(error)")
        }
        interpreter.closeFiles()
        if check.touchedFiles {
            report.sandboxed += 1
            if guardedContents() != guardedBefore { check.problems.append("a guarded file changed: \(guarded)") }
            resetSandbox()
        }
        if sink.rawControls > 0 { check.problems.append("\(sink.rawControls) outputs held a raw control character") }
        report.succeeded += check.succeeded
        report.rejected += check.rejected
        report.skipped += check.skipped
        for p in check.problems { report.findings.append(FuzzFinding(input: input, problem: p)) }
        let ms = monotonicMilliseconds() - started
        report.slowestMilliseconds = max(report.slowestMilliseconds, ms)
        if ms > slowMilliseconds { report.findings.append(FuzzFinding(input: input, problem: "slow: \(Int(ms)) ms")) }
    }

    /// The script runner's loop (`Interpreter.runLines`), going on after each error.
    func runLines(_ source: LineSource, _ interpreter: Interpreter, _ check: inout InputCheck) {
        var pending: [String] = []
        var firstLine = 1
        while !interpreter.quitRequested {
            let line: String?
            do {
                line = try source.next()
            } catch {
                check.rejected(error)
                pending = []
                continue
            }
            guard let line else { break }
            complete(line)
            if pending.isEmpty { firstLine = source.lineNumber }
            pending.append(line)
            if runStatement(pending, firstLine: firstLine, atEnd: false, interpreter, &check) { pending = [] }
        }
        if !pending.isEmpty { _ = runStatement(pending, firstLine: firstLine, atEnd: true, interpreter, &check) }
    }

    /// Tab completion on the same line (it must not trap either): at its end, or in its
    /// middle for every other line, so both kinds of cursor are tried at half the cost.
    func complete(_ line: String) {
        let completer = Completer(table: .standard) { kind, prefix in (try? self.store.names(kind, prefix: prefix, limit: 50)) ?? [] }
        let n = line.count
        _ = completer.complete(line: line, cursor: line.utf8.count % 2 == 0 ? n : n / 2)
    }

    /// Lexes and runs one statement; false when it needs more lines.
    func runStatement(_ lines: [String], firstLine: Int, atEnd: Bool, _ interpreter: Interpreter, _ check: inout InputCheck) -> Bool {
        let commands: [TokenLine]
        do {
            switch try Lexer(file: Self.name, firstLine: firstLine).lex(lines.joined(separator: "\n")) {
            case .complete(let c): commands = c
            case .incomplete(_, let location):
                guard atEnd else { return false }
                check.rejected(ScriptError(.lexical, Localized("unterminated"), at: location))
                return true
            }
        } catch {
            check.rejected(error)
            return true
        }
        for command in commands where !interpreter.quitRequested {
            do {
                let invocation = try Parser(table: interpreter.table, context: interpreter.session.bindingContext).parse(command)
                if Self.touchesFiles(invocation) {
                    guard Self.staysInSandbox(invocation) else {
                        check.skipped += 1
                        continue
                    }
                    check.touchedFiles = true
                }
                try interpreter.execute(invocation)
                check.succeeded += 1
            } catch {
                check.rejected(error)
            }
        }
        return true
    }

    /// Commands that read or write files, or would fill the database with a demo.
    static func touchesFiles(_ inv: Invocation) -> Bool {
        if ["case-export", "demo-generate", "history"].contains(inv.spec.id.rawValue) { return true }
        if [.source, .replay, .output, .once, .record].contains(inv.spec.id) { return true }
        let params = inv.spec.arguments + inv.spec.options
        return params.contains { p in p.type == .path && inv.values[p.name] != nil }
    }

    /// Whether every file a command names is a plain relative path (so inside the sandbox).
    static func staysInSandbox(_ inv: Invocation) -> Bool {
        if inv.spec.id.rawValue == "demo-generate" { return false }
        func inside(_ path: String) -> Bool { !path.isEmpty && !Interpreter.reachesOutside(path) }
        if inv.spec.id.rawValue == "case-export" {
            return !inv.rest.contains { t in t.text.map { $0.hasPrefix("/") || $0.hasPrefix("~") || $0.contains("..") } ?? false }
        }
        let params = inv.spec.arguments + inv.spec.options
        return params.allSatisfy { p in p.type != .path || inv.text(p.name).map(inside) ?? true }
    }

    /// A subdistrict with cases and a meeting whose poll is open, so mutated commands
    /// find real records and real states.
    static let fixture = """
        dept add 城建科; dept add 城管科; dept add 社会事务科
        community add 六里屯社区; community add 十里堡社区
        compound add 十里堡北里3号楼 community=十里堡社区
        compound add 六里屯北里1号楼 community=六里屯社区
        household add 十里堡北里3号楼2单元501 compound=十里堡北里3号楼 head=王芳 phone=13800001234 tags=hardship
        household add 六里屯北里1号楼1单元201 compound=六里屯北里1号楼 head=陈静 phone=010-85861234 tags=frequent-caller
        cadre add 张国华 role=leader
        cadre add 王强 dept=城建科 phone=13700001111
        cadre add 李梅 community=十里堡社区
        pair 王强 李梅
        assign 王强 compound=十里堡北里3号楼
        visit log date=2019-12-03 half=pm by=王强,李梅 household=H-1 note=楼道灯不亮
        case new 楼道灯不亮 category=市政设施 source=visit community=六里屯社区 resident=王芳 phone=13800001234
        case new 噪音扰民 category=环境 urgency=urgent source=hotline community=十里堡社区 resident=陈静 phone=13800005678
        case respond C-1 by=李梅
        case dispatch C-1 dept=城建科 community=六里屯社区
        meeting new 楼门议事会 community=六里屯社区 date=2019-12-03 members=王芳,张伟,刘洋,李娜,陈静,杨军
        attend 王芳,张伟,刘洋,李娜
        proxy 张伟 for=陈静
        提 楼道堆物清理 by=王芳
        议 I-1 应当清理 by=刘洋 stance=for
        motion I-1 限期一周清理楼道堆物
        决 I-1 yes=王芳
        """
}

/// Counts one input's outcomes and checks every error it produced.
struct InputCheck {
    let lines: [Int]
    var succeeded = 0, rejected = 0, skipped = 0
    /// Set when a command that names a file ran (in the sandbox).
    var touchedFiles = false
    var problems: [String] = []

    init(input: [UInt8]) {
        lines = input.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self).count }
    }

    /// An error must be a `ScriptError` that points into the input.
    mutating func rejected(_ error: Error) {
        rejected += 1
        // A nested script stopped at its own error, already reported (located in that script).
        if error is ScriptAbort { return }
        guard let e = error as? ScriptError else {
            problems.append("not a ScriptError: \(error)")
            return
        }
        let text = e.message.en
        guard let loc = e.location else {
            problems.append("no location: \(text)")
            return
        }
        if loc.file != FuzzHarness.name || loc.line < 1 || loc.line > lines.count || loc.column < 1 || loc.column > lines[loc.line - 1] + 1 {
            problems.append("located outside the input (\(loc)): \(text)")
        }
        if text.hasPrefix("internal error") || text.hasPrefix("database error") {
            problems.append("unexpected: \(text)")
        }
    }
}

/// Swallows output; keeps diagnostics only while the fixture runs.
final class FuzzSink: OutputSink, DiagnosticSink {
    var errors: [String] = []
    /// Outputs that held a control or invisible character (a tab and a newline are fine).
    var rawControls = 0
    func write(_ s: String) {
        // A tab and a newline are fine on a terminal; a CR is not (it returns over the line).
        if s.unicodeScalars.contains(where: { $0 == "\r" || VisibleText.isRefused($0) }) { rawControls += 1 }
    }
    var terminalWidth: Int? { 80 }
    func report(_ error: ScriptError, sourceLine: String?, language: Language) { errors.append(error.message.en) }
}

func monotonicMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

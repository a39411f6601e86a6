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
    /// Commands parsed but not run because they name a file (`source`, `output`, `import` …).
    public var skipped = 0
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
/// finding. Commands that would open a file are parsed but not run: the fuzzer must not
/// write or read outside its input.
public final class FuzzHarness {
    let store: SQLiteStore
    let base: Session
    let sink = FuzzSink()
    /// An input slower than this is reported (a hang is a denial of service too).
    public var slowMilliseconds = 2000.0
    static let name = "fuzz"

    struct Rollback: Error {}

    public init() throws {
        store = SQLiteStore(path: ":memory:")
        var session = Session(language: .en, actor: "测试员")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let setup = Interpreter(session: session, store: store, out: sink, diagnostics: sink)
        let ok = setup.runScript(LineSource(text: Self.fixture, name: "fixture"))
        guard ok, sink.errors.isEmpty else {
            throw ScriptError(.runtime, Localized("fuzz fixture failed: \(sink.errors)"))
        }
        base = setup.session
    }

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
                    check.skipped += 1
                    continue
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
    var problems: [String] = []

    init(input: [UInt8]) {
        lines = input.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self).count }
    }

    /// An error must be a `ScriptError` that points into the input.
    mutating func rejected(_ error: Error) {
        rejected += 1
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
    func write(_ s: String) {}
    var terminalWidth: Int? { 80 }
    func report(_ error: ScriptError, sourceLine: String?, language: Language) { errors.append(error.message.en) }
}

func monotonicMilliseconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

/// Runs commands: parse, validate, execute in one transaction, render.
///
/// The interpreter knows no terminal and no SQL: it reaches the database through
/// `Store`, the screen through `OutputSink`, errors through `DiagnosticSink`.
public final class Interpreter {
    public var session: Session
    public let table: CommandTable
    public let store: Store
    public var out: OutputSink
    public let diagnostics: DiagnosticSink
    public var stepper: StepController?
    /// True only inside `replay FILE step`: the stepper is asked before each command.
    var stepping = false
    /// Opens CSV files for the import commands; supplied by whoever wires the store.
    public var openTable: TableFileOpener?
    /// History lines, supplied by the shell for `history`.
    public var historyProvider: () -> [String] = { [] }
    /// Whether a result has been written to `out` yet (a CSV for Excel starts with a BOM).
    var wroteToOutput = false
    /// Whether Ctrl-C asked to stop the running command; the shell sets it (the flag is
    /// raised from another thread). Read at safe points: before a command commits, at each
    /// imported row, between chunks of printed results.
    public var isCancelled: () -> Bool = { false }
    /// Called after each command that succeeded (and committed); tests use it to check
    /// that every change to the records was logged.
    public var afterCommand: ((Invocation) -> Void)?
    /// Called before each command runs (a transcript with `--echo` prints the command).
    public var beforeCommand: ((Invocation) -> Void)?

    /// The operator asked for (`--as`), not yet checked against the database's login: it is
    /// at the first command that needs the database (`settleOperator`).
    var pendingOperator: String??
    /// The login's identity and roles, read at the first command that needs them.
    var access: Access?

    /// Set by `quit`; the REPL and the runner stop when they see it.
    public internal(set) var quitRequested = false
    /// Open `output FILE`, if any.
    var redirect: TextFileWriter?
    /// `once FILE`: applies to the next command only.
    var onceRedirect: TextFileWriter?
    /// Set by `once FILE`; becomes `onceRedirect` for the command after it.
    var pendingOnce: TextFileWriter?
    /// `record on FILE`.
    var recorder: Recorder?
    /// Set when a statement must not be kept in the history (a refused secret-poll choice
    /// names a voter and a choice); the REPL reads and clears it after each statement.
    public var forgetStatement = false
    /// Whether statements come from a person at the prompt (the REPL), not a script.
    public var interactive = false
    /// The clock last logged as set by hand (nil: the system clock).
    var loggedClock: Timestamp?
    /// Resolves relative paths against the folder of `script` when no script is running
    /// (the fuzzer's sandbox); the running script's own folder comes first, as always.
    public func resolvePaths(beside script: String) {
        scriptStack = [script]
        displayStack = [script]
        outputFolder = resolvePath(".", relativeTo: script)
    }
    /// Where a relative output file goes (`once`, `output`, `out=`, `record on`): nil for the
    /// working directory, as sqlite3's `.output` and psql's `\o`; a script's inputs (`source`,
    /// `replay`, `case import`) are still found beside the script that names them.
    public var outputFolder: String?
    /// Set by the shell at a terminal: draws `meeting display` live until the user quits.
    public var meetingFollower: ((Int) -> Void)?
    /// Inside a `replay` without `overwrite=yes`: a replayed `overwrite=yes` replaces nothing.
    var replayKeepsFiles = false
    /// Safe mode (`--safe`, `replay FILE safe`): nothing may be written outside the database.
    public var safe = false
    /// The database file: no output file may be it or one of the files beside it.
    public var protectedFiles: [String] = []
    /// Scripts being run, innermost last, to resolve relative paths and catch cycles.
    var scriptStack: [String] = []
    /// The same scripts as users named them, for error locations.
    var displayStack: [String] = []

    public init(session: Session, store: Store, out: OutputSink, diagnostics: DiagnosticSink, table: CommandTable = .standard) {
        self.session = session
        self.store = store
        self.out = out
        self.diagnostics = diagnostics
        self.table = table
    }

    var lang: Language { session.language }

    /// Parses and runs one command, as one transaction; on error nothing it did remains.
    public func execute(_ line: TokenLine) throws {
        let parser = Parser(table: table, context: session.bindingContext)
        try execute(parser.parse(line))
    }

    /// Runs a command already parsed (the fuzzer looks at it first), as one transaction.
    public func execute(_ invocation: Invocation) throws {
        beforeCommand?(invocation)
        try refuseOutsideDatabase(invocation)
        // `once FILE` is for the next command that asks the database something: a setting,
        // an echo or help in between neither uses it up nor writes to it (as sqlite3's
        // dot-commands leave `.once` for the next statement).
        let keepsOnce = invocation.spec.effect == .session && invocation.spec.id != .once
        let sink = keepsOnce ? redirect : onceRedirect ?? redirect
        defer { if !keepsOnce { closeOnce() } }
        let timing = session.timer
        let started = timing ? monotonicNanoseconds() : 0
        let outputs: [Output]
        do {
            if invocation.spec.effect != .session { try settleOperator() }
            // A session command (`source`, `replay`) runs others, each its own transaction:
            // a Ctrl-C is reported at the one it stopped.
            let whole = invocation.spec.effect != .session
            outputs = try store.transaction(invocation.spec.effect) {
                if whole { try self.checkCancelled() }
                try self.authorize(invocation)
                let outputs = try self.run(invocation)
                // A Ctrl-C that came too late to stop a statement still stops the commit.
                if whole { try self.checkCancelled() }
                return outputs
            }
        } catch let e as ScriptError {
            throw e.located(at: invocation.location)
        }
        afterCommand?(invocation)
        for o in outputs { emit(o, to: sink) }
        if isCancelled() && invocation.spec.effect != .session { throw ScriptError.outputCancelled.located(at: invocation.location) }
        if timing && session.timer {
            let ms = Double(monotonicNanoseconds() - started) / 1_000_000
            out.write(lang == .zh ? "用时：\(formatMilliseconds(ms)) 毫秒\n" : "time: \(formatMilliseconds(ms)) ms\n")
        }
        try recorder?.record(invocation, session: session)
    }

    /// Runs a command with the handler its family registered.
    func run(_ inv: Invocation) throws -> [Output] {
        guard let handler = Self.handlers[inv.spec.id] else {
            throw ScriptError.runtime("'\(inv.spec.displayName)' is not implemented", "'\(inv.spec.name(.zh))' 尚未实现", at: inv.location)
        }
        return try handler(self, inv)
    }

    /// What runs a command: the interpreter and the parsed command in, outputs out.
    public typealias Handler = @Sendable (Interpreter, Invocation) throws -> [Output]

    /// Every family's handlers; a family adds its dictionary here, one line.
    static let handlers: [CommandID: Handler] = [
        builtinHandlers,
        queryHandlers,
        orgHandlers,
        auditHandlers,
        caseHandlers,
        meetingHandlers,
        speakerHandlers,
        displayHandlers,
        rosterHandlers,
        visitHandlers,
        assessmentHandlers,
        roleHandlers,
        correctionHandlers,
    ].reduce(into: [:]) { all, family in all.merge(family) { a, _ in a } }

    static let builtinHandlers: [CommandID: Handler] = [
        .help: { try $0.help($1) }, .set: { try $0.set($1) }, .unset: { try $0.unset($1) },
        .showSettings: { i, _ in i.showSettings() }, .echo: { try $0.echo($1) }, .check: { try $0.check($1) },
        .history: { i, _ in i.history() },
        .quit: { i, _ in
            i.quitRequested = true
            return []
        },
        .record: { try $0.record($1) }, .replay: { try $0.replay($1) }, .source: { try $0.sourceFile($1) },
        .output: { try $0.output($1) }, .once: { try $0.once($1) },
    ]

    static let queryHandlers: [CommandID: Handler] = [
        .find: { try $0.find($1) }, .count: { try $0.count($1) }, .explain: { try $0.explain($1) }, .show: { try $0.show($1) },
    ]

    /// A renderer with the session's settings (language, phones, expanded, truncate, Ctrl-C).
    func renderer(_ format: OutputFormat, width: Int?) -> Renderer {
        var r = Renderer(language: lang, format: format, width: width, reveal: session.reveal)
        r.expanded = session.expanded
        r.truncate = session.truncate
        r.csvCRLF = session.csvBOM
        r.csvFormulas = session.csvFormulas
        r.stop = isCancelled
        return r
    }

    /// Throws `ScriptError.cancelled` once Ctrl-C has asked to stop.
    func checkCancelled() throws {
        if isCancelled() { throw ScriptError.cancelled }
    }

    func emit(_ o: Output, to sink: TextFileWriter?) {
        guard !isCancelled() else { return }
        let r = renderer(session.format, width: sink == nil ? out.terminalWidth : nil)
        let text: String
        switch o {
        case .text(let s): text = VisibleText.escape(s, keepingLines: true) + "\n"
        case .notice(let s):
            out.write(VisibleText.escape(s, keepingLines: true) + "\n")
            return
        case .table(let rs, let kind): text = r.render(rs, kind: kind)
        }
        // CSV for Excel starts with a byte order mark: once, where the file (or the output)
        // starts, never in the middle of it.
        let bom = session.csvBOM && session.format == .csv && { if case .table = o { return true } else { return false } }()
        if let sink {
            sink.write((bom && sink.isEmpty ? CSVText.byteOrderMark : "") + text)
            return
        }
        out.writeResult((bom && !wroteToOutput ? CSVText.byteOrderMark : "") + text, pager: session.pager, stop: isCancelled)
        wroteToOutput = true
    }

    /// Closes every file the session writes (`output`, `once`, `record`).
    public func closeFiles() {
        redirect?.close()
        redirect = nil
        onceRedirect?.close()
        onceRedirect = nil
        pendingOnce?.close()
        pendingOnce = nil
        recorder = nil
    }

    func closeOnce() {
        onceRedirect?.close()
        onceRedirect = pendingOnce
        pendingOnce = nil
    }

    /// Records a change in the event log, with the operator and the clock in force.
    func log(_ inv: Invocation, _ action: String, _ kind: RecordKind?, _ id: Int?, _ details: [(String, String)] = []) throws {
        try logClockChange()
        try store.append(Event(at: session.now, actor: session.actor, command: inv.source, action: action, kind: kind, recordID: id, details: details))
    }

    /// A clock set by hand (`set now`, `--now`) is itself logged, before the first change
    /// made under it; so is going back to the system clock.
    func logClockChange() throws {
        guard session.fixedNow != loggedClock else { return }
        let clock = session.fixedNow
        let text = clock?.storage ?? "system"
        try store.append(
            Event(
                at: session.now, actor: session.actor, command: "set now=\(text)", action: "clock.set", kind: nil, recordID: nil,
                details: [("clock", text), ("previous", loggedClock?.storage ?? "system")]))
        loggedClock = clock
    }

    /// Resolves a record given by id (`D-1`) or by name. A record merged into another
    /// stands for the one kept, unless `followingMerges` is false (the merge itself).
    func resolve(_ kind: RecordKind, _ bound: BoundValue, followingMerges: Bool = true) throws -> Int {
        let text = bound.value.display
        let id: Int
        if let (k, n) = RecordKind.forID(text), k == kind {
            guard try store.fetch(kind, id: n) != nil else {
                throw ScriptError.runtime("no \(kind.schema.label.en) \(text)", "没有\(kind.schema.label.zh) \(text)", at: bound.location)
            }
            id = n
        } else if let n = try store.lookup(kind, name: text) {
            id = n
        } else {
            let names = (try? store.names(kind, prefix: "", limit: 500)) ?? []
            throw ScriptError.runtime(
                "no \(kind.schema.label.en) named '\(text)'", "没有名为 '\(text)' 的\(kind.schema.label.zh)", at: bound.location,
                hint: Suggestion.hint(for: text, in: names))
        }
        return followingMerges ? try kept(kind, id) : id
    }
}

func formatMilliseconds(_ ms: Double) -> String {
    let tenths = Int((ms * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

import CEditLine
import MinshengCore
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// Wires the interpreter to a database, the terminal and the command line.
public enum Shell {
    /// Runs minsheng as the options say; returns the process exit status.
    public static func run(_ options: ShellOptions, environment env: [String: String]) -> Int32 {
        prepareLocale()
        umask(0o077)
        let language = options.language ?? Language.fromEnvironment(env)
        let diagnostics = StandardErrorDiagnostics(color: Terminal.useColor(2, environment: env))
        let path: String
        if let db = options.database {
            path = db
        } else {
            guard let p = Paths.defaultDatabase(env) else {
                // Never a database made in whatever folder the shell was started from.
                diagnostics.report(
                    ScriptError(
                        .io,
                        Localized(
                            en: "no folder for the default database: HOME is not set and the account has no home",
                            zh: "找不到默认数据库的位置：未设置 HOME，账户也没有主目录"),
                        hint: Localized(en: "give --db FILE, or set MINSHENG_DB or XDG_DATA_HOME", zh: "请用 --db 文件 指定，或设置 MINSHENG_DB 或 XDG_DATA_HOME")),
                    sourceLine: nil, language: language)
                return 1
            }
            path = p
            if env["MINSHENG_DB"] == nil, let data = Paths.dataDirectory(env) { Paths.makeDirectory(data) }
        }
        let store = SQLStore(location: path)
        var session = Session(language: language, actor: options.actor ?? "")
        session.fixedNow = options.now
        if let f = options.format { session.format = f }
        session.csvBOM = options.csvBOM
        let interactive = options.inputs.isEmpty && Terminal.isTerminal(0)
        let out = StandardOutput(fitToTerminal: Terminal.isTerminal(1), environment: env)
        let interpreter = Interpreter(session: session, store: store, out: out, diagnostics: diagnostics)
        interpreter.openTable = CSVFile.open
        interpreter.protectedFiles = [path]
        interpreter.safe = options.safe
        // The operator is checked against the database's login at the first command that needs it.
        interpreter.startAs(options.actor)
        let run = RunOptions(keepGoing: options.keepGoing, atomic: options.atomic)

        if interactive {
            do {
                try store.open()
            } catch {
                diagnostics.report(error as? ScriptError ?? ScriptError(.io, Localized("\(error)")), sourceLine: nil, language: language)
                return 1
            }
            return Repl(interpreter: interpreter, store: store, environment: env, noRC: options.noRC).run()
        }
        // Ctrl-C cancels the command running and stops the run (exit status 130).
        Interrupts.shared.install()
        Interrupts.shared.begin(stopping: store)
        interpreter.isCancelled = { Interrupts.shared.isRequested }
        var ok = true
        for (i, input) in options.inputs.enumerated() {
            if interpreter.quitRequested || Interrupts.shared.isRequested { break }
            guard ok || options.keepGoing else {
                // Never silently: what did not run after the error is named.
                let rest = options.inputs[i...].map(\.shown).joined(separator: ", ")
                fputs(
                    language == .zh
                        ? "minsheng：出错后未运行：\(rest)（加 --keep-going 可继续运行）\n"
                        : "minsheng: not run after the error: \(rest) (--keep-going runs them anyway)\n", minsheng_stderr())
                break
            }
            switch input {
            case .commands(let commands):
                ok = interpreter.runScript(LineSource(text: commands, name: "-c"), options: run) && ok
            case .file(let script):
                do {
                    let source = try LineSource(path: script)
                    ok = interpreter.runScript(source, options: run) && ok
                } catch {
                    diagnostics.report(error as? ScriptError ?? ScriptError(.io, Localized("\(error)")), sourceLine: nil, language: language)
                    ok = false
                }
            }
        }
        if options.inputs.isEmpty {
            ok = interpreter.runScript(LineSource(stream: minsheng_stdin(), name: "<stdin>"), options: run)
        }
        fflush(minsheng_stdout())
        if Interrupts.shared.isRequested { return Interrupts.exitStatus }
        return ok ? 0 : 1
    }

    /// Chinese input and output need a UTF-8 character type, even when LANG is unset.
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        if let cs = nl_langinfo(nl_item(CODESET)), String(cString: cs) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

import CEditLine
import MinshengCore
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// The interactive loop: prompt, read (with libedit), run, repeat.
final class Repl {
    let interpreter: Interpreter
    let store: SQLStore
    let environment: [String: String]
    let noRC: Bool
    let completion: ShellCompletion

    init(interpreter: Interpreter, store: SQLStore, environment: [String: String], noRC: Bool) {
        self.interpreter = interpreter
        self.store = store
        self.environment = environment
        self.noRC = noRC
        self.completion = ShellCompletion(table: interpreter.table, store: store, permits: { [unowned interpreter] in interpreter.mayUse($0) })
    }

    var databaseName: String { store.displayName }

    /// `minsheng(x.db)> `, or `minsheng(x.db M-1/I-2)> ` while a meeting is current.
    var prompt: String {
        let s = interpreter.session
        let place = s.roomPlace ?? ""
        return VisibleText.escape("minsheng(\(databaseName)\(place.isEmpty ? "" : " " + place))> ")
    }

    var continuationPrompt: String {
        String(repeating: " ", count: max(0, DisplayWidth.of(prompt) - 5)) + "...> "
    }

    func run() -> Int32 {
        let history = Paths.historyFile(environment)
        if let data = Paths.dataDirectory(environment) { Paths.makeDirectory(data) }
        let reader = EditLineReader(programName: "minsheng", historyFile: history, completion: completion)
        reader.language = interpreter.session.language
        interpreter.historyProvider = { reader.historyEntries() }
        interpreter.stepper = TerminalStepper(reader: reader)
        interpreter.interactive = true
        if Terminal.isTerminal(1) {
            interpreter.meetingFollower = { [interpreter] id in MeetingDisplay.follow(interpreter, meeting: id) }
        }
        interpreter.isCancelled = { Interrupts.shared.isRequested }
        greet()
        if !noRC, let rc = Paths.rcFile(environment), Paths.exists(rc), let source = try? LineSource(path: rc) {
            Interrupts.shared.begin(stopping: store)
            _ = interpreter.runScript(source)
            Interrupts.shared.end()
        }
        var pending: [String] = []
        var lineNumber = 0
        var firstLine = 1
        loop: while !interpreter.quitRequested {
            switch reader.readLine(prompt: pending.isEmpty ? prompt : continuationPrompt) {
            case .endOfInput:
                break loop
            case .interrupted:
                pending = []
            case .line(let line):
                lineNumber += 1
                if pending.isEmpty {
                    if line.trimmingCharacters() == "" { continue }
                    firstLine = lineNumber
                }
                pending.append(line)
                // Ctrl-C while it runs cancels the statement (Interrupts), not the shell.
                Interrupts.shared.begin(stopping: store)
                let result = interpreter.runStatement(pending, file: "<stdin>", firstLine: firstLine, atEnd: false)
                Interrupts.shared.end()
                if result == .incomplete { continue }
                // A refused secret-poll choice (`vote no=王芳`) names a voter's choice: it is
                // not kept for recall or in the history file.
                if !interpreter.forgetStatement { reader.addHistory(pending.joined(separator: "\n")) }
                interpreter.forgetStatement = false
                pending = []
                fflush(minsheng_stdout())
            }
        }
        reader.saveHistory()
        return 0
    }

    func greet() {
        let zh = interpreter.session.language == .zh
        let text = zh
            ? "minsheng（民声）— 数据库 \(store.shownLocation)\n输入 帮助 查看命令，按 Tab 键补全，按 Ctrl-D 退出。\n"
            : "minsheng (民声) — database \(store.shownLocation)\nType 'help' for commands, Tab to complete, Ctrl-D to quit.\n"
        fputs(VisibleText.escape(text, keepingLines: true), minsheng_stdout())
    }
}

/// `replay FILE step` at the terminal: show each command, run it on Enter, stop on q.
final class TerminalStepper: StepController {
    let reader: LineReader

    init(reader: LineReader) { self.reader = reader }

    func confirm(next command: String, position: Int, language: Language) -> Bool {
        let ask = language == .zh ? "[\(position)] \(command)    （回车执行，q 停止）" : "[\(position)] \(command)    (Enter runs it, q stops)"
        fputs(VisibleText.escape(ask) + "\n", minsheng_stdout())
        switch reader.readLine(prompt: "step> ") {
        case .line(let l): return l.trimmingCharacters().lowercased() != "q"
        case .interrupted, .endOfInput: return false
        }
    }

    func show(_ text: String) { fputs(VisibleText.escape(text, keepingLines: true) + "\n", minsheng_stdout()) }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}

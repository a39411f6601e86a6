/// An error that was already reported where it happened (inside a sourced file).
public struct ScriptAbort: Error {}

/// How a script is run.
public struct RunOptions: Sendable {
    /// Go on after an error instead of stopping.
    public var keepGoing: Bool
    /// Run the whole script as one transaction: all or nothing.
    public var atomic: Bool

    public init(keepGoing: Bool = false, atomic: Bool = false) {
        self.keepGoing = keepGoing
        self.atomic = atomic
    }
}

extension Interpreter {
    /// Runs a script read line by line. Returns true when every command succeeded.
    ///
    /// Statements are gathered exactly as at the prompt: the lexer says when a statement
    /// is finished, so a script behaves like typing.
    public func runScript(_ source: LineSource, options: RunOptions = RunOptions(), canonicalName: String? = nil) -> Bool {
        scriptStack.append(canonicalName ?? canonicalPath(source.name))
        displayStack.append(source.name)
        defer {
            scriptStack.removeLast()
            displayStack.removeLast()
        }
        let body = { () throws -> Bool in
            let ok = self.runLines(source, options: options)
            if options.atomic && !ok { throw ScriptAbort() }
            return ok
        }
        guard options.atomic else { return (try? body()) ?? false }
        do {
            return try store.transaction(.writes, body)
        } catch is ScriptAbort {
            out.write(lang == .zh ? "（--atomic：整个脚本已回滚，未做任何修改）\n" : "(--atomic: the whole script was rolled back; nothing changed)\n")
            return false
        } catch {
            report(error, lines: [], firstLine: 0)
            return false
        }
    }

    func runLines(_ source: LineSource, options: RunOptions) -> Bool {
        var pending: [String] = []
        var firstLine = 1
        var ok = true
        while !quitRequested {
            let line: String?
            do {
                line = try source.next()
            } catch {
                // A line that cannot be read breaks the statement it was part of: drop it whole,
                // so later lines are neither glued to it nor numbered wrongly.
                report(error, lines: [], firstLine: 0)
                pending = []
                if !options.keepGoing { return false }
                ok = false
                continue
            }
            guard let line else { break }
            if pending.isEmpty { firstLine = source.lineNumber }
            pending.append(line)
            // A statement left open (a stray quote) would otherwise swallow the rest of the
            // file, lexed again at every line: past `maxStatementLines` it is an error.
            switch runStatement(
                pending, file: source.name, firstLine: firstLine, atEnd: pending.count >= Self.maxStatementLines, keepGoing: options.keepGoing)
            {
            case .incomplete: continue
            case .done(let good):
                pending = []
                // Ctrl-C stops the whole script, --keep-going or not.
                if isCancelled() { return false }
                if !good {
                    ok = false
                    if !options.keepGoing { return false }
                }
            }
        }
        if !pending.isEmpty,
            case .done(let good) = runStatement(pending, file: source.name, firstLine: firstLine, atEnd: true, keepGoing: options.keepGoing), !good
        {
            ok = false
        }
        return ok
    }

    /// The most lines one statement of a script may span.
    static let maxStatementLines = 500

    /// What happened to a statement.
    public enum StatementResult: Equatable {
        /// It needs more lines (open quote, bracket or trailing `\`).
        case incomplete
        /// It ran; false if a command in it failed (the error has been reported).
        case done(Bool)
    }

    /// Lexes and runs one statement made of `lines`; at the end of input an open
    /// quote or bracket is an error instead of a request for more. A failed command stops
    /// the rest of the statement (`a; bogus; b` never runs `b`), unless `keepGoing`.
    public func runStatement(_ lines: [String], file: String, firstLine: Int, atEnd: Bool, keepGoing: Bool = false) -> StatementResult {
        let text = lines.joined(separator: "\n")
        let commands: [TokenLine]
        do {
            let lexer = Lexer(file: file, firstLine: firstLine)
            switch try lexer.lex(text) {
            case .complete(let c): commands = c
            case .incomplete(let opener, let loc):
                guard atEnd else { return .incomplete }
                let what = opener == "(" ? "bracket" : opener == "\\" ? "line continuation" : "quote"
                let whatZh = opener == "(" ? "括号" : opener == "\\" ? "续行" : "引号"
                // A bracket inside a word is most likely text (`备注=灯坏（2单元`): say to quote it.
                let quote = opener == "(" ? lexer.openBracketHint(loc, in: text) : nil
                let err = ScriptError(
                    .lexical, Localized(en: "unterminated \(what) \(opener)", zh: "未闭合的\(whatZh) \(opener)"), at: loc,
                    hint: quote
                        ?? Localized(
                            en: "close it before the end of the script (a statement spans at most \(Self.maxStatementLines) lines)",
                            zh: "请在脚本结束前把它闭合（一条语句最多跨 \(Self.maxStatementLines) 行）"))
                report(err, lines: lines, firstLine: firstLine)
                return .done(false)
            }
        } catch {
            report(error, lines: lines, firstLine: firstLine)
            return .done(false)
        }
        var ok = true
        for command in commands {
            if quitRequested { break }
            if isCancelled() {
                report(ScriptError.cancelled.located(at: command.location), lines: lines, firstLine: firstLine)
                return .done(false)
            }
            if stepping, let stepper, !stepper.confirm(next: command.source, position: command.location.line, language: lang) {
                quitRequested = true
                break
            }
            do {
                try execute(command)
                if stepping, let stepper, let status = replayStatus() { stepper.show(status) }
            } catch {
                report(error, lines: lines, firstLine: firstLine)
                ok = false
                if !keepGoing || isCancelled() { return .done(false) }
            }
        }
        return .done(ok)
    }

    /// Reports an error once, with the source line it points into.
    func report(_ error: Error, lines: [String], firstLine: Int) {
        if error is ScriptAbort { return }
        var e = error as? ScriptError ?? ScriptError(.runtime, Localized("\(error)"))
        var sourceLine: String?
        if let loc = e.location, loc.line >= firstLine, loc.line - firstLine < lines.count {
            sourceLine = lines[loc.line - firstLine]
        }
        // An error echoes what was typed: phone numbers in it stay masked unless revealed
        // (character for character, so the caret still points at the right column).
        if !session.reveal {
            sourceLine = sourceLine.map { PhoneMask.maskNumbers(in: $0, keepingLength: true) }
            e.message = Localized(
                en: PhoneMask.maskNumbers(in: e.message.en, keepingLength: true), zh: PhoneMask.maskNumbers(in: e.message.zh, keepingLength: true))
        }
        diagnostics.report(e, sourceLine: sourceLine, language: lang)
    }
}

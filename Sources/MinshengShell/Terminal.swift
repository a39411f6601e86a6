import CEditLine
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Facts about the process's terminal.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Columns of the terminal on `fd`, or nil when it is not one.
    static func width(_ fd: Int32) -> Int? {
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Rows and columns of the terminal on `fd`, or nil when it is not one (or will not say).
    static func size(_ fd: Int32) -> (rows: Int, columns: Int)? {
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return (Int(size.ws_row), Int(size.ws_col))
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static func useColor(_ fd: Int32, environment: [String: String]) -> Bool {
        isTerminal(fd) && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}

/// Writes results to standard output.
final class StandardOutput: OutputSink {
    let fitToTerminal: Bool
    let pager: Pager

    init(fitToTerminal: Bool, environment: [String: String]) {
        self.fitToTerminal = fitToTerminal
        self.pager = Pager(environment: environment)
    }

    func write(_ text: String) {
        fputs(text, minsheng_stdout())
    }

    /// Through the pager when standard output is a terminal and the result is longer than
    /// it (or `set pager always`); never when the output is a file or a pipe.
    func writeResult(_ text: String, pager mode: PagerMode, stop: () -> Bool) {
        if mode != .off, let size = Terminal.size(1),
            mode == .always || Pager.isLonger(text, rows: size.rows, columns: size.columns),
            pager.show(text, stop: stop)
        {
            return
        }
        writeInChunks(text, stop: stop) { write($0) }
    }

    var terminalWidth: Int? { fitToTerminal ? Terminal.width(1) : nil }

    /// Progress goes to standard error, and only when it is a terminal: `\r`, the text,
    /// and erase-to-end-of-line, so results on standard output stay clean.
    func progress(_ text: String?) {
        guard Terminal.isTerminal(2) else { return }
        fputs("\r" + (text ?? "") + "\u{1B}[K", minsheng_stderr())
        fflush(minsheng_stderr())
    }
}

/// Renders errors like a compiler: `file:line:col: error: message`, the source line,
/// a caret under the column (by display width), and a hint.
public final class StandardErrorDiagnostics: DiagnosticSink {
    let color: Bool
    /// Errors reported so far.
    public private(set) var count = 0

    public init(color: Bool) { self.color = color }

    public func report(_ error: ScriptError, sourceLine: String?, language: Language) {
        fflush(minsheng_stdout())
        count += 1
        fputs(DiagnosticFormatter(color: color).format(error, sourceLine: sourceLine, language: language), minsheng_stderr())
        fflush(minsheng_stderr())
    }
}

/// Formats one diagnostic; shared by the terminal and the transcript tests.
public struct DiagnosticFormatter {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    public func format(_ error: ScriptError, sourceLine: String?, language: Language) -> String {
        let bold = color ? "\u{1B}[1m" : "", red = color ? "\u{1B}[1;31m" : "", green = color ? "\u{1B}[1;32m" : "",
            cyan = color ? "\u{1B}[1;36m" : "", reset = color ? "\u{1B}[0m" : ""
        // What the user or a file supplied is shown escaped (`\e`, `\u202E`): an error about
        // a stored title must not clear the screen; the caret is placed on the escaped line.
        func visible(_ s: String) -> String { VisibleText.escape(s, keepingLines: true) }
        // The labels in the session's language; `FILE:LINE:COL` stays first, as editors read it.
        let (errorLabel, hintLabel) = language == .zh ? ("错误：", "提示：") : ("error: ", "hint: ")
        var out = ""
        if let loc = error.location { out += "\(bold)\(VisibleText.escape("\(loc)")):\(reset) " }
        out += "\(red)\(errorLabel)\(reset)\(bold)\(visible(error.message.text(language)))\(reset)\n"
        if let line = sourceLine, let loc = error.location {
            out += "    \(VisibleText.escape(line))\n"
            let before = VisibleText.escape(String(line.prefix(max(0, loc.column - 1))))
            out += "    " + String(repeating: " ", count: DisplayWidth.of(before)) + "\(green)^\(reset)\n"
        }
        if let hint = error.hint {
            out += "\(cyan)\(hintLabel)\(reset)\(visible(hint.text(language)))\n"
        }
        return out
    }
}

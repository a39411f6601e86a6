/// Where rendered text goes: the screen, a file, a test's buffer.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    /// Display columns available, or nil when writing to a file or pipe.
    var terminalWidth: Int? { get }
    /// Shows how far a long command has got (`importing x.csv: 15000 rows read`) on one
    /// line that the next call overwrites; nil clears it. Only a terminal shows it.
    func progress(_ text: String?)
    /// Writes one command's result, which may be long: a terminal may show it through a
    /// pager (`pager`); it is written a few hundred lines at a time, and `stop` (Ctrl-C)
    /// between two ends it there.
    func writeResult(_ text: String, pager: PagerMode, stop: () -> Bool)
}

extension OutputSink {
    /// Files, pipes and test buffers keep no progress lines.
    public func progress(_ text: String?) {}

    /// No pager: the text in chunks of `linesPerWrite` lines, stopping at `stop`.
    public func writeResult(_ text: String, pager: PagerMode, stop: () -> Bool) {
        writeInChunks(text, stop: stop) { write($0) }
    }
}

/// Lines of results written at once between two looks at Ctrl-C.
public let linesPerWrite = 200

/// Hands `text` to `write` `linesPerWrite` lines at a time, as long as `stop` says no.
public func writeInChunks(_ text: String, stop: () -> Bool, _ write: (String) -> Void) {
    var whole = text
    whole.withUTF8 { bytes in
        var start = 0, lines = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            lines += 1
            guard lines % linesPerWrite == 0 else { continue }
            write(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...i]), as: UTF8.self))
            start = i + 1
            if stop() { return }
        }
        if start < bytes.count { write(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
    }
}

/// Where errors go, already rendered by the edge that owns the terminal.
public protocol DiagnosticSink: AnyObject {
    /// Reports an error; `sourceLine` is the physical line it points into, when known.
    func report(_ error: ScriptError, sourceLine: String?, language: Language)
}

/// Asks the person at the terminal before each step of `replay … step`.
public protocol StepController: AnyObject {
    /// Shows the next command; returns false to stop the replay.
    func confirm(next command: String, position: Int, language: Language) -> Bool
    /// Shows where the replay stands after a step.
    func show(_ text: String)
}

/// Where rendered text goes: the screen, a file, a test's buffer.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    /// Display columns available, or nil when writing to a file or pipe.
    var terminalWidth: Int? { get }
    /// Shows how far a long command has got (`importing x.csv: 15000 rows read`) on one
    /// line that the next call overwrites; nil clears it. Only a terminal shows it.
    func progress(_ text: String?)
}

extension OutputSink {
    /// Files, pipes and test buffers keep no progress lines.
    public func progress(_ text: String?) {}
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

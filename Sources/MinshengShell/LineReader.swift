/// What one read from the terminal produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line, without its trailing newline.
    case line(String)
    /// Ctrl-C: the line being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
}

/// Completion for the line being edited: the shell asks, the reader inserts.
public protocol CompletionSource: AnyObject {
    /// Candidates for the word that ends at `cursor` (a Character offset into `line`).
    /// Returns the start of the word being completed (Character offset), full candidate
    /// words, and whether they may be only some of them (a source cut them at its limit).
    func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String], partial: Bool)
}

/// Reads lines from a person at a terminal; the REPL talks to this and nothing lower.
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt`.
    func readLine(prompt: String) -> LineReadResult
    /// Adds a line to the in-memory history (and to the history file on save).
    func addHistory(_ line: String)
    /// The history, oldest first.
    func historyEntries() -> [String]
    /// Writes the history file, if the reader has one.
    func saveHistory()
}

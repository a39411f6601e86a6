/// Where a token sits in a script: file, 1-based line, 1-based column in characters.
///
/// Columns count Characters, not bytes, so a caret under a Chinese word lands on it.
public struct SourceLocation: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

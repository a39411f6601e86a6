extension Lexer {
    /// A cursor over the text that keeps line and column as it moves.
    struct Scanner {
        let text: String
        let file: String
        var index: String.Index
        var line: Int
        var column = 1

        init(text: String, file: String, line: Int) {
            self.text = text
            self.file = file
            self.index = text.startIndex
            self.line = line
        }

        var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

        func peek() -> Character? { index < text.endIndex ? text[index] : nil }

        func peekSecond() -> Character? {
            guard index < text.endIndex else { return nil }
            let next = text.index(after: index)
            return next < text.endIndex ? text[next] : nil
        }

        mutating func advance() {
            guard index < text.endIndex else { return }
            if Lexer.isNewline(text[index]) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }

        /// A backslash continues the line when only spaces follow it before the newline or the end.
        func isContinuation() -> Bool {
            var i = text.index(after: index)
            while i < text.endIndex {
                let c = text[i]
                if Lexer.newlines.contains(c) { return true }
                if c != " " && c != "\t" { return false }
                i = text.index(after: i)
            }
            return true
        }

        mutating func skipToEndOfLine() {
            while let c = peek(), !Lexer.newlines.contains(c) { advance() }
        }

        mutating func readWhile(_ keep: (Character) -> Bool) -> String {
            var out = ""
            while let c = peek(), keep(c) {
                out.append(c)
                advance()
            }
            return out
        }

        /// Reads a bare word: up to whitespace or punctuation; `!` ends it only before `=`.
        mutating func readWord() -> String {
            var out = ""
            while let c = peek() {
                if Lexer.endsWord(c) { break }
                if (c == "!" || c == "！"), let n = peekSecond(), n == "=" || n == "＝" { break }
                out.append(c)
                advance()
            }
            return out
        }

        /// Reads a quoted body after its opening quote; nil when the text ends first.
        mutating func readQuoted(until close: Character, escapes: Bool) -> String? {
            var out = ""
            while let c = peek() {
                advance()
                if c == close { return out }
                if escapes && c == "\\", let n = peek(), n == close || n == "\\" {
                    advance()
                    out.append(n)
                    continue
                }
                out.append(c)
            }
            return nil
        }
    }
}

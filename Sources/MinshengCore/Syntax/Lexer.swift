/// Turns command text into tokens, one `TokenLine` per command.
///
/// The lexer is the single judge of whether a statement is finished: an open quote,
/// an open bracket or a trailing `\` make the text `.incomplete`, and the REPL shows
/// a continuation prompt. Outside quotes the full-width punctuation that Chinese input
/// methods type (`＝，（）；` and the ideographic space) reads as its ASCII twin; inside
/// quotes text is kept exactly as typed. A word typed in full-width letters and digits
/// (`Ｃ－１０１１`) reads as ASCII (`C-1011`) and keeps what was typed beside it
/// (`Token.typed`): the parser takes ids, numbers, dates and keywords as read, free text
/// as typed, because only it knows which a word is.
public struct Lexer {
    /// The result of lexing a statement.
    public enum Result: Equatable, Sendable {
        case complete([TokenLine])
        /// More input is needed; `opener` is what is still open, at `location`.
        case incomplete(opener: String, location: SourceLocation)
    }

    static let closingQuote: [Character: Character] = [
        "\"": "\"", "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』",
    ]
    static let whitespace: Set<Character> = [" ", "\t", "\u{3000}", "\r", "\u{00A0}"]
    static let newlines: Set<Character> = ["\n", "\r\n"]
    static let commaLike: Set<Character> = [",", "，", "、"]
    static let wordBreakers: Set<Character> = [
        "=", "＝", ",", "，", "、", "(", "（", ")", "）", ";", "；", "\"", "'", "“", "”", "‘", "’",
        "「", "」", "『", "』", "<", ">", "~", "～", "＜", "＞",
    ]

    /// Whether `c` ends a bare word (whitespace, a newline, a word breaker), asked of every
    /// character a word holds: a one-scalar character is looked up by its scalar, which is
    /// much cheaper than hashing a `Character`.
    static func endsWord(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return first.isASCII ? asciiWordEnds[Int(first.value)] : wordEndScalars.contains(first.value)
        }
        return whitespace.contains(c) || newlines.contains(c) || wordBreakers.contains(c)
    }

    private static let wordEnds = whitespace.union(newlines).union(wordBreakers)
    private static let asciiWordEnds: [Bool] = (0..<128).map { v in wordEnds.contains(Character(Unicode.Scalar(UInt8(v)))) }
    private static let wordEndScalars = Set(wordEnds.compactMap { c in c.unicodeScalars.count == 1 ? c.unicodeScalars.first?.value : nil })

    /// Whether `c` ends a line: checked of every character read.
    static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    let file: String
    let firstLine: Int

    public init(file: String, firstLine: Int = 1) {
        self.file = file
        self.firstLine = firstLine
    }

    /// Lexes `text` (one or more physical lines).
    public func lex(_ text: String) throws(ScriptError) -> Result {
        try refuseHidden(text)
        var scanner = Scanner(text: text, file: file, line: firstLine)
        var lines: [TokenLine] = []
        var current: [Token] = []
        var commandStart: (SourceLocation, String.Index)?
        var parens: [SourceLocation] = []

        func finishCommand(at end: String.Index) {
            if let (loc, start) = commandStart, !current.isEmpty {
                let source = String(text[start..<end]).trimmingWhitespace()
                lines.append(TokenLine(tokens: current, location: loc, source: source))
            }
            current = []
            commandStart = nil
        }

        while let c = scanner.peek() {
            let loc = scanner.location
            let startIndex = scanner.index
            if Self.whitespace.contains(c) {
                scanner.advance()
                continue
            }
            if Self.newlines.contains(c) {
                scanner.advance()
                if parens.isEmpty { finishCommand(at: startIndex) }
                continue
            }
            if c == "\\" && scanner.isContinuation() {
                scanner.advance()
                guard let n = scanner.peek() else {
                    return .incomplete(opener: "\\", location: loc)
                }
                if Self.newlines.contains(n) { scanner.advance() }
                continue
            }
            if c == "#" {
                scanner.skipToEndOfLine()
                continue
            }
            if c == ";" || c == "；" {
                guard parens.isEmpty else {
                    throw .syntax("';' inside brackets", "括号内不能出现 ';'", at: loc)
                }
                scanner.advance()
                finishCommand(at: startIndex)
                continue
            }
            if commandStart == nil { commandStart = (loc, startIndex) }
            if let close = Self.closingQuote[c] {
                scanner.advance()
                guard let body = scanner.readQuoted(until: close, escapes: c == "\"") else {
                    return .incomplete(opener: String(c), location: loc)
                }
                current.append(Token(.string(body), at: loc))
                continue
            }
            switch c {
            case "=", "＝":
                scanner.advance()
                if let n = scanner.peek(), n == "=" || n == "＝" {
                    scanner.advance()
                    current.append(Token(.comparison("=="), at: loc))
                } else {
                    current.append(Token(.equals, at: loc))
                }
            case _ where Self.commaLike.contains(c):
                scanner.advance()
                current.append(Token(.comma, at: loc))
            case "(", "（":
                scanner.advance()
                parens.append(loc)
                current.append(Token(.leftParen, at: loc))
            case ")", "）":
                scanner.advance()
                guard parens.popLast() != nil else {
                    throw .syntax("unmatched ')'", "多余的 ')'", at: loc, hint: BracketedText.quoteHint(in: text, at: startIndex))
                }
                current.append(Token(.rightParen, at: loc))
            case "<", ">", "＜", "＞":
                scanner.advance()
                let base = (c == "<" || c == "＜") ? "<" : ">"
                if let n = scanner.peek(), n == "=" || n == "＝" {
                    scanner.advance()
                    current.append(Token(.comparison(base + "="), at: loc))
                } else {
                    current.append(Token(.comparison(base), at: loc))
                }
            case "~", "～":
                scanner.advance()
                current.append(Token(.comparison("~"), at: loc))
            case _ where (c == "!" || c == "！") && (scanner.peekSecond().map { $0 == "=" || $0 == "＝" } ?? false):
                scanner.advance()
                scanner.advance()
                current.append(Token(.comparison("!="), at: loc))
            case "$":
                scanner.advance()
                let name = scanner.readWhile { $0.isLetter || $0.isNumber || $0 == "_" }
                guard !name.isEmpty else {
                    throw .syntax("'$' must be followed by a variable name", "'$' 后面应是变量名", at: loc)
                }
                current.append(Token(.variable(name.foldingFullWidth), at: loc))
            case _ where Self.closingQuote.values.contains(c):
                throw .syntax("closing quote '\(c)' without an opening one", "多余的右引号 '\(c)'", at: loc)
            default:
                current.append(Token(.word(scanner.readWord().foldingFullWidth), at: loc))
            }
            // What was typed, kept when it reads differently (`（`, `Ｃ－１`).
            let typed = String(text[startIndex..<scanner.index])
            if var last = current.popLast() {
                if typed != last.spelling { last.typed = typed }
                current.append(last)
            }
        }
        if let open = parens.last {
            return .incomplete(opener: "(", location: open)
        }
        finishCommand(at: text.endIndex)
        return .complete(lines)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\n", "\r", "\r\n", "\u{3000}"]
        var s = Substring(self)
        while let f = s.first, ws.contains(f) { s.removeFirst() }
        while let l = s.last, ws.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension Lexer {
    /// Where `location` is in `text` (lexed from `firstLine`), for a message about it.
    public func index(of location: SourceLocation, in text: String) -> String.Index? {
        var scanner = Scanner(text: text, file: file, line: firstLine)
        while scanner.peek() != nil {
            if scanner.location == location { return scanner.index }
            scanner.advance()
        }
        return nil
    }

    /// The hint for a bracket left open at the end of a script: quote it when it is part of
    /// a word (`备注=灯坏（2单元`); nil for a bracket on its own.
    public func openBracketHint(_ location: SourceLocation, in text: String) -> Localized? {
        index(of: location, in: text).flatMap { BracketedText.quoteHint(in: text, at: $0) }
    }
}

extension Lexer {
    /// Control characters (a NUL byte, ESC, BEL, backspace) and invisible formatting
    /// characters (bidi overrides, zero-width spaces) are refused wherever they are typed,
    /// pointing at the first: stored, they would reach a terminal or make two names that
    /// look alike differ. Tabs and line ends are fine.
    func refuseHidden(_ text: String) throws(ScriptError) {
        guard text.unicodeScalars.contains(where: VisibleText.isRefused) else { return }
        var scanner = Scanner(text: text, file: file, line: firstLine)
        while let c = scanner.peek() {
            if let u = c.unicodeScalars.first(where: VisibleText.isRefused) {
                let shown = VisibleText.name(u), code = VisibleText.codePoint(u)
                throw ScriptError(
                    .syntax,
                    VisibleText.isControl(u)
                        ? Localized(en: "control character \(shown) (\(code)) is not allowed", zh: "不能含有控制字符 \(shown)（\(code)）")
                        : Localized(en: "invisible character \(code) is not allowed", zh: "不能含有不可见字符 \(code)"),
                    at: scanner.location,
                    hint: Localized(
                        en: "retype the text without it (it often comes with text copied from a web page)",
                        zh: "请去掉该字符后重新输入（常见于从网页复制的文字）"))
            }
            scanner.advance()
        }
    }
}

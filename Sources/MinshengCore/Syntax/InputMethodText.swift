/// What a Chinese input method types beyond the punctuation the lexer reads: full-width
/// letters and digits (`Ｃ－１０１１`), and brackets inside free text (`（2单元）3至5层灯坏`).

extension String {
    /// The text with the full-width forms of ASCII (U+FF01–U+FF5E: `Ａ`–`Ｚ`, `ａ`–`ｚ`,
    /// `０`–`９`, `－`, `＿`, `．`, `：`, `／`, `＋` …) read as ASCII, one character for one, so
    /// columns stay where they were. Only for what is read as an id, a number, a date, a
    /// keyword or a choice: free text keeps what was typed (`Ｃ座漏水`).
    public var foldingFullWidth: String {
        guard unicodeScalars.contains(where: { Self.fullWidthASCII.contains($0.value) }) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            if Self.fullWidthASCII.contains(u.value), let a = Unicode.Scalar(u.value - 0xFEE0) {
                out.append(a)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    static let fullWidthASCII: ClosedRange<UInt32> = 0xFF01...0xFF5E
}

/// Text typed without quotes that runs into brackets: `（2单元）3至5层灯坏`.
///
/// The lexer reads every bracket as one (it decides whether a line is finished), so a value
/// written with brackets arrives as several tokens side by side. Where brackets mean nothing
/// — the value of a text option — the parser glues them back into the text as typed; where
/// they group conditions (queries) it refuses, and the hint shows the value quoted.
enum BracketedText {
    /// The tokens from `start` that touch one another (no space between) and are words or
    /// brackets, as one word token as typed; a `)` that would close a bracket opened before
    /// the run ends it. Nil unless the run has a bracket.
    static func glue(_ tokens: [Token], from start: Int) -> (token: Token, next: Int)? {
        var depth = 0
        var j = start
        scan: while j < tokens.count {
            let t = tokens[j]
            if j > start && t.location != tokens[j - 1].end { break }
            switch t.kind {
            case .word: break
            case .leftParen: depth += 1
            case .rightParen where depth > 0: depth -= 1
            default: break scan
            }
            j += 1
        }
        let run = tokens[start..<j]
        guard run.contains(where: { $0.kind == .leftParen || $0.kind == .rightParen }) else { return nil }
        let typed = run.map(\.asTyped).joined()
        return (Token(.word(typed.foldingFullWidth), at: tokens[start].location, typed: typed), j)
    }

    /// `put text with brackets in quotes: note="（2单元）3至5层灯坏"`: what comes before the
    /// value (`note=`, `title ~ `) as typed, then the value quoted.
    static func quoteHint(before: String, value: String) -> Localized {
        let quoted = before + "\"" + value + "\""
        return Localized(en: "put text with brackets in quotes: \(quoted)", zh: "含括号的文字请加引号：\(quoted)")
    }

    /// The hint for a bracket at `index` of `text` that touches other text: the word around
    /// it (up to a space, a line end or `;`), split at its first `=`; nil for a bracket alone.
    static func quoteHint(in text: String, at index: String.Index) -> Localized? {
        let stops: Set<Character> = Lexer.whitespace.union(Lexer.newlines).union([";", "；"])
        var from = index, to = text.index(after: index)
        while from > text.startIndex, !stops.contains(text[text.index(before: from)]) { from = text.index(before: from) }
        while to < text.endIndex, !stops.contains(text[to]) { to = text.index(after: to) }
        let run = String(text[from..<to])
        guard run.count > 1 else { return nil }
        if let eq = run.firstIndex(where: { $0 == "=" || $0 == "＝" }), eq > run.startIndex {
            return quoteHint(before: run[..<eq] + "=", value: String(run[run.index(after: eq)...]))
        }
        return quoteHint(before: "", value: run)
    }
}

/// One lexical token of the command language.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A bare word: a command name, a key, an id, a number, a date.
        case word(String)
        /// A quoted string; its text is kept exactly as typed.
        case string(String)
        /// `$name`, read from the session's variables.
        case variable(String)
        /// `=` `,` `(` `)` — also their full-width twins.
        case equals, comma, leftParen, rightParen
        /// A comparison: `==` `!=` `<` `<=` `>` `>=` `~`.
        case comparison(String)
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The characters as typed, when they differ from the token's reading: a word an input
    /// method typed in full-width letters (`Ｃ－１０１１`, read as `C-1011`) or a full-width
    /// bracket `（`. Free text is taken as typed; ids, numbers and keywords as read.
    public var typed: String?

    public init(_ kind: Kind, at location: SourceLocation, typed: String? = nil) {
        self.kind = kind
        self.location = location
        self.typed = typed
    }

    /// The text of a word or string, nil for punctuation.
    public var text: String? {
        switch kind {
        case .word(let s), .string(let s): return s
        default: return nil
        }
    }

    /// How the token reads back in a message: a word as typed, punctuation as its ASCII twin.
    public var spelling: String {
        switch kind {
        case .word(let s): return typed ?? s
        case .string(let s): return "\"\(s)\""
        case .variable(let s): return "$\(s)"
        case .equals: return "="
        case .comma: return ","
        case .leftParen: return "("
        case .rightParen: return ")"
        case .comparison(let s): return s
        }
    }

    /// The token exactly as typed (`（`, not `(`), for rebuilding text from tokens.
    public var asTyped: String { typed ?? spelling }
}

/// The tokens of one command, split at `;` or end of line.
public struct TokenLine: Equatable, Sendable {
    public var tokens: [Token]
    /// Where the command starts, for errors that concern the whole command.
    public var location: SourceLocation
    /// The command's own text, as typed (for records and echoes).
    public var source: String
}

extension Token {
    /// Just after the token, where "missing …" errors point. A quoted string may span
    /// lines: then the end is on its last line, not past the end of its first.
    public var end: SourceLocation {
        var l = location
        let text = spelling
        let newlines = text.filter { Lexer.newlines.contains($0) }.count
        if newlines > 0, let last = text.lastIndex(where: { Lexer.newlines.contains($0) }) {
            l.line += newlines
            l.column = text.distance(from: text.index(after: last), to: text.endIndex) + 1
        } else {
            l.column += text.count
        }
        return l
    }
}

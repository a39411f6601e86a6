/// An error that stops a command, with where it happened and a hint where one helps.
///
/// Errors are built in the phase that finds them (lexer, parser, validator, runtime)
/// and rendered only at the edge, by the shell.
public struct ScriptError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case lexical, syntax, validation, runtime, io, check
    }

    public var kind: Kind
    public var message: Localized
    public var location: SourceLocation?
    public var hint: Localized?

    public init(_ kind: Kind, _ message: Localized, at location: SourceLocation? = nil, hint: Localized? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Fills in a location if the error has none yet.
    public func located(at fallback: SourceLocation?) -> ScriptError {
        var copy = self
        if copy.location == nil { copy.location = fallback }
        return copy
    }
}

extension ScriptError {
    static func syntax(_ en: String, _ zh: String, at loc: SourceLocation?, hint: Localized? = nil) -> ScriptError {
        ScriptError(.syntax, Localized(en: en, zh: zh), at: loc, hint: hint)
    }

    static func validation(_ en: String, _ zh: String, at loc: SourceLocation?, hint: Localized? = nil) -> ScriptError {
        ScriptError(.validation, Localized(en: en, zh: zh), at: loc, hint: hint)
    }

    static func runtime(_ en: String, _ zh: String, at loc: SourceLocation? = nil, hint: Localized? = nil) -> ScriptError {
        ScriptError(.runtime, Localized(en: en, zh: zh), at: loc, hint: hint)
    }
}

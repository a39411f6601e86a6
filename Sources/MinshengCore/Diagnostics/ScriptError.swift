/// An error that stops a command, with where it happened and a hint where one helps.
///
/// Errors are built in the phase that finds them (lexer, parser, validator, runtime)
/// and rendered only at the edge, by the shell.
public struct ScriptError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case lexical, syntax, validation, runtime, io, check
        /// Ctrl-C stopped the command (`ScriptError.cancelled`).
        case cancelled
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

    /// Ctrl-C stopped the command before it finished: its transaction was rolled back.
    public static let cancelled = ScriptError(.cancelled, Localized(en: "cancelled: nothing was changed", zh: "已取消：未做任何修改"))

    /// Ctrl-C stopped the printing of a command's results (the command itself had finished).
    public static let outputCancelled = ScriptError(.cancelled, Localized(en: "cancelled: the rest of the output was not printed", zh: "已取消：其余结果未输出"))
}

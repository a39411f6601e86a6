/// A typed value bound to a parameter.
public enum Value: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case day(Day)
    case time(Timestamp)
    case duration(DeadlineLength)
    case choice(String)
    /// A record named by id or name, resolved against the store at run time.
    case reference(RecordKind, String)
    case kind(RecordKind)
    case list([Value])

    /// The plain text of a single value (for messages and echoes).
    public var display: String {
        switch self {
        case .text(let s), .choice(let s): return s
        case .integer(let n): return String(n)
        case .day(let d): return d.iso
        case .time(let t): return t.display
        case .duration(let d): return d.setting
        case .reference(_, let s): return s
        case .kind(let k): return k.rawValue
        case .list(let vs): return vs.map(\.display).joined(separator: ",")
        }
    }
}

/// A value with the place it was typed, so run-time errors can point at it.
public struct BoundValue: Sendable, Equatable {
    public var value: Value
    public var location: SourceLocation

    public var items: [Value] {
        if case .list(let vs) = value { return vs }
        return [value]
    }
}

/// A parsed, validated command ready to run.
public struct Invocation: Sendable {
    public var spec: CommandSpec
    /// Positional arguments and options, by parameter name.
    public var values: [String: BoundValue]
    /// For query and command syntax: the tokens after the command's name.
    public var rest: [Token]
    public var location: SourceLocation
    public var source: String

    public subscript(_ name: String) -> BoundValue? { values[name] }

    public func text(_ name: String) -> String? { values[name]?.value.display }

    /// Whether an on/off option was given as on (`overwrite=yes`).
    public func isOn(_ name: String) -> Bool { values[name]?.value == .choice("on") }
}

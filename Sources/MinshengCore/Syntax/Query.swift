/// A value a query compares against, already typed for its field.
public enum QueryValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case time(Timestamp)
}

/// A comparison operator of the where-clause.
public enum Comparison: String, Sendable, Equatable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains = "~"
}

/// A where-clause, as a tree.
extension Predicate {
    /// Whether a condition names `field` anywhere.
    public func mentions(_ field: FieldSpec) -> Bool {
        switch self {
        case .compare(let f, _, _), .range(let f, _, _), .inList(let f, _), .isEmpty(let f): return f.name == field.name
        case .exists: return false
        case .and(let a, let b), .or(let a, let b): return a.mentions(field) || b.mentions(field)
        case .not(let a): return a.mentions(field)
        }
    }
}

public indirect enum Predicate: Sendable, Equatable {
    case compare(FieldSpec, Comparison, QueryValue)
    /// `created = 2019-11` and other ranges: start inclusive, end exclusive.
    case range(FieldSpec, QueryValue, QueryValue)
    case inList(FieldSpec, [QueryValue])
    case isEmpty(FieldSpec)
    /// Some row of `table` names this record in `column` (`visited`: a visit to the household).
    case exists(table: String, column: String)
    case and(Predicate, Predicate)
    case or(Predicate, Predicate)
    case not(Predicate)
}

/// One `order by` term.
public struct Ordering: Sendable, Equatable {
    public var field: FieldSpec
    public var descending: Bool

    public init(field: FieldSpec, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}

/// A `find` or `count`, ready for the store to compile into one SQL statement.
public struct Query: Sendable, Equatable {
    public var kind: RecordKind
    public var predicate: Predicate?
    public var ordering: [Ordering] = []
    public var limit: Int?
    public var offset: Int?
    /// For `count … by`: the grouping fields.
    public var groups: [FieldSpec] = []

    public init(kind: RecordKind) { self.kind = kind }
}

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
        case .compareFields(let a, _, let b): return a.name == field.name || b.name == field.name
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
    /// Two fields of one type compared with each other (`resolved > due`); a missing value
    /// on either side compares as false.
    case compareFields(FieldSpec, Comparison, FieldSpec)
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
    /// For `count … by`: the groupings, fields or time buckets of date fields.
    public var groupings: [Grouping] = []
    /// For `count`: aggregates shown after the count (`avg age`).
    public var aggregates: [Aggregate] = []
    /// For a grouped count: conditions every group shown meets (`having count > 50`).
    public var having: [GroupFilter] = []
    /// For a grouped count: its order (`order by count desc`), then by the groupings; an
    /// aggregate it or `having` names is among `aggregates`.
    public var groupOrdering: [GroupOrdering] = []

    /// The grouping fields, as stored (a time bucket's field is its date field).
    public var groups: [FieldSpec] {
        get { groupings.map(\.field) }
        set { groupings = newValue.map { Grouping(field: $0) } }
    }

    /// Whether the count answers in a table (groups or aggregates) rather than one number.
    public var isTabular: Bool { !groupings.isEmpty || !aggregates.isEmpty }

    public init(kind: RecordKind) { self.kind = kind }
}

/// A span of time a count groups a date field by: its day (`2019-11-05`), its ISO week
/// (`2019-W48`, weeks start on Monday) or its month (`2019-11`) — labels a `where` reads back.
public enum TimeBucket: String, Sendable, Equatable, CaseIterable {
    case day, week, month

    /// The bucket's Chinese word (`按月(受理时间)`), and the other spellings it takes.
    public var words: [String] {
        switch self {
        case .day: return ["day", "日", "天", "每日", "每天"]
        case .week: return ["week", "周", "每周"]
        case .month: return ["month", "月", "每月"]
        }
    }

    public var label: Localized {
        switch self {
        case .day: return Localized(en: "day", zh: "日")
        case .week: return Localized(en: "week", zh: "周")
        case .month: return Localized(en: "month", zh: "月")
        }
    }

    /// The ISO week label (`2019-W48`) of week number `n`, as the store numbers weeks: whole
    /// weeks since Monday 0001-01-01, so a week is one integer to group on, the label made
    /// once per group. A week belongs to the year of its Thursday.
    public static func isoWeekLabel(_ n: Int) -> String? {
        // 2000-01-03, a Monday, begins week 104303.
        guard let anchor = Day(year: 2000, month: 1, day: 3) else { return nil }
        let thursday = Day(ordinal: anchor.ordinal + 7 * (n - 104_303) + 3)
        let year = thursday.components.year
        guard let january1 = Day(year: year, month: 1, day: 1) else { return nil }
        let week = (thursday.ordinal - january1.ordinal) / 7 + 1
        return "\(year)-W" + (week < 10 ? "0" : "") + "\(week)"
    }

    /// The bucket a word names, if any (`月`, `month`).
    public static func named(_ word: String) -> TimeBucket? {
        allCases.first { $0.words.contains(word.lowercased()) }
    }
}

/// One term of `count … by`: a field, or the day, week or month of a date field.
public struct Grouping: Sendable, Equatable {
    public var field: FieldSpec
    public var bucket: TimeBucket?

    public init(field: FieldSpec, bucket: TimeBucket? = nil) {
        self.field = field
        self.bucket = bucket
    }

    /// The result column: the field itself, or `created-month` (shown `created (month)`).
    public var column: FieldSpec {
        guard let bucket else { return field }
        return FieldSpec(
            "\(field.name)-\(bucket.rawValue)", [], .text,
            label: Localized(en: "\(field.label.en) (\(bucket.label.en))", zh: "\(field.label.zh)（\(bucket.label.zh)）"), column: nil)
    }
}

/// A function of a numeric or duration field over each group's records.
public enum AggregateFunction: String, Sendable, Equatable, CaseIterable {
    case avg, sum, min, max

    public var words: [String] {
        switch self {
        case .avg: return ["avg", "average", "平均"]
        case .sum: return ["sum", "total", "合计", "总计", "总和"]
        case .min: return ["min", "最小", "最少", "最短"]
        case .max: return ["max", "最大", "最多", "最长"]
        }
    }

    public var label: Localized {
        switch self {
        case .avg: return Localized(en: "avg", zh: "平均")
        case .sum: return Localized(en: "sum", zh: "合计")
        case .min: return Localized(en: "min", zh: "最小")
        case .max: return Localized(en: "max", zh: "最大")
        }
    }

    public static func named(_ word: String) -> AggregateFunction? {
        allCases.first { $0.words.contains(word.lowercased()) }
    }
}

/// `avg age`: an aggregate over one field.
public struct Aggregate: Sendable, Equatable {
    public var function: AggregateFunction
    public var field: FieldSpec

    public init(_ function: AggregateFunction, _ field: FieldSpec) {
        self.function = function
        self.field = field
    }

    /// Whether its value has a tenths digit: an average always, a duration (days or hours,
    /// not whole) always; a sum, min or max of whole numbers is whole.
    public var isDecimal: Bool { function == .avg || field.durationUnit != nil }

    /// The result column: `avg-age`, shown `avg age` / `平均已用天数`.
    public var column: FieldSpec {
        FieldSpec(
            "\(function.rawValue)-\(field.name)", [], isDecimal ? .decimal : .integer,
            label: Localized(en: "\(function.label.en) \(field.label.en)", zh: "\(function.label.zh)\(field.label.zh)"), column: nil)
    }
}

/// What a grouped count can filter on (`having`) and order by: the count or an aggregate.
public enum GroupMeasure: Sendable, Equatable {
    case count
    case aggregate(Aggregate)
}

/// `having count > 50`: the measure compared with a number given in tenths (`> 2.5` is 25),
/// so averages and durations compare exactly on every engine.
public struct GroupFilter: Sendable, Equatable {
    public var measure: GroupMeasure
    public var comparison: Comparison
    public var tenths: Int

    public init(_ measure: GroupMeasure, _ comparison: Comparison, tenths: Int) {
        self.measure = measure
        self.comparison = comparison
        self.tenths = tenths
    }
}

/// One `order by` term of a grouped count: a grouping (its index) or a measure.
public struct GroupOrdering: Sendable, Equatable {
    public enum Key: Sendable, Equatable {
        case grouping(Int)
        case measure(GroupMeasure)
    }
    public var key: Key
    public var descending: Bool

    public init(_ key: Key, descending: Bool) {
        self.key = key
        self.descending = descending
    }
}

extension FieldSpec {
    /// For a duration field, the seconds in its unit (a day or an hour); nil otherwise.
    public var durationUnit: Int? {
        guard case .computed(let c) = type else { return nil }
        switch c {
        case .daysToResolve: return 86400
        case .responseTime: return 3600
        default: return nil
        }
    }

    /// Whether `avg`, `sum`, `min` and `max` apply: a number, `age` or a duration.
    public var isAggregatable: Bool {
        if type == .integer && name != "id" { return true }
        if case .computed(.age) = type { return true }
        return durationUnit != nil
    }
}

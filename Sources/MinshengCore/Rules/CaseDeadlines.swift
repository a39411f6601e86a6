/// How long a deadline runs: clock time (`2h`, `7d`: hours and calendar days) or working
/// days (`15wd`, counted on the working calendar: `WorkCalendar`).
public enum DeadlineLength: Equatable, Sendable {
    case seconds(Int)
    case workingDays(Int)

    /// `2h`, `7d`, `90m`, `15wd`; the Chinese units too (`2小时`, `7天`, `15个工作日`, `15工作日`).
    public static func parse(_ s: String) -> DeadlineLength? {
        for suffix in ["个工作日", "工作日", "wd"] where s.hasSuffix(suffix) {
            guard let n = Int(s.dropLast(suffix.count)), n >= 0, n <= 3650 else { return nil }
            return .workingDays(n)
        }
        return Duration.parse(s).map { .seconds($0.seconds) }
    }

    /// As typed back into `policy set`: `2h`, `7d`, `15wd`.
    public var setting: String {
        switch self {
        case .seconds(let s): return Span.setting(s)
        case .workingDays(let n): return "\(n)wd"
        }
    }

    /// As people read it: `2 h`, `7 days`, `15 working days` / `2小时`, `7天`, `15个工作日`.
    public var text: Localized {
        switch self {
        case .seconds(let s):
            if s % 86400 == 0 && s >= 2 * 86400 { return Localized(en: "\(s / 86400) days", zh: "\(s / 86400)天") }
            if s % 3600 == 0 { return Localized(en: "\(s / 3600) h", zh: "\(s / 3600)小时") }
            return Localized(en: "\(s / 60) min", zh: "\(s / 60)分钟")
        case .workingDays(let n): return Localized(en: n == 1 ? "1 working day" : "\(n) working days", zh: "\(n)个工作日")
        }
    }

    public var isPositive: Bool {
        switch self {
        case .seconds(let s): return s > 0
        case .workingDays(let n): return n > 0
        }
    }

    /// The deadline of this length from `received`.
    public func due(from received: Timestamp, on calendar: WorkCalendar) -> Timestamp {
        switch self {
        case .seconds(let s): return received.adding(seconds: s)
        case .workingDays(let n): return calendar.deadline(received: received, workingDays: n)
        }
    }

    /// Whether this length can be longer than `other` on some day (for `respond <= resolve`):
    /// lengths of one unit compare directly; a working day is taken as one to three calendar
    /// days (a weekend, a holiday week: at most three days off in a row are not counted here).
    public func exceeds(_ other: DeadlineLength) -> Bool {
        switch (self, other) {
        case (.seconds(let a), .seconds(let b)): return a > b
        case (.workingDays(let a), .workingDays(let b)): return a > b
        case (.seconds(let a), .workingDays(let b)): return a > b * 86400
        case (.workingDays(let a), .seconds(let b)): return a * 86400 > b
        }
    }
}

/// Where a default rule comes from: published 12345 practice, or this project's choice.
public enum RuleBasis: Sendable, Equatable {
    case practice, ours
}

/// How long a case of one urgency may wait for a response and for its resolution.
public struct DeadlineRule: Equatable, Sendable {
    public var urgency: String
    public var respond: DeadlineLength
    public var resolve: DeadlineLength
    /// Whether either length is in working days (and so needs the working calendar).
    public var countsWorkingDays: Bool {
        if case .workingDays = respond { return true }
        if case .workingDays = resolve { return true }
        return false
    }

    /// For a default: where its response and its resolve lengths come from.
    public var basis: (respond: RuleBasis, resolve: RuleBasis)? {
        CasePolicy.bases[urgency]
    }
    /// True while the rule is the shipped default, so `policy show` can say so.
    public var isDefault: Bool
    /// Who changed it and when (nil for a default).
    public var changedBy: String?
    public var changedAt: Timestamp?

    public init(urgency: String, respond: DeadlineLength, resolve: DeadlineLength, isDefault: Bool = true, changedBy: String? = nil, changedAt: Timestamp? = nil) {
        self.urgency = urgency
        self.respond = respond
        self.resolve = resolve
        self.isDefault = isDefault
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// The deadline policy (分级响应): one rule per urgency, and the working calendar that
/// deadlines in working days are counted on.
///
/// The defaults are the tiers of 12345 practice (接诉即办), each length marked with where
/// it comes from (`bases`): an emergency threatening life or property — resolve in 2 h;
/// urgent utilities (water, power, gas, heating) — 24 h; a general request — respond in
/// 24 h, resolve in 7 days; a complex one — 15 working days. The other lengths are our
/// own choice. Urgent and normal are PRODUCT.md's first two rules, unchanged, so a database
/// made before keeps its deadlines. Stored rules replace them one urgency at a time.
public struct CasePolicy: Equatable, Sendable {
    public var rules: [DeadlineRule]
    public var calendar = WorkCalendar.shipped

    public init(rules: [DeadlineRule], calendar: WorkCalendar = .shipped) {
        self.rules = rules
        self.calendar = calendar
    }

    public static let defaults = CasePolicy(rules: [
        DeadlineRule(urgency: "emergency", respond: .seconds(30 * 60), resolve: .seconds(2 * 3600)),
        DeadlineRule(urgency: "urgent", respond: .seconds(2 * 3600), resolve: .seconds(24 * 3600)),
        DeadlineRule(urgency: "normal", respond: .seconds(24 * 3600), resolve: .seconds(7 * 86400)),
        DeadlineRule(urgency: "complex", respond: .seconds(24 * 3600), resolve: .workingDays(15)),
    ])

    /// Where each default length comes from.
    static let bases: [String: (respond: RuleBasis, resolve: RuleBasis)] = [
        "emergency": (.ours, .practice), "urgent": (.ours, .practice), "normal": (.practice, .practice), "complex": (.ours, .practice),
    ]

    /// The defaults with the stored rules laid over them.
    public static func with(_ stored: [DeadlineRule], calendar: WorkCalendar = .shipped) -> CasePolicy {
        var p = defaults
        p.calendar = calendar
        for s in stored {
            if let i = p.rules.firstIndex(where: { $0.urgency == s.urgency }) { p.rules[i] = s } else { p.rules.append(s) }
        }
        return p
    }

    public func rule(_ urgency: String) -> DeadlineRule {
        rules.first { $0.urgency == urgency } ?? CasePolicy.defaults.rules[2]
    }

    /// The deadlines of a case of `urgency` received at `received`.
    public func deadlines(received: Timestamp, urgency: String) -> (respond: Timestamp, resolve: Timestamp) {
        let r = rule(urgency)
        return (r.respond.due(from: received, on: calendar), r.resolve.due(from: received, on: calendar))
    }
}

/// Where a case stands against one deadline.
public enum DeadlineStanding: Equatable, Sendable {
    /// Not done yet; this many seconds remain.
    case left(Int)
    /// Not done and past the deadline by this many seconds.
    case overdue(Int)
    /// Done before or at the deadline.
    case onTime
    /// Done this many seconds after the deadline.
    case late(Int)

    /// Compares `due` with when the thing was done, or with `now` while it is not done.
    public static func of(due: Timestamp, done: Timestamp?, now: Timestamp) -> DeadlineStanding {
        if let done { return done <= due ? .onTime : .late(done.seconds - due.seconds) }
        return now <= due ? .left(due.seconds - now.seconds) : .overdue(now.seconds - due.seconds)
    }

    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// `6d 23h left`, `overdue by 2h`, `on time`, `1d 1h late`.
    public var text: Localized {
        switch self {
        case .left(let s): return Localized(en: "\(Span.text(s).en) left", zh: "剩余\(Span.text(s).zh)")
        case .overdue(let s): return Localized(en: "overdue by \(Span.text(s).en)", zh: "已超期\(Span.text(s).zh)")
        case .onTime: return Localized(en: "on time", zh: "按时")
        case .late(let s): return Localized(en: "\(Span.text(s).en) late", zh: "超期\(Span.text(s).zh)")
        }
    }
}

/// A length of time as people read it: at most two units, rounded down to minutes.
public enum Span {
    public static func text(_ seconds: Int) -> Localized {
        let m = max(0, seconds) / 60
        let d = m / 1440, h = m / 60 % 24, min = m % 60
        if d > 0 {
            return h > 0 ? Localized(en: "\(d)d \(h)h", zh: "\(d)天\(h)小时") : Localized(en: "\(d)d", zh: "\(d)天")
        }
        if h > 0 {
            return min > 0 ? Localized(en: "\(h)h \(min)m", zh: "\(h)小时\(min)分钟") : Localized(en: "\(h)h", zh: "\(h)小时")
        }
        return Localized(en: "\(min)m", zh: "\(min)分钟")
    }

    /// A policy length as typed back into `policy set`: `2h`, `24h`, `7d`, `90m`.
    public static func setting(_ seconds: Int) -> String {
        if seconds % 86400 == 0 && seconds >= 2 * 86400 { return "\(seconds / 86400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        return "\(seconds / 60)m"
    }
}

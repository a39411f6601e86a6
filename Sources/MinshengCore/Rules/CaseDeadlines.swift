/// How long a case of one urgency may wait for a response and for its resolution.
public struct DeadlineRule: Equatable, Sendable {
    public var urgency: String
    public var respond: Int
    public var resolve: Int
    /// True while the rule is the shipped default, so `policy show` can say so.
    public var isDefault: Bool
    /// Who changed it and when (nil for a default).
    public var changedBy: String?
    public var changedAt: Timestamp?

    public init(urgency: String, respond: Int, resolve: Int, isDefault: Bool = true, changedBy: String? = nil, changedAt: Timestamp? = nil) {
        self.urgency = urgency
        self.respond = respond
        self.resolve = resolve
        self.isDefault = isDefault
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}

/// The deadline policy (分级响应): one rule per urgency.
///
/// The defaults are PRODUCT.md's: urgent — respond 2 h, resolve 24 h; normal — respond
/// 24 h, resolve 7 days. Stored rules replace them one urgency at a time.
public struct CasePolicy: Equatable, Sendable {
    public var rules: [DeadlineRule]

    public static let defaults = CasePolicy(rules: [
        DeadlineRule(urgency: "urgent", respond: 2 * 3600, resolve: 24 * 3600),
        DeadlineRule(urgency: "normal", respond: 24 * 3600, resolve: 7 * 86400),
    ])

    /// The defaults with the stored rules laid over them.
    public static func with(_ stored: [DeadlineRule]) -> CasePolicy {
        var p = defaults
        for s in stored {
            if let i = p.rules.firstIndex(where: { $0.urgency == s.urgency }) { p.rules[i] = s } else { p.rules.append(s) }
        }
        return p
    }

    public func rule(_ urgency: String) -> DeadlineRule {
        rules.first { $0.urgency == urgency } ?? CasePolicy.defaults.rules[1]
    }

    /// The deadlines of a case of `urgency` received at `received`.
    public func deadlines(received: Timestamp, urgency: String) -> (respond: Timestamp, resolve: Timestamp) {
        let r = rule(urgency)
        return (received.adding(seconds: r.respond), received.adding(seconds: r.resolve))
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

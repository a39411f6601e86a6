/// A compound as the planner sees it: how many special-group households live there and
/// when it was last visited.
public struct PlanCompound: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var special: Int
    public var lastVisit: Day?

    public init(id: Int, name: String, special: Int = 0, lastVisit: Day? = nil) {
        self.id = id
        self.name = name
        self.special = special
        self.lastVisit = lastVisit
    }
}

/// A pair (结对) and the compounds its two cadres cover.
public struct PlanPair: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var cadres: [Int]
    public var compounds: [PlanCompound]

    public init(id: Int, name: String, cadres: [Int], compounds: [PlanCompound]) {
        self.id = id
        self.name = name
        self.cadres = cadres
        self.compounds = compounds
    }
}

/// Why a compound was put in a slot.
public enum PlanReason: Sendable, Equatable {
    /// It houses this many special-group households: they come first.
    case special(Int)
    case neverVisited
    case lastVisited(Day)
    /// Every compound of the pair already has a slot: a second (or later) round.
    case again
}

/// One half-day of one pair in the plan.
public struct PlanSlot: Sendable, Equatable {
    public var day: Day
    /// `am` or `pm`.
    public var half: String
    public var pair: Int
    public var compound: Int
    public var reason: PlanReason
}

/// A proposed schedule, and the walking days a pair could not be placed.
public struct VisitPlan: Sendable, Equatable {
    public var slots: [PlanSlot] = []
    /// A pair whose cadres were both busy in both halves of a walking day.
    public var missed: [(pair: Int, day: Day)] = []

    public static func == (a: VisitPlan, b: VisitPlan) -> Bool {
        a.slots == b.slots && a.missed.map { "\($0.pair)@\($0.day.ordinal)" } == b.missed.map { "\($0.pair)@\($0.day.ordinal)" }
    }
}

/// Proposes the walking office's schedule (时间落实): every pair walks one half-day on each
/// Tuesday and Thursday of the window, one of its compounds per half-day.
///
/// Deterministic: pairs in id order; each pair's compounds with special-group households
/// first (most first), then those never visited, then the longest unvisited, then by id;
/// when every compound has had a slot the round starts again. A pair takes the morning
/// unless one of its cadres is already out with another pair then, else the afternoon,
/// so no cadre is ever in two places in one half-day. A compound covered by two pairs
/// goes to the first.
public enum VisitPlanner {
    public static func order(_ compounds: [PlanCompound]) -> [PlanCompound] {
        compounds.sorted { a, b in
            if a.special != b.special { return a.special > b.special }
            switch (a.lastVisit, b.lastVisit) {
            case (nil, .some): return true
            case (.some, nil): return false
            case (.some(let x), .some(let y)) where x != y: return x < y
            default: return a.id < b.id
            }
        }
    }

    /// The half-days of `day` still ahead at `now`: on the day itself the morning is over at
    /// 12:00 and the afternoon at 17:30 (the end of the working day), so a plan made at
    /// 17:30 on a Tuesday starts on Thursday.
    public static func halves(of day: Day, now: Timestamp?) -> [String] {
        guard let now, now.day == day else { return ["am", "pm"] }
        let minute = (now.seconds - now.day.ordinal * 86400) / 60
        return minute < 12 * 60 ? ["am", "pm"] : minute < 17 * 60 + 30 ? ["pm"] : []
    }

    public static func plan(_ pairs: [PlanPair], window: DayWindow, calendar: WorkCalendar = .shipped, now: Timestamp? = nil) -> VisitPlan {
        var taken = Set<Int>()
        var queues: [(pair: PlanPair, queue: [PlanCompound])] = []
        for p in pairs.sorted(by: { $0.id < $1.id }) {
            let mine = order(p.compounds.filter { taken.insert($0.id).inserted })
            if !mine.isEmpty { queues.append((p, mine)) }
        }
        var plan = VisitPlan()
        var next = [Int](repeating: 0, count: queues.count)
        for day in WalkingDays.days(in: window, on: calendar) {
            let open = halves(of: day, now: now)
            if open.isEmpty { continue }
            var busy: [String: Set<Int>] = ["am": [], "pm": []]
            for (i, entry) in queues.enumerated() {
                guard let half = open.first(where: { busy[$0, default: []].isDisjoint(with: entry.pair.cadres) }) else {
                    plan.missed.append((entry.pair.id, day))
                    continue
                }
                busy[half, default: []].formUnion(entry.pair.cadres)
                let n = next[i]
                next[i] += 1
                let c = entry.queue[n % entry.queue.count]
                let reason: PlanReason
                if n >= entry.queue.count {
                    reason = .again
                } else if c.special > 0 {
                    reason = .special(c.special)
                } else {
                    reason = c.lastVisit.map(PlanReason.lastVisited) ?? .neverVisited
                }
                plan.slots.append(PlanSlot(day: day, half: half, pair: entry.pair.id, compound: c.id, reason: reason))
            }
        }
        return plan
    }
}

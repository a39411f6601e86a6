import Testing

@testable import MinshengCore

func day(_ s: String) -> Day { Day.parse(s) ?? Day(ordinal: 0) }

/// The walking-office plan: only Tuesday and Thursday, one half-day per pair per walking
/// day, no cadre in two places at once, special groups first, deterministic.
@Suite struct VisitPlannerTests {
    /// Cadre 1 is in two pairs and cadre 3 in two more, so the planner must split halves.
    let pairs = [
        PlanPair(
            id: 1, name: "王强+李梅", cadres: [1, 2],
            compounds: [
                PlanCompound(id: 10, name: "a", special: 0, lastVisit: day("2019-11-05")),
                PlanCompound(id: 11, name: "b", special: 2),
                PlanCompound(id: 12, name: "c", special: 0),
                PlanCompound(id: 13, name: "d", special: 1),
            ]),
        PlanPair(id: 2, name: "王强+郭涛", cadres: [1, 3], compounds: [PlanCompound(id: 20, name: "e"), PlanCompound(id: 10, name: "a")]),
        PlanPair(id: 3, name: "周敏+郭涛", cadres: [4, 3], compounds: [PlanCompound(id: 30, name: "f", special: 3)]),
        PlanPair(id: 4, name: "孙丽+何平", cadres: [5, 6], compounds: []),
    ]
    let december = DayWindow(from: day("2019-12-01"), to: day("2019-12-31"))

    @Test func onlyTuesdaysAndThursdays() {
        let plan = VisitPlanner.plan(pairs, window: december)
        #expect(!plan.slots.isEmpty)
        for s in plan.slots { #expect(s.day.weekday == 2 || s.day.weekday == 4, "\(s.day.iso) is not a Tuesday or Thursday") }
        #expect(Set(plan.slots.map(\.day)).count == 9)  // 3, 5, 10, 12, 17, 19, 24, 26, 31
    }

    @Test func noCadreIsDoubleBooked() {
        let plan = VisitPlanner.plan(pairs, window: december)
        let cadres = Dictionary(pairs.map { ($0.id, $0.cadres) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        for s in plan.slots {
            for c in cadres[s.pair] ?? [] {
                #expect(seen.insert("\(s.day.ordinal)/\(s.half)/\(c)").inserted, "cadre \(c) twice on \(s.day.iso) \(s.half)")
            }
        }
    }

    @Test func eachPairWalksOncePerWalkingDay() {
        let plan = VisitPlanner.plan(pairs, window: december)
        var perDay: [String: Int] = [:]
        for s in plan.slots { perDay["\(s.pair)@\(s.day.ordinal)", default: 0] += 1 }
        #expect(perDay.values.allSatisfy { $0 == 1 })
        // Pairs 1 and 3 go out in the morning; pair 2 shares a cadre with each, so it goes in the afternoon.
        #expect(plan.slots.filter { $0.pair == 2 }.allSatisfy { $0.half == "pm" })
        #expect(plan.slots.filter { $0.pair != 2 }.allSatisfy { $0.half == "am" })
        #expect(plan.missed.isEmpty)
    }

    @Test func specialGroupsFirstThenNeverVisitedThenOldest() {
        let plan = VisitPlanner.plan(pairs, window: december)
        let first = plan.slots.filter { $0.pair == 1 }.prefix(4).map(\.compound)
        #expect(first == [11, 13, 12, 10])
        #expect(plan.slots.filter { $0.pair == 1 }.prefix(4).map(\.reason) == [.special(2), .special(1), .neverVisited, .lastVisited(day("2019-11-05"))])
        #expect(plan.slots.filter { $0.pair == 1 }.dropFirst(4).allSatisfy { $0.reason == .again })
    }

    @Test func aCompoundCoveredByTwoPairsGoesToTheFirst() {
        let plan = VisitPlanner.plan(pairs, window: december)
        #expect(Set(plan.slots.filter { $0.pair == 2 }.map(\.compound)) == [20])
        #expect(!plan.slots.contains { $0.pair == 4 })
    }

    @Test func aPairWhoseCadresAreBusyAllDayIsReported() {
        let busy = [
            PlanPair(id: 1, name: "A", cadres: [1, 2], compounds: [PlanCompound(id: 1, name: "x")]),
            PlanPair(id: 2, name: "B", cadres: [1, 3], compounds: [PlanCompound(id: 2, name: "y")]),
            PlanPair(id: 3, name: "C", cadres: [1, 4], compounds: [PlanCompound(id: 3, name: "z")]),
        ]
        let plan = VisitPlanner.plan(busy, window: DayWindow(from: day("2019-12-03"), to: day("2019-12-03")))
        #expect(plan.slots.map(\.pair) == [1, 2])
        #expect(plan.missed.map(\.pair) == [3])
    }

    @Test func theSameInputGivesTheSamePlan() {
        #expect(VisitPlanner.plan(pairs, window: december) == VisitPlanner.plan(pairs.reversed(), window: december))
    }

    @Test func aWindowWithoutWalkingDaysPlansNothing() {
        let weekend = DayWindow(from: day("2019-12-07"), to: day("2019-12-08"))
        #expect(WalkingDays.days(in: weekend).isEmpty)
        #expect(VisitPlanner.plan(pairs, window: weekend).slots.isEmpty)
    }
}

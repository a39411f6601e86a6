extension DemoGenerator {
    /// November's walking office: every pair out one half-day each Tuesday and Thursday,
    /// through its compounds' households (special groups first), two or three units a walk,
    /// the last walk back to the special groups; requests raised on the way.
    mutating func buildVisits() throws {
        let days = WalkingDays.days(in: month)
        let walks = days.count - 1
        var queues: [[Household]] = []
        for p in pairs {
            let c = communities[p.community]
            let special = { (b: Int) in c.households.filter { $0.compound == b && HouseholdTags.isSpecial($0.tags) }.count }
            let order = p.compounds.enumerated().sorted { a, b in
                let (x, y) = (special(a.element), special(b.element))
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            queues.append(order.flatMap { b in c.households.filter { $0.compound == b } })
        }
        for (di, day) in days.enumerated() {
            var followUps: [(PairInfo, Household)] = []
            for (pi, p) in pairs.enumerated() {
                let half = (pi + di) % 2 == 0 ? "am" : "pm"
                let queue = queues[pi]
                let share = (queue.count + walks - 1) / max(walks, 1)
                let walk = di < walks ? Array(queue.dropFirst(di * share).prefix(share)) : queue.filter { HouseholdTags.isSpecial($0.tags) }
                for h in walk {
                    if rng.chance(di < walks ? 40 : 500) { continue }  // nobody at home
                    let content =
                        di < walks
                        ? rng.weighted([("contact", 50), ("survey", 25), ("needs", 20), ("mediate", 5)]) : rng.weighted([("contact", 60), ("needs", 40)])
                    let note = rng.chance(150) ? rng.pick(DemoNames.notes) : nil
                    let id = try visit(day, half, p, household: h, content: content, note: note)
                    if rng.chance(170) {
                        let start = Timestamp(day: day, hour: half == "am" ? 9 : 14)
                        pending.append(
                            PendingCase(created: start.adding(seconds: rng.within(0...10800)), source: "visit", household: h, visit: id, by: p.local.name))
                    }
                    if rng.chance(6) { followUps.append((p, h)) }
                }
                let c = communities[p.community]
                for _ in 0..<(2 + (rng.chance(150) ? 1 : 0)) {
                    let content = rng.weighted([("survey", 40), ("needs", 40), ("contact", 20)])
                    if rng.chance(550), !c.enterprises.isEmpty {
                        let e = rng.pick(c.enterprises)
                        _ = try unitVisit(day, half, p, enterprise: e.id, compound: e.compound, unit: nil, label: e.name, content: content)
                    } else {
                        _ = try unitVisit(day, half, p, enterprise: nil, compound: nil, unit: rng.pick(c.units), label: nil, content: content)
                    }
                }
            }
            // A few follow-ups the next day, by the community cadre alone (not a walking day).
            for (p, h) in followUps {
                let next = Day(ordinal: day.ordinal + 1)
                _ = try addVisit(
                    next, "pm", cadre: p.local, partner: nil, pair: nil, target: ["household_id": .integer(h.id), "compound_id": .integer(h.compound)],
                    community: communities[p.community].id, content: "mediate", note: "回访跟进", label: h.address)
            }
        }
        callsAndWalkIns(month, hotline: 36, walkIn: 10)
    }

    /// The requests that come without a visit: 12345 hotline work orders (frequent callers
    /// ring more often) and residents who walk in, taken in by each community's fourth cadre.
    mutating func callsAndWalkIns(_ window: DayWindow, hotline: Int, walkIn: Int) {
        for c in communities {
            let frequent = c.households.filter { $0.tags.contains(",frequent-caller,") }
            let clerk = c.cadres[3].name
            for n in 0..<(hotline + walkIn) {
                let isHotline = n < hotline
                let h = isHotline && !frequent.isEmpty && rng.chance(300) ? rng.pick(frequent) : rng.pick(c.households)
                let day = Day(ordinal: window.from.ordinal + rng.below(window.to.ordinal - window.from.ordinal + 1))
                let at = Timestamp(day: day, hour: isHotline ? rng.within(7...21) : rng.within(9...16), minute: rng.below(60))
                pending.append(PendingCase(created: at, source: isHotline ? "hotline" : "walk-in", household: h, visit: nil, by: clerk))
            }
        }
    }

    mutating func visit(_ day: Day, _ half: String, _ p: PairInfo, household h: Household, content: String, note: String?) throws -> Int {
        try addVisit(
            day, half, cadre: p.office, partner: p.local, pair: p.id, target: ["household_id": .integer(h.id), "compound_id": .integer(h.compound)],
            community: communities[p.community].id, content: content, note: note, label: h.address)
    }

    mutating func unitVisit(_ day: Day, _ half: String, _ p: PairInfo, enterprise: Int?, compound: Int?, unit: String?, label: String?, content: String) throws
        -> Int
    {
        var target: [String: StoreValue] = [:]
        if let enterprise { target["enterprise_id"] = .integer(enterprise) }
        if let compound { target["compound_id"] = .integer(compound) }
        if let unit { target["unit"] = .text(unit) }
        return try addVisit(
            day, half, cadre: p.office, partner: p.local, pair: p.id, target: target, community: communities[p.community].id, content: content, note: nil,
            label: label ?? unit ?? "")
    }

    /// One visit row, logged by the community cadre at the end of the half-day.
    mutating func addVisit(
        _ day: Day, _ half: String, cadre: (id: Int, name: String), partner: (id: Int, name: String)?, pair: Int?, target: [String: StoreValue],
        community: Int, content: String, note: String?, label: String
    ) throws -> Int {
        var v = target
        v["day"] = .text(day.iso)
        v["half"] = .text(half)
        v["cadre_id"] = .integer(cadre.id)
        v["partner_id"] = partner.map { .integer($0.id) } ?? .null
        v["pair_id"] = pair.map { .integer($0) } ?? .null
        v["community_id"] = .integer(community)
        v["content"] = .text(content)
        v["note"] = note.map { .text($0) } ?? .null
        let by = [cadre.name] + (partner.map { [$0.name] } ?? [])
        let at = Timestamp(day: day, hour: half == "am" ? 12 : 17, minute: 30)
        return try add(
            .visit, v, at: at, by: partner?.name ?? cadre.name, "visit.log",
            [("date", day.iso), ("half", half), ("by", by.joined(separator: ",")), ("target", label), ("content", content)])
    }
}

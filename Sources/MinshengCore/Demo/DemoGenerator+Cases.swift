extension DemoGenerator {
    /// Writes the month's cases in the order they came in, so C-1 is the first, each with
    /// the events of the steps it went through.
    mutating func writeCases() throws {
        let ordered = pending.enumerated().sorted { a, b in
            a.element.created != b.element.created ? a.element.created < b.element.created : a.offset < b.offset
        }.map(\.element)
        var orders = 0
        for c in ordered {
            let h = c.household
            let october = c.created < Timestamp(day: month.from)
            let p = DemoCases.plan(&rng, created: c.created, end: end) { category in
                standing.trouble(community: h.community, department: DemoCases.department[category], october: october)
            }
            let department = departments[DemoCases.department[p.category] ?? ""]
            var v: [String: StoreValue] = [
                "title": .text(p.title), "kind": .text(p.kind), "category": .text(p.category), "urgency": .text(p.urgency),
                "source": .text(c.source), "status": .text(p.status), "community_id": .integer(h.community), "compound_id": .integer(h.compound),
                "household_id": .integer(h.id), "address": .text(h.address), "resident": .text(h.head), "phone": h.phone.map { .text($0) } ?? .null,
                "visit_id": c.visit.map { .integer($0) } ?? .null,
                "department_id": p.dispatched != nil ? department.map { .integer($0) } ?? .null : .null,
                "respond_due": .text(p.respondDue.storage), "resolve_due": .text(p.resolveDue.storage),
                "responded_at": p.responded.map { .text($0.storage) } ?? .null, "resolved_at": p.resolved.map { .text($0.storage) } ?? .null,
                "closed_at": p.closed.map { .text($0.storage) } ?? .null, "satisfaction": p.satisfaction.map { .text($0) } ?? .null,
                "updated_at": .text(p.updated.storage), "reopen_count": .integer(p.reopened == nil ? 0 : 1),
                "outcome": p.outcome.map { .text($0) } ?? .null, "outcome_reason": p.outcomeReason.map { .text($0) } ?? .null,
                // The household's special groups at intake, as `case new` keeps them.
                "special_groups": .text(SpecialGroups.of(h.tags).joined(separator: ",")),
            ]
            if c.source == "hotline" {
                orders += 1
                v["work_order"] = .text("GD\(subdistrict.map { "\($0.id)-" } ?? "")\(c.created.day.iso.filter { $0 != "-" })\(pad(orders, 5))")
            }
            let id = try add(.case, v, at: c.created, by: c.by, "case.new", [("title", p.title), ("category", p.category), ("source", c.source)])
            func step(_ at: Timestamp?, _ action: String, _ details: [(String, String)]) throws {
                guard let at else { return }
                try store.append(Event(at: at, actor: c.by, command: command, action: action, kind: .case, recordID: id, details: details))
            }
            try step(p.responded, "case.respond", [])
            let community = communities.first { $0.id == h.community }?.name ?? ""
            try step(p.dispatched, "case.dispatch", [("dept", DemoCases.department[p.category] ?? ""), ("community", community)])
            try step(p.resolved ?? p.reopened?.resolvedBefore, "case.resolve", [])
            if p.outcome == "resolved" { try step(p.closed, "case.callback", [("result", p.satisfaction ?? "")]) }
            try step(p.reopened?.at, "case.callback", [("result", "unsatisfied"), ("reopened", "1"), ("resolve-due", p.resolveDue.storage)])
            try step(p.closed, "case.close", [("outcome", p.outcome ?? "")] + (p.outcomeReason.map { [("reason", $0)] } ?? []))
        }
    }
}

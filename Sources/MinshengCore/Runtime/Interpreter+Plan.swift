/// `visit plan from=… to=… [community=…]`: the walking office's schedule, proposed from
/// pairs and assignments by `VisitPlanner`. It prints; nothing is stored.
extension Interpreter {
    func planVisits(_ inv: Invocation) throws -> [Output] {
        let window = try dayWindow(inv)
        let calendar = try workCalendar()
        guard !WalkingDays.days(in: window, on: calendar).isEmpty else {
            throw ScriptError.validation(
                "no working Tuesday or Thursday between \(window.from.iso) and \(window.to.iso)", "\(window.from.iso) 至 \(window.to.iso) 之间没有上班的周二或周四",
                at: inv["to"]?.location,
                hint: Localized(
                    en: "the walking office goes out on Tuesday and Thursday half-days that are working days (calendar show)",
                    zh: "走访日为上班日的周二、周四半天（calendar show 查看节假日）"))
        }
        if WalkingDays.days(in: window, on: calendar).allSatisfy({ VisitPlanner.halves(of: $0, now: session.now).isEmpty }) {
            throw ScriptError.validation(
                "the walking half-days between \(window.from.iso) and \(window.to.iso) are over (it is \(session.now.display))",
                "\(window.from.iso) 至 \(window.to.iso) 的走访半天已经过去（现在是 \(session.now.display)）",
                at: inv["to"]?.location, hint: Localized(en: "plan from the next walking day: from=… to=…", zh: "请从下一个走访日排起：从=… 到=…"))
        }
        let community = try optionalRef(.community, inv, "community")
        let filter: [String: StoreValue] = community.map { ["community_id": .integer($0)] } ?? [:]
        let pairs = try store.select(.pair, matching: filter, orderBy: []).filter { $0.text("ended_at") == nil }
        guard !pairs.isEmpty else {
            throw ScriptError.runtime(
                "no pairs to plan for", "没有可排计划的结对", at: inv["community"]?.location ?? inv.location,
                hint: Localized(en: "pair an office cadre with a community cadre: pair A B", zh: "先结对：pair 机关干部 社区干部"))
        }
        let compounds = try store.select(.compound, matching: filter, orderBy: [])
        let facts = try orgStore.compoundFacts(community: community, specialTags: HouseholdTags.special, before: window.from)
        var byCadre: [Int: [Int]] = [:]
        for a in try store.select(.assignment, matching: filter, orderBy: []) where a.text("ended_at") == nil {
            if let c = a.int("cadre_id"), let b = a.int("compound_id") { byCadre[c, default: []].append(b) }
        }
        let info = Dictionary(compounds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let planPairs = pairs.map { p -> PlanPair in
            let cadres = [p.int("office_id"), p.int("community_cadre_id")].compactMap { $0 }
            var ids: [Int] = []
            for c in cadres { for b in byCadre[c] ?? [] where !ids.contains(b) { ids.append(b) } }
            let own = ids.filter { b in p.int("community_id").map { info[b]?.int("community_id") == $0 } ?? true }
            return PlanPair(
                id: p.id, name: p.text("name") ?? "", cadres: cadres,
                compounds: own.map {
                    PlanCompound(id: $0, name: info[$0]?.text("name") ?? "", special: facts[$0]?.special ?? 0, lastVisit: facts[$0]?.lastVisit)
                })
        }
        let plan = VisitPlanner.plan(planPairs, window: window, calendar: calendar, now: session.now)
        let pairNames = Dictionary(planPairs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let columns = [
            column("date", "日期"), column("day", "星期"), FieldSpec("half", ["时段"], .choice(.half), label: Localized(en: "half", zh: "时段")),
            column("pair", "结对"), column("compound", "楼院"), column("why", "理由"),
        ]
        let rows: [[StoreValue]] = plan.slots.map { s in
            [
                .text(s.day.iso), .text(shortWeekday(s.day)), .text(s.half), .text(pairNames[s.pair] ?? ""), .text(info[s.compound]?.text("name") ?? ""),
                .text(reason(s.reason)),
            ]
        }
        var out: [Output] = [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
        guard session.format == .table || session.format == .markdown || session.format == .line else { return out }
        let planned = Set(plan.slots.map(\.compound))
        out.append(
            .text(
                lang == .zh
                    ? "共 \(plan.slots.count) 个半天，\(planPairs.filter { !$0.compounds.isEmpty }.count) 个结对，覆盖楼院 \(planned.count) 个"
                    : "\(counted(plan.slots.count, "half-day")) for \(counted(planPairs.filter { !$0.compounds.isEmpty }.count, "pair")) over \(counted(planned.count, "compound"))"
            ))
        let covered = Set(planPairs.flatMap { $0.compounds.map(\.id) })
        let waiting = covered.subtracting(planned).count
        if waiting > 0 {
            out.append(
                .text(
                    lang == .zh
                        ? "另有 \(waiting) 个楼院本期排不下，顺延到下一期"
                        : "\(waiting) more \(waiting == 1 ? "compound does" : "compounds do") not fit in this window and \(waiting == 1 ? "waits" : "wait") for the next"
                ))
        }
        let orphans = compounds.filter { !covered.contains($0.id) }.map { "B-\($0.id) \($0.text("name") ?? "")" }
        if !orphans.isEmpty {
            out.append(
                .text(
                    lang == .zh
                        ? "不在任何结对计划中的楼院（\(orphans.count) 个，请包片）：\(orphans.joined(separator: "、"))"
                        : "compounds in no pair's plan (\(orphans.count); assign a cadre): \(orphans.joined(separator: ", "))"))
        }
        for m in plan.missed {
            out.append(
                VisitPlanner.halves(of: m.day, now: session.now).count == 2
                    ? .text(
                        lang == .zh
                            ? "\(m.day.iso) \(pairNames[m.pair] ?? "") 未能排入：两名干部上下午均已有安排"
                            : "\(m.day.iso): \(pairNames[m.pair] ?? "") could not be placed: its cadres are out with other pairs both halves")
                    : .text(
                        lang == .zh
                            ? "\(m.day.iso) \(pairNames[m.pair] ?? "") 未能排入：干部下午已有安排（上午已过）"
                            : "\(m.day.iso): \(pairNames[m.pair] ?? "") could not be placed: its cadres are out with other pairs in the afternoon (the morning is over)"))
        }
        return out
    }

    func column(_ en: String, _ zh: String, _ type: FieldType = .text) -> FieldSpec {
        FieldSpec(en, [zh], type, label: Localized(en: en, zh: zh), column: nil)
    }

    func shortWeekday(_ d: Day) -> String {
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return (lang == .zh ? zh : en)[d.weekday - 1]
    }

    func reason(_ r: PlanReason) -> String {
        switch r {
        case .special(let n): return lang == .zh ? "特殊群体 \(n) 户" : "\(n) special-group \(n == 1 ? "household" : "households")"
        case .neverVisited: return lang == .zh ? "从未走访" : "never visited"
        case .lastVisited(let d): return lang == .zh ? "上次走访 \(d.iso)" : "last visited \(d.iso)"
        case .again: return lang == .zh ? "再次走访" : "next round"
        }
    }

    /// `from=` and `to=` as a window; both required by the command, `to` not before `from`.
    func dayWindow(_ inv: Invocation) throws -> DayWindow {
        guard case .day(let from)? = inv["from"]?.value, case .day(let to)? = inv["to"]?.value else {
            throw ScriptError.validation("give both from= and to=", "请同时给出 from= 和 to=", at: (inv["from"] ?? inv["to"])?.location ?? inv.location)
        }
        guard from <= to else {
            throw ScriptError.validation("to= (\(to.iso)) is before from= (\(from.iso))", "to=（\(to.iso)）早于 from=（\(from.iso)）", at: inv["to"]?.location)
        }
        guard to.ordinal - from.ordinal <= 366 else {
            throw ScriptError.validation("a window is at most a year", "时间范围最长一年", at: inv["to"]?.location)
        }
        return DayWindow(from: from, to: to)
    }
}

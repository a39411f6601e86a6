extension Interpreter {
    /// `case show C-1`: the header (what, where, who, links, dispatch, deadlines against the
    /// clock in force) and the timeline of every step with who and when.
    func caseShow(_ inv: Invocation) throws -> [Output] {
        let c = try loadCase(inv)
        guard session.format.isProse else { return try caseDocument(c) }
        let now = session.now
        var rows: [(Localized, String)] = []
        func add(_ en: String, _ zh: String, _ value: String) { rows.append((Localized(en: en, zh: zh), value)) }
        let zh = lang == .zh
        var status = [c.status.label.text(lang)]
        if let n = c.int("reopen_count"), n > 0 { status.append(zh ? "重办 \(n) 次" : "reopened \(times(n))") }
        if let n = c.int("return_count"), n > 0 { status.append(zh ? "退单 \(n) 次" : "returned \(times(n))") }
        add("status", "状态", status.joined(separator: " · "))
        var kind = [label(.caseKind, c.text("kind")), c.text("category"), label(.urgency, c.urgency)].compactMap { $0 }
        kind.append((zh ? "来源 " : "from ") + (label(.caseSource, c.text("source")) ?? ""))
        if let wo = c.text("work_order") { kind.append((zh ? "工单 " : "work order ") + wo) }
        add("kind", "类型", kind.joined(separator: " · "))
        if let d = c.text("description") { add("detail", "详情", d) }
        var place: [String] = []
        if let n = c.int("community_id") { place.append(try communityName(n)) }
        if let n = c.int("compound_id") { place.append(try store.select(.compound, matching: ["id": .integer(n)], orderBy: []).first?.text("name") ?? "") }
        if let a = c.text("address") { place.append(a + (c.int("household_id").map { " (\(RecordKind.household.id($0)))" } ?? "")) }
        if !place.isEmpty { add("place", "地点", place.joined(separator: " / ")) }
        let phone = c.text("phone").map { session.reveal ? $0 : PhoneMask.mask($0) }
        let resident = [c.text("resident"), phone].compactMap { $0 }
        if !resident.isEmpty { add("resident", "诉求人", resident.joined(separator: " ")) }
        let groups = try caseGroups(c)
        if !groups.isEmpty { add("groups", "特殊群体", groups.map { SpecialGroups.label($0).text(lang) }.joined(separator: zh ? "、" : ", ")) }
        let links = try caseLinks(c)
        if !links.isEmpty { add("links", "关联", links.joined(separator: " · ")) }
        if let d = try activeDispatch(c) { add("dispatch", "派单", d) }
        add(
            "respond", "响应",
            deadlineLine(c.respondDue, done: c.time("responded_at"), standing: c.respondStanding(now: now), doneWord: Localized(en: "responded", zh: "已响应")))
        // A deadline in working days also says how many working days are left.
        let policy = try casePolicy()
        var workingLeft: Int?
        if case .workingDays = policy.rule(c.urgency).resolve, case .left? = c.resolveStanding(now: now) {
            workingLeft = policy.calendar.workingDaysLeft(due: c.resolveDue, now: now)
        }
        add(
            "resolve", "办结",
            deadlineLine(
                c.resolveDue, done: c.time("resolved_at"), standing: c.resolveStanding(now: now), doneWord: Localized(en: "resolved", zh: "已办结"),
                notRecorded: false, workingLeft: workingLeft))
        if let s = c.satisfaction { add("callback", "回访", s.label.text(lang)) }
        if c.status == .closed, let o = c.text("outcome").flatMap(CaseOutcome.init(rawValue:)) {
            var parts = [o.label.text(lang), c.time("closed_at")?.display ?? ""]
            if let r = c.text("outcome_reason") { parts.append(r) }
            add("outcome", "结案", parts.joined(separator: " · "))
        }
        let width = rows.map { DisplayWidth.of($0.0.text(lang)) }.max() ?? 0
        var lines = ["\(c.display) \(c.title)"]
        lines += rows.map { "  " + DisplayWidth.pad($0.0.text(lang), to: width) + "  " + $0.1.oneLine }
        lines.append(zh ? "办理过程" : "timeline")
        lines += try timeline(c)
        return [.text(masked(lines.joined(separator: "\n")))]
    }

    func times(_ n: Int) -> String { n == 1 ? "once" : "\(n) times" }

    func label(_ set: ChoiceSet, _ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return set.resolve(value)?.label.text(lang) ?? value
    }

    /// `due 2019-12-10 09:00 · 6d 23h left`, or `… · resolved 2019-12-05 10:00 · on time`.
    func deadlineLine(
        _ due: Timestamp, done: Timestamp?, standing: DeadlineStanding?, doneWord: Localized, notRecorded: Bool = true, workingLeft: Int? = nil
    ) -> String {
        var parts = [(lang == .zh ? "期限 " : "due ") + due.display]
        if let done { parts.append(doneWord.text(lang) + " " + done.display) }
        if let standing {
            parts.append(standing.text.text(lang))
            if let n = workingLeft {
                parts.append(lang == .zh ? "剩余\(n)个工作日" : n == 1 ? "1 working day left" : "\(n) working days left")
            }
        } else if done == nil && notRecorded {
            parts.append(lang == .zh ? "未记录" : "not recorded")
        }
        return parts.joined(separator: " · ")
    }

    /// The household's special groups as they are now; the snapshot taken at intake when
    /// the case names no household (imported work orders).
    func caseGroups(_ c: CaseRecord) throws -> [String] {
        if let h = c.int("household_id"), let row = try store.select(.household, matching: ["id": .integer(h)], orderBy: []).first {
            return SpecialGroups.of(row.text("tags") ?? "")
        }
        return SpecialGroups.of(c.text("special_groups") ?? "")
    }

    func caseLinks(_ c: CaseRecord) throws -> [String] {
        let zh = lang == .zh
        var links: [String] = []
        if let v = c.int("visit_id") { links.append((zh ? "走访 " : "visit ") + "V-\(v)") }
        if let i = c.int("item_id") { links.append((zh ? "议题 " : "meeting item ") + "I-\(i)") }
        if let d = c.int("duplicate_of") { links.append((zh ? "重复于 " : "duplicate of ") + RecordKind.case.id(d)) }
        let dups = try store.select(.case, matching: ["duplicate_of": .integer(c.id)], orderBy: []).map { RecordKind.case.id($0.id) }
        if !dups.isEmpty { links.append((zh ? "重复诉求 " : "duplicates ") + dups.joined(separator: ", ")) }
        return links
    }

    /// The departments and community the case is with now, or nil when it is with none.
    func activeDispatch(_ c: CaseRecord) throws -> String? {
        let rows = try store.select(.caseDispatch, matching: ["case_id": .integer(c.id), "returned_at": .null], orderBy: [])
        guard let first = rows.first else { return nil }
        let names = try rows.map { try departmentName($0.int("department_id") ?? 0) }
        let lead = try rows.first { $0.int("is_lead") == 1 }.map { try departmentName($0.int("department_id") ?? 0) }
        let community = try communityName(first.int("community_id") ?? 0)
        return dispatchSummary(names: names, lead: lead, community: community, supervisor: c.text("supervisor_name")).text(lang)
    }
}

extension String {
    /// The text on one line, for a header or timeline that aligns by lines.
    var oneLine: String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }
}

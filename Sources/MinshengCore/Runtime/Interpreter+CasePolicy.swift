extension Interpreter {
    /// The deadline policy in force: the defaults with the stored rules laid over them, on
    /// the working calendar in force. Given `urgency`, the calendar is read only when that
    /// urgency's rule counts working days (a case's intake needs no more).
    func casePolicy(for urgency: String? = nil) throws -> CasePolicy {
        let rows = try store.select(.casePolicy, matching: [:], orderBy: [])
        var policy = CasePolicy.with(
            rows.map { r in
                func length(_ name: String) -> DeadlineLength {
                    r.int("\(name)_working_days").map(DeadlineLength.workingDays) ?? .seconds(r.int("\(name)_seconds") ?? 0)
                }
                return DeadlineRule(
                    urgency: r.text("urgency") ?? "", respond: length("respond"), resolve: length("resolve"),
                    isDefault: false, changedBy: r.text("updated_by"), changedAt: r.text("updated_at").flatMap(Timestamp.parse))
            })
        if let urgency, !policy.rule(urgency).countsWorkingDays { return policy }
        policy.calendar = try workCalendar()
        return policy
    }

    /// The working calendar in force: the shipped holidays, the days set in this database
    /// over them, and the working day's end if one is set.
    func workCalendar() throws -> WorkCalendar {
        var overrides: [Int: CalendarMark] = [:]
        for r in try store.select(.calendarDay, matching: [:], orderBy: []) {
            guard let day = r.text("day").flatMap(Day.parse), let kind = r.text("kind").flatMap(CalendarDayKind.init(rawValue:)) else { continue }
            overrides[day.ordinal] = CalendarMark(kind: kind, name: Localized(r.text("reason") ?? ""), setBy: r.text("updated_by"))
        }
        let end = try store.select(.policySetting, matching: ["name": .text("workday-end")], orderBy: []).first?.text("value")
        return WorkCalendar(overrides: overrides, dayEnd: end.flatMap(Self.clockTime))
    }

    /// `17:30` as seconds after midnight.
    static func clockTime(_ s: String) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        return h * 3600 + m * 60
    }

    static func clockText(_ seconds: Int) -> String { "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))" }

    /// `policy show`: one row per urgency, where each default comes from; then the working day.
    func policyShow(_ inv: Invocation) throws -> [Output] {
        let policy = try casePolicy()
        func col(_ name: String, _ zh: String, _ type: FieldType = .text) -> FieldSpec {
            FieldSpec(name, [], type, label: Localized(en: name, zh: zh), column: nil)
        }
        let columns = [
            col("urgency", "紧急程度", .choice(.urgency)), col("respond", "响应时限"), col("resolve", "办结时限"), col("basis", "依据"), col("set-by", "设置"),
        ]
        let practice = Localized(en: "12345 practice", zh: "12345 惯例"), ours = Localized(en: "our default", zh: "本系统默认")
        let rows: [[StoreValue]] = policy.rules.map { r in
            var basis = ""
            if r.isDefault, let b = r.basis {
                basis =
                    b.respond == b.resolve
                    ? (b.resolve == .practice ? practice : ours).text(lang)
                    : lang == .zh
                        ? "响应：\((b.respond == .practice ? practice : ours).zh)；办结：\((b.resolve == .practice ? practice : ours).zh)"
                        : "respond: \((b.respond == .practice ? practice : ours).en); resolve: \((b.resolve == .practice ? practice : ours).en)"
            }
            let who =
                r.isDefault
                ? (lang == .zh ? "默认" : "default")
                : "\(r.changedBy ?? "") \(r.changedAt?.display ?? "")"
            return [.text(r.urgency), .text(r.respond.setting), .text(r.resolve.setting), .text(basis), .text(who)]
        }
        let end = policy.calendar.dayEnd.map(Self.clockText)
        let set = policy.calendar.overrides.count
        let years = "\(ChinaHolidays.years.lowerBound)–\(ChinaHolidays.years.upperBound)"
        let notes = Localized(
            en: "working days (wd): Monday to Friday but the public holidays of \(years), plus the make-up working days"
                + (set > 0 ? "; \(set) day\(set == 1 ? "" : "s") set in this database" : "") + " (calendar show)\n"
                + "a working day ends at \(end ?? "24:00")" + (end == nil ? " (policy set workday-end=17:30 to change)" : ""),
            zh: "工作日：周一至周五，除\(years)年法定节假日，另加调休上班日" + (set > 0 ? "；本库另设 \(set) 天" : "") + "（日历 查看）\n"
                + "工作日结束于 \(end ?? "24:00")" + (end == nil ? "（可用 时限 设置 下班时间=17:30 修改）" : ""))
        return [.table(ResultSet(columns: columns, rows: rows), kind: nil), .text(notes.text(lang))]
    }

    /// `policy set urgency=urgent respond=2h resolve=24h` or `policy set workday-end=17:30`:
    /// new cases take the new deadlines; those already taken in keep theirs.
    func policySet(_ inv: Invocation) throws -> [Output] {
        if let b = inv["workday-end"] {
            guard inv["urgency"] == nil && inv["respond"] == nil && inv["resolve"] == nil else {
                throw ScriptError.validation(
                    "workday-end= is set on its own", "workday-end= 需单独设置", at: b.location,
                    hint: Localized(en: "policy set workday-end=17:30, then policy set urgency=…", zh: "先 policy set workday-end=17:30，再 policy set urgency=…"))
            }
            return try setWorkdayEnd(inv, b)
        }
        guard let urgency = inv.text("urgency") else {
            throw ScriptError.validation(
                "'policy set' needs urgency= (with respond= or resolve=) or workday-end=", "'policy set' 需要 urgency=（及 respond= 或 resolve=）或 workday-end=",
                at: inv.location, hint: Localized(en: "e.g. policy set urgency=complex resolve=15wd", zh: "例如 policy set urgency=complex resolve=15wd"))
        }
        guard inv["respond"] != nil || inv["resolve"] != nil else {
            throw ScriptError.validation(
                "'policy set' needs respond= or resolve=", "'policy set' 需要 respond= 或 resolve=", at: inv.location,
                hint: Localized(en: "e.g. policy set urgency=urgent respond=2h resolve=24h", zh: "例如 policy set urgency=urgent respond=2h resolve=24h"))
        }
        var rule = try casePolicy().rule(urgency)
        for name in ["respond", "resolve"] {
            guard let b = inv[name], case .duration(let d) = b.value else { continue }
            guard d.isPositive else {
                throw ScriptError.validation("\(name)= must be longer than zero", "\(name)= 必须大于零", at: b.location)
            }
            if name == "respond" { rule.respond = d } else { rule.resolve = d }
        }
        guard !rule.respond.exceeds(rule.resolve) else {
            throw ScriptError.validation(
                "the response time (\(rule.respond.setting)) cannot be longer than the resolve time (\(rule.resolve.setting))",
                "响应时限（\(rule.respond.setting)）不能长于办结时限（\(rule.resolve.setting)）", at: (inv["respond"] ?? inv["resolve"])?.location)
        }
        let now = session.now
        func columns(_ name: String, _ length: DeadlineLength) -> [String: StoreValue] {
            switch length {
            case .seconds(let s): return ["\(name)_seconds": .integer(s), "\(name)_working_days": .null]
            // The seconds column keeps a calendar-day reading for a reader that knows no working days.
            case .workingDays(let n): return ["\(name)_seconds": .integer(n * 86400), "\(name)_working_days": .integer(n)]
            }
        }
        var values: [String: StoreValue] = ["urgency": .text(urgency), "updated_at": .text(now.storage), "updated_by": .text(session.actor)]
        values.merge(columns("respond", rule.respond)) { a, _ in a }
        values.merge(columns("resolve", rule.resolve)) { a, _ in a }
        if let existing = try store.select(.casePolicy, matching: ["urgency": .text(urgency)], orderBy: []).first {
            try store.update(.casePolicy, id: existing.id, values)
        } else {
            _ = try store.insert(.casePolicy, values)
        }
        try log(inv, "policy.set", nil, nil, [("urgency", urgency), ("respond", rule.respond.setting), ("resolve", rule.resolve.setting)])
        let u = ChoiceSet.urgency.resolve(urgency)?.label ?? Localized(urgency)
        return [
            .text(
                lang == .zh
                    ? "\(u.zh)诉求：响应 \(rule.respond.text.zh)，办结 \(rule.resolve.text.zh)（对此后受理的诉求生效，已有诉求的期限不变）"
                    : "\(u.en) cases: respond in \(rule.respond.text.en), resolve in \(rule.resolve.text.en) (for cases taken in from now on; existing deadlines stay)"
            )
        ]
    }

    /// `policy set workday-end=17:30` (or `none`): when a working day ends, for deadlines in
    /// working days (a case received after it counts from the next day).
    private func setWorkdayEnd(_ inv: Invocation, _ b: BoundValue) throws -> [Output] {
        let raw = b.value.display.trimmingWhitespace()
        let unset = ["none", "off", "无", "不设"].contains(raw.lowercased())
        guard unset || Self.clockTime(raw) != nil else {
            throw ScriptError.validation(
                "workday-end= is a time of day like 17:30, not '\(raw)'", "workday-end= 应是时刻，如 17:30，而不是 '\(raw)'", at: b.location,
                hint: Localized(en: "none: a working day ends at 24:00", zh: "none 表示工作日到 24 点结束"))
        }
        let existing = try store.select(.policySetting, matching: ["name": .text("workday-end")], orderBy: []).first
        if unset {
            if let existing {
                try store.update(
                    .policySetting, id: existing.id, ["value": .text(""), "updated_at": .text(session.now.storage), "updated_by": .text(session.actor)])
            }
        } else {
            let values: [String: StoreValue] = [
                "name": .text("workday-end"), "value": .text(raw), "updated_at": .text(session.now.storage), "updated_by": .text(session.actor),
            ]
            if let existing { try store.update(.policySetting, id: existing.id, values) } else { _ = try store.insert(.policySetting, values) }
        }
        try log(inv, "policy.set", nil, nil, [("workday-end", unset ? "24:00" : raw)])
        let end = unset ? "24:00" : raw
        return [
            .text(
                lang == .zh
                    ? "工作日结束于 \(end)：此后受理的诉求，按工作日计的期限在第 N 个工作日的 \(end) 到期\(unset ? "" : "，\(end) 以后受理的按次日受理计")；已有期限不变"
                    : "a working day ends at \(end): deadlines in working days of cases taken in from now on fall due at \(end) of working day N"
                        + (unset ? "" : ", and a case received after \(end) counts from the next day") + "; existing deadlines stay")
        ]
    }

    /// A case's deadlines again from its receipt under `urgency` and `policy`: the columns
    /// and log details of those that change. A response already given keeps its deadline,
    /// and so does a case reopened after a callback (its deadline runs from the reopening)
    /// or closed. Nil for a case with no receipt time.
    func deadlineChange(_ c: CaseRecord, urgency: String, policy: CasePolicy)
        -> (values: [String: StoreValue], details: [(String, String)], due: (respond: Timestamp, resolve: Timestamp))?
    {
        guard let received = c.time("created_at") else { return nil }
        let due = policy.deadlines(received: received, urgency: urgency)
        var values: [String: StoreValue] = [:]
        var details: [(String, String)] = []
        if c.time("responded_at") == nil, let old = c.text("respond_due"), old != due.respond.storage {
            values["respond_due"] = .text(due.respond.storage)
            details += [("respond-due-was", old), ("respond-due", due.respond.storage)]
        }
        if (c.row.int("reopen_count") ?? 0) == 0 && c.status != .closed, let old = c.text("resolve_due"), old != due.resolve.storage {
            values["resolve_due"] = .text(due.resolve.storage)
            details += [("resolve-due-was", old), ("resolve-due", due.resolve.storage)]
        }
        return (values, details, due)
    }

    /// `policy recompute reason=…`: the deadlines of every case not yet resolved or closed,
    /// again from its receipt, under the policy and calendar in force now; each change is
    /// logged with the old and new deadline and the reason. A case reopened after a callback
    /// keeps its resolve deadline (it runs from the reopening), and one already responded to
    /// keeps its response deadline (it was met or missed under the old one).
    func policyRecompute(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let policy = try casePolicy()
        var q = Query(kind: .case)
        if let status = RecordSchema.case.field("status") {
            q.predicate = .not(.inList(status, [.text(CaseStatus.resolved.rawValue), .text(CaseStatus.closed.rawValue)]))
        }
        var open: [CaseRecord] = []
        try store.scan(q, now: session.now) { open.append(CaseRecord($0)) }
        var changed = 0
        for c in open {
            guard let change = deadlineChange(c, urgency: c.urgency, policy: policy), !change.values.isEmpty else { continue }
            try store.update(.case, id: c.id, change.values)
            try log(inv, "case.deadlines", .case, c.id, [("reason", reason)] + change.details)
            changed += 1
        }
        return [
            .text(
                lang == .zh
                    ? "已重算 \(open.count) 件未结诉求的期限：\(changed) 件有变化（每件记入日志，原因：\(reason)）"
                    : "recomputed the deadlines of \(open.count) open case\(open.count == 1 ? "" : "s"): \(changed) changed (each logged, reason: \(reason))")
        ]
    }
}

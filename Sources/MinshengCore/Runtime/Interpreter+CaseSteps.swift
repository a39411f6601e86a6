/// What one lifecycle step changes besides the status, and what it says about it.
struct StepChange {
    var values: [String: StoreValue] = [:]
    var details: [(String, String)] = []
    /// Said after the transition, e.g. `on time` or a new deadline.
    var remark: Localized?
}

extension Interpreter {
    /// Runs one step: checks it against the lifecycle, applies `change`, logs it with the
    /// operator and the clock, and says `C-1 received → responded · 李梅 · 2019-12-03 09:30`.
    func runStep(_ inv: Invocation, _ step: CaseStep, _ change: (CaseRecord, Timestamp) throws -> StepChange) throws -> [Output] {
        let c = try loadCase(inv)
        let now = session.now
        guard now >= c.created else {
            throw ScriptError.runtime(
                "the clock (\(now.display)) is before \(c.display) was received (\(c.created.display))",
                "当前时钟（\(now.display)）早于 \(c.display) 的受理时间（\(c.created.display)）", at: inv.location,
                hint: Localized(en: "set now=… to the time of the step", zh: "请用 set now=… 设为该步骤的时间"))
        }
        // A step is never dated before the one before it: on-time rates cannot be bought by
        // moving the clock back.
        if let last = c.lastStep, now < last {
            throw ScriptError.runtime(
                "out of order: \(c.display)'s last step was at \(last.display), and the clock is \(now.display)",
                "顺序错误：\(c.display) 的上一步在 \(last.display)，当前时钟却是 \(now.display)", at: inv.location,
                hint: Localized(en: "set now=… to the time of the step, after \(last.display)", zh: "请用 set now=… 设为该步骤的时间（须晚于 \(last.display)）"))
        }
        let next: CaseStatus
        switch CaseLifecycle.next(c.state, step) {
        case .success(let s): next = s
        case .failure(let e): throw ScriptError(.runtime, e.message(c.display), at: inv.location)
        }
        var ch = try change(c, now)
        let by = inv.text("by") ?? session.actor
        ch.values["status"] = .text(next.rawValue)
        ch.values["updated_at"] = .text(now.storage)
        if let note = inv.text("note") ?? inv.text("reason") {
            ch.values["last_note"] = .text(note)
            ch.details.append((inv["note"] != nil ? "note" : "reason", note))
        }
        try store.update(.case, id: c.id, ch.values)
        try log(inv, "case.\(step.verb)", .case, c.id, [("by", by)] + ch.details + [("status", next.rawValue)])
        let from = c.status.label.text(lang), to = next.label.text(lang)
        let verb = stepLabel(step.verb)
        let same = lang == .zh ? "\(c.display) \(to)（\(verb)）" : "\(c.display) \(to) (\(verb))"
        let what = c.status == next ? same : "\(c.display) \(from) → \(to)"
        var parts = [what, by, now.display]
        if let r = ch.remark { parts.append(r.text(lang)) }
        return [.text(parts.joined(separator: " · "))]
    }

    func caseRespond(_ inv: Invocation) throws -> [Output] {
        try runStep(inv, .respond) { c, now in
            StepChange(values: ["responded_at": .text(now.storage)], remark: DeadlineStanding.of(due: c.respondDue, done: now, now: now).text)
        }
    }

    func caseVerify(_ inv: Invocation) throws -> [Output] {
        try runStep(inv, .verify) { _, now in StepChange(values: ["verified_at": .text(now.storage)]) }
    }

    /// `case report C-1 to=张书记`: the leader is kept by name; a cadre of that name is noted.
    func caseReport(_ inv: Invocation) throws -> [Output] {
        let to = inv.text("to")?.trimmingWhitespace() ?? ""
        guard !to.isEmpty else { throw ScriptError.validation("to= needs a leader's name", "to= 需要领导姓名", at: inv["to"]?.location) }
        let cadre = try store.lookup(.cadre, name: to).map { try kept(.cadre, $0) }
        return try runStep(inv, .report) { _, now in
            var ch = StepChange(values: ["reported_at": .text(now.storage), "reported_to": .text(to)], details: [("to", to)])
            if let g = cadre { ch.details.append(("cadre", RecordKind.cadre.id(g))) }
            ch.remark = Localized(en: "reported to \(to)", zh: "已报告\(to)")
            return ch
        }
    }

    func caseProgress(_ inv: Invocation) throws -> [Output] {
        try runStep(inv, .progress) { c, now in
            StepChange(remark: DeadlineStanding.of(due: c.resolveDue, done: nil, now: now).text)
        }
    }

    func caseResolve(_ inv: Invocation) throws -> [Output] {
        try runStep(inv, .resolve) { c, now in
            StepChange(values: ["resolved_at": .text(now.storage)], remark: DeadlineStanding.of(due: c.resolveDue, done: now, now: now).text)
        }
    }

    /// `case return C-1 reason=…` (退单): the departments give the case back; it waits to be
    /// dispatched again and belongs to no department meanwhile.
    func caseReturn(_ inv: Invocation) throws -> [Output] {
        let reason = inv.text("reason")?.trimmingWhitespace() ?? ""
        guard !reason.isEmpty else { throw ScriptError.validation("a return needs a reason", "退单必须说明原因", at: inv["reason"]?.location) }
        return try runStep(inv, .return) { c, now in
            let active = try store.select(.caseDispatch, matching: ["case_id": .integer(c.id), "returned_at": .null], orderBy: [])
            for d in active {
                try store.update(.caseDispatch, id: d.id, ["returned_at": .text(now.storage), "return_reason": .text(reason)])
            }
            return StepChange(
                values: [
                    "department_id": .null, "lead_department_id": .null, "return_count": .integer((c.int("return_count") ?? 0) + 1),
                ], remark: Localized(en: "to be dispatched again", zh: "待重新派单"))
        }
    }

    /// `case callback C-1 result=…`: satisfied or basic lets the case close; unsatisfied
    /// reopens it with a fresh resolve deadline from the policy.
    func caseCallback(_ inv: Invocation) throws -> [Output] {
        guard let result = inv.text("result").flatMap(CallbackResult.init(rawValue:)) else { return [] }
        let policy = try casePolicy()
        return try runStep(inv, .callback(result)) { c, now in
            var ch = StepChange(values: ["satisfaction": .text(result.rawValue)], details: [("result", result.rawValue)])
            guard result == .unsatisfied else {
                ch.remark = result.label
                return ch
            }
            let reopened = (c.int("reopen_count") ?? 0) + 1
            let due = policy.deadlines(received: now, urgency: c.urgency).resolve
            ch.values["reopen_count"] = .integer(reopened)
            ch.values["resolved_at"] = .null
            ch.values["resolve_due"] = .text(due.storage)
            ch.details += [("reopened", String(reopened)), ("resolve-due", due.storage)]
            ch.remark = Localized(
                en: "\(result.label.en): reopened (\(reopened == 1 ? "once" : "\(reopened) times")), resolve by \(due.display)",
                zh: "\(result.label.zh)：重新办理（第 \(reopened) 次），办结期限 \(due.display)")
            return ch
        }
    }

    /// `case close C-1 outcome=…`: resolved needs a good callback; no-further-action and
    /// not-our-duty need a reason; duplicate needs the original (`of=C-n`, or the link
    /// made at intake).
    func caseClose(_ inv: Invocation) throws -> [Output] {
        guard let outcome = inv.text("outcome").flatMap(CaseOutcome.init(rawValue:)) else { return [] }
        let reason = inv.text("reason")?.trimmingWhitespace()
        if outcome.needsReason && (reason ?? "").isEmpty {
            let example = outcome == .notOurDuty ? "属物业公司职责，已告知居民" : "居民已自行解决"
            throw ScriptError.validation(
                "outcome \(outcome.rawValue) needs reason=", "结案方式“\(outcome.label.zh)”必须填写原因（原因= 或 reason=）",
                at: inv["outcome"]?.location, hint: Localized(en: "e.g. reason=\"\(example)\"", zh: "例如 原因=\"\(example)\""))
        }
        if inv["of"] != nil && outcome != .duplicate {
            throw ScriptError.validation("of= is only for outcome=duplicate", "of= 只用于重复诉求", at: inv["of"]?.location)
        }
        return try runStep(inv, .close(outcome)) { c, now in
            var ch = StepChange(values: ["closed_at": .text(now.storage), "outcome": .text(outcome.rawValue)], details: [("outcome", outcome.rawValue)])
            ch.values["outcome_reason"] = reason.map(StoreValue.text)
            ch.remark = outcome.label
            guard outcome == .duplicate else { return ch }
            let loc = inv["of"]?.location ?? inv["outcome"]?.location
            guard let o = try inv["of"].map(caseNumber) ?? c.int("duplicate_of") else {
                throw ScriptError.validation("outcome duplicate needs of=C-n, the original case", "重复结案需要 of=C-n 指明原诉求", at: loc)
            }
            try checkOriginal(o, of: c.id, at: loc)
            ch.values["duplicate_of"] = .integer(o)
            ch.details.append(("of", RecordKind.case.id(o)))
            ch.remark = Localized(en: "duplicate of \(RecordKind.case.id(o))", zh: "与 \(RecordKind.case.id(o)) 重复")
            return ch
        }
    }

    /// A duplicate links to an original that is another case and not itself a duplicate.
    func checkOriginal(_ o: Int, of id: Int?, at loc: SourceLocation?) throws {
        let od = RecordKind.case.id(o)
        guard o != id else {
            throw ScriptError.validation("a case cannot duplicate itself", "诉求不能与自身重复", at: loc)
        }
        let row = try store.select(.case, matching: ["id": .integer(o)], orderBy: []).first
        if let first = row?.int("duplicate_of") {
            let fd = RecordKind.case.id(first)
            throw ScriptError.validation(
                "\(od) is itself a duplicate of \(fd)", "\(od) 本身与 \(fd) 重复", at: loc,
                hint: Localized(en: "link to the original, \(fd)", zh: "请关联原诉求 \(fd)"))
        }
    }
}

/// Corrections (更正): the honest way to put a slip right. Each needs a reason, is refused
/// when it is not allowed (with what to do instead), keeps what it corrects (a withdrawn
/// ballot or a removed sign-in stays, marked void) and is logged with the old and the new.
extension Interpreter {
    static let correctionHandlers: [CommandID: Handler] = [
        .ballotChange: { try $0.ballotChange($1) }, .ballotWithdraw: { try $0.ballotWithdraw($1) },
        .attendRemove: { try $0.attendRemove($1) }, .caseMove: { try $0.caseMove($1) }, .caseEdit: { try $0.caseEdit($1) },
        .caseReopen: { try $0.caseReopen($1) }, .visitVoid: { try $0.visitVoid($1) }, .unassign: { try $0.unassign($1) },
        .unpair: { try $0.unpair($1) }, .leaderUnlink: { try $0.leaderUnlink($1) }, .rename: { try $0.rename($1) },
        .memberRename: { try $0.memberRename($1) }, .attendTime: { try $0.attendTime($1) },
        .caseUndispatch: { try $0.caseUndispatch($1) }, .merge: { try $0.merge($1) }, .memberMerge: { try $0.memberMerge($1) },
    ]

    /// The status a case's log shows it had before entry `index` (each step logs the status
    /// it led to); received before any.
    static func status(before index: Int, in events: [Event]) -> CaseStatus {
        let before = events[..<index].reversed().lazy.compactMap { e in e.details.first { $0.0 == "status" }?.1 }.first
        return before.flatMap(CaseStatus.init(rawValue:)) ?? .received
    }

    /// `case undispatch C-1 reason=…`: a dispatch made by mistake, while the department has
    /// not yet done anything with it, is undone: its rows are closed as undone (they stay),
    /// and the case stands where the log shows it stood before the dispatch.
    func caseUndispatch(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let c = try loadCase(inv)
        guard c.status == .dispatched else {
            throw ScriptError.runtime(
                "\(c.display) is \(c.status.label.en): only a dispatch nobody has acted on yet can be undone",
                "\(c.display) 当前\(c.status.label.zh)：只能撤销尚未办理的派单", at: inv["id"]?.location,
                hint: c.status == .inProgress
                    ? Localized(en: "the department returns it: case return \(c.display) reason=…", zh: "请由科室退单：诉求 退单 \(c.display) 原因=…") : nil)
        }
        let events = try store.events(kind: .case, recordID: c.id)
        guard let dispatch = events.lastIndex(where: { $0.action == "case.dispatch" }) else {
            throw ScriptError.runtime("\(c.display) has no dispatch in the log", "修改记录中没有 \(c.display) 的派单", at: inv["id"]?.location)
        }
        let status = Self.status(before: dispatch, in: events)
        let now = session.now.storage
        var undone: [String] = []
        for d in try store.select(.caseDispatch, matching: ["case_id": .integer(c.id), "returned_at": .null], orderBy: []) {
            try store.update(.caseDispatch, id: d.id, ["returned_at": .text(now), "return_reason": .text(say("undone: ", "撤销：") + reason)])
            undone.append(try departmentName(d.int("department_id") ?? 0))
        }
        try store.update(.case, id: c.id, ["status": .text(status.rawValue), "updated_at": .text(now)])
        try log(inv, "case.undispatch", .case, c.id, [("dept", undone.joined(separator: ",")), ("status", status.rawValue), ("reason", reason)])
        session.lastID = c.display
        return [
            .text(
                say(
                    "\(c.display) dispatched → \(status.label.en) (dispatch to \(undone.joined(separator: ", ")) undone, reason: \(reason))",
                    "\(c.display) 已派单 → \(status.label.zh)（撤销派给\(undone.joined(separator: "、"))的单，原因：\(reason)）"))
        ]
    }

    /// `attend time 王芳 at=19:05 reason=…`: the time of a sign-in, on the meeting's day, not
    /// after it is corrected, not after the person left, and never across a vote already
    /// tallied (that would change who was present at it).
    func attendTime(_ inv: Invocation) throws -> [Output] {
        guard let name = inv.text("name"), let raw = inv.text("at"), let atLoc = inv["at"]?.location else { return [] }
        let reason = try requiredReason(inv)
        let m = try roomMeeting(inv)
        guard let row = try attendance(m).last(where: { $0.name == name }) else {
            throw ScriptError.runtime(
                "'\(name)' has not signed in to \(m.display)", "'\(name)' 没有在 \(m.display) 签到", at: inv["name"]?.location,
                hint: Suggestion.hint(for: name, in: try attendance(m).map(\.name)))
        }
        guard let seconds = Self.clockTime(raw), let day = Day.parse(m.date) else {
            throw ScriptError.validation("at= is a time like 19:05, not '\(raw)'", "时间应写成 19:05 这样，而不是 '\(raw)'", at: atLoc)
        }
        let new = Timestamp(day: day, hour: seconds / 3600, minute: seconds / 60 % 60)
        guard new <= session.now else {
            throw ScriptError.validation("\(raw) is after the clock (\(clock(session.now, on: m.date)))", "\(raw) 晚于当前时钟（\(clock(session.now, on: m.date))）", at: atLoc)
        }
        if let left = row.leftAt, new >= left {
            throw ScriptError.validation("\(name) left at \(clock(left, on: m.date))", "\(name) 已于 \(clock(left, on: m.date)) 离场", at: atLoc)
        }
        let (lo, hi) = (min(new, row.arrivedAt), max(new, row.arrivedAt))
        for item in try items(of: m) {
            for motion in try motions(of: item) {
                if let closed = motion.closedAt, lo <= closed, closed < hi {
                    throw ScriptError.runtime(
                        "the vote on \(item.display) was tallied at \(clock(closed, on: m.date)), between the two times: who was present at it would change",
                        "\(item.display) 于 \(clock(closed, on: m.date)) 计票，在两个时间之间：会改变计票时的出席人数", at: atLoc,
                        hint: Localized(en: "vote again as a new round if the tally was wrong", zh: "如计票有误，可重新表决"))
                }
            }
        }
        try store.update(.attendance, id: row.id, ["arrived_at": .text(new.storage)])
        let was = clock(row.arrivedAt, on: m.date), now = clock(new, on: m.date)
        try recordCorrection(m, item: nil, what: "attend.time", name: name, was: was, now: now, reason: reason)
        try log(inv, "meeting.attend-time", .meeting, m.id, [("name", name), ("was", was), ("now", now), ("reason", reason)])
        return [.text(say("corrected the sign-in of \(name): \(was) → \(now) (reason: \(reason))", "已更正 \(name) 的签到时间：\(was) → \(now)（原因：\(reason)）"))]
    }

    /// `rename KIND RECORD to=… reason=…`: a name entered wrong. Records link to each other by
    /// id, so every link follows; a pair, named after its two cadres, is renamed with them.
    func rename(_ inv: Invocation) throws -> [Output] {
        guard case .kind(let kind)? = inv["kind"]?.value, let rb = inv["record"], let new = inv.text("to")?.trimmingWhitespace() else { return [] }
        let reason = try requiredReason(inv)
        let schema = kind.schema
        let column = schema.titleColumn
        guard schema.nameField != nil || schema.field("address") != nil, kind != .pair else {
            throw ScriptError.validation(
                "\(schema.plural.en) have no name to correct", "\(schema.plural.zh)没有可更正的名称", at: inv["kind"]?.location,
                hint: kind == .pair ? Localized(en: "a pair is named after its cadres: rename the cadre", zh: "结对以干部姓名命名：请更正干部姓名") : nil)
        }
        guard !new.isEmpty else { throw ScriptError.validation("to= cannot be empty", "改为 不能为空", at: inv["to"]?.location) }
        let id = try resolve(kind, rb, followingMerges: false)
        let old = try title(kind, id)
        // A record merged into another keeps the name it had: it is the kept one that is renamed.
        if let into = try row(kind, id)?.int("merged_into") {
            let kept = kind.id(try kept(kind, into))
            throw ScriptError.runtime(
                "\(kind.id(id)) \(old) was merged into \(kept): its name stays as it was", "\(kind.id(id)) \(old) 已合并到 \(kept)：其名称保持不变", at: rb.location,
                hint: Localized(
                    en: "rename the record kept: rename \(kind.rawValue) \(kept) to=…", zh: "请更名保留的记录：更名 \(kind.schema.label.zh) \(kept) 改为=…"))
        }
        guard old != new else { throw ScriptError.runtime("\(kind.id(id)) is already named \(new)", "\(kind.id(id)) 已是 \(new)", at: inv["to"]?.location) }
        if let other = try store.lookup(kind, name: new), other != id {
            throw ScriptError.runtime(
                "\(kind.id(other)) is already named \(new)", "\(kind.id(other)) 已叫 \(new)", at: inv["to"]?.location,
                hint: Localized(en: "two records for one: keep both, or correct the other's name", zh: "如为重复录入，请保留一条并更正另一条的名称"))
        }
        try store.update(kind, id: id, [column: .text(new)])
        let renamedPairs = kind == .cadre ? try renamePairs(of: id, from: old, to: new) : []
        try log(inv, "\(kind.rawValue).rename", kind, id, [("was", old), ("now", new), ("reason", reason)])
        let pairs = renamedPairs.isEmpty ? "" : say("; pairs: \(renamedPairs.joined(separator: ", "))", "；结对：\(renamedPairs.joined(separator: "、"))")
        return [.text(say("renamed \(kind.id(id)): \(old) → \(new) (reason: \(reason))", "已更名 \(kind.id(id))：\(old) → \(new)（原因：\(reason)）") + pairs)]
    }

    /// `member rename 王方 to=王芳 reason=…`: in the current meeting (open), a member's name
    /// on the list, in the sign-ins, proxies and ballots at once.
    func memberRename(_ inv: Invocation) throws -> [Output] {
        guard let old = inv.text("name"), let new = inv.text("to")?.trimmingWhitespace(), !new.isEmpty else { return [] }
        let reason = try requiredReason(inv)
        let m = try roomMeeting(inv)
        try refuseMergedMember(old, m, at: inv["name"]?.location)
        try refuseMergedMember(new, m, at: inv["to"]?.location)
        guard try isMember(old, of: m) || (try attendance(m)).contains(where: { $0.name == old }) else {
            throw ScriptError.runtime(
                "'\(old)' is not a member of \(m.display)", "'\(old)' 不是 \(m.display) 的成员", at: inv["name"]?.location,
                hint: Suggestion.hint(for: old, in: m.named ? try memberNames(m) : try knownMembers(m)))
        }
        guard !(try isMember(new, of: m)) else {
            throw ScriptError.runtime(
                "'\(new)' is already a member of \(m.display)", "'\(new)' 已是 \(m.display) 的成员", at: inv["to"]?.location,
                hint: Localized(
                    en: "two names of one member are merged: member merge \(old) into=\(new) reason=…", zh: "同一成员的两个姓名请合并：成员 合并 \(old) 合并到=\(new) 原因=…"))
        }
        for r in try store.select(.meetingMember, matching: ["meeting_id": .integer(m.id), "name": .text(old)], orderBy: []) {
            try store.update(.meetingMember, id: r.id, ["name": .text(new)])
        }
        _ = try renameInRecord(m, from: old, to: new)
        try recordCorrection(m, item: nil, what: "member.rename", name: new, was: old, now: new, reason: reason)
        try log(inv, "meeting.member-rename", .meeting, m.id, [("was", old), ("now", new), ("reason", reason)])
        return [.text(say("renamed the member \(old) → \(new) in \(m.display) (reason: \(reason))", "已将 \(m.display) 成员 \(old) 更正为 \(new)（原因：\(reason)）"))]
    }

    /// `visit void V-2 reason=…`: a visit logged by mistake (twice) stays, voided: no count,
    /// plan or coverage sees it.
    func visitVoid(_ inv: Invocation) throws -> [Output] {
        guard let b = inv["id"] else { return [] }
        let reason = try requiredReason(inv)
        let id = try resolve(.visit, b)
        guard let v = try row(.visit, id) else { throw ScriptError.runtime("no visit \(b.value.display)", "没有走访 \(b.value.display)", at: b.location) }
        if let at = v.text("voided_at").flatMap(Timestamp.parse) {
            throw ScriptError.runtime(
                "\(RecordKind.visit.id(id)) was voided at \(at.display)", "\(RecordKind.visit.id(id)) 已于 \(at.display) 作废", at: b.location)
        }
        try store.update(.visit, id: id, ["voided_at": .text(session.now.storage), "voided_by": .text(session.actor), "void_reason": .text(reason)])
        try log(inv, "visit.void", .visit, id, [("day", v.text("day") ?? ""), ("reason", reason)])
        let cases = try store.select(.case, matching: ["visit_id": .integer(id)], orderBy: []).map { RecordKind.case.id($0.id) }
        let note =
            cases.isEmpty
            ? ""
            : say(
                "; the cases taken in on it stay (\(cases.joined(separator: ", ")))", "；由此受理的诉求保留（\(cases.joined(separator: "、"))）")
        return [.text(say("voided \(RecordKind.visit.id(id)) (\(v.text("day") ?? "")), reason: \(reason)", "已作废 \(RecordKind.visit.id(id))（\(v.text("day") ?? "")），原因：\(reason)") + note)]
    }

    /// Ends a link row: marked with when, by whom and why; the row stays.
    private func end(_ kind: RecordKind, _ id: Int, _ reason: String) throws {
        try store.update(kind, id: id, ["ended_at": .text(session.now.storage), "ended_by": .text(session.actor), "end_reason": .text(reason)])
    }

    /// `unassign CADRE compound=… reason=…`
    func unassign(_ inv: Invocation) throws -> [Output] {
        guard let cb = inv["cadre"], let bb = inv["compound"] else { return [] }
        let reason = try requiredReason(inv)
        let cadreID = try resolve(.cadre, cb)
        let who = try cadre(cadreID)
        var names: [String] = []
        for compound in try refs(.compound, bb) {
            let bname = try title(.compound, compound)
            guard let a = try store.select(.assignment, matching: ["cadre_id": .integer(cadreID), "compound_id": .integer(compound)], orderBy: []).first,
                a.text("ended_at") == nil
            else {
                throw ScriptError.runtime("\(who.name) is not assigned to \(bname)", "\(who.name) 未包片\(bname)", at: bb.location)
            }
            try end(.assignment, a.id, reason)
            try log(inv, "assignment.end", .assignment, a.id, [("cadre", who.name), ("compound", bname), ("reason", reason)])
            names.append(bname)
        }
        return [.text(say("\(who.name) no longer covers \(names.joined(separator: ", ")) (reason: \(reason))", "已取消 \(who.name) 包片：\(names.joined(separator: "、"))（原因：\(reason)）"))]
    }

    /// `unpair P-1 reason=…`
    func unpair(_ inv: Invocation) throws -> [Output] {
        guard let pb = inv["pair"] else { return [] }
        let reason = try requiredReason(inv)
        let id = try resolve(.pair, pb)
        guard let p = try row(.pair, id), p.text("ended_at") == nil else {
            throw ScriptError.runtime("\(pb.value.display) is not a pair in force", "\(pb.value.display) 不是现有结对", at: pb.location)
        }
        try end(.pair, id, reason)
        try log(inv, "pair.end", .pair, id, [("pair", p.text("name") ?? ""), ("reason", reason)])
        return [
            .text(
                say(
                    "unpaired \(RecordKind.pair.id(id)) \(p.text("name") ?? "") (reason: \(reason)); its visits stay", "已解除结对 \(RecordKind.pair.id(id)) \(p.text("name") ?? "")（原因：\(reason)）；已登记的走访保留"))
        ]
    }

    /// `leader unlink LEADER community=… reason=…`
    func leaderUnlink(_ inv: Invocation) throws -> [Output] {
        guard let lb = inv["leader"], let cb = inv["community"] else { return [] }
        let reason = try requiredReason(inv)
        let leader = try resolve(.cadre, lb)
        let who = try cadre(leader)
        var names: [String] = []
        for community in try refs(.community, cb) {
            let cname = try title(.community, community)
            guard let l = try store.select(.leaderLink, matching: ["leader_id": .integer(leader), "community_id": .integer(community)], orderBy: []).first,
                l.text("ended_at") == nil
            else {
                throw ScriptError.runtime("\(who.name) is not linked to \(cname)", "\(who.name) 未联系\(cname)", at: cb.location)
            }
            try end(.leaderLink, l.id, reason)
            try log(inv, "leader.unlink", .leaderLink, l.id, [("leader", who.name), ("community", cname), ("reason", reason)])
            names.append(cname)
        }
        return [.text(say("\(who.name) is no longer linked to \(names.joined(separator: ", ")) (reason: \(reason))", "已取消 \(who.name) 联系社区：\(names.joined(separator: "、"))（原因：\(reason)）"))]
    }

    /// `case reopen C-1 reason=…`: a close made by mistake is undone; the case stands where
    /// it stood before (the status the log shows before the close), without its outcome.
    /// The close stays in the log and the timeline.
    func caseReopen(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let c = try loadCase(inv)
        guard c.status == .closed else {
            throw ScriptError.runtime(
                "\(c.display) is not closed (it is \(c.status.label.en))", "\(c.display) 未结案（当前\(c.status.label.zh)）", at: inv["id"]?.location)
        }
        let events = try store.events(kind: .case, recordID: c.id)
        guard let close = events.lastIndex(where: { $0.action == "case.close" }) else {
            throw ScriptError.runtime("\(c.display) has no close in the log", "修改记录中没有 \(c.display) 的结案", at: inv["id"]?.location)
        }
        let status = Self.status(before: close, in: events)
        var values: [String: StoreValue] = [
            "status": .text(status.rawValue), "closed_at": .null, "outcome": .null, "outcome_reason": .null, "updated_at": .text(session.now.storage),
        ]
        if events[close].details.contains(where: { $0.0 == "of" }) { values["duplicate_of"] = .null }
        try store.update(.case, id: c.id, values)
        let outcome = c.text("outcome") ?? ""
        try log(inv, "case.reopen", .case, c.id, [("outcome-was", outcome), ("status", status.rawValue), ("reason", reason)])
        session.lastID = c.display
        return [
            .text(
                say(
                    "\(c.display) closed → \(status.label.en) (close undone, reason: \(reason)); deadlines as before",
                    "\(c.display) 已结案 → \(status.label.zh)（撤销结案，原因：\(reason)）；期限不变"))
        ]
    }

    /// `case edit C-1 category=… reason=…`: what was taken in, corrected field by field,
    /// each old and new value logged. A new urgency computes the deadlines again from the
    /// receipt under the policy in force (a response already given keeps its deadline); the
    /// other fields leave the deadlines as they are.
    func caseEdit(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let c = try loadCase(inv)
        let fields: [(key: String, column: String, en: String, zh: String)] = [
            ("title", "title", "title", "标题"), ("description", "description", "description", "描述"), ("category", "category", "category", "类别"),
            ("kind", "kind", "kind", "类型"), ("urgency", "urgency", "urgency", "紧急程度"), ("resident", "resident", "resident", "诉求人"),
            ("phone", "phone", "phone", "电话"),
        ]
        var values: [String: StoreValue] = [:]
        var details: [(String, String)] = []
        var changes: [String] = []
        for f in fields {
            guard let b = inv[f.key] else { continue }
            let new = b.value.display.trimmingWhitespace()
            if f.key == "title" && new.isEmpty { throw ScriptError.validation("a case needs a title", "诉求标题不能为空", at: b.location) }
            if f.key == "phone" && !PhoneNumber.isValid(new) {
                throw ScriptError.validation(
                    "'\(new)' is not a phone number", "'\(new)' 不是有效的电话号码", at: b.location,
                    hint: Localized(en: "5 to 20 digits, e.g. 13800001234 or 010-85801234", zh: "5 到 20 位数字，如 13800001234 或 010-85801234"))
            }
            let old = c.row.text(f.column) ?? ""
            guard old != new else { continue }
            // Only the optional fields may be emptied to nothing; a category is emptied to "".
            values[f.column] = new.isEmpty && ["description", "resident", "phone"].contains(f.key) ? .null : .text(new)
            details += [(f.key + "-was", old), (f.key, new)]
            let shown = { (s: String) -> String in
                if f.key == "kind" { return self.label(.caseKind, s) ?? s }
                if f.key == "urgency" { return self.label(.urgency, s) ?? s }
                return s.isEmpty ? "—" : s
            }
            changes.append(say("\(f.en) \(shown(old)) → \(shown(new))", "\(f.zh) \(shown(old)) → \(shown(new))"))
        }
        let named = fields.contains { inv[$0.key] != nil }
        guard !values.isEmpty else {
            throw ScriptError.runtime(
                !named ? "'case edit' needs a field to correct" : "nothing to correct: \(c.display) already says so",
                !named ? "'case edit' 需要写明要更正的内容" : "无需更正：\(c.display) 已是如此", at: inv.location,
                hint: Localized(en: "e.g. case edit \(c.display) category=… reason=…", zh: "例如 诉求 更正 \(c.display) 类别=… 原因=…"))
        }
        var deadlines = ""
        if case .text(let urgency)? = values["urgency"], let change = deadlineChange(c, urgency: urgency, policy: try casePolicy()) {
            let due = change.due
            values.merge(change.values) { a, _ in a }
            details += change.details
            deadlines = say(
                "; deadlines from the receipt under the new urgency: respond by \(due.respond.display), resolve by \(due.resolve.display)",
                "；期限按新紧急程度自受理时重算：响应期限 \(due.respond.display)，办结期限 \(due.resolve.display)")
        } else {
            deadlines = say("; deadlines unchanged", "；期限不变")
        }
        try store.update(.case, id: c.id, values)
        details.append(("reason", reason))
        try log(inv, "case.edit", .case, c.id, details)
        session.lastID = c.display
        return [
            .text(
                masked(
                    say("corrected \(c.display): ", "已更正 \(c.display)：") + changes.joined(separator: say("; ", "；"))
                        + say(" (reason: \(reason))", "（原因：\(reason)）") + deadlines))
        ]
    }

    /// `ballot change I-1 黄磊 no reason=…`: while the poll is open, a named ballot's choice.
    func ballotChange(_ inv: Invocation) throws -> [Output] {
        guard let choice = inv.text("choice") else { return [] }
        let reason = try requiredReason(inv)
        let (item, m, motion, ballot) = try ballotToCorrect(inv)
        guard !motion.secret else {
            throw ScriptError.runtime(
                "\(item.display) is a secret poll: no voter's choice is recorded, so none can be changed",
                "\(item.display) 为无记名投票：不记录投票人的选择，无从更改", at: inv["voter"]?.location,
                hint: Localized(en: "the box is counted at the tally: tally \(item.display) yes=… no=…", zh: "票面在计票时清点：计票 \(item.display) 赞成=… 反对=…"))
        }
        guard ballot.choice != choice else {
            throw ScriptError.runtime(
                "\(ballot.voter)'s ballot on \(item.display) is already \(choiceLabel(choice))", "\(ballot.voter) 在 \(item.display) 的选票已是\(choiceLabel(choice))",
                at: inv["choice"]?.location)
        }
        let was = ballot.choice ?? ""
        try store.update(.ballot, id: ballot.id, ["choice": .text(choice)])
        try recordCorrection(m, item: item, what: "ballot.change", name: ballot.voter, was: was, now: choice, reason: reason)
        try log(inv, "item.ballot-change", .item, item.id, [("motion", String(motion.id)), ("voter", ballot.voter), ("was", was), ("now", choice), ("reason", reason)])
        session.currentItem = item.display
        return [
            .text(
                say(
                    "corrected \(ballot.voter)'s ballot on \(item.display): \(choiceLabel(was)) → \(choiceLabel(choice)) (reason: \(reason))",
                    "已更正 \(ballot.voter) 在 \(item.display) 的选票：\(choiceLabel(was)) → \(choiceLabel(choice))（原因：\(reason)）"))
        ]
    }

    /// `ballot withdraw I-1 黄磊 reason=…`: while the poll is open, a ballot entered by
    /// mistake no longer counts (the voter may vote again).
    func ballotWithdraw(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let (item, m, motion, ballot) = try ballotToCorrect(inv)
        try store.update(
            motion.secret ? .secretVoter : .ballot, id: ballot.id,
            ["voided_at": .text(session.now.storage), "voided_by": .text(session.actor), "void_reason": .text(reason)])
        try recordCorrection(m, item: item, what: "ballot.withdraw", name: ballot.voter, was: ballot.choice ?? "", now: nil, reason: reason)
        try log(inv, "item.ballot-withdraw", .item, item.id, [("motion", String(motion.id)), ("voter", ballot.voter), ("was", ballot.choice ?? ""), ("reason", reason)])
        session.currentItem = item.display
        let left = try ballots(of: motion).count
        return [
            .text(
                say(
                    "withdrew \(ballot.voter)'s ballot on \(item.display) (reason: \(reason)) — \(left) \(left == 1 ? "ballot" : "ballots") stand",
                    "已撤销 \(ballot.voter) 在 \(item.display) 的选票（原因：\(reason)）——现有 \(left) 票"))
        ]
    }

    /// The ballot a correction names, on an item whose poll is still open.
    private func ballotToCorrect(_ inv: Invocation) throws -> (ItemRecord, MeetingRecord, MotionRecord, BallotRecord) {
        guard let voter = inv.text("voter") else { throw ScriptError.validation("a voter is needed", "需要投票人", at: inv.location) }
        let item = try targetItem(inv)
        let m = try itemInRoom(item, inv)
        let motion: MotionRecord
        do {
            motion = try openMotion(item, inv, action: .vote)
        } catch let e as ScriptError {
            // After the tally the vote stands as the room was told; a new round is the way.
            guard (try motions(of: item)).last?.closedAt != nil else { throw e }
            throw ScriptError.runtime(
                "the poll on \(item.display) is tallied: its ballots can no longer be corrected", "\(item.display) 已计票：选票不能再更正",
                at: inv["item"]?.location,
                hint: Localized(
                    en: "vote again as a new round: motion \(item.display) … reason=…; the minutes keep both rounds",
                    zh: "可重新表决：重新表决 \(item.display) … 原因=…；纪要保留两轮表决"))
        }
        guard let ballot = try ballots(of: motion).first(where: { $0.voter == voter }) else {
            let voters = try ballots(of: motion).map(\.voter)
            throw ScriptError.runtime(
                "'\(voter)' has no ballot on \(item.display)", "'\(voter)' 在 \(item.display) 没有选票", at: inv["voter"]?.location,
                hint: Suggestion.hint(for: voter, in: voters))
        }
        return (item, m, motion, ballot)
    }

    /// `attend remove 王方 reason=…`: a sign-in made by mistake no longer counts; in a meeting
    /// given only a number, a member known only by that sign-in is no longer one. Refused
    /// once the name has a ballot, or was counted present at a vote already tallied.
    func attendRemove(_ inv: Invocation) throws -> [Output] {
        guard let name = inv.text("name"), let loc = inv["name"]?.location else { return [] }
        let reason = try requiredReason(inv)
        let m = try roomMeeting(inv)
        let rows = try attendance(m).filter { $0.name == name }
        guard let row = rows.last else {
            throw ScriptError.runtime(
                "'\(name)' has not signed in to \(m.display)", "'\(name)' 没有在 \(m.display) 签到", at: loc,
                hint: Suggestion.hint(for: name, in: try attendance(m).map(\.name)))
        }
        for item in try items(of: m) {
            for motion in try motions(of: item) {
                if let b = try ballots(of: motion).first(where: { $0.voter == name || $0.proxyHolder == name }) {
                    throw ScriptError.runtime(
                        "'\(name)' has a ballot on \(item.display): the sign-in stands while the ballot does",
                        "'\(name)' 在 \(item.display) 有选票：选票在，签到不能撤销", at: loc,
                        hint: motion.isOpen
                            ? Localized(en: "withdraw it first: ballot withdraw \(item.display) \(b.voter) reason=…", zh: "请先撤票：撤票 \(item.display) \(b.voter) 原因=…")
                            : Localized(en: "the vote is tallied; vote again as a new round: motion \(item.display) … reason=…", zh: "该表决已计票；可重新表决：重新表决 \(item.display) … 原因=…"))
                }
                if let closed = motion.closedAt, row.role == "member", row.arrivedAt <= closed, row.leftAt.map({ $0 > closed }) ?? true {
                    throw ScriptError.runtime(
                        "'\(name)' was counted present at the tally of \(item.display) (\(clock(closed, on: m.date))): that tally stands",
                        "'\(name)' 在 \(item.display) 计票时（\(clock(closed, on: m.date))）计入出席：该计票结果不变", at: loc,
                        hint: Localized(
                            en: "vote again as a new round (motion \(item.display) … reason=…); the minutes keep both",
                            zh: "可重新表决（重新表决 \(item.display) … 原因=…）；纪要保留两轮"))
                }
            }
        }
        let wasMember = try isMember(name, of: m)
        let now = session.now.storage
        for r in rows {
            try store.update(.attendance, id: r.id, ["voided_at": .text(now), "voided_by": .text(session.actor), "void_reason": .text(reason)])
        }
        let stillMember = try isMember(name, of: m)
        try recordCorrection(m, item: nil, what: "attend.remove", name: name, was: clock(row.arrivedAt, on: m.date), now: nil, reason: reason)
        try log(inv, "meeting.attend-remove", .meeting, m.id, [("name", name), ("reason", reason)])
        var text = say(
            "removed the sign-in of \(name) (\(clock(row.arrivedAt, on: m.date))), reason: \(reason)",
            "已撤销 \(name) 的签到（\(clock(row.arrivedAt, on: m.date))），原因：\(reason)")
        if !m.named && wasMember && !stillMember {
            text += say(" — no longer counted among the members", "——不再计入成员")
        }
        return [.text(text + say(" — ", "——") + presenceText(m, try roll(m)))]
    }

    /// One line of a meeting's corrections, for the minutes.
    func recordCorrection(_ m: MeetingRecord, item: ItemRecord?, what: String, name: String, was: String?, now: String?, reason: String) throws {
        _ = try store.insert(
            .meetingCorrection,
            [
                "meeting_id": .integer(m.id), "item_id": item.map { .integer($0.id) } ?? .null, "what": .text(what), "name": .text(name),
                "was": was.map(StoreValue.text) ?? .null, "now": now.map(StoreValue.text) ?? .null, "reason": .text(reason),
                "corrected_at": .text(session.now.storage), "corrected_by": .text(session.actor),
            ])
    }

    /// The minutes' `## 更正记录`: every correction made to the meeting's record, in order.
    func correctionLines(_ m: MeetingRecord) throws -> [String] {
        let rows = try store.select(.meetingCorrection, matching: ["meeting_id": .integer(m.id)], orderBy: [])
        return rows.map { r in
            let at = r.text("corrected_at").flatMap(Timestamp.parse).map { clock($0, on: m.date) } ?? ""
            let name = flat(r.text("name") ?? ""), was = r.text("was") ?? "", now = r.text("now") ?? ""
            let item = r.int("item_id").map { RecordKind.item.id($0) } ?? ""
            let what: String
            switch r.text("what") {
            case "ballot.change": what = "\(name) 在 \(item) 的选票：\(choiceLabelZh(was)) → \(choiceLabelZh(now))"
            case "ballot.withdraw": what = "撤销 \(name) 在 \(item) 的选票" + (was.isEmpty ? "" : "（\(choiceLabelZh(was))）")
            case "motion.round": what = "\(item) 重新表决（第 \(now) 轮，第 \(was) 轮结果作废）"
            case "member.rename": what = "成员姓名 \(flat(was)) 更正为 \(name)"
            case "member.merge": what = "成员 \(flat(was)) 与 \(name) 为同一人，合并为 \(name)"
            case "attend.time": what = "\(name) 的签到时间 \(was) 更正为 \(now)"
            default: what = "撤销 \(name) 的签到（\(was)）"
            }
            return "- \(at) \(what)；原因：\(flat(r.text("reason") ?? ""))；更正人：\(flat(r.text("corrected_by") ?? ""))"
        }
    }

    /// `case move C-1 community=… | compound=… reason=…`: the case belongs to another
    /// community (or compound); reports count it there, its dispatches still in force name
    /// it as their community (块), and later dispatches go there. A dispatch returned
    /// earlier keeps the community it named; the log keeps what each named before.
    func caseMove(_ inv: Invocation) throws -> [Output] {
        let reason = try requiredReason(inv)
        let c = try loadCase(inv)
        var values: [String: StoreValue] = [:]
        let community: Int
        if let b = inv["compound"] {
            let compound = try resolve(.compound, b)
            guard let row = try store.select(.compound, matching: ["id": .integer(compound)], orderBy: []).first, let cid = row.int("community_id") else {
                throw ScriptError.runtime("no compound \(b.value.display)", "没有小区 \(b.value.display)", at: b.location)
            }
            if let given = try inv["community"].map({ try resolve(.community, $0) }), given != cid {
                throw ScriptError.validation(
                    "\(row.text("name") ?? "") is in \(try communityName(cid) ?? ""), not in the community given", "\(row.text("name") ?? "") 属于\(try communityName(cid) ?? "")，与所给社区不符",
                    at: inv["community"]?.location)
            }
            community = cid
            values["compound_id"] = .integer(compound)
            if c.int("compound_id") != compound { values["household_id"] = .null }
        } else if let b = inv["community"] {
            community = try resolve(.community, b)
            // A compound or household of the old community no longer applies.
            if let b = c.int("compound_id"),
                try store.select(.compound, matching: ["id": .integer(b)], orderBy: []).first?.int("community_id") != community
            {
                values["compound_id"] = .null
                values["household_id"] = .null
            }
        } else {
            throw ScriptError.validation(
                "'case move' needs community= or compound=", "'case move' 需要 community= 或 compound=", at: inv.location,
                hint: Localized(en: "case move \(c.display) community=… reason=…", zh: "诉求 移交 \(c.display) 社区=… 原因=…"))
        }
        let old = c.int("community_id")
        guard old != community || values["compound_id"] != nil else {
            throw ScriptError.runtime(
                "\(c.display) is already in \(try communityName(community) ?? "")", "\(c.display) 已属于\(try communityName(community) ?? "")",
                at: (inv["community"] ?? inv["compound"])?.location)
        }
        values["community_id"] = .integer(community)
        try store.update(.case, id: c.id, values)
        var moved = 0
        for d in try store.select(.caseDispatch, matching: ["case_id": .integer(c.id)], orderBy: [])
        where d.text("returned_at") == nil && d.int("community_id") != community {
            try store.update(.caseDispatch, id: d.id, ["community_id": .integer(community)])
            moved += 1
        }
        let was = try communityName(old) ?? "", now = try communityName(community) ?? ""
        var details = [("community-was", was), ("community", now), ("reason", reason)]
        if case .integer(let b)? = values["compound_id"] { details.insert(("compound", RecordKind.compound.id(b)), at: 2) }
        if moved > 0 { details.insert(("dispatches", String(moved)), at: 2) }
        try log(inv, "case.move", .case, c.id, details)
        session.lastID = c.display
        let dropped = values["household_id"] != nil && c.int("household_id") != nil
        return [
            .text(
                say(
                    "moved \(c.display) from \(was.isEmpty ? "no community" : was) to \(now) (reason: \(reason))"
                        + (dropped ? "; its household was in the old community and is no longer linked" : "")
                        + (moved > 0 ? "; the dispatch in force now names \(now)" : "") + "; later dispatches go to \(now)",
                    "已将 \(c.display) 由\(was.isEmpty ? "无社区" : was)更正为\(now)（原因：\(reason)）" + (dropped ? "；原关联住户属原社区，已解除关联" : "")
                        + (moved > 0 ? "；现行派单的社区同时更正" : "") + "；此后派单按\(now)"))
        ]
    }
}

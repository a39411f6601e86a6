/// Consultation meetings (会商会): opening, choosing, showing and closing a meeting, and its members.
extension Interpreter {
    static let meetingHandlers: [CommandID: Handler] = [
        .meetingNew: { try $0.meetingNew($1) }, .meetingUse: { try $0.meetingUse($1) },
        .meetingShow: { try $0.meetingShow($1) }, .meetingClose: { try $0.meetingClose($1) }, .meetingEdit: { try $0.meetingEdit($1) },
        .memberAdd: { try $0.memberAdd($1) }, .attend: { try $0.attend($1) }, .leave: { try $0.leave($1) },
        .proxy: { try $0.proxy($1) }, .propose: { try $0.propose($1) }, .discuss: { try $0.discuss($1) },
        .motion: { try $0.motion($1) }, .vote: { try $0.vote($1) }, .tally: { try $0.tally($1) },
        .notVoted: { try $0.whoHasNotVoted($1) }, .decide: { try $0.decide($1) }, .evaluate: { try $0.evaluate($1) },
        .agenda: { try $0.agenda($1) }, .minutes: { try $0.minutes($1) },
    ]

    /// `meeting new TITLE [community=] [date=] [members=N|a,b,…] [quorum=]`.
    func meetingNew(_ inv: Invocation) throws -> [Output] {
        guard let title = inv.text("title"), let titleLoc = inv["title"]?.location else { return [] }
        guard !title.trimmingWhitespace().isEmpty else {
            throw ScriptError.validation("a meeting needs a title", "会议名称不能为空", at: titleLoc)
        }
        var count = 0
        var names: [String] = []
        var named = true
        if let bound = inv["members"] {
            let values = bound.items.map(\.display)
            if values.count == 1, let n = Int(values[0]) {
                try checkCount(n, "members", at: bound.location, minimum: 1)
                count = n
                named = false
            } else {
                names = try distinctNames(bound)
                count = names.count
            }
        }
        let quorum = try quorumRule(inv, members: count)
        let community = try inv["community"].map { try resolve(.community, $0) }
        let date: Day
        if case .day(let d)? = inv["date"]?.value { date = d } else { date = session.now.day }
        let now = session.now.storage
        var sitting = try sittingValues(inv, on: date)
        if sitting["starts_at"] == nil, session.now.day == date { sitting["starts_at"] = .text(now) }
        let id = try store.insert(
            .meeting,
            [
                "name": .text(title), "community_id": community.map { .integer($0) } ?? .null, "date": .text(date.iso),
                "member_count": .integer(count), "named": .integer(named ? 1 : 0), "quorum": .text(quorum.storage),
                "status": .text("open"), "created_at": .text(now), "created_by": .text(session.actor),
            ].merging(sitting) { a, _ in a })
        for name in names {
            _ = try store.insert(
                .meetingMember,
                [
                    "meeting_id": .integer(id), "name": .text(name), "added_at": .text(now), "added_by": .text(session.actor),
                ])
        }
        let display = RecordKind.meeting.id(id)
        try log(
            inv, "meeting.new", .meeting, id,
            [
                ("title", title), ("date", date.iso), ("members", named ? names.joined(separator: ",") : String(count)),
                ("quorum", quorum.storage),
            ])
        guard let m = try? meetingRecord(id, at: inv.location) else { return [] }
        session.currentMeeting = display
        session.currentMeetingClosed = false
        session.currentItem = nil
        session.lastID = display
        let place = [try communityName(community), date.iso].compactMap { $0 }
        return [
            .text(
                say(
                    "opened meeting \(display) \(title) (\(place.joined(separator: ", "))): \(membersText(m))",
                    "已新建会议 \(display) \(title)（\(place.joined(separator: "，"))）：\(membersText(m))"))
        ]
    }

    /// Reads `quorum=`, which must be reachable with the members given.
    func quorumRule(_ inv: Invocation, members: Int) throws -> Tally.QuorumRule {
        guard let bound = inv["quorum"] else { return .majority }
        let text = bound.value.display
        guard let rule = Tally.QuorumRule.parse(text) else {
            throw ScriptError.validation(
                "'\(text)' is not a quorum", "'\(text)' 不是有效的法定人数", at: bound.location,
                hint: Localized(en: "write majority, two-thirds, three-quarters or a number", zh: "可写 majority（过半数）、two-thirds、three-quarters 或人数"))
        }
        if case .count(let n) = rule { try checkCount(n, "quorum", at: bound.location, minimum: 1) }
        if case .count(let n) = rule, members > 0, n > members {
            throw ScriptError.validation(
                "a quorum of \(n) is more than the \(members) members", "法定人数 \(n) 超过了成员总数 \(members)", at: bound.location)
        }
        return rule
    }

    /// The names of a list option, each once and none empty.
    func distinctNames(_ bound: BoundValue) throws -> [String] {
        // A set, not a search of the list so far: 200,000 names take linear time. Names
        // compare as Swift strings do, by canonical equivalence (NFC and NFD alike).
        var seen = Set<String>()
        var names: [String] = []
        for v in bound.items {
            let name = v.display.trimmingWhitespace()
            guard !name.isEmpty else { throw ScriptError.validation("a name cannot be empty", "姓名不能为空", at: bound.location) }
            guard seen.insert(name).inserted else {
                throw ScriptError.validation("'\(name)' is named twice", "'\(name)' 重复出现", at: bound.location)
            }
            names.append(name)
        }
        return names
    }

    /// "5 members, quorum 3 (more than half)".
    func membersText(_ m: MeetingRecord) -> String {
        guard m.memberCount > 0 else {
            return say("no members yet: add them with 'member add'", "尚无成员：请用“成员 添加”添加")
        }
        let q = Tally.quorumRequired(m.quorum, members: m.memberCount)
        let kind = m.named ? say("named", "按名单") : say("by count", "按人数")
        return say(
            "\(m.memberCount) members (\(kind)), quorum \(q) (\(quorumRuleText(m.quorum)))",
            "应到 \(m.memberCount) 人（\(kind)），法定人数 \(q) 人（\(quorumRuleText(m.quorum))）")
    }

    func quorumRuleText(_ q: Tally.QuorumRule) -> String {
        switch q {
        case .majority: return say("more than half", "过半数")
        case .twoThirds: return say("two-thirds", "三分之二")
        case .threeQuarters: return say("three-quarters", "四分之三")
        case .count: return say("fixed number", "指定人数")
        }
    }

    /// `meeting use M`: later commands in the room apply to it, and its latest item is current.
    func meetingUse(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["meeting"] else { return [] }
        let m = try meetingNamed(bound)
        session.currentMeeting = m.display
        session.currentMeetingClosed = !m.isOpen
        session.currentItem = try items(of: m).last?.display
        let status = m.isOpen ? say("open", "进行中") : say("closed", "已结束")
        let item = session.currentItem.map { say("; current item \($0)", "；当前议题 \($0)") } ?? ""
        return [.text(say("current meeting: \(m.display) \(m.title) (\(status))", "当前会议：\(m.display) \(m.title)（\(status)）") + item)]
    }

    /// `meeting show [M]`: the meeting at a glance.
    func meetingShow(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        let roll = try roll(m)
        let status = m.isOpen ? say("open", "进行中") : say("closed", "已结束")
        var lines = [say("\(m.display) \(m.title) — \(status)", "\(m.display) \(m.title)——\(status)")]
        let place = [try communityName(m.communityID), m.date].compactMap { $0 }
        lines.append(say("  held: ", "  时间地点：") + place.joined(separator: say(", ", "，")))
        lines.append(say("  members: ", "  成员：") + membersText(m))
        if m.named {
            let names = try memberNames(m)
            if !names.isEmpty { lines.append("    " + list(names)) }
        }
        lines.append("  " + presenceText(m, roll))
        if !roll.inPerson.isEmpty { lines.append(say("  in the room: ", "  在场：") + list(roll.inPerson)) }
        let others = try attendance(m).filter { $0.leftAt == nil && !$0.isMember }
        if !others.isEmpty {
            lines.append(say("  sitting in: ", "  列席：") + list(others.map { $0.name + say(" (\(attendanceRoleLabel($0.role)))", "（\(attendanceRoleLabel($0.role))）") }))
        }
        let all = try proxies(m)
        if !all.isEmpty {
            lines.append(say("  proxies: ", "  委托：") + list(all.map { say("\($0.holder) for \($0.giver)", "\($0.giver) 委托 \($0.holder)") }))
        }
        let its = try items(of: m)
        if !its.isEmpty {
            lines.append(say("  items: ", "  议题：") + list(its.map { "\($0.display) \(stepLabel($0.step))" }))
        }
        return [.text(lines.joined(separator: "\n"))]
    }

    func attendanceRoleLabel(_ role: String) -> String { ChoiceSet.attendanceRole.resolve(role)?.label.text(lang) ?? role }
    func stepLabel(_ step: ItemStep) -> String { ItemStep.choices.resolve(step.rawValue)?.label.text(lang) ?? step.rawValue }

    /// `meeting close [M]`: refused while a poll is open; whoever is still present is signed out.
    func meetingClose(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        try requireOpen(m, at: inv["meeting"]?.location ?? inv.location)
        if let open = try items(of: m).first(where: { $0.step == .voting }) {
            throw ScriptError.runtime(
                "the poll on \(open.display) is still open", "\(open.display) 的表决尚未结束", at: inv.location,
                hint: Localized(en: "tally it first: tally \(open.display)", zh: "请先计票：tally \(open.display)"))
        }
        let now = session.now.storage
        let still = try attendance(m).filter { $0.leftAt == nil }
        for a in still { try store.update(.attendance, id: a.id, ["left_at": .text(now)]) }
        try store.update(.meeting, id: m.id, ["status": .text("closed"), "closed_at": .text(now)])
        try log(inv, "meeting.close", .meeting, m.id, [("signed-out", still.map(\.name).joined(separator: ","))])
        // The record at the close is sealed (every chain's head, the close included): the
        // minutes print the seal, and audit verify seal=… proves later that the log still
        // extends it.
        // The minutes as they stand at the close, the seal printed in them, are kept in the
        // seal's own entry of the log: `minutes` prints them so ever after, whatever happens
        // later (a 办 or 评 the next month), and the chain vouches for every byte.
        let heads = try store.chainHeads()
        let closed = try meetingRecord(m.id, at: inv.location)
        let frozen = try minutesMarkdown(closed, seal: String(Seal.root(heads).prefix(Seal.shown)))
        let seal = try logSeal(inv, heads, of: .meeting, m.id, keeping: [("minutes", frozen)])
        let at = clock(session.now, on: m.date)
        var lines = [say("closed meeting \(m.display) at \(at)", "会议 \(m.display) 已于 \(at) 结束")]
        lines += try closeSummary(m)
        lines.append(
            still.isEmpty
                ? say("nobody was still signed in", "闭会时已无人在场")
                : say(
                    "signed out at the close (\(still.count)): \(still.map(\.name).joined(separator: ", "))",
                    "闭会时签退 \(still.count) 人：\(still.map(\.name).joined(separator: "、"))"))
        lines.append(
            say(
                "seal of the record at the close: \(seal) (in the minutes; audit verify seal=\(seal) proves the log still extends it)",
                "闭会时记录封印：\(seal)（印在纪要上；以后用 audit verify seal=\(seal) 证明修改记录仍延续它）"))
        lines.append(say("next: write the minutes — minutes \(m.display) out=FILE.md", "下一步：写出纪要——minutes \(m.display) out=文件.md"))
        if let r = recorder {
            lines.append(say("still recording to \(r.shown): record off when the session is done", "仍在录制到 \(r.shown)：结束时请 record off"))
        }
        // The room is left: the prompt no longer names the meeting or its item.
        if session.currentMeeting == m.display { session.currentMeetingClosed = true }
        return [.text(lines.joined(separator: "\n"))]
    }

    /// What the meeting decided, for the close: each item by its last round's verdict,
    /// the cases it became and the passed items still to carry out.
    func closeSummary(_ m: MeetingRecord) throws -> [String] {
        var passed: [String] = [], failed: [String] = [], void: [String] = [], open: [String] = []
        var cases: [String] = [], toCarry: [String] = []
        for item in try items(of: m) {
            switch try motions(of: item).last?.verdict {
            case .passed?: passed.append(item.display)
            case .failed?: failed.append(item.display)
            case .noQuorum?: void.append(item.display)
            case nil: open.append(item.display)
            }
            if let c = try caseOf(item) {
                let due = c.text("resolve_due").flatMap(Timestamp.parse)?.day.iso ?? "—"
                let dept = try c.int("department_id").map(departmentName) ?? ""
                cases.append(
                    say(
                        "\(RecordKind.case.id(c.id)) \(c.text("title") ?? "") (\(item.display); \(dept), due \(due))",
                        "\(RecordKind.case.id(c.id)) \(c.text("title") ?? "")（\(item.display)；\(dept)，办结期限 \(due)）"))
            } else if item.step == .passed {
                toCarry.append(item.display)
            }
        }
        func list(_ ids: [String]) -> String { ids.isEmpty ? "" : say(" (\(ids.joined(separator: ", ")))", "（\(ids.joined(separator: "、"))）") }
        var out = [
            say(
                "items: \(passed.count) passed\(list(passed)), \(failed.count) failed\(list(failed)), \(void.count) void for want of a quorum\(list(void)), \(open.count) not voted\(list(open))",
                "议题：通过 \(passed.count) 项\(list(passed))，未通过 \(failed.count) 项\(list(failed))，不足法定人数表决无效 \(void.count) 项\(list(void))，未表决 \(open.count) 项\(list(open))")
        ]
        out.append(
            cases.isEmpty
                ? say("no case was filed from this meeting", "本次会议未转办诉求")
                : say("cases filed from this meeting: ", "本次会议转办的诉求：") + cases.joined(separator: say("; ", "；")))
        if !toCarry.isEmpty {
            out.append(
                say(
                    "passed, to carry out (it can be done after the close): \(toCarry.map { "decide \($0) dept=… due=…" }.joined(separator: "; "))",
                    "已通过、待转办（闭会后仍可办理）：\(toCarry.map { "decide \($0) dept=… due=…" }.joined(separator: "；"))"))
        }
        return out
    }

    /// The sitting's columns given on the command line (venue, start, chair, recorder, leaders).
    func sittingValues(_ inv: Invocation, on date: Day) throws -> [String: StoreValue] {
        var values: [String: StoreValue] = [:]
        for (key, column) in [("venue", "venue"), ("chair", "chair"), ("recorder", "recorder")] {
            guard let b = inv[key] else { continue }
            let text = b.value.display.trimmingWhitespace()
            guard !text.isEmpty else { throw ScriptError.validation("\(key)= needs a value", "\(key)= 不能为空", at: b.location) }
            values[column] = .text(text)
        }
        if let b = inv["leaders"] { values["leaders"] = .text(try distinctNames(b).joined(separator: ",")) }
        if let b = inv["start"] {
            let text = b.value.display
            let parts = text.split(separator: ":")
            if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) {
                values["starts_at"] = .text(Timestamp(day: date, hour: h, minute: m).storage)
            } else if let t = Timestamp.parse(text), t.day == date {
                values["starts_at"] = .text(t.storage)
            } else {
                throw ScriptError.validation(
                    "start= expects a time on \(date.iso) such as 19:00, not '\(text)'", "start= 应为 \(date.iso) 当天的时间，如 19:00，而不是 '\(text)'",
                    at: b.location)
            }
        }
        return values
    }

    /// `meeting edit [M] venue=… start=… chair=… recorder=… leaders=…`, while it is open.
    func meetingEdit(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        try requireOpen(m, at: inv["meeting"]?.location ?? inv.location)
        guard let day = Day.parse(m.date) else { return [] }
        let values = try sittingValues(inv, on: day)
        guard !values.isEmpty else {
            throw ScriptError.validation(
                "'meeting edit' needs something to set", "'meeting edit' 需要给出要填写的内容", at: inv.location,
                hint: Localized(en: "venue=, start=, chair=, recorder= or leaders=", zh: "地点=、开始=、主持人=、记录人= 或 参会领导="))
        }
        let before = try store.select(.meeting, matching: ["id": .integer(m.id)], orderBy: []).first
        try store.update(.meeting, id: m.id, values)
        let changed = values.keys.sorted().flatMap { k in [(k, values[k]?.text ?? ""), (k + "-was", before?.text(k) ?? "")] }
        try log(inv, "meeting.edit", .meeting, m.id, changed)
        guard let now = try? meetingRecord(m.id, at: inv.location) else { return [] }
        return [.text(say("\(m.display): ", "\(m.display)：") + sittingText(now).joined(separator: say("; ", "；")))]
    }

    /// The sitting as one line each: time, venue, chair, recorder, leaders.
    func sittingText(_ m: MeetingRecord) -> [String] {
        var out: [String] = []
        if let s = m.startsAt { out.append(say("starts \(clock(s, on: m.date))", "开始 \(clock(s, on: m.date))")) }
        if let v = m.venue { out.append(say("venue \(v)", "地点 \(v)")) }
        if let c = m.chair { out.append(say("chair \(c)", "主持人 \(c)")) }
        if let r = m.recorder { out.append(say("recorder \(r)", "记录人 \(r)")) }
        if !m.leaders.isEmpty { out.append(say("leaders \(m.leaders.joined(separator: ", "))", "参会领导 \(m.leaders.joined(separator: "、"))")) }
        return out
    }

    /// `member add NAMES`: extends the member list of a meeting with named members.
    func memberAdd(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["names"] else { return [] }
        let m = try roomMeeting(inv)
        guard m.named else {
            throw ScriptError.runtime(
                "\(m.display) has a member count (\(m.memberCount)), not a list of names",
                "\(m.display) 的成员按人数（\(m.memberCount) 人）登记，没有名单", at: bound.location,
                hint: Localized(en: "members of such a meeting are known by signing in", zh: "此类会议的成员以签到为准"))
        }
        let names = try distinctNames(bound)
        for name in names { try refuseMergedMember(name, m, at: bound.location) }
        let existing = Set(try memberNames(m))
        if let dup = names.first(where: existing.contains) {
            throw ScriptError.runtime("'\(dup)' is already a member of \(m.display)", "'\(dup)' 已是 \(m.display) 的成员", at: bound.location)
        }
        let now = session.now.storage
        for name in names {
            _ = try store.insert(
                .meetingMember,
                [
                    "meeting_id": .integer(m.id), "name": .text(name), "added_at": .text(now), "added_by": .text(session.actor),
                ])
        }
        let total = existing.count + names.count
        try store.update(.meeting, id: m.id, ["member_count": .integer(total)])
        try log(inv, "meeting.member-add", .meeting, m.id, [("names", names.joined(separator: ","))])
        guard let updated = try? meetingRecord(m.id, at: inv.location) else { return [] }
        return [
            .text(
                say(
                    "added \(names.count) members to \(m.display): \(membersText(updated))",
                    "已向 \(m.display) 添加 \(names.count) 名成员：\(membersText(updated))"))
        ]
    }
}

/// Consultation meetings (会商会): opening, choosing, showing and closing a meeting, and its members.
extension Interpreter {
    static let meetingHandlers: [CommandID: Handler] = [
        .meetingNew: { try $0.meetingNew($1) }, .meetingUse: { try $0.meetingUse($1) },
        .meetingShow: { try $0.meetingShow($1) }, .meetingClose: { try $0.meetingClose($1) },
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
        let id = try store.insert(
            .meeting,
            [
                "name": .text(title), "community_id": community.map { .integer($0) } ?? .null, "date": .text(date.iso),
                "member_count": .integer(count), "named": .integer(named ? 1 : 0), "quorum": .text(quorum.storage),
                "status": .text("open"), "created_at": .text(now), "created_by": .text(session.actor),
            ])
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
        let seal = try logSeal(inv, try store.chainHeads(), of: .meeting, m.id)
        let at = clock(session.now, on: m.date)
        return [
            .text(
                say(
                    "closed meeting \(m.display) at \(at); \(still.count) signed out\nseal of the record at the close: \(seal) (in the minutes; audit verify seal=\(seal) proves the log still extends it)",
                    "会议 \(m.display) 已于 \(at) 结束；\(still.count) 人签退\n闭会时记录封印：\(seal)（印在纪要上；以后用 audit verify seal=\(seal) 证明修改记录仍延续它）"))
        ]
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

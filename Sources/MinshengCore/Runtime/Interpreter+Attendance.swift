/// Who is in the room: signing in and out, proxies, and the quorum they make.
extension Interpreter {
    /// "present: 4 of 5 members (3 in person, 1 by proxy); quorum 3 — met".
    func presenceText(_ m: MeetingRecord, _ roll: Roll, present: Int? = nil) -> String {
        let n = present ?? roll.present
        let q = Tally.quorumRequired(m.quorum, members: m.memberCount)
        let split =
            roll.byProxy.isEmpty
            ? "" : say(" (\(roll.inPerson.count) in person, \(roll.byProxy.count) by proxy)", "（本人 \(roll.inPerson.count)，委托 \(roll.byProxy.count)）")
        let met = Tally.hasQuorum(present: n, members: m.memberCount, rule: m.quorum)
        let verdict = met ? say("met", "已达到") : say("not met (\(max(0, q - n)) more needed)", "未达到（还差 \(max(0, q - n)) 人）")
        return say(
            "present: \(n) of \(m.memberCount) members\(split); quorum \(q) — \(verdict)",
            "出席：\(n) 人 / 应到 \(m.memberCount) 人\(split)；法定人数 \(q) 人——\(verdict)")
    }

    /// `attend NAMES [role=]`: members must be on the list (or, for a meeting given only a
    /// number, fit within it); cadres and guests sit in without a vote.
    func attend(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["names"] else { return [] }
        let m = try roomMeeting(inv)
        let role = inv.text("role") ?? "member"
        let names = try distinctNames(bound)
        let rows = try attendance(m)
        let members = m.named ? try memberNames(m) : try knownMembers(m)
        var newcomers = 0
        for name in names {
            try refuseMergedMember(name, m, at: bound.location)
            if let here = rows.first(where: { $0.name == name && $0.leftAt == nil }) {
                throw ScriptError.runtime(
                    "'\(name)' is already present (signed in at \(clock(here.arrivedAt, on: m.date)))",
                    "'\(name)' 已在场（\(clock(here.arrivedAt, on: m.date)) 签到）", at: bound.location)
            }
            let isMember = members.contains(name) || rows.contains { $0.name == name && $0.isMember }
            if role != "member" {
                guard !isMember else {
                    throw ScriptError.runtime(
                        "'\(name)' is a member of \(m.display) and signs in as one", "'\(name)' 是 \(m.display) 的成员，应以成员身份签到",
                        at: inv["role"]?.location ?? bound.location, hint: Localized(en: "leave out role=", zh: "去掉 role= 即可"))
                }
                continue
            }
            if m.named {
                guard isMember else {
                    throw ScriptError.runtime(
                        "'\(name)' is not a member of \(m.display)", "'\(name)' 不是 \(m.display) 的成员", at: bound.location,
                        hint: Suggestion.hint(for: name, in: members)
                            ?? Localized(en: "sit in with role=guest, or add the member: member add \(name)", zh: "可用 role=guest 列席，或先添加成员：member add \(name)"))
                }
            } else if !isMember {
                newcomers += 1
                guard members.count + newcomers <= m.memberCount else {
                    throw ScriptError.runtime(
                        "\(m.display) has \(m.memberCount) members and \(members.count) have already signed in or given a proxy",
                        "\(m.display) 应到 \(m.memberCount) 人，已有 \(members.count) 人签到或委托", at: bound.location,
                        hint: Localized(en: "check the name, or sign in with role=guest", zh: "请核对姓名，或以 role=guest 列席"))
                }
            }
        }
        let now = session.now.storage
        for name in names {
            _ = try store.insert(
                .attendance,
                [
                    "meeting_id": .integer(m.id), "name": .text(name), "role": .text(role), "arrived_at": .text(now),
                    "created_by": .text(session.actor),
                ])
        }
        try log(inv, "meeting.attend", .meeting, m.id, [("names", names.joined(separator: ",")), ("role", role)])
        let who = role == "member" ? "" : say(" (\(attendanceRoleLabel(role)))", "（\(attendanceRoleLabel(role))）")
        return [
            .text(
                say("signed in \(names.count)\(who): \(list(names)) — ", "已签到 \(names.count) 人\(who)：\(list(names))——")
                    + presenceText(m, try roll(m)))
        ]
    }

    /// `leave NAMES`: signs people out; a ballot already cast stands.
    func leave(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["names"] else { return [] }
        let m = try roomMeeting(inv)
        let names = try distinctNames(bound)
        let rows = try attendance(m)
        var open: [AttendanceRecord] = []
        for name in names {
            guard let here = rows.first(where: { $0.name == name && $0.leftAt == nil }) else {
                let left = rows.last { $0.name == name }?.leftAt
                throw ScriptError.runtime(
                    "'\(name)' is not present" + (left.map { " (left at \(clock($0, on: m.date)))" } ?? ""),
                    "'\(name)' 不在场" + (left.map { "（已于 \(clock($0, on: m.date)) 离场）" } ?? ""), at: bound.location)
            }
            open.append(here)
        }
        let now = session.now.storage
        for a in open { try store.update(.attendance, id: a.id, ["left_at": .text(now)]) }
        try log(inv, "meeting.leave", .meeting, m.id, [("names", names.joined(separator: ","))])
        return [.text(say("signed out: \(list(names)) — ", "已离场：\(list(names))——") + presenceText(m, try roll(m)))]
    }

    /// `proxy HOLDER for=GIVER`: one proxy per giver and per holder, no chains; it counts
    /// only while the giver is absent and the holder present.
    func proxy(_ inv: Invocation) throws -> [Output] {
        guard let holder = inv.text("holder"), let giver = inv.text("for") else { return [] }
        let hLoc = inv["holder"]?.location, gLoc = inv["for"]?.location
        let m = try roomMeeting(inv)
        guard holder != giver else {
            throw ScriptError.validation("'\(giver)' cannot hold their own proxy", "'\(giver)' 不能委托给自己", at: gLoc)
        }
        for (name, loc) in [(giver, gLoc), (holder, hLoc)] where m.named {
            guard try isMember(name, of: m) else {
                throw ScriptError.runtime(
                    "'\(name)' is not a member of \(m.display)", "'\(name)' 不是 \(m.display) 的成员", at: loc,
                    hint: Suggestion.hint(for: name, in: try memberNames(m)))
            }
        }
        if !m.named {
            guard try isMember(holder, of: m) else {
                throw ScriptError.runtime(
                    "'\(holder)' has not signed in as a member of \(m.display)", "'\(holder)' 尚未以成员身份签到 \(m.display)", at: hLoc)
            }
            let known = try knownMembers(m)
            if !known.contains(giver) && known.count >= m.memberCount {
                throw ScriptError.runtime(
                    "\(m.display) has \(m.memberCount) members and all are known; '\(giver)' is not one of them",
                    "\(m.display) 应到 \(m.memberCount) 人均已登记，'\(giver)' 不在其中", at: gLoc)
            }
        }
        let all = try proxies(m)
        if let p = all.first(where: { $0.giver == giver }) {
            throw ScriptError.runtime("'\(giver)' has already given a proxy to \(p.holder)", "'\(giver)' 已委托 \(p.holder)", at: gLoc)
        }
        if let p = all.first(where: { $0.holder == holder }) {
            throw ScriptError.runtime(
                "'\(holder)' already holds a proxy (for \(p.giver)); a member may hold only one",
                "'\(holder)' 已受 \(p.giver) 委托；每人只能接受一份委托", at: hLoc)
        }
        if let p = all.first(where: { $0.giver == holder }) {
            throw ScriptError.runtime(
                "'\(holder)' has given a proxy to \(p.holder) and cannot hold one", "'\(holder)' 已委托 \(p.holder)，不能再接受委托", at: hLoc)
        }
        if let p = all.first(where: { $0.holder == giver }) {
            throw ScriptError.runtime(
                "'\(giver)' holds a proxy for \(p.giver) and cannot give one", "'\(giver)' 已受 \(p.giver) 委托，不能再委托他人", at: gLoc)
        }
        _ = try store.insert(
            .meetingProxy,
            [
                "meeting_id": .integer(m.id), "giver": .text(giver), "holder": .text(holder), "given_at": .text(session.now.storage),
                "created_by": .text(session.actor),
            ])
        try log(inv, "meeting.proxy", .meeting, m.id, [("giver", giver), ("holder", holder)])
        return [
            .text(
                say("proxy: \(holder) votes for \(giver) while \(giver) is absent — ", "已登记委托：\(giver) 缺席时由 \(holder) 代为表决——")
                    + presenceText(m, try roll(m)))
        ]
    }
}

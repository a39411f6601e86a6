/// `member merge 王方 into=王芳 reason=…` (成员 合并): one member of the open meeting entered
/// under two names — twice on the list, or signed in under each — becomes one. The merge is
/// kept with the meeting's corrections (the minutes' `## 更正记录`), which is also where the
/// merged name is known from: it is no longer on the list, and it signs in no more.
extension Interpreter {
    /// The members of a meeting merged into others: the name merged, and the name kept.
    func mergedMembers(_ m: MeetingRecord) throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try store.select(.meetingCorrection, matching: ["meeting_id": .integer(m.id), "what": .text("member.merge")], orderBy: []) {
            if let was = r.text("was"), let now = r.text("now") { out[was] = now }
        }
        return out
    }

    /// Refuses a name merged into another in the meeting: the kept name is the member's.
    func refuseMergedMember(_ name: String, _ m: MeetingRecord, at loc: SourceLocation?) throws {
        guard let kept = try mergedMembers(m)[name] else { return }
        throw ScriptError.runtime(
            "'\(name)' was merged into \(kept) in \(m.display)", "'\(name)' 已在 \(m.display) 合并为 \(kept)", at: loc,
            hint: Localized(en: "the member is \(kept) now", zh: "该成员现为 \(kept)"))
    }

    /// `member merge DUPLICATE into=KEPT reason=…`: refused while the two names were counted
    /// as two people — both signed in at once, both in proxies, both with a ballot on one
    /// poll, or both counted at one tally; otherwise the duplicate's sign-ins, proxies and
    /// ballots are the kept name's, and a named list loses the duplicate (and one member).
    func memberMerge(_ inv: Invocation) throws -> [Output] {
        guard let dup = inv.text("name"), let kept = inv.text("into")?.trimmingWhitespace(), !kept.isEmpty else { return [] }
        let reason = try requiredReason(inv)
        let (dupLoc, keptLoc) = (inv["name"]?.location, inv["into"]?.location)
        let m = try roomMeeting(inv)
        try refuseMergedMember(dup, m, at: dupLoc)
        try refuseMergedMember(kept, m, at: keptLoc)
        let known = m.named ? try memberNames(m) : try knownMembers(m)
        guard known.contains(dup) else {
            throw ScriptError.runtime(
                "'\(dup)' is not a member of \(m.display)", "'\(dup)' 不是 \(m.display) 的成员", at: dupLoc, hint: Suggestion.hint(for: dup, in: known))
        }
        guard dup != kept else { throw ScriptError.runtime("'\(dup)' is one name: nothing to merge", "'\(dup)' 是同一个名字，无可合并", at: keptLoc) }
        guard known.contains(kept) else {
            throw ScriptError.runtime(
                "'\(kept)' is not a member of \(m.display)", "'\(kept)' 不是 \(m.display) 的成员", at: keptLoc,
                hint: Localized(
                    en: "a name entered wrong is corrected with: member rename \(dup) to=\(kept) reason=…", zh: "录错的姓名请更名：成员 更名 \(dup) 改为=\(kept) 原因=…"))
        }
        try checkOnePerson(m, dup, kept, at: dupLoc)
        if m.named { try store.update(.meeting, id: m.id, ["member_count": .integer(max(0, m.memberCount - 1))]) }
        let (signIns, ballots) = try renameInRecord(m, from: dup, to: kept)
        try recordCorrection(m, item: nil, what: "member.merge", name: kept, was: dup, now: kept, reason: reason)
        try log(inv, "meeting.member-merge", .meeting, m.id, [("was", dup), ("now", kept), ("reason", reason)])
        let updated = try meetingRecord(m.id, at: inv.location)
        let parts = [
            signIns == 0 ? nil : Localized(en: "\(signIns) \(signIns == 1 ? "sign-in" : "sign-ins")", zh: "签到 \(signIns) 条"),
            ballots == 0 ? nil : Localized(en: "\(ballots) \(ballots == 1 ? "ballot" : "ballots")", zh: "选票 \(ballots) 张"),
        ].compactMap { $0 }
        let moved =
            parts.isEmpty
            ? say("nothing was signed in or voted under \(dup)", "\(dup) 名下没有签到和选票")
            : say("\(parts.map(\.en).joined(separator: " and ")) now \(kept)'s", "\(parts.map(\.zh).joined(separator: "、"))归入 \(kept)")
        return [
            .text(
                say(
                    "merged the member \(dup) into \(kept) in \(m.display) (reason: \(reason)): \(moved) — ",
                    "已将 \(m.display) 成员 \(dup) 合并为 \(kept)（原因：\(reason)）：\(moved)——")
                    + presenceText(updated, try roll(updated)))
        ]
    }

    /// Refuses two names that were counted as two people, with the correction to make first.
    private func checkOnePerson(_ m: MeetingRecord, _ dup: String, _ kept: String, at loc: SourceLocation?) throws {
        let rows = try attendance(m)
        for a in rows where a.name == dup {
            for b in rows where b.name == kept && (b.leftAt.map { a.arrivedAt < $0 } ?? true) && (a.leftAt.map { b.arrivedAt < $0 } ?? true) {
                throw ScriptError.runtime(
                    "\(dup) (\(clock(a.arrivedAt, on: m.date))) and \(kept) (\(clock(b.arrivedAt, on: m.date))) were signed in at once: they were counted as two",
                    "\(dup)（\(clock(a.arrivedAt, on: m.date))）和 \(kept)（\(clock(b.arrivedAt, on: m.date))）同时在场：被计为两人", at: loc,
                    hint: Localized(en: "remove the duplicate sign-in first: attend remove \(dup) reason=…", zh: "请先撤销重复的签到：撤销签到 \(dup) 原因=…"))
            }
        }
        let proxies = try store.select(.meetingProxy, matching: ["meeting_id": .integer(m.id)], orderBy: [])
        func inProxies(_ name: String) -> Bool { proxies.contains { $0.text("giver") == name || $0.text("holder") == name } }
        if inProxies(dup) && inProxies(kept) {
            throw ScriptError.runtime(
                "\(dup) and \(kept) are both named in proxies: they were counted as two", "\(dup) 和 \(kept) 都出现在委托中：被计为两人", at: loc)
        }
        /// Counted present at `t`: signed in as a member then, or a proxy's giver by then.
        func counted(_ name: String, at t: Timestamp) -> Bool {
            rows.contains { $0.name == name && $0.isMember && $0.arrivedAt <= t && ($0.leftAt.map { $0 > t } ?? true) }
                || proxies.contains { $0.text("giver") == name && ($0.time("given_at").map { $0 <= t } ?? true) }
        }
        for item in try items(of: m) {
            for motion in try motions(of: item) {
                let voters = try ballots(of: motion).map(\.voter)
                // A withdrawn ballot of the kept name holds its place: the duplicate's cannot take it.
                if voters.contains(dup), try ballotRows(of: motion).contains(where: { $0.voter == kept && $0.voided }) {
                    throw ScriptError.runtime(
                        "\(kept)'s ballot on \(item.display) was withdrawn and \(dup)'s stands", "\(kept) 在 \(item.display) 的选票已撤销，\(dup) 的选票仍在", at: loc,
                        hint: motion.isOpen
                            ? Localized(
                                en: "withdraw \(dup)'s too (ballot withdraw \(item.display) \(dup) reason=…), merge, and vote again as \(kept)",
                                zh: "请也撤销 \(dup) 的选票（撤票 \(item.display) \(dup) 原因=…），合并后以 \(kept) 重新投票")
                            : Localized(
                                en: "the vote is tallied; vote again as a new round: motion \(item.display) … reason=…",
                                zh: "该表决已计票；可重新表决：重新表决 \(item.display) … 原因=…"))
                }
                if voters.contains(dup) && voters.contains(kept) {
                    throw ScriptError.runtime(
                        "\(dup) and \(kept) both have a ballot on \(item.display): they voted as two", "\(dup) 和 \(kept) 在 \(item.display) 都有选票：按两人投票", at: loc,
                        hint: motion.isOpen
                            ? Localized(
                                en: "withdraw the duplicate's: ballot withdraw \(item.display) \(dup) reason=…", zh: "请先撤销重复的选票：撤票 \(item.display) \(dup) 原因=…")
                            : Localized(
                                en: "the vote is tallied; vote again as a new round: motion \(item.display) … reason=…",
                                zh: "该表决已计票；可重新表决：重新表决 \(item.display) … 原因=…"))
                }
                if let t = motion.closedAt, counted(dup, at: t) && counted(kept, at: t) {
                    throw ScriptError.runtime(
                        "\(dup) and \(kept) were both counted present at the tally of \(item.display) (\(clock(t, on: m.date))): that tally stands",
                        "\(dup) 和 \(kept) 在 \(item.display) 计票时（\(clock(t, on: m.date))）都计入出席：该计票结果不变", at: loc,
                        hint: Localized(
                            en: "vote again as a new round (motion \(item.display) … reason=…); the minutes keep both",
                            zh: "可重新表决（重新表决 \(item.display) … 原因=…）；纪要保留两轮"))
                }
            }
        }
    }

    /// Puts `new` for `old` in a meeting's sign-ins, proxies and ballots (every round, secret
    /// polls' voters too); how many sign-ins and ballots now name `new`. A withdrawn ballot of
    /// `old` where `new` has one of its own stays as it was (one ballot a voter, a poll).
    func renameInRecord(_ m: MeetingRecord, from old: String, to new: String) throws -> (signIns: Int, ballots: Int) {
        let meeting: [String: StoreValue] = ["meeting_id": .integer(m.id)]
        var signIns = 0, ballots = 0
        for r in try store.select(.attendance, matching: meeting.merging(["name": .text(old)]) { a, _ in a }, orderBy: []) {
            try store.update(.attendance, id: r.id, ["name": .text(new)])
            if r.text("voided_at") == nil { signIns += 1 }
        }
        for r in try store.select(.meetingProxy, matching: meeting, orderBy: []) {
            var v: [String: StoreValue] = [:]
            if r.text("giver") == old { v["giver"] = .text(new) }
            if r.text("holder") == old { v["holder"] = .text(new) }
            if !v.isEmpty { try store.update(.meetingProxy, id: r.id, v) }
        }
        for item in try items(of: m) {
            for motion in try motions(of: item) {
                let kind: RecordKind = motion.secret ? .secretVoter : .ballot
                let rows = try store.select(kind, matching: ["motion_id": .integer(motion.id)], orderBy: [])
                let taken = rows.contains { $0.text("voter") == new }
                for b in rows {
                    var v: [String: StoreValue] = [:]
                    if b.text("voter") == old && !taken { v["voter"] = .text(new) }
                    if b.text("proxy_holder") == old { v["proxy_holder"] = .text(new) }
                    guard !v.isEmpty else { continue }
                    try store.update(kind, id: b.id, v)
                    if b.text("voided_at") == nil && v["voter"] != nil { ballots += 1 }
                }
            }
        }
        return (signIns, ballots)
    }
}

/// 决: ballots and the tally. One ballot per eligible member present (in person, or by
/// proxy while the giver is absent), only while the poll is open and the quorum is met.
extension Interpreter {
    /// The open poll of an item, or an error that says why there is none.
    func openMotion(_ item: ItemRecord, _ inv: Invocation, action: ItemAction) throws -> MotionRecord {
        let all = try motions(of: item)
        if let last = all.last, last.isOpen, item.step == .voting { return last }
        let loc = inv["item"]?.location ?? inv.location
        if let last = all.last, let closed = last.closedAt, action == .vote {
            let m = try meetingRecord(item.meetingID, at: loc)
            throw ScriptError.runtime(
                "the poll on \(item.display) was closed by the tally at \(clock(closed, on: m.date)): no ballot after the tally",
                "\(item.display) 的表决已于 \(clock(closed, on: m.date)) 计票结束：计票后不能再投票", at: loc,
                hint: item.step == .failed ? Localized(en: "a new motion opens a new poll", zh: "可重新提出动议，另行表决") : nil)
        }
        try requireStep(item, for: action, at: loc, hint: Localized(en: "open a poll with: motion \(item.display) TEXT", zh: "请先提出动议：动议 \(item.display) 内容"))
        throw ScriptError.runtime("no poll is open on \(item.display)", "\(item.display) 没有进行中的表决", at: loc)
    }

    /// `vote [ITEM] yes=… no=… abstain=…` (open) or `vote [ITEM] by=…` (secret).
    func vote(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        let m = try itemInRoom(item, inv)
        let motion = try openMotion(item, inv, action: .vote)
        let choices = ["yes", "no", "abstain"].compactMap { key in inv[key].map { (key, $0) } }
        let lists: [(String?, BoundValue)]
        if motion.secret {
            if let (key, bound) = choices.first {
                forgetStatement = true
                throw ScriptError.validation(
                    "\(item.display) is a secret poll: a ballot's choice is never recorded with its voter ('\(key)=')",
                    "\(item.display) 为无记名投票：不记录投票人的选择（'\(key)='）", at: bound.location,
                    hint: Localized(
                        en: "list who cast a ballot with by=…; count the box with: tally \(item.display) yes=… no=…",
                        zh: "用 投票人=… 登记投票人；计票时清点票箱：计票 \(item.display) 赞成=… 反对=…"))
            }
            guard let by = inv["by"] else {
                throw ScriptError.validation("a secret poll needs by=: who cast a ballot", "无记名投票需用 投票人= 写明投票人", at: inv.location)
            }
            lists = [(nil, by)]
        } else {
            if let by = inv["by"] {
                throw ScriptError.validation(
                    "\(item.display) is an open poll: give each ballot with yes=, no= or abstain=", "\(item.display) 为记名投票：请用 赞成=、反对=、弃权= 记录", at: by.location)
            }
            guard !choices.isEmpty else {
                throw ScriptError.validation(
                    "'vote' needs yes=, no= or abstain=", "'vote' 需要 赞成=、反对= 或 弃权=", at: inv.location,
                    hint: Localized(en: "vote \(item.display) yes=王芳 no=张伟", zh: "例如 决 \(item.display) 赞成=王芳 反对=张伟"))
            }
            lists = choices.map { ($0.0, $0.1) }
        }
        let roll = try roll(m)
        let prior = try ballots(of: motion)
        let present = roll.presentAtVote(voters: prior.map(\.voter))
        guard Tally.hasQuorum(present: present, members: m.memberCount, rule: m.quorum) else {
            throw ScriptError.runtime(
                "no quorum: ballots cannot be taken — \(presenceText(m, roll, present: present))",
                "不足法定人数，不能投票——\(presenceText(m, roll, present: present))", at: inv.location)
        }
        let allProxies = try proxies(m), rows = try attendance(m)
        var cast: [(voter: String, choice: String?, holder: String?)] = []
        for (choice, bound) in lists {
            for v in bound.items {
                let name = v.display
                if cast.contains(where: { $0.voter == name }) {
                    throw ScriptError.validation("'\(name)' is named twice in this vote", "'\(name)' 在本次投票中重复出现", at: bound.location)
                }
                if let b = prior.first(where: { $0.voter == name }) { throw alreadyVoted(b, item, m, allProxies, at: bound.location) }
                guard try isMember(name, of: m) else {
                    if let a = rows.last(where: { $0.name == name && !$0.isMember }) {
                        throw ScriptError.runtime(
                            "'\(name)' sits in as \(attendanceRoleLabel(a.role)) and has no vote", "'\(name)' 以\(attendanceRoleLabel(a.role))身份列席，没有表决权", at: bound.location)
                    }
                    throw ScriptError.runtime(
                        "'\(name)' is not a member of \(m.display) and cannot vote", "'\(name)' 不是 \(m.display) 的成员，不能投票", at: bound.location,
                        hint: Suggestion.hint(for: name, in: m.named ? try memberNames(m) : try knownMembers(m)))
                }
                switch roll.standing(of: name, proxies: allProxies) {
                case .inPerson: cast.append((name, choice, nil))
                case .byProxy(let holder): cast.append((name, choice, holder))
                case .absent(let holder):
                    let why =
                        holder.map { say(", and the proxy holder \($0) is not present either", "，其受托人 \($0) 也不在场") } ?? say(" and gave no proxy", "，也没有委托他人")
                    throw ScriptError.runtime("'\(name)' is not present\(why)", "'\(name)' 不在场\(why)", at: bound.location)
                }
            }
        }
        let now = session.now.storage
        let withdrawn = try ballotRows(of: motion).filter(\.voided)
        for c in cast {
            var row: [String: StoreValue] = [
                "motion_id": .integer(motion.id), "voter": .text(c.voter), "proxy_holder": c.holder.map { .text($0) } ?? .null, "cast_at": .text(now),
            ]
            if let choice = c.choice { row["choice"] = .text(choice) }
            // A ballot withdrawn earlier is cast again in its own row (one row per voter); the
            // withdrawal stays in the corrections.
            if let old = withdrawn.first(where: { $0.voter == c.voter }) {
                row["voided_at"] = .null
                row["voided_by"] = .null
                row["void_reason"] = .null
                try store.update(motion.secret ? .secretVoter : .ballot, id: old.id, row)
            } else {
                _ = try store.insert(motion.secret ? .secretVoter : .ballot, row)
            }
        }
        var details: [(String, String)] = [("motion", String(motion.id))]
        if motion.secret {
            details.append(("voters", cast.map(\.voter).joined(separator: ",")))
        } else {
            for key in ["yes", "no", "abstain"] {
                let names = cast.filter { $0.choice == key }.map(\.voter)
                if !names.isEmpty { details.append((key, names.joined(separator: ","))) }
            }
        }
        let proxied = cast.compactMap { c in c.holder.map { "\(c.voter)<\($0)" } }
        if !proxied.isEmpty { details.append(("proxies", proxied.joined(separator: ","))) }
        try log(inv, "item.vote", .item, item.id, details)
        session.currentItem = item.display
        let voted = prior.count + cast.count
        let tail = say(" — \(voted) of \(present) present have voted", "——出席 \(present) 人中已投 \(voted) 票")
        func who(_ c: (voter: String, choice: String?, holder: String?)) -> String {
            c.holder.map { say("\(c.voter) (proxy: \($0))", "\(c.voter)（\($0)代）") } ?? c.voter
        }
        if motion.secret {
            return [
                .text(
                    say(
                        "recorded \(cast.count) secret \(cast.count == 1 ? "ballot" : "ballots") on \(item.display): ",
                        "\(item.display) 无记名投票已登记 \(cast.count) 人：") + list(cast.map(who)) + tail)
            ]
        }
        let parts = ["yes", "no", "abstain"].compactMap { key -> String? in
            let names = cast.filter { $0.choice == key }.map(who)
            guard !names.isEmpty else { return nil }
            return choiceLabel(key) + " " + list(names)
        }
        return [
            .text(
                say("recorded \(cast.count) \(cast.count == 1 ? "ballot" : "ballots") on \(item.display): ", "\(item.display) 已记录 \(cast.count) 票：")
                    + parts.joined(separator: say("; ", "；")) + tail)
        ]
    }

    func choiceLabel(_ key: String) -> String {
        switch key {
        case "yes": return say("yes", "赞成")
        case "no": return say("no", "反对")
        case "abstain": return say("abstain", "弃权")
        case "invalid": return say("invalid", "废票")
        default: return key
        }
    }

    /// The refusal of a second ballot, saying how the first was cast.
    func alreadyVoted(_ b: BallotRecord, _ item: ItemRecord, _ m: MeetingRecord, _ proxies: [Roll.Proxy], at loc: SourceLocation?) -> ScriptError {
        let at = b.castAt.map { clock($0, on: m.date) } ?? ""
        var en = "'\(b.voter)' has already voted on \(item.display) at \(at)"
        var zh = "'\(b.voter)' 已于 \(at) 对 \(item.display) 投过票"
        if let c = b.choice {
            en += " (\(c))"
            zh += "（\(choiceLabelZh(c))）"
        }
        if let h = b.proxyHolder {
            en += ", by proxy through \(h)"
            zh += "，由 \(h) 代投"
        }
        let hint =
            proxies.first { $0.giver == b.voter }.map { p in
                Localized(
                    en: "one ballot each: \(p.holder)'s proxy for \(p.giver) counts once, and only while \(p.giver) is absent",
                    zh: "每人一票：\(p.holder) 受 \(p.giver) 的委托只算一次，且仅在 \(p.giver) 缺席时有效")
            } ?? Localized(en: "one ballot per member", zh: "每人只能投一票")
        return ScriptError.runtime(en, zh, at: loc, hint: hint)
    }

    func choiceLabelZh(_ c: String) -> String { ["yes": "赞成", "no": "反对", "abstain": "弃权"][c] ?? c }

    /// `who-has-not-voted [ITEM]`: members present (or represented) with no ballot yet.
    func whoHasNotVoted(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        let m = try meetingRecord(item.meetingID, at: inv.location)
        let motion = try openMotion(item, inv, action: .vote)
        session.currentItem = item.display
        let roll = try roll(m)
        let voters = Set(try ballots(of: motion).map(\.voter))
        var missing = roll.inPerson.filter { !voters.contains($0) }
        missing += roll.byProxy.filter { !voters.contains($0.giver) }.map { say("\($0.giver) (proxy: \($0.holder))", "\($0.giver)（\($0.holder)代）") }
        let present = roll.presentAtVote(voters: Array(voters))
        var lines: [String] = []
        if missing.isEmpty {
            lines.append(
                say("everyone present has voted on \(item.display) (\(voters.count) of \(present))", "出席者均已对 \(item.display) 投票（\(voters.count) / \(present)）"))
        } else {
            lines.append(
                say("not yet voted on \(item.display): \(missing.count) of \(present) present — ", "\(item.display) 尚未投票：出席 \(present) 人中 \(missing.count) 人——")
                    + list(missing))
        }
        if m.named {
            let here = Set(roll.inPerson + roll.byProxy.map(\.giver))
            let absent = try memberNames(m).filter { !here.contains($0) && !voters.contains($0) }
            if !absent.isEmpty {
                lines.append(say("absent, no proxy in the room (cannot vote): ", "缺席且无人代投（不能投票）：") + list(absent))
            }
        }
        return [.text(lines.joined(separator: "\n"))]
    }
}

/// 计票: closing a poll. The counts, the quorum at that moment and the verdict are kept
/// on the motion, so minutes and replays read exactly what the room was told.
extension Interpreter {
    /// `tally [ITEM]` (open poll) or `tally [ITEM] yes=N no=N abstain=N invalid=N` (secret poll).
    func tally(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        let m = try itemInRoom(item, inv)
        let motion = try openMotion(item, inv, action: .tally)
        let prior = try ballots(of: motion)
        let boxKeys = ["yes", "no", "abstain", "invalid"]
        var counts = Tally.Counts()
        if motion.secret {
            guard boxKeys.contains(where: { inv[$0] != nil }) else {
                throw ScriptError.validation(
                    "\(item.display) is a secret poll: give what the box holds", "\(item.display) 为无记名投票：请给出票箱清点结果", at: inv.location,
                    hint: Localized(en: "tally \(item.display) yes=… no=… abstain=… invalid=…", zh: "计票 \(item.display) 赞成=… 反对=… 弃权=… 废票=…"))
            }
            var box: [String: Int] = [:]
            for key in boxKeys {
                guard case .integer(let n)? = inv[key]?.value else { continue }
                try checkCount(n, key, at: inv[key]?.location)
                box[key] = n
            }
            counts = Tally.Counts(yes: box["yes"] ?? 0, no: box["no"] ?? 0, abstain: box["abstain"] ?? 0, invalid: box["invalid"] ?? 0)
            guard counts.cast == prior.count else {
                throw ScriptError.runtime(
                    "the counts add up to \(counts.cast) but \(prior.count) ballots were cast", "票数合计 \(counts.cast)，而投票人数为 \(prior.count)",
                    at: inv[boxKeys.first { inv[$0] != nil } ?? "yes"]?.location ?? inv.location,
                    hint: Localized(en: "count the box again; spoiled ballots go in invalid=", zh: "请重新清点票箱；废票计入 废票="))
            }
        } else {
            if let key = boxKeys.first(where: { inv[$0] != nil }) {
                throw ScriptError.validation(
                    "\(item.display) is an open poll, counted from its named ballots: '\(key)=' is for secret polls",
                    "\(item.display) 为记名投票，按已记录的选票计票：'\(key)=' 仅用于无记名投票", at: inv[key]?.location)
            }
            counts.yes = prior.filter { $0.choice == "yes" }.count
            counts.no = prior.filter { $0.choice == "no" }.count
            counts.abstain = prior.filter { $0.choice == "abstain" }.count
        }
        let roll = try roll(m)
        counts.members = m.memberCount
        counts.present = roll.presentAtVote(voters: prior.map(\.voter))
        let inPersonVoters = Set(prior.filter { $0.proxyHolder == nil }.map(\.voter))
        let proxied = Set(prior.filter { $0.proxyHolder != nil }.map(\.voter)).union(roll.byProxy.map(\.giver)).subtracting(inPersonVoters)
        let result = Tally.tally(counts, rule: motion.rule, base: motion.base, quorum: m.quorum)
        let now = session.now.storage
        try store.update(
            .motion, id: motion.id,
            [
                "closed_at": .text(now), "members": .integer(counts.members), "present": .integer(counts.present),
                "by_proxy": .integer(proxied.count), "quorum_required": .integer(result.quorumRequired), "yes": .integer(counts.yes),
                "no": .integer(counts.no), "abstain": .integer(counts.abstain), "invalid": .integer(counts.invalid),
                "base_count": .integer(result.base), "needed": .integer(result.needed), "verdict": .text(result.verdict.rawValue),
            ])
        if motion.secret {
            for (key, n) in [("yes", counts.yes), ("no", counts.no), ("abstain", counts.abstain), ("invalid", counts.invalid)] {
                _ = try store.insert(.secretCount, ["motion_id": .integer(motion.id), "choice": .text(key), "n": .integer(n)])
            }
        }
        try setStep(item, result.verdict == .passed ? .passed : .failed)
        try log(
            inv, "item.tally", .item, item.id,
            [
                ("motion", String(motion.id)), ("verdict", result.verdict.rawValue), ("yes", String(counts.yes)), ("no", String(counts.no)),
                ("abstain", String(counts.abstain)), ("invalid", String(counts.invalid)), ("present", String(counts.present)),
                ("members", String(counts.members)), ("base", String(result.base)), ("needed", String(result.needed)),
            ])
        guard let closed = try motions(of: item).last else { return [] }
        session.currentItem = item.display
        return [.text(tallyLines(item, closed).joined(separator: "\n"))]
    }

    /// The tally as the room hears it: rule, base, quorum, every count, the verdict.
    func tallyLines(_ item: ItemRecord, _ motion: MotionRecord) -> [String] {
        let c = motion.counts
        let mode = motion.secret ? say("secret ballot", "无记名投票") : say("open ballot", "记名投票")
        let met = c.present >= motion.quorumRequired
        let quorum = say(
            "quorum: \(c.present) of \(c.members) members present at the vote (\(motion.byProxy) by proxy), \(motion.quorumRequired) required — \(met ? "met" : "not met")",
            "法定人数：表决时出席 \(c.present) 人 / 应到 \(c.members) 人（含委托 \(motion.byProxy) 人），需 \(motion.quorumRequired) 人——\(met ? "已达到" : "未达到")")
        var countParts = [("yes", c.yes), ("no", c.no), ("abstain", c.abstain)]
        if motion.secret { countParts.append(("invalid", c.invalid)) }
        let counted =
            countParts.map { "\(choiceLabel($0.0)) \($0.1)" } + [say("not voted \(c.notVoted)", "未投票 \(c.notVoted)"), say("cast \(c.cast)", "共投 \(c.cast) 票")]
        let verdict: String
        switch motion.verdict {
        case .passed?: verdict = say("passed", "通过")
        case .failed?: verdict = say("failed (\(c.yes) yes, \(motion.needed) needed)", "未通过（赞成 \(c.yes) 票，需 \(motion.needed) 票）")
        case .noQuorum?: verdict = say("no quorum — the vote does not count", "不足法定人数——表决无效")
        case nil: verdict = ""
        }
        return [
            say("tally of \(item.display): \(motion.text) (\(mode))", "计票 \(item.display)：\(motion.text)（\(mode)）"),
            "  " + ruleText(rule: motion.rule.rawValue, base: motion.base.rawValue),
            "  " + quorum,
            "  " + counted.joined(separator: say(", ", "，")),
            "  " + say("base \(motion.baseCount), needed \(motion.needed)", "基数 \(motion.baseCount)，通过需 \(motion.needed) 票"),
            "  " + say("verdict: ", "结果：") + verdict,
        ]
    }
}

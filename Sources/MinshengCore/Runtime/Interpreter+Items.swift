/// Agenda items: 提 (propose), 议 (discuss), the motion that opens the poll, and the agenda.
extension Interpreter {
    /// `propose TITLE by=…` (提): a new item on the current meeting, which becomes the current item.
    func propose(_ inv: Invocation) throws -> [Output] {
        guard let title = inv.text("title"), let by = inv.text("by") else { return [] }
        guard !title.trimmingWhitespace().isEmpty else {
            throw ScriptError.validation("an item needs a title", "议题不能为空", at: inv["title"]?.location)
        }
        let m = try roomMeeting(inv)
        let now = session.now.storage
        let id = try store.insert(
            .item,
            [
                "meeting_id": .integer(m.id), "title": .text(title), "proposer": .text(by), "step": .text(ItemStep.proposed.rawValue),
                "proposed_at": .text(now), "created_by": .text(session.actor), "updated_at": .text(now),
            ])
        try log(inv, "item.propose", .item, id, [("meeting", m.display), ("title", title), ("by", by)])
        let display = RecordKind.item.id(id)
        session.currentItem = display
        session.lastID = display
        return [.text(say("proposed \(display) \(title) (by \(by)) at \(m.display)", "已提出议题 \(display) \(title)（提出人：\(by)，\(m.display)）"))]
    }

    /// For `[ITEM] TEXT` commands: a single value is the text and the item is the current one.
    func itemAndText(_ inv: Invocation) throws -> (ItemRecord, String) {
        if let text = inv.text("text") {
            guard !text.trimmingWhitespace().isEmpty else {
                throw ScriptError.validation("the text cannot be empty", "内容不能为空", at: inv["text"]?.location)
            }
            return (try targetItem(inv), text)
        }
        guard let only = inv["item"] else {
            throw ScriptError.validation(
                "'\(inv.spec.displayName)' needs TEXT", "'\(inv.spec.name(.zh))' 缺少内容", at: inv.location,
                hint: Localized(en: "usage: " + inv.spec.usage(.en), zh: "用法：" + inv.spec.usage(.zh)))
        }
        if let (kind, _) = RecordKind.forID(only.value.display), kind == .item {
            throw ScriptError.validation(
                "'\(inv.spec.displayName)' needs TEXT after the item", "'\(inv.spec.name(.zh))' 在议题编号后缺少内容", at: only.location,
                hint: Localized(en: "usage: " + inv.spec.usage(.en), zh: "用法：" + inv.spec.usage(.zh)))
        }
        var withoutItem = inv
        withoutItem.values["item"] = nil
        return (try targetItem(withoutItem), only.value.display)
    }

    /// The item's meeting, which must still be in session.
    func itemInRoom(_ item: ItemRecord, _ inv: Invocation) throws -> MeetingRecord {
        let m = try meetingRecord(item.meetingID, at: inv.location)
        try requireOpen(m, at: inv["item"]?.location ?? inv.location)
        return m
    }

    func setStep(_ item: ItemRecord, _ step: ItemStep) throws {
        try store.update(.item, id: item.id, ["step": .text(step.rawValue), "updated_at": .text(session.now.storage)])
    }

    /// `discuss [ITEM] TEXT by=… stance=…` (议): one speech; debate closes when the poll opens.
    func discuss(_ inv: Invocation) throws -> [Output] {
        let (item, text) = try itemAndText(inv)
        guard let by = inv.text("by") else { return [] }
        _ = try itemInRoom(item, inv)
        try requireStep(
            item, for: .discuss, at: inv["item"]?.location ?? inv.location,
            hint: item.step == .voting ? Localized(en: "the poll is open: debate closed with the motion", zh: "表决已开始，讨论随动议结束") : nil)
        let stance = inv.text("stance") ?? "neutral"
        _ = try store.insert(
            .speech,
            [
                "item_id": .integer(item.id), "speaker": .text(by), "stance": .text(stance), "note": .text(text),
                "spoken_at": .text(session.now.storage), "created_by": .text(session.actor),
            ])
        try setStep(item, .discussed)
        try log(inv, "item.discuss", .item, item.id, [("by", by), ("stance", stance), ("note", text)])
        let n = try store.select(.speech, matching: ["item_id": .integer(item.id)], orderBy: []).count
        let s = ChoiceSet.stance.resolve(stance)?.label.text(lang) ?? stance
        session.currentItem = item.display
        return [.text(say("\(item.display) speech \(n): \(by) (\(s)): \(text)", "\(item.display) 第 \(n) 位发言：\(by)（\(s)）：\(text)"))]
    }

    /// `motion [ITEM] TEXT rule=… base=… ballot=…`: opens the poll on an item.
    func motion(_ inv: Invocation) throws -> [Output] {
        let (item, text) = try itemAndText(inv)
        let m = try itemInRoom(item, inv)
        // A tallied vote is put right by voting again, with a reason, while the meeting is
        // open and nothing was carried out from it yet; both rounds stay in the minutes.
        let reason = inv.text("reason")?.trimmingWhitespace()
        if item.step == .passed {
            guard let reason, !reason.isEmpty else {
                try requireStep(
                    item, for: .motion, at: inv["item"]?.location ?? inv.location,
                    hint: Localized(
                        en: "to vote again after a mistake, give the reason: motion \(item.display) … reason=…",
                        zh: "如因差错需重新表决，请写明原因：重新表决 \(item.display) … 原因=…"))
                return []
            }
            if let c = try caseOf(item) {
                throw ScriptError.runtime(
                    "\(item.display) was already carried out as \(RecordKind.case.id(c.id)): a new round cannot undo that",
                    "\(item.display) 已转为诉求 \(RecordKind.case.id(c.id)) 办理：重新表决不能撤销", at: inv["item"]?.location ?? inv.location)
            }
        } else if let b = inv["reason"] {
            throw ScriptError.validation(
                "reason= is for voting again on an item that passed; \(item.display) has not", "reason= 仅用于已通过议题的重新表决；\(item.display) 尚未通过",
                at: b.location)
        }
        if item.step != .passed {
            try requireStep(
            item, for: .motion, at: inv["item"]?.location ?? inv.location,
            hint: item.step == .voting ? Localized(en: "tally the open poll first", zh: "请先对进行中的表决计票") : nil)
        }
        let rule = inv.text("rule") ?? Tally.Rule.majority.rawValue
        let base = inv.text("base") ?? Tally.Base.present.rawValue
        let ballot = inv.text("ballot") ?? "open"
        let round = try motions(of: item).count + 1
        let id = try store.insert(
            .motion,
            [
                "item_id": .integer(item.id), "round": .integer(round), "text": .text(text), "rule": .text(rule), "base": .text(base),
                "ballot": .text(ballot), "opened_at": .text(session.now.storage), "created_by": .text(session.actor),
            ])
        try setStep(item, .voting)
        var details = [("motion", String(id)), ("round", String(round)), ("text", text), ("rule", rule), ("base", base), ("ballot", ballot)]
        if item.step == .passed, let reason {
            details.append(("reason", reason))
            try recordCorrection(m, item: item, what: "motion.round", name: "", was: String(round - 1), now: String(round), reason: reason)
        }
        try log(inv, "item.motion", .item, item.id, details)
        let how =
            ballot == "secret"
            ? say("secret ballot: record who votes with by=…, count the box at the tally", "无记名投票：用 投票人=… 登记投票人，计票时清点票箱")
            : say("open ballot: yes=… no=… abstain=…", "记名投票：赞成=… 反对=… 弃权=…")
        session.currentItem = item.display
        return [
            .text(
                [
                    say("\(item.display) poll open: \(text)", "\(item.display) 开始表决：\(text)"),
                    "  " + ruleText(rule: rule, base: base) + say("; ", "；") + how,
                    "  " + presenceText(m, try roll(m)),
                ].joined(separator: "\n"))
        ]
    }

    /// "rule: majority (more than half); base: members present …", for messages.
    func ruleText(rule: String, base: String) -> String {
        say("rule: ", "规则：") + ruleLabel(rule, lang) + say("; base: ", "；基数：") + baseLabel(base)
    }

    /// A rule with the share it means, in words.
    func ruleLabel(_ rule: String, _ language: Language) -> String {
        let en: String, zh: String
        switch Tally.Rule(rawValue: rule) {
        case .majority?: (en, zh) = ("majority (more than half)", "过半数（超过基数的一半）")
        case .twoThirds?: (en, zh) = ("two-thirds (at least ⅔)", "三分之二（不少于基数的三分之二）")
        case .threeQuarters?: (en, zh) = ("three-quarters (at least ¾)", "四分之三（不少于基数的四分之三）")
        case .unanimous?: (en, zh) = ("unanimous (every ballot in the base is yes)", "全体一致（基数内全部赞成）")
        case nil: (en, zh) = (rule, rule)
        }
        return language == .zh ? zh : en
    }

    func baseLabel(_ base: String) -> String {
        switch Tally.Base(rawValue: base) {
        case .present?: return say("members present (in person or by proxy)", "出席人数（含委托）")
        case .cast?: return say("ballots cast", "投票总数")
        case .valid?: return say("valid ballots", "有效票数")
        case .members?: return say("all members", "全体成员")
        case .yesNo?: return say("yes and no votes", "赞成与反对票数")
        case nil: return base
        }
    }

    /// `agenda [M]`: every item with its step, the last motion's result and the case it became.
    func agenda(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        return [.table(try agendaTable(m), kind: .item)]
    }

    func agendaTable(_ m: MeetingRecord) throws -> ResultSet {
        func field(_ name: String, _ en: String, _ zh: String, _ type: FieldType = .text) -> FieldSpec {
            FieldSpec(name, [], type, label: Localized(en: en, zh: zh))
        }
        let columns = [
            FieldSpec.id, field("title", "item", "议题"), field("by", "by", "提出人"), field("step", "step", "步骤", .choice(ItemStep.choices)),
            field("result", "result", "表决结果"), field("case", "case", "诉求"),
        ]
        var rows: [[StoreValue]] = []
        for item in try items(of: m) {
            let result = try motions(of: item).last.map(resultText) ?? ""
            let c = try caseOf(item).map { StoreValue.text(RecordKind.case.id($0.id)) } ?? .null
            rows.append([.integer(item.id), .text(item.title), .text(item.proposer), .text(item.step.rawValue), .text(result), c])
        }
        return ResultSet(columns: columns, rows: rows)
    }

    /// "passed 3/3" or "voting: 2 ballots" for the agenda.
    func resultText(_ motion: MotionRecord) throws -> String {
        guard let verdict = motion.verdict else {
            let n = try ballots(of: motion).count
            return say("voting: \(n) ballots", "表决中：已投 \(n) 票")
        }
        let v = ChoiceSet.verdict.resolve(verdict.rawValue)?.label.text(lang) ?? verdict.rawValue
        if verdict == .noQuorum { return v }
        return "\(v) \(motion.counts.yes)/\(motion.baseCount)"
    }

    /// What `replay … step` shows after each command: who is present and the current
    /// meeting's agenda, so the person stepping sees where the meeting stands.
    func replayStatus() -> String? {
        guard let current = session.currentMeeting, let (_, n) = RecordKind.forID(current) else { return nil }
        return try? store.transaction(.reads) {
            let m = try self.meetingRecord(n, at: nil)
            var text = "\(m.display) " + self.presenceText(m, try self.roll(m))
            let rs = try self.agendaTable(m)
            if !rs.rows.isEmpty {
                let r = self.renderer(.table, width: self.out.terminalWidth)
                text += "\n" + r.render(rs, kind: .item).trimmingTrailingNewline()
            }
            return text
        }
    }
}

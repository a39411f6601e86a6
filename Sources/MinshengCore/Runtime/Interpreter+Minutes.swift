/// 会议纪要: Markdown minutes built only from what the meeting recorded, with the times
/// the clock gave when it was recorded. Nothing here reads the wall clock, the database
/// path or the operator, so a replay on an empty database writes the same bytes.
extension Interpreter {
    /// `minutes [M] [out=FILE]`.
    func minutes(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        let text = try minutesMarkdown(m)
        guard let path = inv.text("out") else { return [.text(text.trimmingTrailingNewline())] }
        let writer = try openOutput(path, at: inv["out"]?.location, overwrite: inv.isOn("overwrite"))
        // `纪要.html`: the same minutes as a page to print on A4 and file.
        let lower = path.lowercased()
        writer.write(lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? MinutesHTML.page(markdown: text) : text)
        writer.close()
        return [.text(say("wrote the minutes of \(m.display) to \(path)", "已将 \(m.display) 的会议纪要写入 \(path)"))]
    }

    /// The whole minutes of a meeting, in Chinese, ending with a newline: for a closed
    /// meeting, the minutes kept at its close.
    func minutesMarkdown(_ m: MeetingRecord) throws -> String {
        if m.closedAt != nil, let kept = try closeSealEntry(m)?.details.first(where: { $0.0 == "minutes" })?.1 { return kept }
        return try minutesMarkdown(m, seal: m.closedAt != nil ? try closeSeal(m) : nil)
    }

    /// The minutes built from the record (a meeting closed before minutes were kept at the
    /// close: what happened by its close, the seal given).
    func minutesMarkdown(_ m: MeetingRecord, seal: String?) throws -> String {
        var out: [String] = ["# 会议纪要：\(flat(m.title))", ""]
        out.append("- 会议编号：\(m.display)")
        if let c = try communityName(m.communityID) { out.append("- 社区：\(c)") }
        out.append("- 日期：\(m.date)")
        out += try sittingLines(m)
        out.append("- 应到成员：\(m.memberCount) 人（\(m.named ? "按名单" : "按人数")）")
        let q = Tally.quorumRequired(m.quorum, members: m.memberCount)
        out.append("- 法定人数：\(q) 人（\(quorumZh(m.quorum))）")
        out.append("- 状态：" + (m.closedAt.map { "已结束（\(clock($0, on: m.date))）" } ?? "进行中"))
        out += ["", "## 出席情况", ""]
        out += try attendanceLines(m)
        let its = try items(of: m)
        out += ["", "## 议题（\(its.count) 项）"]
        for item in its {
            out += [""] + (try itemLines(item, m))
        }
        // Residents' evaluations given in this meeting of items of earlier meetings: they
        // belong to this record, not to the earlier minutes, which were sealed at their close.
        let earlier = try store.select(.evaluation, matching: ["meeting_id": .integer(m.id)], orderBy: [])
            .filter { e in !its.contains { $0.id == e.int("item_id") } && within(e.time("at"), m) }
        if !earlier.isEmpty {
            out += ["", "## 对以往议题的评价（\(earlier.count) 项）", ""]
            for e in earlier {
                guard let id = e.int("item_id"), let item = try? itemRecord(id, at: nil), let from = try? meetingRecord(item.meetingID, at: nil) else { continue }
                out.append("- \(item.display) \(flat(item.title))（\(from.display) \(flat(from.title))，\(from.date)）")
                out += try evaluationLines(e, m).map { "  " + $0 }
            }
        }
        let resolutions = try resolutionLines(its, m)
        if !resolutions.isEmpty { out += ["", "## 决议事项（\(resolutions.count) 项）", ""] + resolutions }
        let corrections = try correctionLines(m)
        if !corrections.isEmpty { out += ["", "## 更正记录", ""] + corrections }
        // The seal of the record at the close, to check the log against later.
        if m.closedAt != nil, let seal {
            out += ["", "## 记录封印", "", "- 闭会时封印：\(seal)（可用 audit verify seal=\(seal) 证明此后的修改记录仍延续闭会时的记录）"]
        }
        // What the paper the committee files carries: lines to sign, by hand.
        out += [
            "", "## 签字", "", "- 主持人（签字）：\(m.chair.map { $0 + "　" } ?? "")＿＿＿＿＿＿　　日期：＿＿＿＿＿＿",
            "- 记录人（签字）：\(m.recorder.map { $0 + "　" } ?? "")＿＿＿＿＿＿　　日期：＿＿＿＿＿＿",
            "- 参会代表（签字）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
        ]
        return out.map(Self.markdownLine).joined(separator: "\n") + "\n"
    }

    /// When and where it sat, who chaired and recorded, the leaders who attended, and
    /// whether the community's 包片 leaders were there (the walking office asks them to be).
    func sittingLines(_ m: MeetingRecord) throws -> [String] {
        var out: [String] = []
        if let start = m.startsAt {
            out.append("- 时间：\(clock(start, on: m.date))" + (m.closedAt.map { "–\(clock($0, on: m.date))" } ?? "起"))
        }
        if let v = m.venue { out.append("- 地点：\(flat(v))") }
        if let c = m.chair { out.append("- 主持人：\(flat(c))") }
        if let r = m.recorder { out.append("- 记录人：\(flat(r))") }
        if !m.leaders.isEmpty { out.append("- 参会领导：\(m.leaders.joined(separator: "、"))") }
        if let community = m.communityID {
            let present = Set(m.leaders + (try attendance(m)).map(\.name))
            let linked = try store.select(.leaderLink, matching: ["community_id": .integer(community)], orderBy: [])
                .filter { $0.text("ended_at") == nil }
                .compactMap { $0.int("leader_id") }
                .compactMap { try? store.select(.cadre, matching: ["id": .integer($0)], orderBy: []).first?.text("name") }
            if !linked.isEmpty {
                out.append("- 包片领导：" + linked.map { "\($0)（\(present.contains($0) ? "出席" : "未出席")）" }.joined(separator: "、"))
            }
        }
        return out
    }

    /// The numbered resolutions: each item whose last round passed, with the case it became.
    func resolutionLines(_ items: [ItemRecord], _ m: MeetingRecord) throws -> [String] {
        var out: [String] = []
        for item in items {
            guard let motion = try motions(of: item).last(where: { within($0.closedAt, m) }), motion.verdict == .passed else { continue }
            var line = "\(out.count + 1). \(flat(motion.text))（\(item.display)，第 \(motion.round) 轮表决通过"
            if let c = try caseOf(item), within(c.time("created_at"), m) {
                let dept = try c.int("department_id").map(departmentName) ?? ""
                line += "；转办诉求 \(RecordKind.case.id(c.id))，承办科室 \(dept)，办结期限 \(c.time("resolve_due")?.day.iso ?? "")"
            }
            out.append(line + "）")
        }
        return out
    }

    /// The seal `meeting close` took of the record (nil for a meeting closed before seals).
    func closeSeal(_ m: MeetingRecord) throws -> String? {
        try closeSealEntry(m)?.details.first { $0.0 == "root" }.map { String($0.1.prefix(Seal.shown)) }
    }

    func closeSealEntry(_ m: MeetingRecord) throws -> Event? {
        try store.events(kind: .meeting, recordID: m.id).last { $0.action == "audit.seal" }
    }

    /// The minutes' own emphasis, kept apart from user text until the line is escaped.
    static let boldMark: Character = "\u{E000}"
    static func bold(_ s: String) -> String { "\(boldMark)\(s)\(boldMark)" }

    /// Characters that Markdown or HTML would read as markup: in names, titles and
    /// speeches they are escaped, so a member called `<img src=x>` or `**张三**` prints as
    /// typed and no link, image, heading, table or HTML reaches whoever renders the minutes.
    static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!"]

    /// One line of the minutes: its structure (indent, `- `, `# `) as built, the rest escaped.
    static func markdownLine(_ line: String) -> String {
        var prefix = Substring(line.prefix { $0 == " " })
        var rest = line[prefix.endIndex...]
        if rest.hasPrefix("- ") {
            prefix = line[..<rest.index(rest.startIndex, offsetBy: 2)]
        } else if rest.hasPrefix("#") {
            let hashes = rest.prefix { $0 == "#" }
            if rest[hashes.endIndex...].hasPrefix(" ") { prefix = line[...hashes.endIndex] }
        }
        rest = line[prefix.endIndex...]
        var out = String(prefix)
        for c in rest {
            if c == boldMark {
                out += "**"
            } else {
                if markdownSpecials.contains(c) { out.append("\\") }
                out.append(c)
            }
        }
        return out
    }

    func quorumZh(_ q: Tally.QuorumRule) -> String {
        switch q {
        case .majority: return "过半数"
        case .twoThirds: return "三分之二"
        case .threeQuarters: return "四分之三"
        case .count: return "指定人数"
        }
    }

    /// Text on one line, for a Markdown list item.
    func flat(_ s: String) -> String { String(s.map { $0 == "\n" || $0 == "\r" ? " " : $0 }) }

    /// Members who signed in (with times), proxies, members absent, and who sat in.
    func attendanceLines(_ m: MeetingRecord) throws -> [String] {
        let rows = try attendance(m)
        func spans(_ name: String) -> String {
            rows.filter { $0.name == name }.map { a in
                let from = clock(a.arrivedAt, on: m.date)
                guard let left = a.leftAt, left != m.closedAt else { return from }
                return "\(from)–\(clock(left, on: m.date))"
            }.joined(separator: "，")
        }
        var order: [String] = []
        for a in rows where !order.contains(a.name) { order.append(a.name) }
        let members = order.filter { n in rows.contains { $0.name == n && $0.isMember } }
        let others = order.filter { !members.contains($0) }
        var out = ["- 成员签到 \(members.count) 人：" + (members.isEmpty ? "无" : members.map { "\($0)（\(spans($0))）" }.joined(separator: "、"))]
        let given = try proxies(m)
        if !given.isEmpty {
            out.append("- 委托 \(given.count) 份：" + given.map { "\($0.giver) 委托 \($0.holder)" }.joined(separator: "、"))
        }
        let proxied = given.filter { !members.contains($0.giver) }.count
        let ofWhich = proxied > 0 ? "（其中委托 \(proxied) 人）" : ""
        if m.named {
            let absent = try memberNames(m).filter { !members.contains($0) }
            out.append("- 未到成员 \(absent.count) 人\(ofWhich)" + (absent.isEmpty ? "" : "：" + absent.joined(separator: "、")))
        } else if m.memberCount > members.count {
            out.append("- 未签到成员 \(m.memberCount - members.count) 人\(ofWhich)")
        }
        if !others.isEmpty {
            out.append(
                "- 列席 \(others.count) 人："
                    + others.map { n in
                        "\(n)（\(rows.first { $0.name == n }.map { roleZh($0.role) } ?? "")，\(spans(n))）"
                    }.joined(separator: "、"))
        }
        return out
    }

    func roleZh(_ role: String) -> String { ChoiceSet.attendanceRole.resolve(role)?.label.zh ?? role }

    /// One item: proposal, speeches, every motion with its tally, the case, the evaluations.
    func itemLines(_ item: ItemRecord, _ m: MeetingRecord) throws -> [String] {
        var out = ["### \(item.display) \(flat(item.title))", ""]
        out.append("- 提出：\(item.proposer)（\(clock(item.proposedAt, on: m.date))）")
        out.append((m.closedAt == nil ? "- 当前步骤：" : "- 闭会时步骤：") + (try stepAtClose(item, m)))
        let speeches = try store.select(.speech, matching: ["item_id": .integer(item.id)], orderBy: [])
        if speeches.isEmpty {
            out.append("- 讨论：无发言")
        } else {
            out.append("- 讨论（\(speeches.count) 人次）：")
            for (i, s) in speeches.enumerated() {
                let stance = ChoiceSet.stance.resolve(s.text("stance") ?? "")?.label.zh ?? ""
                out.append("  \(i + 1). \(s.text("speaker") ?? "")（\(stance)）：\(flat(s.text("note") ?? ""))")
            }
        }
        if let order = try speakerOrderZh(item, m) { out.append("- 发言顺序（举手）：\(order)") }
        let all = try motions(of: item)
        for (i, motion) in all.enumerated() { out += try motionLines(motion, m, votedAgain: i + 1 < all.count && motion.verdict == .passed) }
        if let c = try caseOf(item), within(c.time("created_at"), m) {
            let dept = try store.select(.department, matching: ["id": c["department_id"]], orderBy: []).first?.text("name") ?? ""
            let due = c.time("resolve_due")?.day.iso ?? ""
            let at = c.time("created_at").map { clock($0, on: m.date) } ?? ""
            out.append("- 转办：诉求 \(RecordKind.case.id(c.id))，承办科室 \(dept)，办结期限 \(due)（\(at) 转办）")
        }
        // A closed meeting's minutes keep what stood at its close; a later evaluation is in
        // the minutes of the meeting where it was given (and in `agenda`, `item show`).
        let evaluations = try store.select(.evaluation, matching: ["item_id": .integer(item.id)], orderBy: [])
            .filter { within($0.time("at"), m) && (m.closedAt == nil || $0.int("meeting_id") == m.id) }
        if !evaluations.isEmpty {
            out.append("- 评价：")
            for e in evaluations { out += try evaluationLines(e, m) }
        }
        return out
    }

    /// One evaluation: when and where, the counts and 满意率, who said what.
    func evaluationLines(_ e: StoredRecord, _ m: MeetingRecord) throws -> [String] {
        let s = e.int("satisfied") ?? 0, b = e.int("basic") ?? 0, u = e.int("unsatisfied") ?? 0
        let when = e.time("at").map { clock($0, on: m.date) } ?? ""
        var place = ""
        if let mid = e.int("meeting_id"), let em = try? meetingRecord(mid, at: nil) { place = "，\(em.display) \(flat(em.title))" }
        let status = e.text("case_status").map { "；评价时诉求状态：\(ChoiceSet.caseStatus.resolve($0)?.label.zh ?? $0)" } ?? ""
        var out = ["  - \(when)\(place)：满意 \(s)，基本满意 \(b)，不满意 \(u)，满意率 \(Tally.percent(s + b, of: s + b + u))\(status)"]
        let named = try store.select(.rating, matching: ["evaluation_id": .integer(e.id)], orderBy: [])
        for key in ["satisfied", "basic", "unsatisfied"] {
            let names = named.filter { $0.text("result") == key }.compactMap { $0.text("resident") }
            if !names.isEmpty { out.append("    - \(ChoiceSet.callbackResult.resolve(key)?.label.zh ?? key)：\(names.joined(separator: "、"))") }
        }
        return out
    }

    /// Whether something that happened at `t` belongs to the minutes of `m`: anything while
    /// it is open, only what happened by its close once it is closed.
    func within(_ t: Timestamp?, _ m: MeetingRecord) -> Bool {
        guard let closed = m.closedAt else { return true }
        return t.map { $0 <= closed } ?? false
    }

    /// The item's step as the minutes give it: at the close for a closed meeting (a later
    /// 办 or 评 does not move it), and a vote without a quorum as void, not failed.
    func stepAtClose(_ item: ItemRecord, _ m: MeetingRecord) throws -> String {
        let last = try motions(of: item).last { within($0.closedAt ?? $0.openedAt, m) }
        if last?.verdict == .noQuorum, item.step == .failed || m.closedAt != nil { return "表决无效（不足法定人数）" }
        guard m.closedAt != nil else { return ItemStep.choices.resolve(item.step.rawValue)?.label.zh ?? item.step.rawValue }
        let step: ItemStep
        if try store.select(.evaluation, matching: ["item_id": .integer(item.id), "meeting_id": .integer(m.id)], orderBy: [])
            .contains(where: { within($0.time("at"), m) })
        {
            step = .evaluated
        } else if let c = try caseOf(item), within(c.time("created_at"), m) {
            step = .carriedOut
        } else if let last {
            switch last.verdict {
            case .passed?: step = .passed
            case .failed?: step = .failed
            case .noQuorum?: step = .failed
            case nil: step = .voting
            }
        } else {
            let spoken = try store.select(.speech, matching: ["item_id": .integer(item.id)], orderBy: []).isEmpty == false
            step = spoken ? .discussed : .proposed
        }
        return ItemStep.choices.resolve(step.rawValue)?.label.zh ?? step.rawValue
    }

    /// A motion and, once tallied, the quorum at the vote, every count, the verdict and
    /// (for an open poll) who voted how.
    func motionLines(_ motion: MotionRecord, _ m: MeetingRecord, votedAgain: Bool = false) throws -> [String] {
        let rule = ruleLabel(motion.rule.rawValue, .zh)
        var out = ["- 动议（第 \(motion.round) 轮，\(clock(motion.openedAt, on: m.date))）：\(flat(motion.text))"]
        out.append("  - 表决方式：\(motion.secret ? "无记名投票" : "记名投票")；规则：\(rule)；基数：\(baseZh(motion.base))")
        guard let verdict = motion.verdict, let closed = motion.closedAt else {
            out.append("  - 表决进行中")
            return out
        }
        let c = motion.counts
        let met = c.present >= motion.quorumRequired ? "已达到" : "未达到"
        out.append("  - 表决时法定人数：出席 \(c.present) 人 / 应到 \(c.members) 人（含委托 \(motion.byProxy) 人），需 \(motion.quorumRequired) 人——\(met)")
        var counts = "赞成 \(c.yes)，反对 \(c.no)，弃权 \(c.abstain)"
        if motion.secret { counts += "，废票 \(c.invalid)" }
        counts += "，未投票 \(c.notVoted)，共投 \(c.cast) 票；基数 \(motion.baseCount)，通过需 \(motion.needed) 票"
        out.append("  - 计票（\(clock(closed, on: m.date))）：\(counts)")
        let v: String
        switch verdict {
        case .passed: v = Self.bold("通过")
        case .failed: v = Self.bold("未通过")
        case .noQuorum: v = Self.bold("不足法定人数，表决无效")
        }
        out.append("  - 结果：\(v)" + (votedAgain ? "（已重新表决，以第 \(motion.round + 1) 轮为准，见更正记录）" : ""))
        let ballots = try ballots(of: motion)
        func who(_ b: BallotRecord) -> String { b.proxyHolder.map { "\(b.voter)（\($0)代）" } ?? b.voter }
        if motion.secret {
            if !ballots.isEmpty { out.append("  - 投票人（\(ballots.count) 人，选择不记名）：" + ballots.map(who).joined(separator: "、")) }
        } else {
            for key in ["yes", "no", "abstain"] {
                let names = ballots.filter { $0.choice == key }.map(who)
                if !names.isEmpty { out.append("  - \(choiceLabelZh(key))：" + names.joined(separator: "、")) }
            }
        }
        return out
    }

    func baseZh(_ base: Tally.Base) -> String {
        switch base {
        case .present: return "出席人数（含委托）"
        case .cast: return "投票总数"
        case .valid: return "有效票数"
        case .members: return "全体成员"
        case .yesNo: return "赞成与反对票数"
        }
    }
}

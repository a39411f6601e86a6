/// `meeting display [M]`: the screen the room reads (a projector, a second terminal). It
/// follows the meeting as another shell records it — who is present and the quorum, the
/// current item and its step, the speakers' list with the time left, how many of those
/// present have voted on an open poll (never who chose what), the last verdict in large
/// type — and never writes. At a terminal the shell redraws it live; in a script it prints
/// the board once.
extension Interpreter {
    static let displayHandlers: [CommandID: Handler] = [.meetingDisplay: { try $0.meetingDisplay($1) }]

    func meetingDisplay(_ inv: Invocation) throws -> [Output] {
        let m = try targetMeeting(inv)
        if let follow = meetingFollower {
            follow(m.id)
            return []
        }
        return [.text(try board(meeting: m.id, width: 72).joined(separator: "\n"))]
    }

    /// The board of meeting `id` as it stands, in lines no wider than `width`, read in a
    /// transaction of its own (each redraw sees what the other shells committed).
    public func board(meeting id: Int, width: Int) throws -> [String] {
        try store.transaction(.reads) { try self.boardLines(try self.meetingRecord(id, at: nil), width: max(40, width)) }
    }

    /// Whether anything was committed since `mark`, and the new mark: the display redraws
    /// only then (and each second, for the speaker's clock).
    public func changeMark() throws -> Int { try store.transaction(.reads) { try self.store.eventCount() } }

    func boardLines(_ m: MeetingRecord, width: Int) throws -> [String] {
        let rule = String(repeating: "─", count: width)
        var out = [fit("\(m.display) \(m.title)" + (try communityName(m.communityID).map { " · \($0)" } ?? "") + " · \(m.date)", width)]
        out.append(rule)
        guard m.isOpen else {
            out.append(say("the meeting closed at \(m.closedAt.map { clock($0, on: m.date) } ?? "")", "会议已于 \(m.closedAt.map { clock($0, on: m.date) } ?? "") 结束"))
            out += try lastVerdict(m, width: width)
            return out
        }
        out.append(fit(presenceText(m, try roll(m)), width))
        let its = try items(of: m)
        guard let item = its.first(where: { $0.step == .voting }) ?? its.last else {
            out.append(say("no item yet", "尚无议题"))
            return out
        }
        out.append("")
        let void = try item.step == .failed && motions(of: item).last?.verdict == .noQuorum
        let step = void ? say("void: no quorum", "表决无效（不足法定人数）") : stepLabel(item.step)
        out.append(fit(say("item ", "议题 ") + "\(item.display) \(item.title) · \(step)", width))
        // The speakers' list is for the debate: it closes when the poll opens.
        let debating = [ItemStep.proposed, .discussed, .failed].contains(item.step)
        let requests = debating ? try speakerRequests(item) : []
        if let now = calledInOrder(requests).last, let at = now.calledAt {
            var text = say("speaking: \(now.name)", "正在发言：\(now.name)")
            if let left = secondsLeft(now) {
                text += left >= 0 ? say("  \(clockSpan(left)) left", "  还剩 \(clockSpan(left))") : say("  over by \(clockSpan(-left))", "  已超时 \(clockSpan(-left))")
            } else {
                text += say("  since \(clock(at, on: m.date))", "  \(clock(at, on: m.date)) 起")
            }
            out.append(fit(text, width))
        }
        let waiting = requests.filter(\.waiting).map(\.name)
        if !waiting.isEmpty { out.append(fit(say("waiting to speak: ", "等候发言：") + waiting.joined(separator: say(", ", "、")), width)) }
        if item.step == .voting, let motion = try motions(of: item).last {
            let present = try roll(m).present
            let cast = motion.secret ? try ballotRows(of: motion).filter { !$0.voided }.count : try ballots(of: motion).count
            out.append("")
            out.append(fit(say("voting on: ", "表决：") + motion.text, width))
            out.append(
                fit(
                    say(
                        "\(ruleLabel(motion.rule.rawValue, lang)) · \(motion.secret ? "secret" : "open") ballot",
                        "\(ruleLabel(motion.rule.rawValue, lang)) · \(motion.secret ? "无记名投票" : "记名投票")"), width))
            out += banner(say("\(cast) of \(present) present have voted", "已投票 \(cast) / 出席 \(present)"), width: width)
        } else {
            out += try lastVerdict(m, width: width)
        }
        return out
    }

    /// The latest tally of the meeting, in large type: the verdict in a box, the counts.
    func lastVerdict(_ m: MeetingRecord, width: Int) throws -> [String] {
        var last: (ItemRecord, MotionRecord)?
        for item in try items(of: m) {
            for motion in try motions(of: item) where motion.verdict != nil {
                if let (_, l) = last, let a = l.closedAt, let b = motion.closedAt, (a.seconds, l.id) > (b.seconds, motion.id) { continue }
                last = (item, motion)
            }
        }
        guard let (item, motion) = last, let verdict = motion.verdict else { return [] }
        let word: String
        switch verdict {
        case .passed: word = say("PASSED", "通过")
        case .failed: word = say("NOT PASSED", "未通过")
        case .noQuorum: word = say("VOID: NO QUORUM", "表决无效：不足法定人数")
        }
        let c = motion.counts
        return [""] + [fit(say("result of \(item.display): ", "\(item.display) 表决结果：") + motion.text, width)]
            + banner(word, width: width)
            + [fit(say("yes \(c.yes) · no \(c.no) · abstain \(c.abstain)", "赞成 \(c.yes) · 反对 \(c.no) · 弃权 \(c.abstain)"), width)]
    }

    /// Text in a double-ruled box, spaced out so it reads from the back of the room.
    func banner(_ text: String, width: Int) -> [String] {
        let spaced = text.map { DisplayWidth.of(String($0)) == 2 ? "\($0) " : String($0) }.joined().trimmingTrailingSpaces()
        let inner = min(width - 2, max(DisplayWidth.of(spaced) + 8, 24))
        let pad = max(0, inner - DisplayWidth.of(spaced))
        let line = String(repeating: " ", count: pad / 2) + spaced + String(repeating: " ", count: pad - pad / 2)
        return ["╔" + String(repeating: "═", count: inner) + "╗", "║" + line + "║", "╚" + String(repeating: "═", count: inner) + "╝"]
    }

    /// A line cut to `width` columns (a long title must not wrap the board), shown escaped.
    func fit(_ text: String, _ width: Int) -> String { DisplayWidth.truncate(VisibleText.escape(text), to: width) }
}

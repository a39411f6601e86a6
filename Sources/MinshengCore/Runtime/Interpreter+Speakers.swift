/// The speakers' list (举手): residents ask to speak on an item, the chair calls them in the
/// order they asked, with a time limit when one is set; the minutes give the order spoken.
extension Interpreter {
    static let speakerHandlers: [CommandID: Handler] = [
        .queueAdd: { try $0.queueAdd($1) }, .queueNext: { try $0.queueNext($1) },
        .queueRemove: { try $0.queueRemove($1) }, .queueShow: { try $0.queueShow($1) },
    ]

    /// One request to speak, as stored.
    struct SpeakerRequest {
        var id: Int
        var name: String
        var askedAt: Timestamp
        var calledAt: Timestamp?
        var limit: Int?
        var withdrawn: Bool

        init?(_ r: StoredRecord) {
            guard let name = r.text("name"), let asked = r.time("asked_at") else { return nil }
            id = r.id
            self.name = name
            askedAt = asked
            calledAt = r.time("called_at")
            limit = r.int("limit_seconds")
            withdrawn = r.text("withdrawn_at") != nil
        }

        var waiting: Bool { calledAt == nil && !withdrawn }
    }

    func speakerRequests(_ item: ItemRecord) throws -> [SpeakerRequest] {
        try store.select(.speakerRequest, matching: ["item_id": .integer(item.id)], orderBy: []).compactMap(SpeakerRequest.init)
            .sorted { $0.id < $1.id }
    }

    /// The requests called, in the order the chair called them (the last is speaking).
    func calledInOrder(_ requests: [SpeakerRequest]) -> [SpeakerRequest] {
        requests.filter { $0.calledAt != nil }.sorted { ($0.calledAt?.seconds ?? 0, $0.id) < ($1.calledAt?.seconds ?? 0, $1.id) }
    }

    /// Seconds a called speaker has left (negative: over), when a limit was set.
    func secondsLeft(_ r: SpeakerRequest) -> Int? {
        guard let limit = r.limit, let at = r.calledAt else { return nil }
        return limit - (session.now.seconds - at.seconds)
    }

    /// The item the list is for, in an open meeting, while it is still being debated.
    func debatedItem(_ inv: Invocation) throws -> (ItemRecord, MeetingRecord) {
        let item = try targetItem(inv)
        let m = try itemInRoom(item, inv)
        try requireStep(
            item, for: .discuss, at: inv["item"]?.location ?? inv.location,
            hint: item.step == .voting ? Localized(en: "the poll is open: debate closed with the motion", zh: "表决已开始，讨论随动议结束") : nil)
        session.currentItem = item.display
        return (item, m)
    }

    /// `queue add NAMES [item=]` (举手).
    func queueAdd(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["names"] else { return [] }
        let (item, m) = try debatedItem(inv)
        let names = try distinctNames(bound)
        let waiting = Set(try speakerRequests(item).filter(\.waiting).map(\.name))
        if let twice = names.first(where: waiting.contains) {
            throw ScriptError.runtime(
                "\(twice) is already on the speakers' list of \(item.display)", "\(twice) 已在 \(item.display) 的发言队列中", at: bound.location,
                hint: Localized(en: "queue shows the list", zh: "可用 发言队列 查看"))
        }
        for name in names {
            _ = try store.insert(
                .speakerRequest,
                [
                    "meeting_id": .integer(m.id), "item_id": .integer(item.id), "name": .text(name), "asked_at": .text(session.now.storage),
                    "created_by": .text(session.actor),
                ])
        }
        try log(inv, "item.queue-add", .item, item.id, [("names", names.joined(separator: ","))])
        let line = try speakerRequests(item).filter(\.waiting).map(\.name)
        return [
            .text(
                say(
                    "\(item.display) speakers' list: \(line.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: ", "))",
                    "\(item.display) 发言队列：\(line.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "，"))"))
        ]
    }

    /// `queue next [item=] [limit=3m]` (下一位).
    func queueNext(_ inv: Invocation) throws -> [Output] {
        let (item, _) = try debatedItem(inv)
        var limit: Int?
        if let b = inv["limit"] {
            guard let d = Duration.parse(b.value.display), d.seconds > 0, d.seconds <= 3600 else {
                throw ScriptError.validation(
                    "limit= expects minutes such as 3m, not '\(b.value.display)'", "限时应为分钟数，如 3m 或 3分钟，而不是 '\(b.value.display)'",
                    at: b.location)
            }
            limit = d.seconds
        }
        let requests = try speakerRequests(item)
        guard let next = requests.first(where: \.waiting) else {
            throw ScriptError.runtime(
                "nobody is waiting to speak on \(item.display)", "\(item.display) 没有人在等候发言", at: inv.location,
                hint: Localized(en: "put someone on the list: queue add NAME", zh: "请先登记：举手 姓名"))
        }
        try store.update(
            .speakerRequest, id: next.id, ["called_at": .text(session.now.storage), "limit_seconds": limit.map { .integer($0) } ?? .null])
        try log(inv, "item.queue-next", .item, item.id, [("name", next.name)] + (limit.map { [("limit", Duration(seconds: $0).description)] } ?? []))
        let after = requests.filter { $0.waiting && $0.id != next.id }.map(\.name)
        let limitNote = limit.map { say(" (\(limitText($0)))", "（限时 \(minutesZh($0))）") } ?? ""
        let then = after.isEmpty ? say("nobody else waits", "后面无人等候") : say("next: \(after.joined(separator: ", "))", "之后：\(after.joined(separator: "、"))")
        return [.text(say("\(item.display): \(next.name), please speak\(limitNote); \(then)", "\(item.display)：请 \(next.name) 发言\(limitNote)；\(then)"))]
    }

    /// `queue remove NAMES [item=]`: a request withdrawn before it was called.
    func queueRemove(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["names"] else { return [] }
        let (item, _) = try debatedItem(inv)
        let requests = try speakerRequests(item)
        let names = try distinctNames(bound)
        for name in names {
            guard let r = requests.first(where: { $0.waiting && $0.name == name }) else {
                throw ScriptError.runtime(
                    "\(name) is not waiting to speak on \(item.display)", "\(name) 不在 \(item.display) 的等候发言名单中", at: bound.location,
                    hint: Suggestion.hint(for: name, in: requests.filter(\.waiting).map(\.name)))
            }
            try store.update(.speakerRequest, id: r.id, ["withdrawn_at": .text(session.now.storage)])
        }
        try log(inv, "item.queue-remove", .item, item.id, [("names", names.joined(separator: ","))])
        let left = try speakerRequests(item).filter(\.waiting).map(\.name)
        return [
            .text(
                say(
                    "\(names.joined(separator: ", ")) withdrew; waiting on \(item.display): \(left.isEmpty ? "nobody" : left.joined(separator: ", "))",
                    "\(names.joined(separator: "、")) 已撤回；\(item.display) 等候发言：\(left.isEmpty ? "无" : left.joined(separator: "、"))"))
        ]
    }

    /// `queue [item=]`: who speaks now and for how long yet, who waits, who has spoken.
    func queueShow(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        let m = try meetingRecord(item.meetingID, at: inv.location)
        let requests = try speakerRequests(item)
        let called = calledInOrder(requests)
        var lines = [say("\(item.display) \(item.title): speakers' list", "\(item.display) \(item.title)：发言队列")]
        if m.isOpen, let now = called.last, let at = now.calledAt {
            var text = say("  speaking: \(now.name) since \(clock(at, on: m.date))", "  正在发言：\(now.name)（\(clock(at, on: m.date)) 起")
            if let limit = now.limit, let left = secondsLeft(now) {
                text +=
                    left >= 0
                    ? say(", \(limitText(limit)), \(clockSpan(left)) left", "，限时 \(minutesZh(limit))，还剩 \(clockSpan(left))")
                    : say(", \(limitText(limit)), over by \(clockSpan(-left))", "，限时 \(minutesZh(limit))，已超时 \(clockSpan(-left))")
            }
            lines.append(text + say("", "）"))
        }
        let waiting = requests.filter(\.waiting).map(\.name)
        lines.append(say("  waiting: ", "  等候：") + (waiting.isEmpty ? say("nobody", "无") : waiting.joined(separator: say(", ", "、"))))
        let spoken = (m.isOpen ? called.dropLast() : called[...]).map(\.name)
        if !spoken.isEmpty { lines.append(say("  have spoken: ", "  已发言：") + spoken.joined(separator: say(", ", "、"))) }
        return [.text(lines.joined(separator: "\n"))]
    }

    /// The order speakers were called, for the minutes: `王芳（19:05）、张伟（19:10，限时 3 分钟）`.
    func speakerOrderZh(_ item: ItemRecord, _ m: MeetingRecord) throws -> String? {
        let called = calledInOrder(try speakerRequests(item)).filter { r in r.calledAt.map { within($0, m) } ?? false }
        guard !called.isEmpty else { return nil }
        return called.map { r in
            "\(r.name)（\(r.calledAt.map { clock($0, on: m.date) } ?? "")\(r.limit.map { "，限时 \(minutesZh($0))" } ?? "")）"
        }.joined(separator: "、")
    }

    func limitText(_ seconds: Int) -> String { seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s" }
    func minutesZh(_ seconds: Int) -> String { seconds % 60 == 0 ? "\(seconds / 60) 分钟" : "\(seconds / 60) 分 \(seconds % 60) 秒" }
    /// `2:05`: minutes and seconds.
    func clockSpan(_ seconds: Int) -> String { "\(seconds / 60):\(pad(seconds % 60, 2))" }
}

/// Reading a meeting's state: which meeting and item a command means, its members,
/// who is in the room, the proxies, the motions and their ballots.
extension Interpreter {
    /// The text in the session's language.
    func say(_ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

    /// Refuses a count no meeting can have, so sums and shares never overflow.
    func checkCount(_ n: Int, _ key: String, at loc: SourceLocation?, minimum: Int = 0) throws {
        guard n >= minimum else {
            throw ScriptError.validation("\(key)= must be at least \(minimum), not \(n)", "\(key)= 至少为 \(minimum)，而不是 \(n)", at: loc)
        }
        guard n <= Tally.largestCount else {
            throw ScriptError.validation(
                "\(key)=\(n) is more than any meeting holds (at most \(Tally.largestCount))", "\(key)=\(n) 超出上限（最多 \(Tally.largestCount)）", at: loc)
        }
    }

    /// Names joined as people read a list in the session's language.
    func list(_ names: [String]) -> String { names.joined(separator: lang == .zh ? "、" : ", ") }

    /// A time as the minutes and messages show it: `HH:MM` on the meeting's day, else in full.
    func clock(_ t: Timestamp, on date: String) -> String {
        t.day.iso == date ? String(t.display.suffix(5)) : t.display
    }

    func meetingRecord(_ id: Int, at loc: SourceLocation?) throws -> MeetingRecord {
        guard let r = try store.select(.meeting, matching: ["id": .integer(id)], orderBy: []).first, let m = MeetingRecord(r) else {
            throw ScriptError.runtime("no meeting M-\(id)", "没有会议 M-\(id)", at: loc)
        }
        return m
    }

    /// A meeting given by id or title; a title shared by several meetings must be given by id.
    func meetingNamed(_ bound: BoundValue) throws -> MeetingRecord {
        let text = bound.value.display
        if let (kind, n) = RecordKind.forID(text), kind == .meeting { return try meetingRecord(n, at: bound.location) }
        let rows = try store.select(.meeting, matching: ["name": .text(text)], orderBy: [])
        if rows.count > 1 {
            let ids = rows.map { RecordKind.meeting.id($0.id) }.joined(separator: ", ")
            throw ScriptError.runtime(
                "several meetings are titled '\(text)': \(ids)", "有多个会议名为 '\(text)'：\(ids)", at: bound.location,
                hint: Localized(en: "give the id instead", zh: "请改用编号"))
        }
        guard let r = rows.first, let m = MeetingRecord(r) else {
            let titles = (try? store.names(.meeting, prefix: "", limit: 200)) ?? []
            throw ScriptError.runtime(
                "no meeting '\(text)'", "没有会议 '\(text)'", at: bound.location,
                hint: Suggestion.hint(for: text, in: titles) ?? Localized(en: "meetings have ids such as M-1", zh: "会议编号形如 M-1"))
        }
        return m
    }

    /// The meeting named by the `meeting` argument, else the current one.
    func targetMeeting(_ inv: Invocation) throws -> MeetingRecord {
        if let bound = inv["meeting"] { return try meetingNamed(bound) }
        guard let current = session.currentMeeting, let (_, n) = RecordKind.forID(current) else {
            throw ScriptError.runtime(
                "no current meeting", "没有当前会议", at: inv.location,
                hint: Localized(en: "open one with 'meeting new' or pick one with 'meeting use M-1'", zh: "请先 meeting new 新建，或 meeting use M-1 选择"))
        }
        return try meetingRecord(n, at: inv.location)
    }

    /// The current meeting, which must still be open, for commands that happen in the room.
    func roomMeeting(_ inv: Invocation) throws -> MeetingRecord {
        let m = try targetMeeting(inv)
        try requireOpen(m, at: inv.location)
        return m
    }

    func requireOpen(_ m: MeetingRecord, at loc: SourceLocation?) throws {
        guard m.isOpen else {
            let when = m.closedAt.map { clock($0, on: m.date) } ?? ""
            throw ScriptError.runtime(
                "meeting \(m.display) was closed at \(when)", "会议 \(m.display) 已于 \(when) 结束", at: loc,
                hint: Localized(en: "only 'decide' and 'evaluate' continue after a meeting", zh: "会后只能转办（办）和评价（评）"))
        }
    }

    /// The names on a meeting's member list, in the order they were added, but those merged
    /// into another (`member merge`).
    func memberNames(_ m: MeetingRecord) throws -> [String] {
        let merged = try mergedMembers(m)
        return try store.select(.meetingMember, matching: ["meeting_id": .integer(m.id)], orderBy: []).compactMap { $0.text("name") }
            .filter { merged[$0] == nil }
    }

    /// Every sign-in of a meeting, in order, but those removed as mistakes.
    func attendance(_ m: MeetingRecord) throws -> [AttendanceRecord] {
        try store.select(.attendance, matching: ["meeting_id": .integer(m.id)], orderBy: []).compactMap(AttendanceRecord.init).filter { !$0.voided }
    }

    func proxies(_ m: MeetingRecord) throws -> [Roll.Proxy] {
        try store.select(.meetingProxy, matching: ["meeting_id": .integer(m.id)], orderBy: []).compactMap { r in
            guard let g = r.text("giver"), let h = r.text("holder") else { return nil }
            return Roll.Proxy(giver: g, holder: h)
        }
    }

    /// Who is present now: members in the room, and absent members whose proxy holder is.
    func roll(_ m: MeetingRecord) throws -> Roll {
        let here = try attendance(m).filter { $0.leftAt == nil && $0.isMember }.map(\.name)
        return Roll(inPerson: here, proxies: try proxies(m))
    }

    /// Whether `name` may vote at all: on the list of a named meeting; for a meeting given
    /// only a number, signed in as a member or named as a proxy's giver.
    func isMember(_ name: String, of m: MeetingRecord) throws -> Bool {
        if m.named { return try memberNames(m).contains(name) }
        return try knownMembers(m).contains(name)
    }

    /// For a meeting given only a number: the members known so far by name.
    func knownMembers(_ m: MeetingRecord) throws -> [String] {
        var seen: [String] = []
        for a in try attendance(m) where a.isMember && !seen.contains(a.name) { seen.append(a.name) }
        for p in try proxies(m) where !seen.contains(p.giver) { seen.append(p.giver) }
        return seen
    }

    /// The item named by the `item` argument (`I-3`), else the current item.
    func targetItem(_ inv: Invocation, given: BoundValue? = nil) throws -> ItemRecord {
        let bound = given ?? inv["item"]
        guard let bound else {
            guard let current = session.currentItem, let (_, n) = RecordKind.forID(current) else {
                throw ScriptError.runtime(
                    "no current item: name one, such as I-1", "没有当前议题：请写明议题编号，如 I-1", at: inv.location,
                    hint: Localized(en: "propose one with 'propose' (提) or name it", zh: "可用 提 提出议题，或写明编号"))
            }
            return try itemRecord(n, at: inv.location)
        }
        let text = bound.value.display
        guard let (kind, n) = RecordKind.forID(text), kind == .item else {
            throw ScriptError.validation(
                "'\(text)' is not an item id", "'\(text)' 不是议题编号", at: bound.location,
                hint: Localized(en: "items have ids such as I-1; 'agenda' lists them", zh: "议题编号形如 I-1；agenda 可列出议题"))
        }
        return try itemRecord(n, at: bound.location)
    }

    func itemRecord(_ id: Int, at loc: SourceLocation?) throws -> ItemRecord {
        guard let r = try store.select(.item, matching: ["id": .integer(id)], orderBy: []).first, let item = ItemRecord(r) else {
            throw ScriptError.runtime("no item I-\(id)", "没有议题 I-\(id)", at: loc)
        }
        return item
    }

    func items(of m: MeetingRecord) throws -> [ItemRecord] {
        try store.select(.item, matching: ["meeting_id": .integer(m.id)], orderBy: []).compactMap(ItemRecord.init)
    }

    /// Refuses an action the item's step does not allow, naming the step and what is allowed.
    func requireStep(_ item: ItemRecord, for action: ItemAction, at loc: SourceLocation?, hint: Localized? = nil) throws {
        guard !action.allowedFrom.contains(item.step) else { return }
        let set = ItemStep.choices
        func label(_ s: ItemStep, _ l: Language) -> String { set.resolve(s.rawValue)?.label.text(l) ?? s.rawValue }
        let en = action.allowedFrom.map { label($0, .en) }, zh = action.allowedFrom.map { label($0, .zh) }
        let allowedEn = en.count > 1 ? en.dropLast().joined(separator: ", ") + " or " + (en.last ?? "") : en.joined()
        let allowedZh = zh.count > 1 ? zh.dropLast().joined(separator: "、") + "或" + (zh.last ?? "") : zh.joined()
        throw ScriptError.runtime(
            "cannot \(action.label.en) \(item.display): it is \(label(item.step, .en)); allowed only when \(allowedEn)",
            "不能\(action.label.zh) \(item.display)：该议题\(label(item.step, .zh))；仅在\(allowedZh)时可以", at: loc, hint: hint)
    }

    /// An item's motions, first round first.
    func motions(of item: ItemRecord) throws -> [MotionRecord] {
        try store.select(.motion, matching: ["item_id": .integer(item.id)], orderBy: ["round"]).compactMap(MotionRecord.init)
    }

    /// Who has cast a ballot on a motion, in the order they did (the choice only for open polls).
    func ballots(of motion: MotionRecord) throws -> [BallotRecord] {
        try ballotRows(of: motion).filter { !$0.voided }
    }

    /// Every ballot row of a motion, withdrawn ones included.
    func ballotRows(of motion: MotionRecord) throws -> [BallotRecord] {
        let kind: RecordKind = motion.secret ? .secretVoter : .ballot
        return try store.select(kind, matching: ["motion_id": .integer(motion.id)], orderBy: []).compactMap(BallotRecord.init)
    }

    /// The case an item was carried out as, if any.
    func caseOf(_ item: ItemRecord) throws -> StoredRecord? {
        try store.select(.case, matching: ["item_id": .integer(item.id), "source": .text("meeting")], orderBy: []).first
    }

    /// The community's name, for messages and minutes.
    func communityName(_ id: Int?) throws -> String? {
        guard let id else { return nil }
        return try store.select(.community, matching: ["id": .integer(id)], orderBy: []).first?.text("name")
    }
}

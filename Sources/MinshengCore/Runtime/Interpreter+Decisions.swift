/// 办 and 评: a passed item becomes a case, and residents later rate the result.
/// Both may happen after the meeting has closed.
extension Interpreter {
    /// `decide [ITEM] dept=… due=… [urgency=] [category=]` (办).
    func decide(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        try requireStep(
            item, for: .decide, at: inv["item"]?.location ?? inv.location,
            hint: item.step == .carriedOut
                ? Localized(
                    en: "it is case \(try caseOf(item).map { RecordKind.case.id($0.id) } ?? "?") already",
                    zh: "已转为诉求 \(try caseOf(item).map { RecordKind.case.id($0.id) } ?? "?")") : nil)
        guard let dept = inv["dept"], case .day(let dueDay)? = inv["due"]?.value, let motion = try motions(of: item).last else { return [] }
        guard dueDay >= session.now.day else {
            throw ScriptError.validation("due=\(dueDay.iso) is already past", "办结期限 \(dueDay.iso) 已过", at: inv["due"]?.location)
        }
        let department = try resolve(.department, dept)
        let deptName = try store.select(.department, matching: ["id": .integer(department)], orderBy: []).first?.text("name") ?? dept.value.display
        let m = try meetingRecord(item.meetingID, at: inv.location)
        let caseID = try createCaseFromItem(
            inv, item: item, meeting: m, title: motion.text, department: department, due: Timestamp(day: dueDay, hour: 23, minute: 59, second: 59),
            urgency: inv.text("urgency") ?? "normal", category: inv.text("category") ?? "")
        try setStep(item, .carriedOut)
        let caseDisplay = RecordKind.case.id(caseID)
        try log(inv, "item.decide", .item, item.id, [("case", caseDisplay), ("dept", deptName), ("due", dueDay.iso)])
        session.currentItem = item.display
        session.lastID = caseDisplay
        return [
            .text(
                say(
                    "\(item.display) carried out as case \(caseDisplay): \(motion.text) (\(deptName), due \(dueDay.iso))",
                    "\(item.display) 已转为诉求 \(caseDisplay)：\(motion.text)（\(deptName)，办结期限 \(dueDay.iso)）"))
        ]
    }

    /// Files a passed item as a case (source=meeting, kind=suggestion, status=received).
    ///
    /// Kept in one place so the cases family can route it through its lifecycle and
    /// deadline policy: for now the response is due 24 hours after filing and the
    /// resolution at the end of the `due=` day.
    func createCaseFromItem(
        _ inv: Invocation, item: ItemRecord, meeting: MeetingRecord, title: String, department: Int, due: Timestamp, urgency: String, category: String
    ) throws -> Int {
        let now = session.now
        // The response deadline follows the deadline policy, like any case; the resolve
        // deadline is the one the meeting decided.
        let respondDue = try casePolicy(for: urgency).deadlines(received: now, urgency: urgency).respond
        let id = try store.insert(
            .case,
            [
                "title": .text(title), "kind": .text("suggestion"), "category": .text(category), "urgency": .text(urgency),
                "source": .text("meeting"), "status": .text("received"), "community_id": meeting.communityID.map { .integer($0) } ?? .null,
                "department_id": .integer(department), "item_id": .integer(item.id), "created_at": .text(now.storage),
                "created_by": .text(session.actor), "updated_at": .text(now.storage), "respond_due": .text(respondDue.storage),
                "resolve_due": .text(due.storage),
            ])
        try log(inv, "case.new", .case, id, [("title", title), ("source", "meeting"), ("item", item.display), ("meeting", meeting.display)])
        return id
    }

    /// `evaluate [ITEM] satisfied=… basic=… unsatisfied=…` (评): counts, or the residents' names.
    func evaluate(_ inv: Invocation) throws -> [Output] {
        let item = try targetItem(inv)
        try requireStep(item, for: .evaluate, at: inv["item"]?.location ?? inv.location)
        let keys = ["satisfied", "basic", "unsatisfied"]
        let given = keys.compactMap { k in inv[k].map { (k, $0) } }
        guard let first = given.first else {
            throw ScriptError.validation(
                "'evaluate' needs satisfied=, basic= or unsatisfied=", "'evaluate' 需要 satisfied=、basic= 或 unsatisfied=", at: inv.location,
                hint: Localized(
                    en: "evaluate \(item.display) satisfied=30 basic=5 unsatisfied=2", zh: "例如 评 \(item.display) satisfied=30 basic=5 unsatisfied=2"))
        }
        let isCount = { (b: BoundValue) in b.items.count == 1 && Int(b.items[0].display) != nil }
        let byCount = isCount(first.1)
        var counts: [String: Int] = [:]
        var ratings: [(String, String)] = []
        let current = session.currentMeeting.flatMap(RecordKind.forID).map { $0.1 }
        for (key, bound) in given {
            guard isCount(bound) == byCount else {
                throw ScriptError.validation("give counts or names, not both", "请统一给出人数或姓名，不要混用", at: bound.location)
            }
            if byCount {
                let n = Int(bound.items[0].display) ?? 0
                try checkCount(n, key, at: bound.location)
                counts[key] = n
            } else {
                for name in try distinctNames(bound) {
                    if ratings.contains(where: { $0.0 == name }) {
                        throw ScriptError.validation("'\(name)' is named twice", "'\(name)' 重复出现", at: bound.location)
                    }
                    if let done = try earlierRating(item, resident: name, meeting: current) {
                        throw ScriptError.runtime(
                            "'\(name)' has already rated \(item.display) (\(done))", "'\(name)' 已评价过 \(item.display)（\(done)）", at: bound.location)
                    }
                    ratings.append((name, key))
                }
                counts[key] = ratings.filter { $0.1 == key }.count
            }
        }
        let s = counts["satisfied"] ?? 0, b = counts["basic"] ?? 0, u = counts["unsatisfied"] ?? 0
        guard s + b + u > 0 else { throw ScriptError.validation("an evaluation needs at least one rating", "评价至少需要一人", at: first.1.location) }
        let caseRow = try caseOf(item)
        let id = try store.insert(
            .evaluation,
            [
                "item_id": .integer(item.id), "meeting_id": current.map { .integer($0) } ?? .null, "satisfied": .integer(s), "basic": .integer(b),
                "unsatisfied": .integer(u), "case_status": caseRow?["status"] ?? .null, "at": .text(session.now.storage), "created_by": .text(session.actor),
            ])
        for (name, result) in ratings {
            _ = try store.insert(.rating, ["evaluation_id": .integer(id), "item_id": .integer(item.id), "resident": .text(name), "result": .text(result)])
        }
        try setStep(item, .evaluated)
        try log(
            inv, "item.evaluate", .item, item.id,
            [("satisfied", String(s)), ("basic", String(b)), ("unsatisfied", String(u))]
                + (ratings.isEmpty ? [] : [("residents", ratings.map { "\($0.0)=\($0.1)" }.joined(separator: ","))]))
        session.currentItem = item.display
        let rate = Tally.percent(s + b, of: s + b + u)
        return [
            .text(
                say(
                    "evaluation of \(item.display): satisfied \(s), basic \(b), unsatisfied \(u) — satisfaction \(rate) ((\(s)+\(b))/\(s + b + u))",
                    "\(item.display) 评价：满意 \(s)，基本满意 \(b)，不满意 \(u)——满意率 \(rate)（(\(s)+\(b))/\(s + b + u)）"))
        ]
    }

    /// Where a resident already rated an item in the same meeting (or, outside meetings, at all).
    func earlierRating(_ item: ItemRecord, resident: String, meeting: Int?) throws -> String? {
        for r in try store.select(.rating, matching: ["item_id": .integer(item.id), "resident": .text(resident)], orderBy: []) {
            guard let e = try store.select(.evaluation, matching: ["id": r["evaluation_id"]], orderBy: []).first else { continue }
            if e.int("meeting_id") == meeting { return e.time("at")?.display ?? "" }
        }
        return nil
    }
}

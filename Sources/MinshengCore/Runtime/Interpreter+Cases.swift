extension Interpreter {
    static let caseHandlers: [CommandID: Handler] = [
        .caseNew: { try $0.caseNew($1) }, .caseRespond: { try $0.caseRespond($1) }, .caseVerify: { try $0.caseVerify($1) },
        .caseReport: { try $0.caseReport($1) }, .caseDispatch: { try $0.caseDispatch($1) }, .caseReturn: { try $0.caseReturn($1) },
        .caseProgress: { try $0.caseProgress($1) }, .caseResolve: { try $0.caseResolve($1) },
        .caseCallback: { try $0.caseCallback($1) }, .caseClose: { try $0.caseClose($1) },
        .caseShow: { try $0.caseShow($1) }, .caseOverdue: { try $0.caseOverdue($1) },
        .caseImport: { try $0.caseImport($1) }, .caseExport: { try $0.caseExport($1) },
        .policyShow: { try $0.policyShow($1) }, .policySet: { try $0.policySet($1) }, .policyRecompute: { try $0.policyRecompute($1) },
        .calendarShow: { try $0.calendarShow($1) }, .calendarSet: { try $0.calendarSet($1) }, .calendarImport: { try $0.calendarImport($1) },
    ]

    /// `case new TITLE …`: takes in a request, computes its deadlines from the policy.
    func caseNew(_ inv: Invocation) throws -> [Output] {
        guard let title = inv.text("title")?.trimmingWhitespace(), let titleLoc = inv["title"]?.location else { return [] }
        guard !title.isEmpty else { throw ScriptError.validation("a case needs a title", "诉求标题不能为空", at: titleLoc) }
        let now = session.now
        var place = try casePlace(inv)
        if let phone = inv.text("phone") {
            guard PhoneNumber.isValid(phone) else {
                throw ScriptError.validation(
                    "'\(phone)' is not a phone number", "'\(phone)' 不是有效的电话号码", at: inv["phone"]?.location,
                    hint: Localized(en: "5 to 20 digits, e.g. 13800001234 or 010-85801234", zh: "5 到 20 位数字，如 13800001234 或 010-85801234"))
            }
            place.phone = phone
        }
        let visit = try externalID(inv, "visit", prefix: "V")
        let item = try externalID(inv, "item", prefix: "I")
        if let visit, place.household == nil, place.compound == nil, place.community == nil {
            let phone = place.phone
            place = try self.place(ofVisit: visit)
            place.phone = phone ?? place.phone
        }
        var duplicateOf: Int?
        if let b = inv["duplicate-of"] {
            let o = try caseNumber(b)
            try checkOriginal(o, of: nil, at: b.location)
            duplicateOf = o
        }
        let workOrder = inv.text("work-order")?.trimmingWhitespace().nonEmpty
        if let wo = workOrder, let other = try caseWithWorkOrder(wo) {
            throw ScriptError.runtime(
                "work order '\(wo)' is already case \(RecordKind.case.id(other))", "工单 '\(wo)' 已是诉求 \(RecordKind.case.id(other))",
                at: inv["work-order"]?.location)
        }
        let urgency = inv.text("urgency") ?? "normal"
        let source = inv.text("source") ?? (visit != nil ? "visit" : item != nil ? "meeting" : "walk-in")
        let due = try casePolicy(for: urgency).deadlines(received: now, urgency: urgency)
        var values: [String: StoreValue] = [
            "title": .text(title), "kind": .text(inv.text("kind") ?? "help"), "category": .text(inv.text("category") ?? ""),
            "urgency": .text(urgency), "source": .text(source), "status": .text(CaseStatus.received.rawValue),
            "created_at": .text(now.storage), "created_by": .text(session.actor), "updated_at": .text(now.storage),
            "respond_due": .text(due.respond.storage), "resolve_due": .text(due.resolve.storage),
            "special_groups": .text(place.groups.joined(separator: ",")),
        ]
        values["community_id"] = place.community.map(StoreValue.integer)
        values["compound_id"] = place.compound.map(StoreValue.integer)
        values["household_id"] = place.household.map(StoreValue.integer)
        values["address"] = place.address.map(StoreValue.text)
        values["resident"] = (inv.text("resident") ?? place.resident).map(StoreValue.text)
        values["phone"] = place.phone.map(StoreValue.text)
        values["description"] = inv.text("description").map(StoreValue.text)
        values["visit_id"] = visit.map(StoreValue.integer)
        values["item_id"] = item.map(StoreValue.integer)
        values["duplicate_of"] = duplicateOf.map(StoreValue.integer)
        values["work_order"] = workOrder.map(StoreValue.text)
        let id = try store.insert(.case, values)
        var details: [(String, String)] = [
            ("by", inv.text("by") ?? session.actor), ("title", title), ("urgency", urgency), ("source", source),
            ("respond-due", due.respond.storage), ("resolve-due", due.resolve.storage),
        ]
        if let wo = workOrder { details.append(("work-order", wo)) }
        if let d = duplicateOf { details.append(("duplicate-of", RecordKind.case.id(d))) }
        try log(inv, "case.new", .case, id, details)
        let display = RecordKind.case.id(id)
        session.lastID = display
        let u = ChoiceSet.urgency.resolve(urgency)?.label ?? Localized(urgency)
        let shownTitle = masked(title)
        var lines = [
            lang == .zh
                ? "已受理诉求 \(display) \(shownTitle)（\(u.zh)）：响应期限 \(due.respond.display)，办结期限 \(due.resolve.display)"
                : "new case \(display) \(shownTitle) (\(u.en)): respond by \(due.respond.display), resolve by \(due.resolve.display)"
        ]
        if !place.groups.isEmpty {
            let names = place.groups.map { SpecialGroups.label($0).text(lang) }
            lines.append(lang == .zh ? "特殊群体：\(names.joined(separator: "、"))" : "special groups: \(names.joined(separator: ", "))")
        }
        if let d = duplicateOf {
            let o = RecordKind.case.id(d)
            lines.append(
                lang == .zh ? "与 \(o) 重复；可用 case close \(display) outcome=duplicate 结案" : "repeats \(o); close it with: case close \(display) outcome=duplicate"
            )
        }
        return lines.map { .text($0) }
    }

    /// Where a case is and who asked, gathered from community=, compound= and household=
    /// (a household brings its compound, community, address, head, phone and tags).
    struct CasePlace {
        var community: Int?, compound: Int?, household: Int?
        var address: String?, resident: String?, phone: String?
        var groups: [String] = []
    }

    func casePlace(_ inv: Invocation) throws -> CasePlace {
        var p = CasePlace()
        p.address = inv.text("address")
        if let b = inv["household"] {
            guard let (kind, n) = RecordKind.forID(b.value.display), kind == .household else {
                throw ScriptError.validation(
                    "'\(b.value.display)' is not a household id", "'\(b.value.display)' 不是住户编号", at: b.location,
                    hint: Localized(en: "households are named by id, e.g. H-1", zh: "住户用编号表示，如 H-1"))
            }
            guard let h = try store.select(.household, matching: ["id": .integer(n)], orderBy: []).first else {
                throw ScriptError.runtime("no household \(b.value.display)", "没有住户 \(b.value.display)", at: b.location)
            }
            p.household = n
            p.compound = h.int("compound_id")
            p.community = h.int("community_id")
            p.address = p.address ?? h.text("address")
            p.resident = h.text("head")
            p.phone = h.text("phone")
            p.groups = SpecialGroups.of(h.text("tags") ?? "")
        }
        if let b = inv["compound"] {
            let n = try resolve(.compound, b)
            if let have = p.compound, have != n {
                throw ScriptError.validation(
                    "household \(inv.text("household") ?? "") is not in compound '\(b.value.display)'",
                    "住户 \(inv.text("household") ?? "") 不在楼院 '\(b.value.display)'", at: b.location)
            }
            p.compound = n
            if let c = try store.select(.compound, matching: ["id": .integer(n)], orderBy: []).first, p.community == nil {
                p.community = c.int("community_id")
            }
        }
        if let b = inv["community"] {
            let n = try resolve(.community, b)
            if let have = p.community, have != n {
                let name = try communityName(have)
                throw ScriptError.validation(
                    "'\(b.value.display)' does not match the place given, which is in \(name)",
                    "'\(b.value.display)' 与所填地点不符，该地点属于\(name)", at: b.location)
            }
            p.community = n
        }
        return p
    }

    func communityName(_ id: Int) throws -> String {
        try store.select(.community, matching: ["id": .integer(id)], orderBy: []).first?.text("name") ?? RecordKind.community.id(id)
    }

    /// `V-3`, `I-2`: a visit or meeting item the case came from; it must exist.
    func externalID(_ inv: Invocation, _ option: String, prefix: String) throws -> Int? {
        guard let b = inv[option] else { return nil }
        let text = b.value.display
        guard let (kind, n) = RecordKind.forID(text), kind.schema.idPrefix == prefix else {
            throw ScriptError.validation(
                "'\(text)' is not a \(option) id", "'\(text)' 不是有效的编号", at: b.location,
                hint: Localized(en: "write \(prefix)-1", zh: "请写成 \(prefix)-1"))
        }
        guard try store.fetch(kind, id: n) != nil else {
            throw ScriptError.runtime("no \(kind.schema.label.en) \(text)", "没有\(kind.schema.label.zh) \(text)", at: b.location)
        }
        return n
    }

    /// A case raised on a visit, with no place of its own, is where the visit was.
    func place(ofVisit id: Int) throws -> CasePlace {
        var p = CasePlace()
        guard let v = try store.select(.visit, matching: ["id": .integer(id)], orderBy: []).first else { return p }
        if let h = v.int("household_id"), let row = try store.select(.household, matching: ["id": .integer(h)], orderBy: []).first {
            p.household = h
            p.address = row.text("address")
            p.resident = row.text("head")
            p.phone = row.text("phone")
            p.groups = SpecialGroups.of(row.text("tags") ?? "")
        }
        p.compound = v.int("compound_id")
        p.community = v.int("community_id")
        return p
    }

    /// The number of an existing case given as `C-n`.
    func caseNumber(_ b: BoundValue) throws -> Int {
        let n = try caseID(b)
        guard try store.fetch(.case, id: n) != nil else {
            throw ScriptError.runtime("no case \(b.value.display)", "没有诉求 \(b.value.display)", at: b.location)
        }
        return n
    }

    /// The number in `C-n`, whether or not that case exists.
    func caseID(_ b: BoundValue) throws -> Int {
        let text = b.value.display
        guard let (kind, n) = RecordKind.forID(text), kind == .case else {
            throw ScriptError.validation(
                "'\(text)' is not a case id", "'\(text)' 不是诉求编号", at: b.location,
                hint: Localized(en: "case ids look like C-1", zh: "诉求编号形如 C-1"))
        }
        return n
    }

    /// The case named by the command's `ID`.
    func loadCase(_ inv: Invocation) throws -> CaseRecord {
        guard let b = inv["id"] else { throw ScriptError.runtime("a case id is needed", "缺少诉求编号", at: inv.location) }
        // One query: the row itself says whether the case exists.
        let n = try caseID(b)
        guard let row = try store.select(.case, matching: ["id": .integer(n)], orderBy: []).first else {
            throw ScriptError.runtime("no case \(b.value.display)", "没有诉求 \(b.value.display)", at: b.location)
        }
        return CaseRecord(row)
    }

    /// The case already holding a work order, found through its unique index.
    func caseWithWorkOrder(_ workOrder: String) throws -> Int? {
        guard let field = RecordSchema.case.field("work-order") else { return nil }
        var q = Query(kind: .case)
        q.predicate = .compare(field, .equal, .text(workOrder))
        q.limit = 1
        var found: Int?
        try store.scan(q, now: session.now) { found = $0.id }
        return found
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}

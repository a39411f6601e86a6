/// Small lookups the org and visits handlers share.
extension Interpreter {
    /// One stored row by id, or nil.
    func row(_ kind: RecordKind, _ id: Int) throws -> StoredRecord? {
        try store.select(kind, matching: ["id": .integer(id)], orderBy: []).first
    }

    /// The record `id` stands for: itself, or the one it was merged into.
    func kept(_ kind: RecordKind, _ id: Int) throws -> Int {
        guard kind.schema.field("merged") != nil else { return id }
        var current = id
        // A merge moves the records merged into the duplicate on to the kept one too, so
        // one step is the rule; the bound only guards against a table edited behind the
        // shell's back.
        for _ in 0..<8 {
            guard let next = try row(kind, current)?.int("merged_into"), next != current else { break }
            current = next
        }
        return current
    }

    /// A record's name (or title), for messages.
    func title(_ kind: RecordKind, _ id: Int?) throws -> String {
        guard let id else { return "" }
        return try row(kind, id)?.text(kind.schema.titleColumn) ?? kind.id(id)
    }

    /// A non-empty text argument, or a located error.
    func requiredText(_ inv: Invocation, _ name: String) throws -> String {
        let text = inv.text(name) ?? ""
        guard !text.trimmingWhitespace().isEmpty else {
            throw ScriptError.validation("\(name) cannot be empty", "\(name) 不能为空", at: inv[name]?.location ?? inv.location)
        }
        return text
    }

    /// Refuses a second record of a kind with the same name.
    func requireNewName(_ kind: RecordKind, _ name: String, at loc: SourceLocation?, hint: Localized? = nil) throws {
        if try store.lookup(kind, name: name) != nil {
            throw ScriptError.runtime(
                "\(kind.schema.label.en) '\(name)' already exists", "\(kind.schema.label.zh) '\(name)' 已存在", at: loc, hint: hint)
        }
    }

    /// An optional reference option, resolved.
    func optionalRef(_ kind: RecordKind, _ inv: Invocation, _ name: String) throws -> Int? {
        guard let b = inv[name] else { return nil }
        return try resolve(kind, b)
    }

    /// The references of a list option, resolved, duplicates refused.
    func refs(_ kind: RecordKind, _ bound: BoundValue) throws -> [Int] {
        var out: [Int] = []
        for v in bound.items {
            let id = try resolve(kind, BoundValue(value: v, location: bound.location))
            guard !out.contains(id) else {
                throw ScriptError.validation("'\(v.display)' is listed twice", "'\(v.display)' 重复出现", at: bound.location)
            }
            out.append(id)
        }
        return out
    }

    /// A household given by id (`H-1`) or by its full address; an address shared by two
    /// households (in different compounds) must be given by id.
    func resolveHousehold(_ bound: BoundValue, followingMerges: Bool = true) throws -> Int {
        let text = bound.value.display
        if let (k, _) = RecordKind.forID(text), k == .household { return try resolve(.household, bound, followingMerges: followingMerges) }
        // A household merged into another stands for the one kept (once, however many name it).
        var found: [Int] = []
        for r in try store.select(.household, matching: ["address": .text(text)], orderBy: []) {
            let id = followingMerges ? try kept(.household, r.id) : r.id
            if !found.contains(id) { found.append(id) }
        }
        guard let first = found.first else {
            throw ScriptError.runtime(
                "no household with id or address '\(text)'", "没有编号或地址为 '\(text)' 的住户", at: bound.location,
                hint: Localized(en: "find households where address ~ …", zh: "可用 find households where address ~ … 查找"))
        }
        guard found.count == 1 else {
            let ids = found.map { RecordKind.household.id($0) }.joined(separator: ", ")
            throw ScriptError.runtime(
                "\(found.count) households have the address '\(text)': \(ids)", "有 \(found.count) 户地址为 '\(text)'：\(ids)", at: bound.location,
                hint: Localized(en: "give the household by id", zh: "请用编号指定住户"))
        }
        return first
    }

    /// Free text as shown to the operator: phone numbers typed into it (a title, a detail)
    /// masked unless `set reveal on`.
    func masked(_ text: String) -> String { session.reveal ? text : PhoneMask.maskNumbers(in: text) }

    /// A phone number: digits, optionally with `-` or a leading `+`, 7 to 15 digits.
    func checkPhone(_ inv: Invocation) throws -> StoreValue {
        guard let phone = inv.text("phone"), !phone.isEmpty else { return .null }
        let digits = phone.filter(\.isASCIIDigit).count
        let ok = phone.enumerated().allSatisfy { i, c in c.isASCIIDigit || c == "-" || (c == "+" && i == 0) }
        guard ok, (7...15).contains(digits) else {
            throw ScriptError.validation(
                "'\(phone)' is not a phone number", "'\(phone)' 不是电话号码", at: inv["phone"]?.location,
                hint: Localized(en: "write digits, e.g. 13800001234 or 010-85861234", zh: "请写数字，如 13800001234 或 010-85861234"))
        }
        return .text(phone)
    }

    /// The columns every record keeps: when and by whom it was made.
    var stamp: [String: StoreValue] { ["created_at": .text(session.now.storage), "created_by": .text(session.actor)] }

    /// A cadre's role, department and community.
    func cadre(_ id: Int) throws -> (name: String, role: String, community: Int?, department: Int?) {
        let r = try row(.cadre, id)
        return (r?.text("name") ?? RecordKind.cadre.id(id), r?.text("role") ?? "", r?.int("community_id"), r?.int("department_id"))
    }

    func roleLabel(_ role: String) -> String {
        ChoiceSet.cadreRole.resolve(role)?.label.text(lang) ?? role
    }

    /// "an office cadre" / "机关干部", for messages.
    func roleNoun(_ role: String, plural: Bool = false) -> Localized {
        switch role {
        case "office": return Localized(en: plural ? "office cadres" : "an office cadre", zh: "机关干部")
        case "community": return Localized(en: plural ? "community cadres" : "a community cadre", zh: "社区干部")
        case "leader": return Localized(en: plural ? "leaders" : "a leader", zh: "处级领导")
        default: return Localized(role)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

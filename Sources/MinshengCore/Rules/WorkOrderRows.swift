/// A 12345 work order read from one CSV row, checked and ready to become a case.
public struct WorkOrder: Equatable, Sendable {
    public var number: String
    public var title: String
    public var description: String?
    public var kind: String
    public var category: String
    public var urgency: String
    /// When 12345 took the call; nil means the clock in force.
    public var received: Timestamp?
    public var community: String?
    public var address: String?
    public var resident: String?
    public var phone: String?
}

/// The column mapping of a work-order CSV file (documented in docs/IMPORT.md): each case
/// field has an English name and the Chinese headers 12345 exports use; a header matches
/// regardless of case, spaces, `_` or `-`. Other columns are ignored (and listed).
public struct WorkOrderColumns: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var aliases: [String]
        public var required: Bool
    }

    public static let all: [Column] = [
        Column(name: "work-order", aliases: ["工单号", "工单编号", "workorder"], required: true),
        Column(name: "received", aliases: ["受理时间", "来电时间", "created"], required: false),
        Column(name: "title", aliases: ["标题", "诉求标题", "主题"], required: true),
        Column(name: "description", aliases: ["诉求内容", "内容", "详情"], required: false),
        Column(name: "kind", aliases: ["诉求类型", "类型", "工单类型"], required: false),
        Column(name: "category", aliases: ["类别", "问题分类", "分类"], required: false),
        Column(name: "urgency", aliases: ["紧急程度", "缓急程度"], required: false),
        Column(name: "community", aliases: ["社区", "所属社区"], required: false),
        Column(name: "address", aliases: ["地址", "诉求地址", "事发地址"], required: false),
        Column(name: "resident", aliases: ["诉求人", "来电人", "姓名"], required: false),
        Column(name: "phone", aliases: ["电话", "联系电话", "来电号码"], required: false),
    ]

    /// Where each field sits in a row, by field name.
    public let index: [String: Int]
    /// Headers that map to no field.
    public let ignored: [String]
    public let width: Int

    /// Reads the header row; a missing required column or a column given twice is an error.
    public init(header: [String]) throws(ScriptError) {
        var index: [String: Int] = [:]
        var ignored: [String] = []
        for (i, h) in header.enumerated() {
            let key = Self.normalize(h)
            guard let col = Self.all.first(where: { Self.normalize($0.name) == key || $0.aliases.contains { Self.normalize($0) == key } }) else {
                if !key.isEmpty { ignored.append(h) }
                continue
            }
            if index[col.name] != nil {
                throw ScriptError.validation("two columns give \(col.name): the second is '\(h)'", "有两列都是 \(col.aliases.first ?? col.name)（\(col.name)）：第二列为 '\(h)'", at: nil)
            }
            index[col.name] = i
        }
        let missing = Self.all.filter { $0.required && index[$0.name] == nil }
        if !missing.isEmpty {
            let names = missing.map { "\($0.name) (\($0.aliases[0]))" }.joined(separator: ", ")
            let zh = missing.map { "\($0.aliases[0])（\($0.name)）" }.joined(separator: "、")
            throw ScriptError.validation(
                "the header lacks \(names)", "表头缺少 \(zh)", at: nil,
                hint: Localized(en: "columns: see docs/IMPORT.md", zh: "列名见 docs/IMPORT.md"))
        }
        self.index = index
        self.ignored = ignored
        self.width = header.count
    }

    /// The field without surrounding spaces; most fields have none, so that case is quick.
    static func trimmed(_ s: String) -> String {
        guard let f = s.unicodeScalars.first, let l = s.unicodeScalars.last else { return s }
        return spaces.contains(f) || spaces.contains(l) ? s.trimmingWhitespace() : s
    }

    static let spaces: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{3000}"]

    static func normalize(_ s: String) -> String {
        String(s.trimmingWhitespace().lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Checks one row; every problem of the row is returned, not just the first.
    public func read(_ fields: [String], now: Timestamp) -> Result<WorkOrder, RowProblems> {
        guard fields.count == width else {
            return .failure(RowProblems([Localized(en: "expected \(width) fields, found \(fields.count)", zh: "应有 \(width) 个字段，实际 \(fields.count) 个")]))
        }
        func get(_ name: String) -> String? {
            guard let i = index[name] else { return nil }
            let v = Self.trimmed(fields[i])
            return v.isEmpty ? nil : v
        }
        var problems: [Localized] = []
        let number = get("work-order") ?? ""
        if number.isEmpty { problems.append(Localized(en: "the work order number is empty", zh: "工单号为空")) }
        let description = get("description")
        let title = get("title") ?? description.map { String($0.prefix(30)) } ?? ""
        if title.isEmpty { problems.append(Localized(en: "the title is empty", zh: "标题为空")) }
        func choice(_ name: String, _ set: ChoiceSet, _ fallback: String) -> String {
            guard let v = get(name) else { return fallback }
            guard let c = set.resolve(v) else {
                let list = set.choices.map { "\($0.value)/\($0.aliases.first ?? $0.value)" }.joined(separator: ", ")
                problems.append(Localized(en: "\(name) '\(v)' is not one of \(list)", zh: "\(name) '\(v)' 不在可选值中：\(list)"))
                return fallback
            }
            return c.value
        }
        let kind = choice("kind", .caseKind, "help")
        let urgency = choice("urgency", .urgency, "normal")
        var received: Timestamp?
        if let t = get("received") {
            if let ts = Timestamp.parse(t) {
                received = ts
                if ts > now {
                    problems.append(Localized(en: "received time \(t) is after the clock (\(now.display))", zh: "受理时间 \(t) 晚于当前时钟（\(now.display)）"))
                }
            } else {
                problems.append(Localized(en: "received time '\(t)' is not a date and time (YYYY-MM-DD HH:MM)", zh: "受理时间 '\(t)' 不是日期时间（YYYY-MM-DD HH:MM）"))
            }
        }
        let phone = get("phone")
        if let p = phone, !PhoneNumber.isValid(p) {
            problems.append(Localized(en: "'\(p)' is not a phone number", zh: "'\(p)' 不是有效的电话号码"))
        }
        let order = WorkOrder(
            number: number, title: title, description: description, kind: kind, category: get("category") ?? "", urgency: urgency,
            received: received, community: get("community"), address: get("address"), resident: get("resident"), phone: phone)
        return problems.isEmpty ? .success(order) : .failure(RowProblems(problems, partial: order))
    }
}

/// Everything wrong with one row, so a user fixes a file in one pass.
public struct RowProblems: Error, Equatable, Sendable {
    public var problems: [Localized]
    /// What could be read of the row (nil when its fields do not match the header), so
    /// the checks that need the database can still report their problems too.
    public var partial: WorkOrder?

    public init(_ problems: [Localized], partial: WorkOrder? = nil) {
        self.problems = problems
        self.partial = partial
    }
}

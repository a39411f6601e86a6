extension QueryParser {
    /// Checks that `field op value` makes sense for the field's type and types the value.
    /// Text is compared as typed; anything else with full-width letters and digits folded
    /// (a reference only when it then reads as an id, as in a command).
    func typedComparison(_ field: FieldSpec, _ op: Comparison, _ token: Token, opToken: Token) throws(ScriptError) -> Predicate {
        let typed = try context.text(of: token)
        let raw = typed.foldingFullWidth
        let loc = token.location
        switch field.type {
        case .phone where !context.reveal && op != .equal && op != .notEqual:
            // A partial match (`~`, `<`, `>`) recovers a masked number digit by digit.
            throw hiddenPhone(field, opToken)
        case .text:
            return .compare(field, op, .text(typed))
        case .reference:
            // A record is not more or less than another: `<` would compare numbers no one sees.
            guard op == .equal || op == .notEqual || op == .contains else { throw opError(field, op, opToken, allowed: "= != ~ in") }
            return .compare(field, op, .text(RecordKind.forID(raw) != nil ? raw : typed))
        case .phone:
            return .compare(field, op, .text(raw))
        case .computed, .decimal, .percent:
            throw .validation("\(field.name) cannot be used in a list", "\(field.label.zh)不能用于列表", at: loc)
        case .tags:
            guard op == .equal || op == .contains || op == .notEqual else {
                throw opError(field, op, opToken, allowed: "= != ~")
            }
            // Tags are stored as `,a,b,`: `= a` means "has tag a", and Chinese aliases name their tag.
            let tag = ChoiceSet.householdTag.resolve(raw)?.value ?? raw
            if op == .contains { return .compare(field, .contains, .text(tag)) }
            let has = Predicate.compare(field, .contains, .text(",\(tag),"))
            return op == .equal ? has : .not(has)
        case .integer:
            guard op != .contains else { throw opError(field, op, opToken, allowed: "= != < <= > >=") }
            if field.name == "id", let kind, let (k, n) = RecordKind.forID(raw) {
                guard k == kind else {
                    throw .validation(
                        "'\(raw)' is not an id of \(kind.schema.plural.en)", "'\(raw)' 不是\(kind.schema.label.zh)的编号", at: loc,
                        hint: Localized(en: "\(kind.schema.plural.en) have ids like \(kind.id(1))", zh: "\(kind.schema.label.zh)编号形如 \(kind.id(1))"))
                }
                return .compare(field, op, .integer(n))
            }
            guard let n = Int(raw) else {
                throw .validation(
                    "\(field.name) is a number; '\(raw)' is not", "\(field.label.zh)是数字，'\(raw)' 不是数字", at: loc)
            }
            return .compare(field, op, .integer(n))
        case .choice(let set):
            guard op == .equal || op == .notEqual else { throw opError(field, op, opToken, allowed: "= != in") }
            // `status=open`: every state of a case before closed.
            if set == .caseStatus, ChoiceSet.openStatusWords.contains(raw.lowercased()) {
                let open = Predicate.inList(field, set.choices.map(\.value).filter { $0 != "closed" }.map(QueryValue.text))
                return op == .equal ? open : .not(open)
            }
            guard let c = set.resolve(raw) else {
                let list = set.listed(extra: set == .caseStatus ? [("open", "未结")] : [])
                throw .validation(
                    "'\(raw)' is not a valid \(field.name); expected one of: \(list.en)", "'\(raw)' 不是有效的\(field.label.zh)，可选：\(list.zh)",
                    at: loc, hint: Suggestion.hint(for: raw, in: set.spellings + (set == .caseStatus ? ["open"] : [])))
            }
            return .compare(field, op, .text(c.value))
        case .dateTime, .date:
            guard op != .contains else { throw opError(field, op, opToken, allowed: "= != < <= > >=") }
            guard let (start, end) = timeRange(raw) else {
                let today = RelativeDay.today.words
                let (week, month) = (RelativePeriod.thisWeek, RelativePeriod.thisMonth)
                throw .validation(
                    "\(field.name) is a date; '\(raw)' is not a date", "\(field.label.zh)是日期，'\(raw)' 不是日期", at: loc,
                    hint: Localized(
                        en: "write 2019-11-05, 2019-11, 2019-W49, \(today[0]), \(today[0])-7d, \(week.rawValue) or \(month.rawValue)",
                        zh: "可写 2019-11-05、2019-11、2019-W49、\(today[1])、\(today[1])-7天、\(week.zh)、\(month.zh)"))
            }
            // A date field stores `YYYY-MM-DD`, so it compares with days, not moments.
            let isDate = field.type == .date
            let s = isDate ? QueryValue.text(start.day.iso) : .time(start), e = isDate ? QueryValue.text(end.day.iso) : .time(end)
            switch op {
            case .equal: return .range(field, s, e)
            case .notEqual: return .not(.range(field, s, e))
            case .less: return .compare(field, .less, s)
            case .greaterOrEqual: return .compare(field, .greaterOrEqual, s)
            case .lessOrEqual: return .compare(field, .less, e)
            case .greater: return .compare(field, .greaterOrEqual, e)
            case .contains: throw opError(field, op, opToken, allowed: "= != < <= > >=")
            }
        }
    }

    /// A phone number is matched whole unless revealed: `~`, `<` and `order by` would let
    /// a few queries spell out a masked number.
    func hiddenPhone(_ field: FieldSpec, _ token: Token) -> ScriptError {
        .validation(
            "\(field.name) is masked: it can only be matched whole, with = or !=",
            "\(field.label.zh)已隐藏：只能用 = 或 != 整体比较", at: token.location,
            hint: Localized(en: "set reveal on (it is logged) to search or sort by part of a number", zh: "如需按号码的一部分查找或排序，请 set reveal on（会记入日志）"))
    }

    func opError(_ field: FieldSpec, _ op: Comparison, _ token: Token, allowed: String) -> ScriptError {
        .validation(
            "'\(op.rawValue)' does not apply to \(field.name)", "'\(op.rawValue)' 不能用于\(field.label.zh)（\(field.name)）",
            at: token.location, hint: Localized(en: "use \(allowed)", zh: "可用 \(Self.chineseOperators(allowed))"))
    }

    /// Operators as a Chinese hint writes them: `in` by its Chinese keyword (`= != 属于`).
    static func chineseOperators(_ allowed: String) -> String {
        allowed.split(separator: " ").map { op in keywords[String(op)]?.dropFirst().first ?? String(op) }.joined(separator: " ")
    }

    /// A date word as a half-open span of time: a moment, a day, a week or a month.
    func timeRange(_ s: String) -> (Timestamp, Timestamp)? {
        if s.contains("T") || s.contains(":"), let t = context.time(s) { return (t, t.adding(seconds: 1)) }
        if let d = context.day(s) { return (Timestamp(day: d), Timestamp(day: Day(ordinal: d.ordinal + 1))) }
        if let relative = RelativePeriod.named(s), let p = relative.period(today: context.now.day) { return (p.start, p.end) }
        let parts = s.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        if let m = Int(parts[1]), parts[1].count <= 2 { return monthRange(y, m) }
        if parts[1].uppercased().hasPrefix("W"), let w = Int(parts[1].dropFirst()), (1...53).contains(w) {
            guard let jan4 = Day(year: y, month: 1, day: 4) else { return nil }
            let week1 = jan4.ordinal - (jan4.weekday - 1)
            let start = Day(ordinal: week1 + (w - 1) * 7)
            return (Timestamp(day: start), Timestamp(day: Day(ordinal: start.ordinal + 7)))
        }
        return nil
    }

    func monthRange(_ y: Int, _ m: Int) -> (Timestamp, Timestamp)? {
        guard let first = Day(year: y, month: m, day: 1) else { return nil }
        let next = m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1)
        guard let next else { return nil }
        return (Timestamp(day: first), Timestamp(day: next))
    }
}

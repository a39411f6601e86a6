extension QueryParser {
    /// A yes-or-no field: alone it holds; `= yes|no`, `!= yes|no` say which.
    mutating func parseTruth(_ field: FieldSpec, _ holds: Predicate) throws(ScriptError) -> Predicate {
        guard let op = peek(), op.kind == .equals || op.kind == .comparison("!=") || op.kind == .comparison("==") else { return holds }
        i += 1
        let v = next()
        guard let v, let s = try? context.folded(v), let truth = ChoiceSet.onOff.resolve(s) else {
            throw .validation("\(field.name) is yes or no", "\(field.label.zh)只能是 是 或 否", at: v?.location ?? end)
        }
        let wantTrue = (truth.value == "on") == (op.kind != .comparison("!="))
        return wantTrue ? holds : .not(holds)
    }

    /// Conditions on computed fields, rewritten into conditions on stored columns against
    /// the clock in force, so the SQL stays plain and indexes still serve.
    ///
    /// Grammar: computed := 'overdue' [('=' | '!=') BOOL] | ('age' | 'days-left' | 'working-age') op INTEGER
    mutating func parseComputed(_ c: ComputedField, _ field: FieldSpec, _ schema: RecordSchema, at loc: SourceLocation) throws(ScriptError) -> Predicate {
        if c == .visited { return try parseTruth(field, .exists(table: "visit", column: "household_id")) }
        if let unit = field.durationUnit { return try parseDuration(field, unit: unit) }
        guard let status = schema.field("status"), let due = schema.field("due"), let created = schema.field("created") else {
            throw .validation("\(field.name) does not apply to \(schema.plural.en)", "\(field.label.zh)不适用于\(schema.plural.zh)", at: loc)
        }
        let now = context.now
        let day = 86400
        if c == .overdue {
            return try parseTruth(field, .and(.not(.inList(status, [.text("resolved"), .text("closed")])), .compare(due, .less, .time(now))))
        }
        guard let op = next() else {
            throw .syntax("expected an operator after '\(field.name)'", "'\(field.name)' 后缺少运算符", at: end)
        }
        let comparison: Comparison
        switch op.kind {
        case .equals: comparison = .equal
        case .comparison(let s): comparison = Comparison(rawValue: s == "==" ? "=" : s) ?? .equal
        default:
            throw .syntax("expected an operator after '\(field.name)', found \(op.spelling)", "'\(field.name)' 后应是运算符，却是 \(op.spelling)", at: op.location)
        }
        guard comparison != .contains else { throw opError(field, comparison, op, allowed: "= != < <= > >=") }
        guard let v = next() else { throw .syntax("expected a number after \(op.spelling)", "\(op.spelling) 后缺少数字", at: end) }
        let raw = try context.folded(v)
        guard let n = Int(raw) else {
            throw .validation("\(field.name) is a number of days; '\(raw)' is not", "\(field.label.zh)是天数，'\(raw)' 不是数字", at: v.location)
        }
        // A hundred years either way: beyond that no case exists, and the date arithmetic
        // below stays far from overflow.
        guard (-36_500...36_500).contains(n) else {
            throw .validation(
                "\(field.name) is a number of days between -36500 and 36500, not \(raw)", "\(field.label.zh)应在 -36500 到 36500 天之间，而不是 \(raw)",
                at: v.location)
        }
        // atLeast(n): the value is ≥ n; atMost(n): the value is ≤ n.
        let atLeast: (Int) -> Predicate
        let atMost: (Int) -> Predicate
        if c == .workingAge {
            // working-age ≥ n ⇔ received at or before the latest receipt that is n working days old.
            let calendar = context.calendar
            let never = now.adding(seconds: Duration.maxSeconds)
            atLeast = { n in .compare(created, .lessOrEqual, .time(calendar.latestReceipt(workingAge: n, now: now) ?? never)) }
            atMost = { n in .compare(created, .greater, .time(calendar.latestReceipt(workingAge: n + 1, now: now) ?? never)) }
        } else if c == .age {
            // age = floor((now − created) / day)
            atLeast = { n in .compare(created, .lessOrEqual, .time(now.adding(seconds: -n * day))) }
            atMost = { n in .compare(created, .greater, .time(now.adding(seconds: -(n + 1) * day))) }
        } else {
            // days-left = floor((due − now) / day)
            atLeast = { n in .compare(due, .greaterOrEqual, .time(now.adding(seconds: n * day))) }
            atMost = { n in .compare(due, .less, .time(now.adding(seconds: (n + 1) * day))) }
        }
        switch comparison {
        case .greaterOrEqual: return atLeast(n)
        case .greater: return atLeast(n + 1)
        case .lessOrEqual: return atMost(n)
        case .less: return atMost(n - 1)
        case .equal: return .and(atLeast(n), atMost(n))
        case .notEqual: return .not(.and(atLeast(n), atMost(n)))
        case .contains: return atLeast(n)
        }
    }

    /// A duration (`days-to-resolve > 3`, `response-time < 0.5`) compared in seconds; a
    /// case without the later moment has no duration and meets no comparison. Exact
    /// durations are never equal to a number of days, so `=` is refused.
    ///
    /// Grammar: duration := FIELD ('<' | '<=' | '>' | '>=') NUMBER
    mutating func parseDuration(_ field: FieldSpec, unit: Int) throws(ScriptError) -> Predicate {
        guard let op = next() else {
            throw .syntax("expected an operator after '\(field.name)'", "'\(field.name)' 后缺少运算符", at: end)
        }
        guard case .comparison(let s) = op.kind, let comparison = Comparison(rawValue: s),
            [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(comparison)
        else {
            throw .validation(
                "'\(op.spelling)' does not apply to \(field.name)", "'\(op.spelling)' 不能用于\(field.label.zh)（\(field.name)）", at: op.location,
                hint: Localized(en: "use < <= > >= (a duration is never exactly a whole number)", zh: "可用 < <= > >=（时长很少恰好是整数）"))
        }
        let tenths = try parseTenths()
        return .compare(field, comparison, .integer(tenths * unit / 10))
    }
}

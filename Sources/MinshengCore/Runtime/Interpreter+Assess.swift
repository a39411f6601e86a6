/// 考评 (定期评): the three rates of each department, community or cadre over a period,
/// a score, the change on the previous period, and a grade. The rules (thresholds, weights,
/// minimum volume) are in `Rules/Assessment.swift`; the counting is done by the store.
extension Interpreter {
    /// The period of `period=` or `from=`/`to=`, else `fallback`.
    func period(_ inv: Invocation, fallback: Period) throws -> Period {
        if inv["from"] != nil || inv["to"] != nil {
            guard case .day(let from)? = inv["from"]?.value, case .day(let to)? = inv["to"]?.value else {
                throw ScriptError.validation(
                    "give both from= and to=", "from= 和 to= 需同时给出", at: (inv["from"] ?? inv["to"])?.location ?? inv.location)
            }
            guard from <= to else {
                throw ScriptError.validation("from= (\(from.iso)) is after to= (\(to.iso))", "from=（\(from.iso)）晚于 to=（\(to.iso)）", at: inv["to"]?.location)
            }
            if inv["period"] != nil {
                throw ScriptError.validation("give period= or from=/to=, not both", "period= 与 from=/to= 只能给一种", at: inv["period"]?.location)
            }
            return Period.days(from, to)
        }
        guard let b = inv["period"] else { return fallback }
        return try parsePeriod(b, name: "period")
    }

    func parsePeriod(_ b: BoundValue, name: String) throws -> Period {
        guard let p = Period.parse(b.value.display, today: session.now.day) else {
            throw ScriptError.validation(
                "\(name)= expects a period, not '\(b.value.display)'", "\(name)= 需要期间，而不是 '\(b.value.display)'", at: b.location,
                hint: Localized(
                    en: "a month 2019-11, a week 2019-W48, a quarter 2019-Q4, last-week or last-month",
                    zh: "如月份 2019-11、周 2019-W48、季度 2019-Q4、上周、上月"))
        }
        return p
    }

    /// The assessment rules in force: the defaults with the stored ones laid over them, and
    /// who set each stored one.
    func assessmentRules() throws -> (AssessmentRules, [String: StoredRecord]) {
        var rules = AssessmentRules.defaults
        var stored: [String: StoredRecord] = [:]
        for r in try store.select(.assessRule, matching: [:], orderBy: []) {
            guard let name = r.text("name"), let k = AssessmentRules.key(name), let v = r.int("value") else { continue }
            rules[key: k.key] = v
            stored[k.key] = r
        }
        return (rules, stored)
    }

    /// `assess dept|community|cadre [period=…|from= to=] [min=N]`.
    func assess(_ inv: Invocation) throws -> [Output] {
        let unit = AssessedUnit(rawValue: inv.text("unit") ?? "") ?? .department
        let period = try period(inv, fallback: Period.parse("last-month", today: session.now.day) ?? Period.week(containing: session.now.day))
        var (rules, _) = try assessmentRules()
        if case .integer(let n)? = inv["min"]?.value {
            guard n >= 0 else { throw ScriptError.validation("min= cannot be negative", "min= 不能为负数", at: inv["min"]?.location) }
            rules.minCases = n
        }
        let s = try assessmentStore, now = session.now
        let current = try s.caseTallies(unit, from: period.start, to: period.end, now: now)
        let visits = try s.visitCounts(unit, period.window)
        let before = period.previous
        let previous = try s.caseTallies(unit, from: before.start, to: before.end, now: now)
        // A unit merged into another is counted in the one kept, and not ranked itself.
        var units = try store.select(unit.kind, matching: [:], orderBy: [])
            .filter { $0.text("merged_at") == nil && (unit != .cadre || $0.text("role") != "leader" || current[$0.id] != nil) }
            .map { (id: $0.id, name: $0.text("name") ?? unit.kind.id($0.id)) }
        for id in current.keys.compactMap({ $0 }) where !units.contains(where: { $0.id == id }) {
            units.append((id, try title(unit.kind, id)))
        }
        struct Line { var name: String, tally: UnitTally, score: Fraction?, previous: Fraction?, grade: Grade, isUnit = true }
        func scored(_ t: UnitTally?) -> Fraction? { t.flatMap { Assessment.isRanked($0, rules) ? Assessment.score($0, rules) : nil } }
        var lines = units.map { u -> Line in
            var t = current[u.id] ?? UnitTally()
            t.visits = visits[u.id] ?? 0
            let score = scored(t), prev = scored(previous[u.id])
            return Line(name: u.name, tally: t, score: score, previous: prev, grade: Assessment.grade(score, previous: prev, rules: rules))
        }
        let ranked = lines.filter { $0.score != nil }.sorted { a, b in
            guard let x = a.score, let y = b.score, x != y else { return a.name < b.name }
            return x > y
        }
        let ranks = Assessment.ranks(ranked.compactMap(\.score))
        lines = ranked + lines.filter { $0.score == nil }
        let zh = lang == .zh
        if let t = current[nil] {
            let none = [
                AssessedUnit.department: Localized(en: "(not dispatched)", zh: "（未派单）"), .community: Localized(en: "(no community)", zh: "（无社区）"),
                .cadre: Localized(en: "(no cadre)", zh: "（无干部）"), .subdistrict: Localized(en: "(no subdistrict)", zh: "（无街道）"),
            ][unit]
            lines.append(Line(name: none?.text(lang) ?? "", tally: t, score: nil, previous: nil, grade: .unranked, isUnit: false))
        }
        let unitLabel =
            [AssessedUnit.department: ("department", "科室"), .community: ("community", "社区"), .cadre: ("cadre", "干部"), .subdistrict: ("subdistrict", "街道")][unit]
            ?? ("unit", "单位")
        let n = FieldType.integer
        let columns = [
            column("rank", "名次", n), column(unitLabel.0, unitLabel.1), column("cases", "诉求", n), column("on-time", "按时响应", n),
            rateColumn("response-rate", "response"), column("resolved", "已解决", n), rateColumn("resolution-rate", "resolution"),
            column("callbacks", "回访", n), column("satisfied", "满意", n), rateColumn("satisfaction-rate", "satisfaction"),
            column("overdue", "超期", n), column("visits", "走访", n),
            column("score", "得分", .decimal), column("change", "变化", .decimal), column("grade", "等级"),
        ]
        let rows: [[StoreValue]] = lines.enumerated().map { i, l in
            let t = l.tally
            let change =
                l.score.flatMap { s in
                    l.previous.map { p -> String in
                        let d = s.tenthsMinus(p)
                        return (d > 0 ? "+" : d < 0 ? "-" : "±") + "\(abs(d) / 10).\(abs(d) % 10)"
                    }
                }
            return [
                i < ranks.count ? .integer(ranks[i]) : .null, .text(l.name), .integer(t.cases), .integer(t.respondedOnTime), t.response.value,
                .integer(t.resolved), t.resolution.value, .integer(t.callbacks), .integer(t.satisfied), t.satisfaction.value,
                .integer(t.overdue), .integer(t.visits), l.score.map { .text($0.text) } ?? .null, change.map(StoreValue.text) ?? .null, .text(l.isUnit ? l.grade.label.text(lang) : ""),
            ]
        }
        let table = Output.table(ResultSet(columns: columns, rows: rows), kind: nil)
        guard session.format == .table || session.format == .markdown || session.format == .line else { return [table] }
        let title =
            zh
            ? "\(unitLabel.1)考评 \(period.title)，对比 \(before.title)" : "assessment of \(unit.kind.schema.plural.en), \(period.title), against \(before.title)"
        var out: [Output] = [.text(title), table]
        out += assessmentFootnotes(unit, rules).map { .text($0) }
        out += try noticeLines(unit, period)
        return out
    }

    /// A rate's column: `response-rate` in JSON and CSV, `response` or `响应率` on screen.
    func rateColumn(_ name: String, _ en: String) -> FieldSpec {
        let zh = ["response-rate": "响应率", "resolution-rate": "解决率", "satisfaction-rate": "满意率"][name] ?? name
        return FieldSpec(name, [zh], .percent, label: Localized(en: en, zh: zh), column: nil)
    }

    /// The formula and the rules under the table.
    func assessmentFootnotes(_ unit: AssessedUnit, _ r: AssessmentRules) -> [String] {
        let sum = r.weightResponse + r.weightResolution + r.weightSatisfaction
        if lang == .zh {
            let who =
                [
                    AssessedUnit.department: "诉求计入责任科室（多科室时为牵头科室）", .community: "诉求计入所在社区", .cadre: "走访中提出的诉求计入该次走访的干部，其余计入受理的干部",
                    .subdistrict: "诉求计入其社区所属的街道",
                ][unit] ?? ""
            return [
                "诉求按受理时间计入期间（重复诉求不计）；\(who)；回访和超期截至当前时钟",
                "响应率 = 按时响应 ÷ 诉求；解决率 = 已解决 ÷ 诉求；满意率 = （满意 + 基本满意）÷ 回访（含抽查回访）",
                "得分 = （\(r.weightResponse) × 响应率 + \(r.weightResolution) × 解决率 + \(r.weightSatisfaction) × 满意率）÷ \(sum)，无回访时只计前两项；诉求满 \(r.minCases) 件才排名",
                "先进：得分 ≥ \(r.excellent)；整改：< \(r.rectify)；治理：< \(r.govern)，或连续两期 < \(r.rectify) 且未提高 \(r.progress) 分；进步：比上期提高 ≥ \(r.progress) 分",
            ]
        }
        let who =
            [
                AssessedUnit.department: "each case counts for its responsible department (the lead one when several)",
                .community: "each case counts for its community",
                .cadre: "a case raised on a visit counts for the cadres of that visit, any other for the cadre who took it in",
                .subdistrict: "each case counts for the subdistrict of its community",
            ][unit] ?? ""
        return [
            "cases taken in during the period (duplicates left out); \(who); callbacks and overdue as of the clock in force",
            "response (响应率) = responded on time ÷ cases; resolution (解决率) = resolved ÷ cases; satisfaction (满意率) = (satisfied + basic) ÷ callbacks, spot-check re-callbacks included",
            "score = (\(r.weightResponse) × response + \(r.weightResolution) × resolution + \(r.weightSatisfaction) × satisfaction) ÷ \(sum), the first two alone without callbacks; ranked from \(counted(r.minCases, "case"))",
            "excellent (先进): score ≥ \(r.excellent); rectify (整改): < \(r.rectify); govern (治理): < \(r.govern), or < \(r.rectify) twice running without gaining \(r.progress); improved (进步): ≥ \(r.progress) up on the previous period",
        ]
    }

    /// `assess rules`: every threshold and weight; those nobody changed say `default`.
    func assessRules(_ inv: Invocation) throws -> [Output] {
        let (rules, stored) = try assessmentRules()
        let columns = [column("rule", "规则"), column("value", "值", .integer), column("meaning", "含义"), column("set-by", "设置")]
        let rows: [[StoreValue]] = AssessmentRules.keys.map { k in
            let who = stored[k.key].map { "\($0.text("updated_by") ?? "") \($0.text("updated_at").flatMap(Timestamp.parse)?.display ?? "")" }
            return [.text(lang == .zh ? k.zh : k.key), .integer(rules[key: k.key]), .text(k.help.text(lang)), .text(who ?? (lang == .zh ? "默认" : "default"))]
        }
        return [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
    }

    /// `assess rules set excellent=95 …`: checked together (治理 ≤ 整改 ≤ 先进, a weight above
    /// zero), kept, and used by every assessment run from then on.
    func assessRulesSet(_ inv: Invocation) throws -> [Output] {
        var (rules, _) = try assessmentRules()
        var changed: [(AssessmentRules.Key, Int)] = []
        for k in AssessmentRules.keys {
            guard let b = inv[k.key], case .integer(let v) = b.value else { continue }
            let limit = k.key == "min-cases" ? 1_000_000 : 100
            guard (0...limit).contains(v) else {
                throw ScriptError.validation("\(k.key)= must be from 0 to \(limit)", "\(k.key)= 须在 0 到 \(limit) 之间", at: b.location)
            }
            rules[key: k.key] = v
            changed.append((k, v))
        }
        guard !changed.isEmpty else {
            throw ScriptError.validation(
                "'assess rules set' needs a rule to change", "'考评 规则 设置' 需要要修改的规则", at: inv.location,
                hint: Localized(
                    en: "rules: " + AssessmentRules.keys.map(\.key).joined(separator: ", "), zh: "规则：" + AssessmentRules.keys.map(\.zh).joined(separator: "、")))
        }
        let lines = ["govern", "rectify", "excellent"].compactMap { inv[$0]?.location }.first ?? inv.location
        guard rules.govern <= rules.rectify, rules.rectify <= rules.excellent else {
            throw ScriptError.validation(
                "the lines must keep govern (\(rules.govern)) ≤ rectify (\(rules.rectify)) ≤ excellent (\(rules.excellent))",
                "等级线须满足 治理线（\(rules.govern)）≤ 整改线（\(rules.rectify)）≤ 先进线（\(rules.excellent)）", at: lines)
        }
        let weights = ["weight-response", "weight-resolution", "weight-satisfaction"].compactMap { inv[$0]?.location }.first ?? inv.location
        guard rules.weightResponse + rules.weightResolution + rules.weightSatisfaction > 0 else {
            throw ScriptError.validation("at least one weight must be above zero", "至少一项权重须大于零", at: weights)
        }
        for (k, v) in changed {
            let key = k.key
            let values: [String: StoreValue] = [
                "name": .text(key), "value": .integer(v), "updated_at": .text(session.now.storage), "updated_by": .text(session.actor),
            ]
            if let existing = try store.select(.assessRule, matching: ["name": .text(key)], orderBy: []).first {
                try store.update(.assessRule, id: existing.id, values)
            } else {
                _ = try store.insert(.assessRule, values)
            }
        }
        try log(inv, "assess.rules", nil, nil, changed.map { ($0.0.key, String($0.1)) })
        let list = changed.map { "\(lang == .zh ? $0.0.zh : $0.0.key)=\($0.1)" }.joined(separator: " ")
        return [
            .text(
                lang == .zh
                    ? "考评规则已修改：\(list)（此后运行的考评均按新规则）" : "assessment rules changed: \(list) (every assessment run from now on uses them)")
        ]
    }
}

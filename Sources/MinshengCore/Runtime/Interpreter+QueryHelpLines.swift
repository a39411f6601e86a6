/// The grammar lines of `help find` and `help count`: usage, groups, operators, keywords and
/// dates, each word read from the parser's own tables (`QueryParser.keywords`, `TimeBucket`,
/// `AggregateFunction`, `RelativeDay`, `RelativePeriod`). In Chinese the grammar is written
/// in Chinese words and placeholders; the English spellings, which a user may type too, stand
/// beside them in brackets.
extension Interpreter {
    /// The usage line: a count's groups, aggregates, having and ordering included.
    static func queryUsage(counting: Bool) -> Localized {
        let k = { (key: String) in QueryParser.keywordSpellings[key]?.dropFirst().first ?? key }
        let functions = AggregateFunction.allCases
        if counting {
            return Localized(
                en: "count KIND [where CONDITION] [by FIELD|BUCKET(FIELD), …] [AGGREGATE FIELD, …] [having count|AGGREGATE FIELD OP NUMBER [and …]]"
                    + " [order by count|AGGREGATE FIELD|FIELD [asc|desc], …] [limit N [offset M]]",
                zh: "统计 种类 [\(k("where")) 表达式] [\(k("by")) 字段|\(k("by"))月(日期字段), …] [\(functions.map(\.label.zh).joined(separator: "|")) 字段, …]"
                    + " [\(k("having")) \(k("count"))|汇总 运算符 数 [\(k("and")) …]] [\(k("order")) \(k("count"))|汇总|字段 [\(k("asc"))|\(k("desc"))], …]"
                    + " [\(k("limit")) 数目 [\(k("offset")) 数目]]")
        }
        return Localized(
            en: "find KIND [where CONDITION] [order by FIELD [asc|desc], …] [limit N [offset M]]",
            zh: "查找 种类 [\(k("where")) 表达式] [\(k("order")) 字段 [\(k("asc"))|\(k("desc"))], …] [\(k("limit")) 数目 [\(k("offset")) 数目]]")
    }

    /// How a count groups, aggregates, keeps and orders its groups (issue 17).
    func groupLines() -> [String] {
        let buckets = TimeBucket.allCases
        let functions = AggregateFunction.allCases
        let glossed = { (zh: String, en: String) in "\(zh)（\(en)）" }
        let lines = [
            Localized(
                en:
                    "by FIELD gives a row per value; by tags (tags, groups) or a household's cadre a row per tag or cadre, a record with two counted under both",
                zh: "按字段分组时每组一行；按标签（tags、特殊群体 groups）或住户的包片干部（cadre）分组时每个标签、每名干部一行，有两个的两组都计"),
            Localized(
                en: "by " + buckets.map { "\($0.rawValue)(FIELD)" }.joined(separator: ", ")
                    + " groups a date field by day, ISO week or month (" + buckets.map { "按\($0.label.zh)(…)" }.joined(separator: ", ") + ")",
                zh: buckets.map { glossed("按\($0.label.zh)(日期字段)", $0.rawValue) }.joined(separator: "、") + "：按日期字段的日、周（周一起）、月分组"),
            Localized(
                en: functions.map { "\($0.rawValue) (\($0.label.zh))" }.joined(separator: ", ")
                    + " FIELD: an aggregate of a number or a duration per group, e.g. avg days-to-resolve; several separated by commas",
                zh: functions.map { glossed($0.label.zh, $0.rawValue) }.joined(separator: "、") + " 字段：每组数字或时长字段的汇总，如 平均 办结天数；多个用逗号隔开"),
            Localized(
                en: "having (满足) count > 50 keeps the groups whose count or aggregate compares so; order by count (数量) desc orders the groups by it",
                zh: "满足 数量 > 50：只留下数量或汇总符合的组；排序 数量 降序：按数量（或汇总、分组字段）给组排序"),
        ]
        return lines.map { "  " + $0.text(lang) }
    }

    func operatorLines() -> [String] {
        let zh = lang == .zh
        let rows: [(String, Localized)] = [
            ("= != < <= > >=", Localized(en: "compare; a date = a day, week or month means anywhere in it", zh: "比较；日期 = 某日、某周、某月 指其间任何时刻")),
            ("~", Localized(en: "contains (text; a reference: its name contains; tags: has)", zh: "包含（文本；引用字段：名称包含；标签：含有）")),
            (zh ? "属于 (甲, 乙)  非 属于 (…)" : "in (A, B)  not in (…)", Localized(en: "one of, none of", zh: "属于其一、都不是")),
            (zh ? "为空  是 非 为空" : "is empty  is not empty", Localized(en: "has no value, has one", zh: "没有值、有值")),
            (
                zh ? "非  且  或  ( )" : "not  and  or  ( )",
                Localized(en: "combine conditions; a yes-or-no field stands alone: not visited", zh: "组合条件；是否字段可单独写：非 已走访")
            ),
            (
                zh ? "字段 比较 字段" : "FIELD OP FIELD",
                Localized(en: "two fields of one type: resolved > due, dept = lead", zh: "同类型的两个字段相比：办结时间 > 办结期限、科室 = 牵头科室")
            ),
        ]
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        let byType = Localized(
            en:
                "  by type: text all; number = != < <= > >= in; date = != < <= > >=; choice = != in; reference = != ~ in; tags = != ~ in; yes or no alone or = yes|no",
            zh: "  按类型：文本 全部；数字 = != < <= > >= 属于；日期 = != < <= > >=；可选值 = != 属于；引用 = != ~ 属于；标签 = != ~ 属于；是或否 单独写或 = 是|否")
        return [zh ? "运算符：" : "operators:"] + rows.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1.text(lang) } + [byType.text(lang)]
    }

    func keywordLines() -> [String] {
        let words = QueryParser.keywordSpellings.keys.sorted().map { key in
            let chinese = (QueryParser.keywordSpellings[key] ?? []).filter { $0 != key }.joined(separator: "/")
            return lang == .zh ? "\(chinese)（\(key)）" : "\(key) \(chinese)"
        }
        return [(lang == .zh ? "中文关键词：" : "Chinese keywords: ") + words.joined(separator: lang == .zh ? "，" : ", ")]
    }

    /// The date forms: literal ones, then every word of `RelativeDay` and `RelativePeriod`.
    static var dateForms: Localized {
        let days = RelativeDay.allCases.map { (en: $0.words[0], zh: $0.words[1]) }
        let periods = RelativePeriod.allCases.map { (en: $0.rawValue, zh: $0.zh) }
        let today = RelativeDay.today.words
        return Localized(
            en: "2019-11-05, 2019-11-05T14:30, 2019-11 (a month), 2019-W49 (a week), "
                + days.map { "\($0.en) (\($0.zh))" }.joined(separator: ", ") + ", \(today[0])-7d (\(today[1])-7天), "
                + periods.map { "\($0.en) (\($0.zh))" }.joined(separator: ", "),
            zh: "2019-11-05、2019-11-05T14:30、2019-11（月）、2019-W49（周）、"
                + days.map { "\($0.zh)（\($0.en)）" }.joined(separator: "、") + "、\(today[1])-7天（7天前）、"
                + periods.map { "\($0.zh)（\($0.en)）" }.joined(separator: "、"))
    }
}

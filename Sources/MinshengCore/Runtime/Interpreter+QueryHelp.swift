/// `help find`, `help count`, `help find cases` (`帮助 查找 诉求`): the query language as
/// the parser reads it — the kinds and their fields from `RecordSchema`, the keywords from
/// `QueryParser.keywords` — so help cannot drift from what runs. Every example printed is
/// one `QueryHelpTests` runs on a small database.
extension Interpreter {
    func queryHelp(_ spec: CommandSpec, kind: RecordKind?) -> String {
        let zh = lang == .zh
        let counting = spec.id == .count
        var out: [String] = []
        out.append((zh ? "用法：" : "usage: ") + Self.queryUsage(counting: counting).text(lang))
        out.append("  " + spec.summary.text(lang))
        if counting { out += groupLines() }
        if let kind {
            out += kindFields(kind)
        } else {
            out += kindList(counting: counting)
        }
        out += operatorLines()
        out += keywordLines()
        out.append((zh ? "日期：" : "dates: ") + Self.dateForms.text(lang))
        out.append(zh ? "示例：" : "examples:")
        let examples = kind.map { Self.queryExamples(for: $0) } ?? Self.generalExamples
        out += examples.filter { kind != nil || $0.en.hasPrefix(counting ? "count" : "find") }.map { "  " + $0.text(lang) }
        return out.joined(separator: "\n")
    }

    /// The kinds, each with its Chinese words and its ids.
    func kindList(counting: Bool) -> [String] {
        let zh = lang == .zh
        var out = [zh ? "种类（帮助 \(counting ? "统计" : "查找") 种类 列出其字段）：" : "kinds (help \(counting ? "count" : "find") KIND lists a kind's fields):"]
        let rows = RecordSchema.all.map { s -> (String, String) in
            let english = s.words.count > 1 ? s.words[1] : s.words[0]
            let name = zh ? s.zhWords.joined(separator: " ") + "（\(english)）" : english + " (" + s.zhWords.joined(separator: " ") + ")"
            return (name, (zh ? "编号 " : "ids ") + "\(s.idPrefix)-1")
        }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        out += rows.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
        return out
    }

    /// A kind's fields: the name (and its Chinese twins), and what values it takes.
    func kindFields(_ kind: RecordKind) -> [String] {
        let zh = lang == .zh
        let s = kind.schema
        let english = s.words.count > 1 ? s.words[1] : s.words[0]
        var out = [
            zh
                ? "\(s.zhWords.joined(separator: " "))（\(english)）的字段，编号形如 \(s.idPrefix)-1："
                : "fields of \(english) (\(s.zhWords.joined(separator: " "))), ids like \(s.idPrefix)-1:"
        ]
        let rows = s.fields.map { f -> (String, String) in
            let chinese = f.aliases.joined(separator: " ")
            let name = zh ? (chinese.isEmpty ? f.name : "\(chinese)（\(f.name)）") : (chinese.isEmpty ? f.name : "\(f.name) (\(chinese))")
            return (name, fieldType(f).text(lang))
        }
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        out += rows.map { "  " + DisplayWidth.pad($0.0, to: width) + "  " + $0.1 }
        if s.fields.contains(where: { ["voided", "ended", "merged"].contains($0.name) }) {
            out.append(zh ? "  （已作废、已结束、已合并的记录不列出，除非条件提到该字段）" : "  (voided, ended and merged records are left out unless the condition names that field)")
        }
        return out
    }

    /// What a field holds, as help says it.
    func fieldType(_ f: FieldSpec) -> Localized {
        switch f.type {
        case .text: return Localized(en: "text", zh: "文本")
        case .integer where f.name == "id": return Localized(en: "an id or its number", zh: "编号或其数字")
        case .integer, .decimal, .percent:
            return f.fact == nil ? Localized(en: "number", zh: "数字") : Localized(en: "number, counted from other records", zh: "数字，由其他记录统计")
        case .dateTime: return Localized(en: "date and time", zh: "日期时间")
        case .date: return f.fact == nil ? Localized(en: "date", zh: "日期") : Localized(en: "date, from other records", zh: "日期，由其他记录得出")
        case .choice(let set):
            let list = set.listed(extra: set == .caseStatus ? [("open", "未办结")] : [])
            return Localized(en: "one of: " + list.en, zh: "可选：" + list.zh)
        case .reference(let k):
            let s = k.schema
            return Localized(en: "a \(s.label.en), by name or id (\(s.idPrefix)-1)", zh: "\(s.label.zh)：名称或编号（如 \(s.idPrefix)-1）")
        case .tags:
            let list = ChoiceSet.householdTag.listed()
            return Localized(en: "tags: " + list.en, zh: "标签：" + list.zh)
        case .phone: return Localized(en: "phone number, matched whole unless revealed", zh: "电话号码，未显示时只能整体比较")
        case .computed(.overdue), .computed(.visited): return Localized(en: "yes or no, computed", zh: "是或否，计算得出")
        case .computed where f.durationUnit == 3600:
            return Localized(en: "number of hours (one decimal), computed", zh: "小时数（一位小数），计算得出")
        case .computed where f.durationUnit != nil:
            return Localized(en: "number of days (one decimal), computed", zh: "天数（一位小数），计算得出")
        default: return Localized(en: "number of days, computed", zh: "天数，计算得出")
        }
    }

    /// The examples `help find` and `help count` print, in English and in Chinese.
    public static let generalExamples: [Localized] = [
        Localized(en: "find cases where status = open and dept = 城管科 order by due limit 10", zh: "查找 诉求 条件 状态 = 未办结 且 科室 = 城管科 排序 期限 限制 10"),
        Localized(en: "find households where tags ~ hardship and not visited", zh: "查找 住户 条件 标签 ~ 困难 且 非 已走访"),
        Localized(en: "find households where last-visit < today-30d order by last-visit", zh: "查找 住户 条件 最近走访 < 今天-30天 排序 最近走访"),
        Localized(en: "find cadres where visits = 0 and role = office", zh: "查找 干部 条件 走访数 = 0 且 角色 = 机关"),
        Localized(en: "count cases where community ~ 六里屯 by status", zh: "统计 诉求 条件 社区 ~ 六里屯 按 状态"),
        Localized(en: "count cases where created = this-month and overdue", zh: "统计 诉求 条件 受理时间 = 本月 且 超期"),
        Localized(en: "count households by tags", zh: "统计 住户 按 标签"),
        Localized(en: "count households where not visited by cadre", zh: "统计 住户 条件 非 已走访 按 包片干部"),
        Localized(en: "find cases where resolved > due order by days-to-resolve desc limit 2", zh: "查找 诉求 条件 办结时间 > 办结期限 排序 办结天数 降序 限制 2"),
        Localized(en: "count cases by month(created) avg days-to-resolve, max response-time", zh: "统计 诉求 按月(受理时间) 平均 办结天数，最大 响应小时"),
        Localized(en: "count cases by community having count > 1 order by count desc", zh: "统计 诉求 按 社区 满足 数量 > 1 排序 数量 降序"),
    ]

    /// The examples `help find KIND` prints: the kind's own, else one of each verb.
    public static func queryExamples(for kind: RecordKind) -> [Localized] {
        let curated: [RecordKind: [Localized]] = [
            .case: [
                generalExamples[0], Localized(en: "find cases where overdue and community ~ 六里屯", zh: "查找 诉求 条件 超期 且 社区 ~ 六里屯"),
                Localized(en: "find cases where age >= 3 and urgency = urgent", zh: "查找 诉求 条件 天数 >= 3 且 紧急程度 = 紧急"),
                Localized(en: "count cases where created = 2019-12 by dept", zh: "统计 诉求 条件 受理时间 = 2019-12 按 科室"),
                Localized(en: "count cases by groups", zh: "统计 诉求 按 特殊群体"), generalExamples[9], generalExamples[10],
            ],
            .household: [
                generalExamples[1], Localized(en: "find households where cadre = 王强 order by last-visit", zh: "查找 住户 条件 包片干部 = 王强 排序 最近走访"),
                Localized(en: "find households where cases > 0", zh: "查找 住户 条件 诉求数 > 0"), generalExamples[6],
                Localized(en: "count households by cadre", zh: "统计 住户 按 包片干部"),
            ],
            .cadre: [
                Localized(en: "find cadres where compounds = 0 and role = office", zh: "查找 干部 条件 包片楼院数 = 0 且 角色 = 机关"),
                Localized(en: "find cadres order by visits desc limit 5", zh: "查找 干部 排序 走访数 降序 限制 5"),
                Localized(en: "count cadres by role", zh: "统计 干部 按 角色"),
            ],
            .visit: [
                Localized(en: "find visits where date = this-week and by ~ 王", zh: "查找 走访 条件 日期 = 本周 且 走访人 ~ 王"),
                Localized(en: "count visits where date >= 2019-12 by household", zh: "统计 走访 条件 日期 >= 2019-12 按 住户"),
            ],
            .compound: [
                Localized(en: "find compounds where community ~ 六里屯", zh: "查找 楼院 条件 社区 ~ 六里屯"),
                Localized(en: "count compounds by community", zh: "统计 楼院 按 社区"),
            ],
            .department: [Localized(en: "find depts where name ~ 科", zh: "查找 科室 条件 名称 ~ 科"), Localized(en: "count depts", zh: "统计 科室")],
            .community: [
                Localized(en: "find communities where name ~ 六里屯", zh: "查找 社区 条件 名称 ~ 六里屯"), Localized(en: "count communities", zh: "统计 社区"),
            ],
        ]
        if let own = curated[kind] { return own }
        let s = kind.schema
        let plural = s.words.count > 1 ? s.words[1] : s.words[0]
        return [Localized(en: "find \(plural) limit 5", zh: "查找 \(s.zhWords[0]) 限制 5"), Localized(en: "count \(plural)", zh: "统计 \(s.zhWords[0])")]
    }
}

extension QueryParser {
    /// Each keyword of the query language with its spellings (`where`: 条件, 其中), as help lists them.
    public static var keywordSpellings: [String: [String]] { keywords }
}

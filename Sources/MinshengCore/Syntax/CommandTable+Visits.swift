extension CommandID {
    public static let visitLog = CommandID("visit-log"), visitPlan = CommandID("visit-plan"), coverage = CommandID("coverage")
    public static let campaignNew = CommandID("campaign-new"), campaignReport = CommandID("campaign-report")
    public static let demoGenerate = CommandID("demo-generate")
}

extension ParameterSpec {
    static func day(_ name: String, _ zh: [String], required: Bool = false, _ en: String, _ zhHelp: String) -> ParameterSpec {
        ParameterSpec(name, zh, .date, required: required, help: Localized(en: en, zh: zhHelp))
    }

    static func target(_ name: String, _ zh: [String], _ en: String, _ zhHelp: String) -> ParameterSpec {
        ParameterSpec(name, zh, .integer, help: Localized(en: en, zh: zhHelp))
    }
}

extension CommandTable {
    /// Visits, the walking-office plan, coverage and campaigns (时间落实, 内容落实, 效果落实).
    static let visitCommands: [CommandSpec] = [
        CommandSpec(
            .visitLog, ["visit", "log"], aliases: [["走访", "登记"], ["走访", "记录"]],
            options: [
                .day("date", ["日期"], "the day of the visit (default today)", "走访日期（默认今天）"),
                ParameterSpec("half", ["时段"], .choice(.half), required: true, help: Localized(en: "morning or afternoon", zh: "上午或下午")),
                ParameterSpec("by", ["走访人"], .reference(.cadre), list: true, help: Localized(en: "one or two cadres", zh: "一至两名干部")),
                ParameterSpec("pair", ["结对"], .reference(.pair), help: Localized(en: "a pair, instead of by=", zh: "结对（代替 by=）")),
                ParameterSpec("household", ["住户"], .reference(.household), help: Localized(en: "a household visited (入户)", zh: "走访的住户（入户）")),
                ParameterSpec("enterprise", ["企业"], .reference(.enterprise), help: Localized(en: "an enterprise visited", zh: "走访的企业")),
                ParameterSpec("unit", ["单位"], .text, help: Localized(en: "another community unit visited, by name", zh: "走访的其他社区单位名称")),
                ParameterSpec("compound", ["楼院"], .reference(.compound), help: Localized(en: "a compound walked as a whole", zh: "整体走访的楼院")),
                ParameterSpec("content", ["内容"], .choice(.visitContent), help: Localized(en: "what the visit was for (default contact)", zh: "走访内容（默认联系群众）")),
                ParameterSpec("note", ["备注"], .text, help: Localized(en: "what was found or said", zh: "情况记录")),
            ],
            summary: Localized(
                en: "log a visit: when, by whom, to which household, enterprise, unit or compound, and what for",
                zh: "登记走访：时间、走访人、对象（住户、企业、单位或楼院）和内容"),
            example: "visit log date=2019-12-03 half=pm by=王强,李梅 household=H-1 content=survey note=楼道灯不亮", effect: .writes),
        CommandSpec(
            .visitPlan, ["visit", "plan"], aliases: [["走访", "计划"], ["走访", "排班"]],
            options: [
                .day("from", ["从", "开始"], required: true, "the first day", "开始日期"),
                .day("to", ["到", "截止"], required: true, "the last day", "截止日期"),
                .community(),
            ],
            summary: Localized(
                en: "propose a Tuesday/Thursday half-day schedule for every pair over its compounds, special groups first",
                zh: "为每个结对排出周二、周四半天的走访计划，特殊群体所在楼院优先"),
            example: "visit plan from=2019-12-01 to=2019-12-31 community=六里屯社区", effect: .reads),
        CommandSpec(
            .coverage, ["coverage"], aliases: [["覆盖"]],
            options: [
                .community(),
                ParameterSpec(
                    "campaign", ["大走访"], .reference(.campaign),
                    help: Localized(en: "whose window to use (default: the current campaign)", zh: "按哪次大走访的时间范围（默认当前大走访）")),
                .day("from", ["从", "开始"], "start of the window, instead of a campaign", "时间范围开始（代替大走访）"),
                .day("to", ["到", "截止"], "end of the window", "时间范围截止"),
                ParameterSpec("show", ["显示"], .choice(.coverageList), help: Localized(en: "one list only (default all)", zh: "只显示一项（默认全部）")),
            ],
            summary: Localized(
                en: "what nobody covers or nobody has visited: compounds, special groups, enterprises, key issues (三个覆盖)",
                zh: "列出无人包片或未走访的楼院、特殊群体、企业和重点问题（三个覆盖）"),
            example: "coverage community=六里屯社区", effect: .reads),
        CommandSpec(
            .campaignNew, ["campaign", "new"], aliases: [["大走访", "新建"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the campaign's name", zh: "名称"))],
            options: [
                .day("from", ["从", "开始"], required: true, "the first day", "开始日期"),
                .day("to", ["到", "截止"], required: true, "the deadline", "截止日期"),
                .target("visits", ["走访单位"], "target: unit visits", "目标：走访社区单位次数"),
                .target("households", ["入户"], "target: households visited", "目标：入户家数"),
                .target("requests", ["收集诉求"], "target: requests collected", "目标：收集诉求个数"),
                .target("resolved", ["解决诉求"], "target: requests resolved", "目标：解决诉求个数"),
            ],
            summary: Localized(en: "start a visiting campaign (大走访) with a window and targets", zh: "新建大走访，设定时间范围和目标"),
            example: "campaign new 冬季大走访 from=2019-11-01 to=2019-12-31 visits=500 households=3300 requests=1000 resolved=800",
            effect: .writes),
        CommandSpec(
            .campaignReport, ["campaign", "report"], aliases: [["大走访", "报告"], ["大走访", "通报"]],
            arguments: [
                ParameterSpec("campaign", ["大走访"], .reference(.campaign), help: Localized(en: "a campaign (default: the current one)", zh: "大走访（默认当前）"))
            ],
            options: [.community()],
            summary: Localized(
                en: "a campaign's totals: unit visits, households visited, requests collected and resolved, against targets",
                zh: "大走访通报：走访单位、入户、收集诉求、解决诉求，对照目标"),
            example: "campaign report 冬季大走访", effect: .reads),
        CommandSpec(
            .demoGenerate, ["demo", "generate"], aliases: [["演示", "生成"]],
            options: [
                ParameterSpec(
                    "seed", ["种子"], .integer, help: Localized(en: "the random seed (default 1): the same seed gives the same data", zh: "随机种子（默认 1）：相同种子生成相同数据")
                ),
                ParameterSpec(
                    "subdistrict", ["街道"], .reference(.subdistrict),
                    help: Localized(
                        en: "on a district server: fill this (empty) subdistrict; names carry its name", zh: "区级服务器：生成到这个（空的）街道，名称带街道名")),
            ],
            summary: Localized(
                en: "fill an empty database with a realistic subdistrict and a month (2019-11) of visits and requests",
                zh: "在空数据库中生成一个演示街道及 2019 年 11 月的走访和诉求"),
            example: "demo generate seed=1", effect: .writes),
    ]
}

extension ChoiceSet {
    /// The lists `coverage` can show.
    public static let coverageList = ChoiceSet(
        "show",
        [
            Choice("all", ["全部"]), Choice("summary", ["汇总"]), Choice("unassigned", ["无人包片"]), Choice("compounds", ["楼院"]),
            Choice("households", ["住户", "特殊群体"]), Choice("enterprises", ["企业"]), Choice("issues", ["重点问题"]),
        ])
}

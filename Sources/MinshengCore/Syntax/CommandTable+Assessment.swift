extension CommandID {
    public static let overdue = CommandID("overdue"), supervised = CommandID("supervised")
    public static let spotCheck = CommandID("spotcheck"), spotCheckRecord = CommandID("spotcheck-record")
    public static let spotCheckShow = CommandID("spotcheck-show")
    public static let assess = CommandID("assess"), assessRules = CommandID("assess-rules"), assessRulesSet = CommandID("assess-rules-set")
    public static let noticeCommend = CommandID("notice-commend"), noticeCriticize = CommandID("notice-criticize")
    public static let noticeList = CommandID("notice-list"), analysis = CommandID("analysis")
}

extension ParameterSpec {
    /// The filters of the overdue and supervised lists.
    static let supervisionFilters: [ParameterSpec] = [
        ParameterSpec("dept", ["科室", "部门"], .reference(.department), help: Localized(en: "only this department's cases", zh: "只列此科室的诉求")),
        ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "only this community's cases", zh: "只列此社区的诉求")),
        ParameterSpec("leader", ["领导", "督办领导"], .text, help: Localized(en: "only cases this leader supervises", zh: "只列此领导督办的诉求")),
    ]

    /// `period=`, `from=`, `to=`: the span of an assessment or an analysis.
    static let periodOptions: [ParameterSpec] = [
        ParameterSpec(
            "period", ["期间", "周期"], .text,
            help: Localized(en: "2019-11, 2019-W48, 2019-Q4, last-week, last-month …", zh: "如 2019-11、2019-W48、2019-Q4、上周、上月")),
        ParameterSpec("from", ["从", "开始"], .date, help: Localized(en: "first day, instead of period=", zh: "开始日期（代替 period=）")),
        ParameterSpec("to", ["到", "截止"], .date, help: Localized(en: "last day", zh: "截止日期")),
    ]

    static func noticeTarget(_ required: Bool) -> ParameterSpec {
        ParameterSpec(
            "target", ["对象"], .text, required: required,
            help: Localized(en: "a department, community or cadre, by name or id", zh: "科室、社区或干部（名称或编号）"))
    }
}

extension CommandTable {
    /// 监督考评: overdue and supervised lists, spot checks, assessment, notices, analysis.
    static let assessmentCommands: [CommandSpec] = [
        CommandSpec(
            .overdue, ["overdue"], aliases: [["超期"], ["逾期"]], options: ParameterSpec.supervisionFilters,
            summary: Localized(
                en: "list open cases past a response or resolve deadline, with department, community and supervising leader",
                zh: "列出超过响应或办结期限的诉求，含责任科室、社区和督办领导"),
            example: "overdue dept=城建科", effect: .reads),
        CommandSpec(
            .supervised, ["supervised"], aliases: [["督办"], ["督查督办"]],
            options: ParameterSpec.supervisionFilters + [
                ParameterSpec("all", ["全部"], .choice(.onOff), help: Localized(en: "closed cases too (default off)", zh: "包括已关闭的诉求（默认否）"))
            ],
            summary: Localized(
                en: "list cases a leader supervises (督办), with where each stands against its deadline",
                zh: "列出领导督办的诉求及其办理时限情况"),
            example: "supervised leader=张书记", effect: .reads),
        CommandSpec(
            .spotCheck, ["spotcheck"], aliases: [["抽查"], ["spot-check"]],
            summary: Localized(
                en: "draw N closed cases at random for a re-callback: spotcheck N [where …] [seed=S]; the same seed and data give the same sample",
                zh: "随机抽取若干件已关闭诉求再回访：抽查 件数 [条件 表达式] [种子=数目]；种子和数据相同则样本相同"),
            example: "spotcheck 5 where created = 2019-11 seed=7", effect: .writes, syntax: .command),
        CommandSpec(
            .spotCheckRecord, ["spotcheck", "record"], aliases: [["抽查", "回访"], ["抽查", "记录"]],
            arguments: [
                ParameterSpec("check", ["抽查"], .text, required: true, help: Localized(en: "the spot check, e.g. SC-1", zh: "抽查编号，如 SC-1")),
                ParameterSpec("case", ["诉求"], .text, required: true, help: Localized(en: "a case it drew, e.g. C-12", zh: "抽中的诉求，如 C-12")),
            ],
            options: [
                ParameterSpec("result", ["结果"], .choice(.callbackResult), required: true, help: Localized(en: "what the resident said", zh: "回访结果")),
                .note(), .by,
            ],
            summary: Localized(en: "record a spot-check re-callback; it counts in the satisfaction rate (满意率)", zh: "记录抽查回访结果，计入满意率"),
            example: "spotcheck record SC-1 C-12 result=不满意 note=\"灯又坏了\"", effect: .writes),
        CommandSpec(
            .spotCheckShow, ["spotcheck", "show"], aliases: [["抽查", "查看"]],
            arguments: [ParameterSpec("check", ["抽查"], .text, required: true, help: Localized(en: "the spot check, e.g. SC-1", zh: "抽查编号，如 SC-1"))],
            summary: Localized(en: "show a spot check: its cases and the re-callback results", zh: "查看抽查的诉求和回访结果"),
            example: "spotcheck show SC-1", effect: .reads),
        CommandSpec(
            .assess, ["assess"], aliases: [["考评"]],
            arguments: [
                ParameterSpec("unit", ["单位"], .choice(.assessedUnit), required: true, help: Localized(en: "dept, community or cadre", zh: "科室、社区或干部"))
            ],
            options: ParameterSpec.periodOptions + [
                ParameterSpec("min", ["最低件数"], .integer, help: Localized(en: "rank from this many cases (default: the rules)", zh: "达到此件数才排名（默认按考评规则）"))
            ],
            summary: Localized(
                en: "the three rates (响应率, 解决率, 满意率) per unit for a period, ranked into excellent (先进), improved (进步), rectify (整改) and govern (治理)",
                zh: "按期间统计各单位三率（响应率、解决率、满意率）并评定先进、进步、整改、治理"),
            example: "assess dept period=2019-11", effect: .reads),
        CommandSpec(
            .assessRules, ["assess", "rules"], aliases: [["考评", "规则"], ["assess", "rules", "show"]],
            summary: Localized(en: "show the ranking thresholds and weights (defaults are labelled)", zh: "查看考评的等级线和权重（默认值会注明）"),
            example: "assess rules", effect: .reads),
        CommandSpec(
            .assessRulesSet, ["assess", "rules", "set"], aliases: [["考评", "规则", "设置"]],
            options: AssessmentRules.keys.map { k in ParameterSpec(k.key, [k.zh], .integer, help: k.help) },
            summary: Localized(en: "change ranking thresholds or weights", zh: "修改考评等级线或权重"),
            example: "assess rules set excellent=95 min-cases=10", effect: .writes),
        notice(.noticeCommend, "commend", ["表彰", "表扬"], Localized(en: "commend a unit (通报表彰)", zh: "通报表彰"), "notice commend 城建科 reason=\"11月诉求全部按时办结\""),
        notice(.noticeCriticize, "criticize", ["批评"], Localized(en: "criticize a unit (通报批评)", zh: "通报批评"), "notice criticize 城管科 reason=\"超期3件\""),
        CommandSpec(
            .noticeList, ["notice", "list"], aliases: [["通报", "列表"], ["通报", "查看"]],
            arguments: [ParameterSpec.noticeTarget(false)],
            options: [ParameterSpec("period", ["期间"], .text, help: Localized(en: "issued in or about this period", zh: "在此期间发出或针对此期间"))],
            summary: Localized(en: "list notices (通报)", zh: "列出通报"), example: "notice list 城建科", effect: .reads),
        CommandSpec(
            .analysis, ["analysis"], aliases: [["民情分析"], ["分析"]],
            options: [
                ParameterSpec("week", ["周"], .text, help: Localized(en: "an ISO week, e.g. 2019-W49 (default: last week)", zh: "周（周一至周日），如 2019-W49（默认上周）")),
                ParameterSpec("month", ["月"], .text, help: Localized(en: "a month, e.g. 2019-11", zh: "月份，如 2019-11")),
            ] + ParameterSpec.periodOptions + [
                ParameterSpec("hot", ["热点"], .integer, help: Localized(en: "requests that make a hot spot (default 2)", zh: "构成热点的诉求数（默认 2）")),
                ParameterSpec("out", ["输出", "文件"], .path, help: Localized(en: "also write an HTML report with charts", zh: "另存为带图表的 HTML 报告")),
                .overwrite,
            ],
            summary: Localized(
                en: "民情分析: requests by category, community and source against the period before, hot spots, oldest unresolved, with charts",
                zh: "民情分析：按类别、社区、来源统计诉求及环比、热点楼院、最久未办结，附图表"),
            example: "analysis week=2019-W48 out=民情分析.html", effect: .reads),
    ]

    static func notice(_ id: CommandID, _ verb: String, _ zh: [String], _ summary: Localized, _ example: String) -> CommandSpec {
        CommandSpec(
            id, ["notice", verb], aliases: zh.map { ["通报", $0] }, arguments: [ParameterSpec.noticeTarget(true)],
            options: [
                ParameterSpec("reason", ["事由", "理由", "原因"], .text, required: true, help: Localized(en: "why", zh: "事由")),
                ParameterSpec("period", ["期间"], .text, help: Localized(en: "the period it is about, e.g. 2019-11", zh: "针对的期间，如 2019-11")),
            ],
            summary: summary, example: example, effect: .writes)
    }
}

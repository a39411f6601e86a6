extension CommandID {
    public static let caseNew = CommandID("case-new"), caseRespond = CommandID("case-respond")
    public static let caseVerify = CommandID("case-verify"), caseReport = CommandID("case-report")
    public static let caseDispatch = CommandID("case-dispatch"), caseReturn = CommandID("case-return")
    public static let caseProgress = CommandID("case-progress"), caseResolve = CommandID("case-resolve")
    public static let caseCallback = CommandID("case-callback"), caseClose = CommandID("case-close")
    public static let caseShow = CommandID("case-show"), caseOverdue = CommandID("case-overdue")
    public static let caseImport = CommandID("case-import"), caseExport = CommandID("case-export")
    public static let policyShow = CommandID("policy-show"), policySet = CommandID("policy-set")
    public static let policyRecompute = CommandID("policy-recompute")
    public static let calendarShow = CommandID("calendar-show"), calendarSet = CommandID("calendar-set")
    public static let calendarImport = CommandID("calendar-import")
}

extension ParameterSpec {
    static let reason = ParameterSpec("reason", ["原因", "理由"], .text, required: true, help: Localized(en: "why (kept in the change log)", zh: "原因（记入变更日志）"))
}

extension ParameterSpec {
    static let caseID = ParameterSpec("id", ["编号"], .reference(.case), required: true, help: Localized(en: "a case id, e.g. C-1", zh: "诉求编号，如 C-1"))
    static let by = ParameterSpec("by", ["经办人"], .text, help: Localized(en: "who did it (default: the operator)", zh: "经办人（默认为当前操作员）"))
    static func note(required: Bool = false, _ en: String = "a note", _ zh: String = "备注") -> ParameterSpec {
        ParameterSpec("note", ["备注"], .text, required: required, help: Localized(en: en, zh: zh))
    }
}

extension CommandTable {
    /// The 接诉即办 lifecycle: intake, each step, the timeline, import and export.
    static let caseCommands: [CommandSpec] = [
        CommandSpec(
            .caseNew, ["case", "new"], aliases: [["诉求", "新建"], ["诉求", "受理"]],
            arguments: [ParameterSpec("title", ["标题"], .text, required: true, help: Localized(en: "what the resident asks, in a few words", zh: "诉求标题"))],
            options: [
                ParameterSpec("kind", ["类型"], .choice(.caseKind), help: Localized(en: "default help", zh: "默认 求助")),
                ParameterSpec("category", ["类别", "分类"], .text, help: Localized(en: "a category (user data)", zh: "问题类别")),
                ParameterSpec("urgency", ["紧急程度", "级别"], .choice(.urgency), help: Localized(en: "default normal", zh: "默认 一般")),
                ParameterSpec(
                    "source", ["来源"], .choice(.caseSource),
                    help: Localized(en: "default: visit with visit=, meeting with item=, else walk-in", zh: "默认：有 visit= 为走访，有 item= 为会商会，否则为来访")),
                ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "the community", zh: "所在社区")),
                ParameterSpec("compound", ["楼院"], .reference(.compound), help: Localized(en: "the compound (楼院)", zh: "所在楼院")),
                ParameterSpec("household", ["住户"], .text, help: Localized(en: "the household, e.g. H-1", zh: "住户编号，如 H-1")),
                ParameterSpec("address", ["地址"], .text, help: Localized(en: "an address", zh: "地址")),
                ParameterSpec("resident", ["居民", "诉求人"], .text, help: Localized(en: "the resident's name", zh: "诉求人姓名")),
                ParameterSpec("phone", ["电话"], .text, help: Localized(en: "the resident's phone (masked in output)", zh: "诉求人电话（输出时打码）")),
                ParameterSpec("description", ["内容", "详情"], .text, help: Localized(en: "the request in full", zh: "诉求详情")),
                ParameterSpec("visit", ["走访"], .text, help: Localized(en: "the visit it came from, e.g. V-1", zh: "来自的走访，如 V-1")),
                ParameterSpec("item", ["议题"], .text, help: Localized(en: "the meeting item it came from, e.g. I-1", zh: "来自的会商议题，如 I-1")),
                ParameterSpec("duplicate-of", ["重复于"], .text, help: Localized(en: "the case it repeats, e.g. C-1", zh: "与之重复的诉求，如 C-1")),
                ParameterSpec("work-order", ["工单号"], .text, help: Localized(en: "a 12345 work order number", zh: "12345 工单号")),
                .by,
            ],
            summary: Localized(en: "take in a resident's request; prints its id and deadlines", zh: "受理一条诉求，显示编号和办理时限"),
            example: "case new \"楼道灯不亮\" category=市政设施 source=visit community=六里屯社区 resident=王芳 phone=13800001234", effect: .writes),
        step(
            .caseRespond, "respond", [["诉求", "响应"], ["诉求", "接即应"]], [.by, .note()],
            Localized(en: "record the first contact with the resident (接即应)", zh: "接即应：记录首次联系诉求人"), "case respond C-1 by=李梅 note=已电话联系"),
        step(
            .caseVerify, "verify", [["诉求", "核实"], ["诉求", "诉必访"]],
            [.note(required: true, "what was found on site", "现场核实情况"), .by],
            Localized(en: "record the on-site check (诉必访)", zh: "诉必访：记录现场核实"), "case verify C-1 note=\"3号楼东侧楼道灯损坏\" by=李梅"),
        step(
            .caseReport, "report", [["诉求", "上报"], ["诉求", "即时报"]],
            [ParameterSpec("to", ["上报给", "领导"], .text, required: true, help: Localized(en: "the leader told", zh: "上报的领导")), .by, .note()],
            Localized(en: "record the report to a leader (即时报)", zh: "即时报：记录向领导报告"), "case report C-1 to=张书记"),
        step(
            .caseDispatch, "dispatch", [["诉求", "派单"]],
            [
                ParameterSpec(
                    "dept", ["科室", "部门"], .reference(.department), required: true, list: true, help: Localized(en: "the department(s) (条)", zh: "承办科室（条），可多个")),
                ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "the community (块); default the case's", zh: "社区（块），默认为诉求所在社区")),
                ParameterSpec(
                    "lead", ["牵头", "牵头科室"], .reference(.department), help: Localized(en: "the lead department (needed with several)", zh: "牵头科室（多个科室时必填）")),
                ParameterSpec("supervisor", ["督办", "督办领导"], .text, help: Localized(en: "the supervising leader (needed with several)", zh: "督办领导（多个科室时必填）")),
                .by, .note(),
            ],
            Localized(en: "dispatch to a department and a community (双向派单)", zh: "双向派单：派给科室和社区"), "case dispatch C-1 dept=城建科 community=六里屯社区"),
        step(
            .caseReturn, "return", [["诉求", "退单"]],
            [ParameterSpec("reason", ["原因"], .text, required: true, help: Localized(en: "why it is misrouted", zh: "退单原因")), .by],
            Localized(en: "send a misrouted case back to be dispatched again (退单)", zh: "退单：退回重新派单"), "case return C-1 reason=\"不属于本科室职责\""),
        step(
            .caseProgress, "progress", [["诉求", "进展"]], [.note(required: true, "what was done", "办理进展"), .by],
            Localized(en: "note progress on a dispatched case", zh: "记录办理进展"), "case progress C-1 note=\"已联系物业\""),
        step(
            .caseResolve, "resolve", [["诉求", "办结"], ["诉求", "办必妥"]], [.note(required: true, "how it was resolved", "办理结果"), .by],
            Localized(en: "record that the handling is done (办必妥)", zh: "办必妥：记录办结"), "case resolve C-1 note=已更换灯具"),
        step(
            .caseCallback, "callback", [["诉求", "回访"]],
            [
                ParameterSpec("result", ["结果"], .choice(.callbackResult), required: true, help: Localized(en: "what the resident said", zh: "回访结果")), .by,
                .note(),
            ],
            Localized(en: "call the resident back; unsatisfied reopens the case", zh: "回访诉求人；不满意则重新办理"), "case callback C-1 result=满意 by=李梅"),
        step(
            .caseClose, "close", [["诉求", "结案"], ["诉求", "关闭"]],
            [
                ParameterSpec("outcome", ["结案方式"], .choice(.caseOutcome), required: true, help: Localized(en: "how it ended", zh: "结案方式")),
                ParameterSpec("reason", ["原因"], .text, help: Localized(en: "why (needed for no-further-action and not-our-duty)", zh: "原因（无需处理、非本级职责时必填）")),
                ParameterSpec("of", ["重复于"], .text, help: Localized(en: "the original, for duplicate", zh: "重复时的原诉求")),
                .by,
            ],
            Localized(en: "close a case with an outcome", zh: "结案"), "case close C-1 outcome=resolved"),
        CommandSpec(
            .caseShow, ["case", "show"], aliases: [["诉求", "查看"]], arguments: [.caseID],
            summary: Localized(en: "show a case with its whole timeline and time left", zh: "查看诉求及其全部办理过程和剩余时限"),
            example: "case show C-1", effect: .reads),
        CommandSpec(
            .caseOverdue, ["case", "overdue"], aliases: [["诉求", "超期"]], options: ParameterSpec.supervisionFilters,
            summary: Localized(en: "list open cases past a response or resolve deadline", zh: "列出超过响应或办结期限的诉求"),
            example: "case overdue", effect: .reads),
        CommandSpec(
            .caseImport, ["case", "import"], aliases: [["诉求", "导入"]],
            arguments: [.path()],
            options: [
                ParameterSpec(
                    "skip-bad", ["跳过错误行"], .choice(.onOff),
                    help: Localized(en: "import the good rows and list the bad (default off: all or nothing)", zh: "导入正确的行并列出错误行（默认否：全部导入或全不导入）")),
                .encoding,
            ],
            summary: Localized(en: "import 12345 work orders from a CSV file (see docs/IMPORT.md)", zh: "从 CSV 文件导入 12345 工单（见 docs/IMPORT.md）"),
            example: "case import 工单.csv", effect: .writes),
        CommandSpec(
            .caseExport, ["case", "export"], aliases: [["诉求", "导出"]],
            summary: Localized(
                en: "write cases as Open311 GeoReport v2 JSON: case export open311 [where …] out=FILE",
                zh: "导出为 Open311 GeoReport v2 JSON：case export open311 [where 条件] out=文件"),
            example: "case export open311 where status=closed out=cases.json", effect: .reads, syntax: .command),
        CommandSpec(
            .policyShow, ["policy", "show"], aliases: [["时限", "查看"]],
            summary: Localized(en: "show the deadline policy (defaults are labelled)", zh: "查看办理时限（默认值会注明）"),
            example: "policy show", effect: .reads),
        CommandSpec(
            .policySet, ["policy", "set"], aliases: [["时限", "设置"]],
            options: [
                ParameterSpec("urgency", ["紧急程度", "级别"], .choice(.urgency), help: Localized(en: "which urgency", zh: "紧急程度")),
                ParameterSpec("respond", ["响应"], .duration, help: Localized(en: "time to respond: 2h, 7d, 15wd", zh: "响应时限：2h、7d、15wd（工作日）")),
                ParameterSpec("resolve", ["办结"], .duration, help: Localized(en: "time to resolve: 2h, 7d, 15wd", zh: "办结时限：2h、7d、15wd（工作日）")),
                ParameterSpec(
                    "workday-end", ["下班时间"], .text,
                    help: Localized(en: "when a working day ends, e.g. 17:30 (none: at 24:00)", zh: "工作日结束时间，如 17:30（写 无 则为 24 点）")),
            ],
            summary: Localized(en: "change a deadline rule or the working day's end; new cases use it", zh: "修改办理时限或下班时间；新受理的诉求按新规则"),
            example: "policy set urgency=complex resolve=15wd", effect: .writes),
        CommandSpec(
            .policyRecompute, ["policy", "recompute"], aliases: [["时限", "重算"]],
            options: [.reason],
            summary: Localized(
                en: "recompute the deadlines of cases not yet closed from the policy and calendar in force",
                zh: "按现行时限和日历重算未结诉求的期限"),
            example: "policy recompute reason=\"2026年国庆调休更正\"", effect: .writes),
        CommandSpec(
            .calendarShow, ["calendar", "show"], aliases: [["日历", "查看"], ["节假日", "查看"]],
            arguments: [ParameterSpec("year", ["年份"], .integer, help: Localized(en: "default: this year", zh: "默认今年"))],
            summary: Localized(en: "the working calendar of a year: holidays and make-up working days", zh: "查看一年的工作日历：节假日与调休上班日"),
            example: "calendar show 2019", effect: .reads),
        CommandSpec(
            .calendarSet, ["calendar", "set"], aliases: [["日历", "设置"], ["节假日", "设置"]],
            arguments: [
                ParameterSpec("date", ["日期"], .date, required: true, help: Localized(en: "the day", zh: "日期")),
                ParameterSpec("kind", ["类型"], .choice(.calendarDayKind), required: true, help: Localized(en: "holiday, workday or default", zh: "放假、上班或恢复默认")),
            ],
            options: [.reason],
            summary: Localized(en: "make a day a holiday or a working day (existing deadlines stay)", zh: "把某天设为放假或上班（已有期限不变）"),
            example: "calendar set 2026-10-08 holiday reason=\"区里加放一天\"", effect: .writes),
        CommandSpec(
            .calendarImport, ["calendar", "import"], aliases: [["日历", "导入"], ["节假日", "导入"]],
            arguments: [.path()], options: [.reason],
            summary: Localized(en: "set days from a CSV file (date,kind[,name]): next year's notice", zh: "从 CSV 文件（日期,类型[,名称]）设置日历：来年的通知"),
            example: "calendar import 2027.csv reason=\"国务院办公厅关于2027年部分节假日安排的通知\"", effect: .writes),
    ]

    /// A lifecycle step: `case VERB ID …`.
    static func step(_ id: CommandID, _ verb: String, _ aliases: [[String]], _ options: [ParameterSpec], _ summary: Localized, _ example: String) -> CommandSpec
    {
        CommandSpec(id, ["case", verb], aliases: aliases, arguments: [.caseID], options: options, summary: summary, example: example, effect: .writes)
    }
}

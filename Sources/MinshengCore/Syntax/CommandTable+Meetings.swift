extension CommandID {
    public static let meetingNew = CommandID("meeting-new"), meetingUse = CommandID("meeting-use")
    public static let meetingShow = CommandID("meeting-show"), meetingClose = CommandID("meeting-close")
    public static let meetingEdit = CommandID("meeting-edit"), meetingDisplay = CommandID("meeting-display")
    public static let queueAdd = CommandID("queue-add"), queueNext = CommandID("queue-next"), queueRemove = CommandID("queue-remove")
    public static let queueShow = CommandID("queue-show")
    public static let memberAdd = CommandID("member-add"), attend = CommandID("attend"), leave = CommandID("leave")
    public static let proxy = CommandID("proxy"), propose = CommandID("propose"), discuss = CommandID("discuss")
    public static let motion = CommandID("motion"), vote = CommandID("vote"), tally = CommandID("tally")
    public static let decide = CommandID("decide"), evaluate = CommandID("evaluate"), agenda = CommandID("agenda")
    public static let minutes = CommandID("minutes"), notVoted = CommandID("who-has-not-voted")
}

extension ParameterSpec {
    /// What the minutes a party committee files say of the sitting: venue, start, chair,
    /// recorder, the leaders who attended.
    static let meetingSitting: [ParameterSpec] = [
        ParameterSpec("venue", ["地点"], .text, help: Localized(en: "where it sits", zh: "会议地点")),
        ParameterSpec(
            "start", ["开始", "开始时间"], .text,
            help: Localized(en: "when it starts: HH:MM on its day (default: when it is opened)", zh: "开始时间：当天的 时:分，如 19:00（默认为新建会议的时间）")),
        ParameterSpec("chair", ["主持人", "主持"], .text, help: Localized(en: "who chairs it (主持人)", zh: "主持人")),
        ParameterSpec("recorder", ["记录人", "记录"], .text, help: Localized(en: "who keeps the record (记录人)", zh: "记录人")),
        ParameterSpec(
            "leaders", ["参会领导", "领导"], .text, list: true,
            help: Localized(en: "the leaders who attend, e.g. the 包片 leader", zh: "参会领导，如包片处级领导")),
    ]

    /// `item=I-1`: the item a command is for, when it is not the current one.
    static let itemOption = ParameterSpec(
        "item", ["议题"], .text, help: Localized(en: "an item id such as I-1 (default: the current item)", zh: "议题编号，如 I-1（默认：当前议题）"))

    /// An agenda item; when left out, the current item (the last one proposed or named).
    static let item = ParameterSpec(
        "item", ["议题"], .text, help: Localized(en: "an item id such as I-1 (default: the current item)", zh: "议题编号，如 I-1（默认：当前议题）"))
    /// A meeting; when left out, the current meeting.
    static let meeting = ParameterSpec(
        "meeting", ["会议"], .reference(.meeting),
        help: Localized(en: "a meeting id or title (default: the current meeting)", zh: "会议编号或名称（默认：当前会议）"))
    static func names(_ en: String, _ zh: String) -> ParameterSpec {
        ParameterSpec("names", ["姓名"], .text, required: true, list: true, help: Localized(en: en, zh: zh))
    }
    static func voters(_ name: String, _ zh: [String], _ en: String, _ zhHelp: String) -> ParameterSpec {
        ParameterSpec(name, zh, .text, list: true, help: Localized(en: en, zh: zhHelp))
    }
    static func count(_ name: String, _ zh: [String], _ en: String, _ zhHelp: String) -> ParameterSpec {
        ParameterSpec(name, zh, .integer, help: Localized(en: en, zh: zhHelp))
    }
}

extension CommandTable {
    static let meetingCommands: [CommandSpec] = meetingSetupCommands + meetingItemCommands + speakerCommands

    /// The speakers' list (举手): residents ask to speak on the current item, the chair
    /// calls them in turn, with a time limit when one is set.
    static let speakerCommands: [CommandSpec] = [
        CommandSpec(
            .queueAdd, ["queue", "add"], aliases: [["举手"], ["发言", "排队"]], arguments: [.names("who asks to speak", "要求发言的人")],
            options: [.itemOption],
            summary: Localized(en: "put people on the speakers' list of the current item (举手)", zh: "举手：登记要求就当前议题发言的人"),
            example: "queue add 张伟,刘洋", effect: .writes),
        CommandSpec(
            .queueNext, ["queue", "next"], aliases: [["下一位"], ["发言", "下一位"]],
            options: [
                .itemOption,
                ParameterSpec(
                    "limit", ["限时"], .text, help: Localized(en: "how long the speaker has, e.g. 3m", zh: "发言限时，如 3m 或 3分钟")),
            ],
            summary: Localized(en: "call the next speaker on the list, with a time limit if given", zh: "请名单上的下一位发言，可限时"),
            example: "queue next limit=3m", effect: .writes),
        CommandSpec(
            .queueRemove, ["queue", "remove"], aliases: [["发言", "撤回"]], arguments: [.names("who no longer asks to speak", "撤回发言请求的人")],
            options: [.itemOption],
            summary: Localized(en: "take someone off the speakers' list (they withdraw)", zh: "撤回发言请求"),
            example: "queue remove 刘洋", effect: .writes),
        CommandSpec(
            .queueShow, ["queue"], aliases: [["发言", "队列"], ["发言队列"]], options: [.itemOption],
            summary: Localized(
                en: "show the speakers' list: who is speaking (and the time left), who waits, who has spoken",
                zh: "查看发言队列：正在发言（及剩余时间）、等候、已发言"),
            example: "queue", effect: .reads),
    ]

    static let meetingSetupCommands: [CommandSpec] = [
        CommandSpec(
            .meetingNew, ["meeting", "new"], aliases: [["会议", "新建"], ["会商会", "新建"]],
            arguments: [ParameterSpec("title", ["名称"], .text, required: true, help: Localized(en: "the meeting's title", zh: "会议名称"))],
            options: [
                ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "the community holding it", zh: "召开会议的社区")),
                ParameterSpec("date", ["日期"], .date, help: Localized(en: "the day it is held (default: today)", zh: "会议日期（默认今天）")),
                ParameterSpec(
                    "members", ["成员", "应到"], .text, list: true,
                    help: Localized(
                        en: "who may vote: a number, or a list of names (more with 'member add')",
                        zh: "有表决权的成员：人数，或姓名列表（可再用 member add 添加）")),
                ParameterSpec(
                    "quorum", ["法定人数"], .text,
                    help: Localized(
                        en: "majority (default: more than half, §9), two-thirds, three-quarters or a number",
                        zh: "过半数（默认，组织法第九条）、三分之二、四分之三 或人数")),
            ] + ParameterSpec.meetingSitting,
            summary: Localized(en: "open a consultation meeting (会商会) and make it the current one", zh: "新建会商会，并设为当前会议"),
            example: "meeting new 十二月会商会 community=六里屯社区 date=2019-12-05 members=5 venue=居委会二楼 chair=李梅 recorder=王强", effect: .writes),
        CommandSpec(
            .meetingEdit, ["meeting", "edit"], aliases: [["会议", "修改"]], arguments: [.meeting], options: ParameterSpec.meetingSitting,
            summary: Localized(
                en: "set an open meeting's venue, start, chair, recorder or leaders (for the minutes)",
                zh: "填写进行中会议的地点、开始时间、主持人、记录人或参会领导（写入纪要）"),
            example: "meeting edit venue=居委会二楼 chair=李梅 leaders=张国华", effect: .writes),
        CommandSpec(
            .meetingUse, ["meeting", "use"], aliases: [["会议", "使用"], ["会议", "切换"]],
            arguments: [ParameterSpec("meeting", ["会议"], .reference(.meeting), required: true, help: Localized(en: "a meeting id or title", zh: "会议编号或名称"))],
            summary: Localized(en: "make a meeting the current one (shown in the prompt)", zh: "切换当前会议（显示在提示符中）"),
            example: "meeting use M-1", effect: .reads),
        CommandSpec(
            .meetingShow, ["meeting", "show"], aliases: [["会议", "查看"]], arguments: [.meeting],
            summary: Localized(en: "show a meeting: members, who is present, quorum, proxies, items", zh: "查看会议：成员、出席、法定人数、委托、议题"),
            example: "meeting show M-1", effect: .reads),
        CommandSpec(
            .meetingDisplay, ["meeting", "display"], aliases: [["会议", "大屏"], ["会议", "显示"]], arguments: [.meeting],
            summary: Localized(
                en: "the screen for the room: follows the meeting live as another shell records it (q quits)",
                zh: "会场大屏：实时显示另一终端录入的会议进程（按 q 键退出）"),
            example: "meeting display M-1", effect: .session),
        CommandSpec(
            .meetingClose, ["meeting", "close"], aliases: [["会议", "结束"]], arguments: [.meeting],
            summary: Localized(en: "close a meeting: everyone still present is signed out", zh: "结束会议：仍在场的人全部签退"),
            example: "meeting close M-1", effect: .writes),
        CommandSpec(
            .memberAdd, ["member", "add"], aliases: [["成员", "添加"]],
            arguments: [.names("names of members entitled to vote", "有表决权的成员姓名")],
            summary: Localized(en: "add members to the current meeting's list", zh: "向当前会议的成员名单添加成员"),
            example: "member add 王芳,张伟,刘洋", effect: .writes),
        CommandSpec(
            .attend, ["attend"], aliases: [["签到"], ["出席"]],
            arguments: [.names("who arrives", "到会人员姓名")],
            options: [
                ParameterSpec(
                    "role", ["身份"], .choice(.attendanceRole),
                    help: Localized(
                        en: "member (votes; default), cadre or guest (sit in without a vote)", zh: "成员（有表决权，默认）、干部或列席（无表决权）"))
            ],
            summary: Localized(en: "sign people in to the current meeting", zh: "到会签到"),
            example: "attend 王芳,张伟,刘洋", effect: .writes),
        CommandSpec(
            .leave, ["leave"], aliases: [["离场"], ["退场"]],
            arguments: [.names("who leaves", "离场人员姓名")],
            summary: Localized(en: "sign people out of the current meeting", zh: "离场签退"),
            example: "leave 刘洋", effect: .writes),
        CommandSpec(
            .proxy, ["proxy"], aliases: [["委托"]],
            arguments: [ParameterSpec("holder", ["受托人"], .text, required: true, help: Localized(en: "the member who will vote", zh: "受托投票的成员"))],
            options: [ParameterSpec("for", ["委托人", "代"], .text, required: true, help: Localized(en: "the member who gives the vote", zh: "委托人"))],
            summary: Localized(
                en: "record a proxy: HOLDER votes for the giver while the giver is absent (one each)",
                zh: "登记委托：委托人缺席时由受托人代为表决（每人限一份）"),
            example: "proxy 张伟 for=王芳", effect: .writes),
    ]
}

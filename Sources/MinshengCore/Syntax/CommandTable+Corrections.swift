extension CommandID {
    public static let ballotChange = CommandID("ballot-change"), ballotWithdraw = CommandID("ballot-withdraw")
    public static let attendRemove = CommandID("attend-remove"), caseMove = CommandID("case-move")
    public static let caseEdit = CommandID("case-edit"), caseReopen = CommandID("case-reopen")
    public static let visitVoid = CommandID("visit-void"), unassign = CommandID("unassign"), unpair = CommandID("unpair")
    public static let leaderUnlink = CommandID("leader-unlink"), rename = CommandID("rename"), memberRename = CommandID("member-rename")
    public static let attendTime = CommandID("attend-time"), caseUndispatch = CommandID("case-undispatch")
    public static let merge = CommandID("merge"), memberMerge = CommandID("member-merge")
}

extension ParameterSpec {
    /// The kind of record a `rename` or `merge` names.
    static let recordKind = ParameterSpec(
        "kind", ["种类"], .kind, required: true, help: Localized(en: "compound, household, cadre, enterprise …", zh: "楼院、住户、干部、企业等"))
}

extension CommandTable {
    /// Corrections (更正): each names what it corrects and why; the record keeps both.
    static let correctionCommands: [CommandSpec] = [
        CommandSpec(
            .ballotChange, ["ballot", "change"], aliases: [["改票"], ["选票", "更正"]],
            arguments: [
                ParameterSpec("item", ["议题"], .text, required: true, help: Localized(en: "the item, e.g. I-1", zh: "议题编号，如 I-1")),
                ParameterSpec("voter", ["投票人"], .text, required: true, help: Localized(en: "whose ballot", zh: "投票人")),
                ParameterSpec("choice", ["选择"], .choice(.ballotChoice), required: true, help: Localized(en: "yes, no or abstain", zh: "赞成、反对或弃权")),
            ],
            options: [.reason],
            summary: Localized(en: "correct a named ballot while its poll is open", zh: "表决进行中更正一张记名选票"),
            example: "ballot change I-1 黄磊 no reason=\"录入错误，本人投反对\"", effect: .writes),
        CommandSpec(
            .ballotWithdraw, ["ballot", "withdraw"], aliases: [["撤票"], ["选票", "撤销"]],
            arguments: [
                ParameterSpec("item", ["议题"], .text, required: true, help: Localized(en: "the item, e.g. I-1", zh: "议题编号，如 I-1")),
                ParameterSpec("voter", ["投票人"], .text, required: true, help: Localized(en: "whose ballot", zh: "投票人")),
            ],
            options: [.reason],
            summary: Localized(en: "withdraw a ballot entered by mistake while its poll is open", zh: "表决进行中撤销一张误录的选票"),
            example: "ballot withdraw I-1 黄磊 reason=\"误录为黄磊\"", effect: .writes),
        CommandSpec(
            .attendRemove, ["attend", "remove"], aliases: [["签到", "撤销"], ["撤销签到"]],
            arguments: [ParameterSpec("name", ["姓名"], .text, required: true, help: Localized(en: "the name signed in by mistake", zh: "误签到的姓名"))],
            options: [.reason],
            summary: Localized(en: "remove a sign-in made by mistake (the current meeting)", zh: "撤销误录的签到（当前会议）"),
            example: "attend remove 王方 reason=\"应为王芳\"", effect: .writes),
        CommandSpec(
            .attendTime, ["attend", "time"], aliases: [["签到", "更正时间"]],
            arguments: [ParameterSpec("name", ["姓名"], .text, required: true, help: Localized(en: "who signed in", zh: "签到人"))],
            options: [ParameterSpec("at", ["时间"], .text, required: true, help: Localized(en: "the right time, HH:MM", zh: "正确的签到时间，时:分，如 19:05")), .reason],
            summary: Localized(en: "correct the time of a sign-in (the current meeting)", zh: "更正签到时间（当前会议）"),
            example: "attend time 王芳 at=19:05 reason=\"补录，实际 19:05 到\"", effect: .writes),
        CommandSpec(
            .caseUndispatch, ["case", "undispatch"], aliases: [["诉求", "撤销派单"]],
            arguments: [.caseID], options: [.reason],
            summary: Localized(
                en: "undo a dispatch made by mistake, before the department has done anything; the case goes back to where it stood",
                zh: "撤销误派的单（科室尚未办理）：诉求回到派单前的状态"),
            example: "case undispatch C-1 reason=\"派错科室\"", effect: .writes),
        CommandSpec(
            .caseMove, ["case", "move"], aliases: [["诉求", "移交"], ["诉求", "更正社区"]],
            arguments: [.caseID],
            options: [
                ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "the right community", zh: "正确的社区")),
                ParameterSpec("compound", ["楼院"], .reference(.compound), help: Localized(en: "the right compound (its community too)", zh: "正确的小区（连同其社区）")),
                .reason,
            ],
            summary: Localized(en: "move a case filed to the wrong community; later dispatches follow", zh: "更正诉求所属社区；此后的派单随之"),
            example: "case move C-1 community=十里堡社区 reason=\"地址属十里堡\"", effect: .writes),
        CommandSpec(
            .caseEdit, ["case", "edit"], aliases: [["诉求", "更正"], ["诉求", "修改"]],
            arguments: [.caseID],
            options: [
                ParameterSpec("title", ["标题"], .text, help: Localized(en: "the title", zh: "标题")),
                ParameterSpec("description", ["描述", "说明"], .text, help: Localized(en: "the description", zh: "描述")),
                ParameterSpec("category", ["类别", "分类"], .text, help: Localized(en: "the category", zh: "问题类别")),
                ParameterSpec("kind", ["类型"], .choice(.caseKind), help: Localized(en: "the kind", zh: "诉求类型")),
                ParameterSpec(
                    "urgency", ["紧急程度", "级别"], .choice(.urgency),
                    help: Localized(en: "the urgency (the deadlines are computed again from the receipt)", zh: "紧急程度（期限按受理时间重新计算）")),
                ParameterSpec("resident", ["居民", "诉求人"], .text, help: Localized(en: "the resident's name", zh: "诉求人姓名")),
                ParameterSpec("phone", ["电话"], .text, help: Localized(en: "the resident's phone", zh: "诉求人电话")),
                .reason,
            ],
            summary: Localized(en: "correct what was taken in: title, description, category, kind, urgency, resident", zh: "更正受理信息：标题、描述、类别、类型、紧急程度、诉求人"),
            example: "case edit C-1 category=供暖 reason=\"类别选错\"", effect: .writes),
        CommandSpec(
            .caseReopen, ["case", "reopen"], aliases: [["诉求", "撤销结案"]],
            arguments: [.caseID], options: [.reason],
            summary: Localized(en: "undo a close made by mistake: the case goes back to where it stood", zh: "撤销误结案：诉求回到结案前的状态"),
            example: "case reopen C-1 reason=\"误点结案，尚未回访\"", effect: .writes),
        CommandSpec(
            .visitVoid, ["visit", "void"], aliases: [["走访", "作废"]],
            arguments: [ParameterSpec("id", ["编号"], .reference(.visit), required: true, help: Localized(en: "the visit, e.g. V-1", zh: "走访编号，如 V-1"))],
            options: [.reason],
            summary: Localized(en: "void a visit logged by mistake (twice): it stays listed as voided, counted nowhere", zh: "作废误登记（如重复登记）的走访：保留记录，不再计入"),
            example: "visit void V-2 reason=\"重复登记\"", effect: .writes),
        CommandSpec(
            .unassign, ["unassign"], aliases: [["取消包片"]],
            arguments: [ParameterSpec("cadre", ["干部"], .reference(.cadre), required: true, help: Localized(en: "the cadre", zh: "包片干部"))],
            options: [
                ParameterSpec("compound", ["楼院"], .reference(.compound), required: true, list: true, help: Localized(en: "compounds", zh: "楼院")),
                .reason,
            ],
            summary: Localized(en: "end a cadre's assignment to compounds (包片)", zh: "取消干部的包片楼院"),
            example: "unassign 王强 compound=十里堡北里3号楼 reason=\"调整分工\"", effect: .writes),
        CommandSpec(
            .unpair, ["unpair"], aliases: [["解除结对"]],
            arguments: [ParameterSpec("pair", ["结对"], .reference(.pair), required: true, help: Localized(en: "the pair, e.g. P-1 or 王强+李梅", zh: "结对，如 P-1 或 王强+李梅"))],
            options: [.reason],
            summary: Localized(en: "end a pair (结对); its visits stay", zh: "解除结对；已登记的走访保留"),
            example: "unpair P-1 reason=\"干部调离\"", effect: .writes),
        CommandSpec(
            .leaderUnlink, ["leader", "unlink"], aliases: [["领导", "取消联系"]],
            arguments: [ParameterSpec("leader", ["领导"], .reference(.cadre), required: true, help: Localized(en: "the leader", zh: "处级领导"))],
            options: [.community(required: true, list: true), .reason],
            summary: Localized(en: "end a leader's link to communities", zh: "取消处级领导联系社区"),
            example: "leader unlink 张国华 community=十里堡社区 reason=\"联系点调整\"", effect: .writes),
        CommandSpec(
            .rename, ["rename"], aliases: [["更名"]],
            arguments: [
                .recordKind,
                ParameterSpec("record", ["记录"], .text, required: true, help: Localized(en: "the record, by id or name", zh: "记录（编号或名称）")),
            ],
            options: [ParameterSpec("to", ["改为"], .text, required: true, help: Localized(en: "the right name (a household: its address)", zh: "正确的名称（住户为地址）")), .reason],
            summary: Localized(en: "correct a name entered wrong; every link follows (they name the record by id)", zh: "更正录错的名称；关联随之（按编号关联）"),
            example: "rename cadre 王方 to=王芳 reason=\"姓名录错\"", effect: .writes),
        CommandSpec(
            .merge, ["merge"], aliases: [["合并"]],
            arguments: [
                .recordKind,
                ParameterSpec("record", ["记录"], .text, required: true, help: Localized(en: "the duplicate, by id or name", zh: "重复的记录（编号或名称）")),
            ],
            options: [
                ParameterSpec("into", ["合并到", "并入"], .text, required: true, help: Localized(en: "the record kept, by id or name", zh: "保留的记录（编号或名称）")), .reason,
            ],
            summary: Localized(
                en: "merge a record entered twice into the one kept: every link moves; the duplicate stays, marked merged",
                zh: "合并重复录入的记录：关联全部移到保留的记录；重复的一条保留，标记为已合并"),
            example: "merge cadre 王方 into=王芳 reason=\"同一人录入两次\"", effect: .writes),
        CommandSpec(
            .memberRename, ["member", "rename"], aliases: [["成员", "更名"]],
            arguments: [ParameterSpec("name", ["姓名"], .text, required: true, help: Localized(en: "the name entered wrong", zh: "录错的姓名"))],
            options: [ParameterSpec("to", ["改为"], .text, required: true, help: Localized(en: "the right name", zh: "正确的姓名")), .reason],
            summary: Localized(en: "correct a member's name in the current meeting: list, sign-ins, proxies and ballots", zh: "更正当前会议成员姓名：名单、签到、委托和选票"),
            example: "member rename 王方 to=王芳 reason=\"姓名录错\"", effect: .writes),
        CommandSpec(
            .memberMerge, ["member", "merge"], aliases: [["成员", "合并"]],
            arguments: [ParameterSpec("name", ["姓名"], .text, required: true, help: Localized(en: "the name entered for the member a second time", zh: "同一成员重复录入的姓名"))],
            options: [ParameterSpec("into", ["合并到", "并入"], .text, required: true, help: Localized(en: "the member's name kept", zh: "保留的成员姓名")), .reason],
            summary: Localized(
                en: "merge two names of one member in the current meeting: sign-ins, proxies and ballots become the kept name's",
                zh: "合并当前会议中同一成员的两个姓名：签到、委托和选票归入保留的姓名"),
            example: "member merge 王方 into=王芳 reason=\"同一人签到两次\"", effect: .writes),
    ]
}

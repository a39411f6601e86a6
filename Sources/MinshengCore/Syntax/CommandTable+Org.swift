extension CommandID {
    public static let compoundAdd = CommandID("compound-add"), householdAdd = CommandID("household-add")
    public static let householdTag = CommandID("household-tag"), enterpriseAdd = CommandID("enterprise-add")
    public static let cadreAdd = CommandID("cadre-add"), leaderLink = CommandID("leader-link")
    public static let assign = CommandID("assign"), pair = CommandID("pair"), importTable = CommandID("import")
}

extension ParameterSpec {
    static func community(required: Bool = false, list: Bool = false) -> ParameterSpec {
        ParameterSpec(
            "community", ["社区"], .reference(.community), required: required, list: list, help: Localized(en: "a community, by name or id", zh: "社区（名称或编号）"))
    }

    static func phone() -> ParameterSpec {
        ParameterSpec("phone", ["电话"], .text, help: Localized(en: "a phone number", zh: "电话号码"))
    }
}

extension CommandTable {
    /// Compounds, households, enterprises, cadres and who covers what (三有: 有方案部署, 有人员落实).
    static let orgRosterCommands: [CommandSpec] = [
        CommandSpec(
            .compoundAdd, ["compound", "add"], aliases: [["楼院", "添加"], ["楼院", "新增"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the compound's name", zh: "楼院名称"))],
            options: [.community(required: true)],
            summary: Localized(en: "add a compound (a building or courtyard) to a community", zh: "在社区下添加楼院"),
            example: "compound add 十里堡北里3号楼 community=十里堡社区", effect: .writes),
        CommandSpec(
            .householdAdd, ["household", "add"], aliases: [["住户", "添加"], ["住户", "新增"]],
            arguments: [
                ParameterSpec("address", ["地址"], .text, required: true, help: Localized(en: "the address, e.g. 十里堡北里3号楼2单元501", zh: "门牌地址，如 十里堡北里3号楼2单元501"))
            ],
            options: [
                ParameterSpec("compound", ["楼院"], .reference(.compound), help: Localized(en: "the compound it is in", zh: "所在楼院")),
                .community(),
                ParameterSpec("head", ["户主"], .text, help: Localized(en: "the head of the household", zh: "户主姓名")),
                .phone(),
                ParameterSpec(
                    "tags", ["标签"], .choice(.householdTag), list: true, help: Localized(en: "tags; the first three are the special groups", zh: "标签；前三种为特殊群体")),
            ],
            summary: Localized(en: "add a household, in a compound (or directly in a community)", zh: "添加住户（在楼院下，或直接在社区下）"),
            example: "household add 十里堡北里3号楼2单元501 compound=十里堡北里3号楼 head=王芳 phone=13800001234 tags=hardship",
            effect: .writes),
        CommandSpec(
            .householdTag, ["household", "tag"], aliases: [["住户", "标记"]],
            arguments: [
                ParameterSpec(
                    "household", ["住户"], .reference(.household), required: true, help: Localized(en: "a household id (H-1) or address", zh: "住户编号（H-1）或地址"))
            ],
            options: [
                ParameterSpec("add", ["添加"], .choice(.householdTag), list: true, help: Localized(en: "tags to add", zh: "要添加的标签")),
                ParameterSpec("remove", ["移除", "去掉"], .choice(.householdTag), list: true, help: Localized(en: "tags to remove", zh: "要移除的标签")),
            ],
            summary: Localized(en: "add or remove a household's tags", zh: "添加或移除住户标签"),
            example: "household tag H-1 add=petitioner remove=elderly", effect: .writes),
        CommandSpec(
            .enterpriseAdd, ["enterprise", "add"], aliases: [["企业", "添加"], ["企业", "新增"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the enterprise's name", zh: "企业名称"))],
            options: [
                .community(required: true),
                ParameterSpec("compound", ["楼院"], .reference(.compound), help: Localized(en: "the compound it is in", zh: "所在楼院")),
                ParameterSpec("address", ["地址"], .text, help: Localized(en: "its address", zh: "地址")),
                ParameterSpec("contact", ["联系人"], .text, help: Localized(en: "the contact person", zh: "联系人")), .phone(),
            ],
            summary: Localized(en: "add a non-public enterprise (非公企业)", zh: "添加非公企业"),
            example: "enterprise add 六里屯便民超市 community=六里屯社区 contact=赵强 phone=13911112222", effect: .writes),
        CommandSpec(
            .cadreAdd, ["cadre", "add"], aliases: [["干部", "添加"], ["干部", "新增"]],
            arguments: [ParameterSpec("name", ["姓名", "名称"], .text, required: true, help: Localized(en: "the cadre's name", zh: "干部姓名"))],
            options: [
                ParameterSpec(
                    "role", ["角色"], .choice(.cadreRole),
                    help: Localized(
                        en: "office (机关), community (两委一站) or leader (处级领导); default from dept= or community=", zh: "机关、社区（两委一站）或处级领导；默认按 dept= 或 community= 推断"
                    )),
                ParameterSpec("dept", ["科室"], .reference(.department), help: Localized(en: "an office cadre's department", zh: "机关干部所在科室")),
                .community(), .phone(),
            ],
            summary: Localized(
                en: "add a cadre: an office cadre (dept=), a community cadre (community=) or a leader", zh: "添加干部：机关干部（dept=）、社区干部（community=）或处级领导"),
            example: "cadre add 王强 dept=城建科", effect: .writes),
        CommandSpec(
            .leaderLink, ["leader", "link"], aliases: [["领导", "联系"], ["处级领导", "联系"]],
            arguments: [ParameterSpec("leader", ["领导"], .reference(.cadre), required: true, help: Localized(en: "a leader (role=leader)", zh: "处级领导"))],
            options: [.community(required: true, list: true)],
            summary: Localized(en: "link a division-level leader to communities (处级领导联系社区)", zh: "处级领导联系社区"),
            example: "leader link 张国华 community=六里屯社区,十里堡社区", effect: .writes),
        CommandSpec(
            .assign, ["assign"], aliases: [["包片"]],
            arguments: [ParameterSpec("cadre", ["干部"], .reference(.cadre), required: true, help: Localized(en: "the cadre made responsible", zh: "包片干部"))],
            options: [
                ParameterSpec(
                    "compound", ["楼院"], .reference(.compound), required: true, list: true, help: Localized(en: "compounds, by name or id", zh: "楼院（名称或编号）"))
            ],
            summary: Localized(en: "make a cadre responsible for compounds (包片)", zh: "指定干部包片负责楼院"),
            example: "assign 王强 compound=十里堡北里3号楼,十里堡北里4号楼", effect: .writes),
        CommandSpec(
            .pair, ["pair"], aliases: [["结对"]],
            arguments: [
                ParameterSpec("cadre", ["干部"], .reference(.cadre), required: true, help: Localized(en: "one cadre", zh: "一名干部")),
                ParameterSpec(
                    "partner", ["搭档"], .reference(.cadre), required: true,
                    help: Localized(en: "the other: one office, one community cadre", zh: "另一名：一名机关干部，一名社区干部")),
            ],
            summary: Localized(en: "pair an office cadre with a community cadre (结对) for the walking office", zh: "机关干部与社区干部结对，周二、周四半天走访"),
            example: "pair 王强 李梅", effect: .writes),
        CommandSpec(
            .importTable, ["import"], aliases: [["导入"]],
            arguments: [
                ParameterSpec(
                    "kind", ["种类"], .kind, required: true,
                    help: Localized(
                        en: "what the file holds: compounds, households, enterprises, cadres, links, assignments, pairs, depts, communities",
                        zh: "文件内容：楼院、住户、企业、干部、联系社区、包片、结对、科室、社区")),
                .path(),
            ],
            options: [.encoding],
            summary: Localized(
                en: "import records from a CSV file whose header names the add command's options; all rows or none",
                zh: "从 CSV 文件导入记录，表头为对应添加命令的参数名；有错则一条也不导入"),
            example: "import households 住户.csv", effect: .writes),
    ]
}

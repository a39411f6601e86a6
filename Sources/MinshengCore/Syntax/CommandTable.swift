/// The one declarative table of commands. Parsing, validation, `help` and Tab
/// completion all read it; there is no second list anywhere.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]
    /// The commands grouped under headings, for `help`.
    public let sections: [(title: Localized, commands: [CommandSpec])]
    /// Each spelling under its first word, lowercased, in table order: `match` compares
    /// the few spellings that can match instead of every one (replaying 100,000 commands
    /// spent an eighth of its time here).
    let byFirstWord: [String: [(spec: Int, spelling: [String])]]

    public init(_ commands: [CommandSpec]) {
        self.init(sections: [(Localized(en: "commands", zh: "命令"), commands)])
    }

    public init(sections: [(title: Localized, commands: [CommandSpec])]) {
        self.sections = sections
        let commands = sections.flatMap(\.commands)
        self.commands = commands
        var index: [String: [(spec: Int, spelling: [String])]] = [:]
        for (i, spec) in commands.enumerated() {
            for spelling in spec.spellings where !spelling.isEmpty { index[spelling[0].lowercased(), default: []].append((i, spelling)) }
        }
        byFirstWord = index
        var seen = Set<String>()
        firstWords = commands.flatMap { $0.spellings.map { $0[0] } }.filter { seen.insert($0).inserted }
    }

    /// Every command minsheng knows.
    /// A family adds its list here, on a line of its own.
    public static let standard = CommandTable(sections: [
        (Localized(en: "Cases (诉求)", zh: "诉求（接诉即办）"), caseCommands),
        (Localized(en: "Consultation meetings (会商会)", zh: "会商会（民事民提、民议、民决、民评）"), meetingCommands),
        (Localized(en: "Corrections", zh: "更正"), correctionCommands),
        (Localized(en: "Supervision and assessment", zh: "督办与考评"), assessmentCommands),
        (Localized(en: "Organisation and visits", zh: "组织与走访"), orgCommands + orgRosterCommands + visitCommands + roleCommands),
        (Localized(en: "Questions", zh: "查询"), queryCommands + auditCommands),
        (Localized(en: "The shell", zh: "基本命令"), builtinCommands),
    ])

    /// Finds the command named by the leading words; returns it and how many words its name took.
    public func match(_ words: [String]) -> (CommandSpec, Int)? {
        guard let first = words.first, let candidates = byFirstWord[first.lowercased()] else { return nil }
        var best: (CommandSpec, Int)?
        for (i, spelling) in candidates where spelling.count <= words.count {
            let ok = zip(spelling.dropFirst(), words.dropFirst()).allSatisfy { Self.same($0, $1) }
            if ok, spelling.count > (best?.1 ?? 0) { best = (commands[i], spelling.count) }
        }
        return best
    }

    /// Commands whose first word is `word` (to tell "unknown verb" from "unknown command").
    public func commands(startingWith word: String) -> [CommandSpec] {
        commands.filter { spec in spec.spellings.contains { Self.same($0[0], word) } }
    }

    /// Every first word, for completion and suggestions.
    public let firstWords: [String]

    static func same(_ a: String, _ b: String) -> Bool { a == b || a.lowercased() == b.lowercased() }
}

extension ParameterSpec {
    static func path(_ required: Bool = true) -> ParameterSpec {
        ParameterSpec("file", ["文件"], .path, required: required, help: Localized(en: "a file path", zh: "文件路径"))
    }

    /// `subdistrict=`: which subdistrict a community or department belongs to (district server).
    static let inSubdistrict = ParameterSpec(
        "subdistrict", ["街道"], .reference(.subdistrict),
        help: Localized(en: "the subdistrict it belongs to (on a district server)", zh: "所属街道（区级服务器）"))

    /// `encoding=gb18030`: what a CSV file to import is written in (Excel on a Chinese Windows
    /// saves GB18030).
    static let encoding = ParameterSpec(
        "encoding", ["编码"], .choice(.encoding),
        help: Localized(
            en: "the file's encoding: utf-8 (the default), gb18030 or gbk (what Excel saves on a Chinese Windows)",
            zh: "文件编码：UTF-8（默认）、GB18030 或 GBK（中文 Windows 上 Excel 保存的编码）"))

    /// `overwrite=yes`: the only way a command replaces a file that is already there.
    static let overwrite = ParameterSpec(
        "overwrite", ["覆盖"], .choice(.onOff),
        help: Localized(en: "yes: replace the file if it exists (default: refuse)", zh: "是：文件已存在时覆盖（默认拒绝）"))
}

extension CommandTable {
    /// The session's settings, each by its English name and its Chinese names (either may be typed).
    public static let settings: [(name: String, zh: [String])] = [
        ("lang", ["语言"]), ("format", ["格式"]), ("now", ["时钟"]), ("reveal", ["显示号码"]), ("timer", ["计时"]),
        ("operator", ["操作员", "as"]), ("expanded", ["展开"]), ("truncate", ["截断"]), ("pager", ["分页"]), ("csv-bom", ["CSV标记"]),
        ("csv-formulas", ["CSV公式"]),
    ]

    static let builtinCommands: [CommandSpec] = [
        CommandSpec(
            .help, ["help"], aliases: [["帮助"], ["?"]],
            arguments: [
                ParameterSpec("command", ["命令"], .text, help: Localized(en: "a command or noun", zh: "命令或名词")),
                ParameterSpec("verb", ["动词"], .text, help: Localized(en: "its verb", zh: "动词")),
            ],
            summary: Localized(en: "show commands, or the usage, options and an example of one", zh: "列出命令，或显示某个命令的用法、选项和示例"),
            example: "help dept add", effect: .session),
        CommandSpec(
            .set, ["set"], aliases: [["设置"]],
            summary: Localized(
                en: "set a setting (\(settings.map(\.name).joined(separator: ", "))) or a variable: set NAME=VALUE",
                zh: "设置选项（\(settings.map { $0.zh[0] }.joined(separator: "、"))）或变量：设置 名称=值"),
            example: "set lang=zh", effect: .session, syntax: .command),
        CommandSpec(
            .unset, ["unset"], aliases: [["清除变量"]],
            arguments: [ParameterSpec("name", ["变量名"], .name, required: true, help: Localized(en: "a variable", zh: "变量名"))],
            summary: Localized(en: "forget a variable", zh: "删除一个变量"), example: "unset x", effect: .session),
        CommandSpec(
            .showSettings, ["show", "settings"], aliases: [["显示", "设置"]],
            summary: Localized(en: "list settings and variables", zh: "列出当前设置和变量"), example: "show settings",
            effect: .session),
        CommandSpec(
            .echo, ["echo"], aliases: [["回显"]],
            summary: Localized(en: "print the words given, with variables read", zh: "原样输出文字（会替换变量）"),
            example: "echo 新建的编号是 $_", effect: .session, syntax: .command),
        CommandSpec(
            .check, ["check"], aliases: [["检查"]],
            summary: Localized(
                en: "assert that a count compares as stated; a failed check stops the script",
                zh: "断言：统计结果须满足条件，否则脚本在此报错停止"),
            example: "check count communities = 2", effect: .reads, syntax: .command),
        CommandSpec(
            .history, ["history"], aliases: [["历史"]],
            summary: Localized(en: "list the commands typed in this and earlier sessions", zh: "列出输入过的命令"),
            example: "history", effect: .session),
        CommandSpec(
            .quit, ["quit"], aliases: [["exit"], ["退出"]],
            summary: Localized(en: "leave the shell", zh: "退出"), example: "quit", effect: .session),
        CommandSpec(
            .record, ["record"], aliases: [["录制"]],
            arguments: [
                ParameterSpec("state", ["状态"], .choice(.onOff), required: true, help: Localized(en: "on or off", zh: "开（on）开始录制，关（off）结束")),
                .path(false),
            ],
            summary: Localized(
                en: "append each successful command, with the clock in force, to a script file",
                zh: "把每条成功的命令连同当时的时钟追加到脚本文件"),
            example: "record on 会议记录.msh", effect: .session),
        CommandSpec(
            .replay, ["replay"], aliases: [["重放"]],
            arguments: [
                .path(),
                ParameterSpec(
                    "mode", ["方式"], .choice(ChoiceSet("mode", [Choice("step", ["单步"]), Choice("safe", ["安全"])])),
                    help: Localized(
                        en: "step: one command per Enter; safe: refuse anything that writes outside the database",
                        zh: "单步（step）：每按一次回车执行一条；安全（safe）：拒绝任何写到数据库以外的命令")),
            ],
            options: [.overwrite],
            summary: Localized(
                en: "run a recorded script; with step, one command at a time; with safe, nothing outside the database",
                zh: "重放录制的脚本；加 单步 则逐条执行；加 安全 则不写数据库以外的任何文件"),
            example: "replay 会议记录.msh step", effect: .session),
        CommandSpec(
            .source, ["source"], aliases: [["执行"], ["."]],
            arguments: [.path()],
            summary: Localized(en: "run the commands of a script file (relative to the current script)", zh: "执行脚本文件中的命令（路径相对于当前脚本）"),
            example: "source 初始化.msh", effect: .session),
        CommandSpec(
            .output, ["output"], aliases: [["输出到"]],
            arguments: [ParameterSpec("file", ["文件"], .path, required: true, help: Localized(en: "a file, or - for the screen", zh: "文件，或 - 表示屏幕"))],
            options: [.overwrite],
            summary: Localized(en: "send results to a file until 'output -'", zh: "把结果写入文件，直到 输出到 -"),
            example: "output 结果.csv", effect: .session),
        CommandSpec(
            .once, ["once"], aliases: [["输出一次"]],
            arguments: [.path()], options: [.overwrite],
            summary: Localized(en: "send the next command's results to a file", zh: "把下一条命令的结果写入文件"),
            example: "once 科室.csv", effect: .session),
    ]

    static let queryCommands: [CommandSpec] = [
        CommandSpec(
            .find, ["find"], aliases: [["查找"], ["查询"]],
            summary: Localized(en: "list records of a kind", zh: "查询记录"),
            example: "find depts", effect: .reads, syntax: .query),
        CommandSpec(
            .count, ["count"], aliases: [["统计"]],
            summary: Localized(en: "count records of a kind, optionally grouped", zh: "统计记录数，可分组"),
            example: "count communities", effect: .reads, syntax: .query),
        CommandSpec(
            .explain, ["explain"], aliases: [["解释"]],
            summary: Localized(en: "print the SQL and query plan of a find or count", zh: "显示查询对应的 SQL 和执行计划"),
            example: "explain find depts", effect: .reads, syntax: .command),
        CommandSpec(
            .show, ["show"], aliases: [["查看"]],
            arguments: [ParameterSpec("id", ["编号"], .text, required: true, help: Localized(en: "a record id, e.g. D-1", zh: "记录编号，如 D-1"))],
            summary: Localized(en: "show one record by its id", zh: "按编号查看一条记录"),
            example: "show D-1", effect: .reads),
    ]

    static let orgCommands: [CommandSpec] = [
        CommandSpec(
            .deptAdd, ["dept", "add"], aliases: [["科室", "添加"], ["科室", "新增"], ["department", "add"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the department's name", zh: "科室名称"))],
            options: [.inSubdistrict],
            summary: Localized(en: "add a department of the subdistrict office (条)", zh: "添加街道科室（条）"),
            example: "dept add 城建科", effect: .writes),
        CommandSpec(
            .communityAdd, ["community", "add"], aliases: [["社区", "添加"], ["社区", "新增"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the community's name", zh: "社区名称"))],
            options: [.inSubdistrict],
            summary: Localized(en: "add a community (块)", zh: "添加社区（块）"),
            example: "community add 六里屯社区", effect: .writes),
        CommandSpec(
            .subdistrictAdd, ["subdistrict", "add"], aliases: [["街道", "添加"], ["街道", "新增"]],
            arguments: [ParameterSpec("name", ["名称"], .text, required: true, help: Localized(en: "the subdistrict's name", zh: "街道名称"))],
            summary: Localized(
                en: "add a subdistrict (街道) of the district; its communities and departments name it with subdistrict=",
                zh: "添加区内的街道；其社区、科室用 街道= 指明"),
            example: "subdistrict add 八里庄街道", effect: .writes),
    ]
}

extension CommandTable {
    /// The five steps of an item (提 议 决 办 评) and what reads a meeting back.
    static let meetingItemCommands: [CommandSpec] = [
        CommandSpec(
            .propose, ["propose"], aliases: [["提"], ["提出"], ["提议"]],
            arguments: [ParameterSpec("title", ["议题"], .text, required: true, help: Localized(en: "the matter raised", zh: "提出的事项"))],
            options: [ParameterSpec("by", ["提出人"], .text, required: true, help: Localized(en: "who raises it", zh: "提出人"))],
            summary: Localized(en: "提: put an item on the current meeting's agenda; it becomes the current item", zh: "提：向当前会议提出议题，并设为当前议题"),
            example: "提 南门夜间停车难 by=张伟", effect: .writes),
        CommandSpec(
            .discuss, ["discuss"], aliases: [["议"], ["讨论"], ["发言"]],
            arguments: [.item, ParameterSpec("text", ["内容"], .text, help: Localized(en: "what the speaker said", zh: "发言内容"))],
            options: [
                ParameterSpec("by", ["发言人"], .text, required: true, help: Localized(en: "the speaker", zh: "发言人")),
                ParameterSpec("stance", ["立场"], .choice(.stance), help: Localized(en: "for, against or neutral (default)", zh: "赞成、反对或中立（默认）")),
            ],
            summary: Localized(en: "议: record a speech on an item: [ITEM] TEXT by=… stance=…", zh: "议：记录发言：[议题] 内容 by=… stance=…"),
            example: "议 I-1 建议划定夜间临时车位 by=刘洋 stance=for", effect: .writes),
        CommandSpec(
            .motion, ["motion"], aliases: [["动议"], ["重新表决"]],
            arguments: [.item, ParameterSpec("text", ["内容"], .text, help: Localized(en: "the text put to the vote", zh: "付诸表决的动议"))],
            options: [
                ParameterSpec(
                    "rule", ["规则"], .choice(.tallyRule),
                    help: Localized(
                        en: "majority (default, more than half), two-thirds, three-quarters, unanimous",
                        zh: "通过所需比例：过半数（默认）、三分之二、四分之三、全体一致")),
                ParameterSpec(
                    "base", ["基数"], .choice(.tallyBase),
                    help: Localized(
                        en: "what the share is of: present (default), cast, valid, members, yes-no", zh: "比例的基数：出席人数（默认）、投票数、有效票、全体成员、赞成反对")),
                ParameterSpec("ballot", ["方式"], .choice(.ballotMode), help: Localized(en: "open (named, default) or secret", zh: "记名（默认）或无记名")),
                ParameterSpec(
                    "reason", ["原因", "理由"], .text,
                    help: Localized(
                        en: "why the item is voted again after it passed (a new round; the minutes keep both)", zh: "已通过的议题重新表决的原因（新一轮；纪要保留两轮）")),
            ],
            summary: Localized(en: "决: put a motion to the vote on an item; the poll is open until 'tally'", zh: "决：就议题提出动议并开始表决，直到计票为止"),
            example: "motion I-1 南门外划定20个夜间临时车位 rule=majority ballot=open", effect: .writes),
        CommandSpec(
            .vote, ["vote"], aliases: [["决"], ["表决"], ["投票"]],
            arguments: [.item],
            options: [
                .voters("yes", ["赞成", "同意"], "who votes yes (open poll)", "投赞成票的人（记名表决）"),
                .voters("no", ["反对"], "who votes no (open poll)", "投反对票的人（记名表决）"),
                .voters("abstain", ["弃权"], "who abstains (open poll)", "弃权的人（记名表决）"),
                .voters("by", ["投票人"], "who put a ballot in the box (secret poll)", "已投票的人（无记名表决）"),
            ],
            summary: Localized(
                en: "record ballots: open poll yes=… no=… abstain=…; secret poll by=… (the choices are counted at the tally)",
                zh: "记录投票：记名 yes=… no=… abstain=…；无记名 by=…（票面在计票时清点）"),
            example: "决 I-1 yes=王芳,张伟 no=刘洋", effect: .writes),
        CommandSpec(
            .tally, ["tally"], aliases: [["计票"]],
            arguments: [.item],
            options: [
                .count("yes", ["赞成", "同意"], "yes ballots in the box (secret poll)", "赞成票数（无记名）"),
                .count("no", ["反对"], "no ballots in the box (secret poll)", "反对票数（无记名）"),
                .count("abstain", ["弃权"], "abstentions in the box (secret poll)", "弃权票数（无记名）"),
                .count("invalid", ["废票", "无效"], "spoiled ballots (secret poll)", "废票数（无记名）"),
            ],
            summary: Localized(en: "close the poll and print rule, base, quorum, every count and the verdict", zh: "结束表决并计票：规则、基数、法定人数、各项票数和结果"),
            example: "tally I-1", effect: .writes),
        CommandSpec(
            .decide, ["decide"], aliases: [["办"], ["转办"], ["carry-out"]],
            arguments: [.item],
            options: [
                ParameterSpec(
                    "dept", ["科室", "责任科室"], .reference(.department), required: true, help: Localized(en: "the department that carries it out", zh: "承办科室")),
                ParameterSpec("due", ["期限", "办结期限"], .date, required: true, help: Localized(en: "the day it must be done by", zh: "办结期限")),
                ParameterSpec("urgency", ["紧急程度"], .choice(.urgency), help: Localized(en: "urgent or normal (default)", zh: "紧急或一般（默认）")),
                ParameterSpec("category", ["类别"], .text, help: Localized(en: "the case category", zh: "诉求类别")),
            ],
            summary: Localized(en: "办: turn a passed item into a case (source=meeting), tracked like any case", zh: "办：把通过的议题转为诉求（来源：会商会）跟踪办理"),
            example: "办 I-1 dept=城建科 due=2019-12-20", effect: .writes),
        CommandSpec(
            .evaluate, ["evaluate"], aliases: [["评"], ["评价"]],
            arguments: [.item],
            options: [
                .voters("satisfied", ["满意"], "how many are satisfied, or their names", "满意的人数或姓名"),
                .voters("basic", ["基本满意"], "how many are basically satisfied, or their names", "基本满意的人数或姓名"),
                .voters("unsatisfied", ["不满意"], "how many are unsatisfied, or their names", "不满意的人数或姓名"),
            ],
            summary: Localized(en: "评: residents rate the result of a carried-out item (counts or names)", zh: "评：居民评价已转办议题的结果（人数或姓名）"),
            example: "评 I-1 satisfied=30 basic=5 unsatisfied=2", effect: .writes),
        CommandSpec(
            .notVoted, ["who-has-not-voted"], aliases: [["未投票"], ["not-voted"]],
            arguments: [.item],
            summary: Localized(en: "list members present (or represented) who have not voted yet", zh: "列出在场（或已委托）但尚未投票的成员"),
            example: "who-has-not-voted I-1", effect: .reads),
        CommandSpec(
            .agenda, ["agenda"], aliases: [["议程"]], arguments: [.meeting],
            summary: Localized(en: "list a meeting's items with their step and result", zh: "列出会议的议题、所处步骤和结果"),
            example: "agenda", effect: .reads),
        CommandSpec(
            .minutes, ["minutes"], aliases: [["纪要"], ["会议纪要"]], arguments: [.meeting],
            options: [ParameterSpec("out", ["输出", "文件"], .path, help: Localized(en: "write the minutes to this file: Markdown, or a page to print on A4 when it ends in .html", zh: "把纪要写入文件：Markdown；文件名以 .html 结尾时为可打印（A4）的网页")), .overwrite],
            summary: Localized(en: "write a meeting's minutes in Markdown, from what was recorded", zh: "根据记录生成 Markdown 会议纪要"),
            example: "minutes M-1 out=十二月会商会纪要.md", effect: .reads),
    ]
}

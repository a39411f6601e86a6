import MinshengCore
import MinshengTestSupport
import Testing

/// Every message in the session's language (issue 20): a walk over every command of the
/// table (bare, as its example, with a wrong option, a wrong value, an unknown id), `help`
/// of each, a whole case and a whole meeting typed only in Chinese, and every Chinese
/// transcript. In Chinese no Latin word may remain but ids, values the user typed, names
/// with no Chinese word and command examples she may type; in English no Chinese word but
/// values she typed and the Chinese spellings she may type.
@Suite struct ChineseOutputTests {
    /// English that is engine or format text, not the session's language: the SQL and plan
    /// `explain` shows, the keys of JSON. A line matching `pattern` is not reported.
    static let knownElsewhere: [(file: String, pattern: String)] = [
        // `explain`: the SQL and the engine's plan.
        ("Runtime/Interpreter+Query.swift", #"^(SQL|plan):|^ *(SCAN|SEARCH|USE|SETUP) "#),
        // `set format json`: the keys are the fields' English names.
        ("Output/Renderer.swift", #"^ *\[? *\{""#),
    ]

    /// A whole case and a whole meeting, as a cadre types them with an input method.
    static let chineseDay = [
        "科室 添加 城建科", "科室 添加 城管科", "社区 添加 六里屯社区", "社区 添加 十里堡社区",
        "楼院 添加 十里堡北里3号楼 社区=十里堡社区", "干部 添加 王强 科室=城建科", "干部 添加 李梅 科室=城管科",
        "诉求 受理 「楼道灯不亮」 类别=市政设施 紧急程度=一般 来源=走访 社区=六里屯社区 诉求人=王芳 电话=13800001234",
        "诉求 接即应 C-1 备注＝已电话联系", "诉求 诉必访 C-1 备注=楼道灯损坏", "诉求 即时报 C-1 上报给=张书记",
        "诉求 派单 C-1 科室=城建科，城管科 牵头=城建科 督办=张书记", "诉求 进展 C-1 备注=已联系物业",
        "诉求 办必妥 C-1 备注=已更换灯具 经办人=城建科", "诉求 回访 C-1 结果=满意", "诉求 结案 C-1 结案方式=已解决",
        "诉求 查看 C-1", "诉求 受理 “噪音扰民” 类型=投诉 社区=十里堡社区", "诉求 退单 C-2 原因=不属于本科室",
        "诉求 超期", "时限 查看",
        "会议 新建 “十二月会商会” 社区=六里屯社区 日期=2019-12-03 成员=王芳，张伟，刘洋",
        "成员 添加 李娜、陈静", "签到 王芳，张伟，刘洋，李娜", "委托 李娜 委托人=陈静", "会议 查看",
        "提 「小区南侧路灯不亮」 提出人=刘洋", "议 “已报修三次未修好” 发言人=刘洋 立场=赞成",
        "动议 “由街道协调产权单位一周内修复路灯” 规则=三分之二 方式=无记名",
        "决 投票人＝王芳，张伟，刘洋", "未投票", "决 投票人=李娜，陈静", "计票 赞成=4 反对=1",
        "办 科室=城管科 期限=2019-12-17", "评 满意=王芳、张伟 基本满意=刘洋 不满意=李娜", "议程", "纪要",
    ]

    /// The check itself, on lines main printed before issue 20 and on their fixed forms.
    @Test func theCheckTellsStrayWordsFromExamples() {
        let check = OutputLanguageCheck(table: .standard)
        let typed: Set<String> = ["反队", "C-1"]
        let zh: [(String, [String])] = [
            ("错误：'反队' 不是有效的 stance", ["stance"]),
            ("提示：用法：case new TITLE [kind=consult|help]", ["TITLE"]),
            ("提示：可用选项：reason, by", ["reason", "by"]),
            ("错误：'反队' 不是有效的立场，可选：赞成（for）、反对（against）", []),
            ("提示：用法：诉求 派单 编号 科室=… [经办人=…]", []),
            ("提示：输入 help case new 查看用法", []),
            ("walk:3:1: 错误：没有诉求 C-1", []),
            ("提示：是不是要输入 'lead'？", []),
            ("提示：是不是要输入 'leed'？", ["leed"]),
            // The query language's words are words she may type: beside Chinese, they pass; alone, they do not.
            ("中文关键词：条件/其中（where），排序（order）", []),
            ("日期：今天（today）、本季度（this-quarter）、按月(日期字段)（month）、平均（avg）", []),
            ("提示：可写 today、this-week", ["today", "this-week"]),
        ]
        for (line, stray) in zh { #expect(check.strayLatin(in: line, typed: typed, typedText: "") == stray, "\(line)") }
        let en: [(String, [String])] = [
            ("record a spot-check re-callback; it counts in 满意率", ["满意率"]),
            ("dispatch to a department and a community (双向派单)", []),
            ("error: 'x' is not a valid result; expected one of: satisfied (满意), basic (基本满意)", []),
            ("added department D-1 城建科", []),
            ("Chinese keywords: and 且/并且, having 满足, offset 跳过", []),
            ("dates: today 今天, last-quarter 上季度; by 月 平均 最大", []),
            ("dates: 去年", ["去年"]),
        ]
        for (line, stray) in en { #expect(check.strayHan(in: line, typedText: "dept add 城建科") == stray, "\(line)") }
    }

    @Test func chineseSessionSpeaksChinese() {
        let findings = walk(.zh)
        #expect(findings.count == 0, "\(findings.count) lines with English in a Chinese session:\n\(findings.joined(separator: "\n"))")
    }

    @Test func englishSessionSpeaksEnglish() {
        let findings = walk(.en)
        #expect(findings.count == 0, "\(findings.count) lines with Chinese in an English session:\n\(findings.joined(separator: "\n"))")
    }

    /// Every transcript that runs in Chinese, its whole text counted as typed.
    @Test(arguments: Transcript.discover(under: transcriptRoot).filter { Transcript.header(path: transcriptRoot + "/" + $0).language == .zh })
    func chineseTranscript(_ name: String) {
        let work = Files.temporaryDirectory()
        defer { Files.removeTemporary(work) }
        Files.copyTree(transcriptRoot, work)
        let walk = OutputWalk(.zh, folder: work)
        for script in [name] + Self.partials(of: name, in: work) {
            walk.note(typedLine: Files.read(work + "/" + script) ?? "")
        }
        walk.checkOutput(Transcript.run(path: work + "/" + name, displayName: name), of: name)
        #expect(walk.findings.count == 0, "\(walk.findings.count) lines with English in \(name):\n\(walk.findings.joined(separator: "\n"))")
    }

    func walk(_ language: Language) -> [String] {
        let folder = Files.temporaryDirectory()
        defer { Files.removeTemporary(folder) }
        let walk = OutputWalk(language, folder: folder)
        // First on an empty database (no records, no current meeting), then on a seeded one.
        walk.walkTable(.standard)
        Self.chineseDay.forEach(walk.run)
        let help = language == .zh ? "帮助" : "help"
        walk.run(help)
        for spec in CommandTable.standard.commands { walk.run(help + " " + spec.name(language)) }
        walk.walkTable(.standard)
        // Files whose content is wrong: an unknown column, a missing one, a row that is not CSV.
        let files = ["坏表头.csv": "乱列,名称\nx,y\n", "缺列.csv": "备注\nx\n", "坏行.csv": "名称\n\"未闭合\n"]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            Files.write(folder + "/" + name, text)
            walk.note(typedLine: text)  // what the user wrote in the file comes back in messages
            for command in ["诉求 导入", "导入 住户", "导入 楼院", "导入 干部", "日历 导入"] {
                walk.run("\(command) \(folder)/\(name)" + (command == "日历 导入" ? " 原因=试" : ""))
            }
        }
        return walk.findings
    }

    /// The scripts a transcript `source`s (`source _org.msh`), as paths under the transcripts.
    static func partials(of name: String, in root: String) -> [String] {
        let folder = name.split(separator: "/").dropLast().joined(separator: "/")
        return (Files.read(root + "/" + name) ?? "").split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 2, ["source", "执行", "."].contains(String(words[0])) else { return nil }
            return folder + "/" + words[1]
        }
    }
}

/// The Chinese example of each command (help in Chinese shows it) says what the English one
/// says: the same command, the same values bound, the same query.
@Suite struct ChineseExampleTests {
    @Test(arguments: CommandTable.standard.commands.map(\.id.rawValue))
    func chineseExampleMeansTheEnglishOne(_ id: String) throws {
        let spec = try #require(CommandTable.standard.commands.first { $0.id.rawValue == id })
        let zh = spec.example(.zh)
        #expect(zh.hasPrefix(spec.name(.zh)), "\(zh)")
        let (en, chinese) = (try meaning(spec.example), try meaning(zh))
        #expect(en == chinese, "\(spec.example)\n  → \(zh)")
    }

    /// The command, its bound values and, for a query, the parsed query.
    func meaning(_ line: String) throws -> String {
        let now = try #require(Timestamp.parse("2019-12-03T09:00"))
        let context = BindingContext(now: now)
        guard case .complete(let lines) = try Lexer(file: "x").lex(line), let first = lines.first else { return "incomplete" }
        let inv = try Parser(table: .standard, context: context).parse(first)
        var out = [inv.spec.id.rawValue] + inv.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)" }
        if inv.spec.syntax == .query, let end = first.tokens.last?.end {
            var q = QueryParser(tokens: inv.rest, context: context, end: end)
            out.append("\(try q.parse(allowGroups: inv.spec.id == .count))")
        } else if [.explain, .check].contains(inv.spec.id), let inner = inv.rest.first {
            // `explain find depts`, `check count communities = 2`: the inner command's meaning
            // (a check's comparison compared as written).
            let text = String(line[line.index(line.startIndex, offsetBy: inner.location.column - 1)...])
            let words = text.split(separator: " ")
            let tail = inv.spec.id == .check ? 2 : 0
            out.append(try meaning(words.dropLast(tail).joined(separator: " ")) + " " + words.suffix(tail).joined(separator: " "))
        } else if ![.caseExport, .spotCheck].contains(inv.spec.id) {
            out.append(inv.rest.map(\.spelling).joined(separator: " "))
        } else if let end = first.tokens.last?.end {
            // `case export open311 where … out=FILE`, `spotcheck 5 where … seed=7`: a leading word, a
            // condition on cases and trailing `key=value` settings (their values compared).
            var rest = Array(inv.rest.dropFirst())
            var settings: [String] = []
            while rest.count >= 3, rest[rest.count - 2].kind == .equals, let key = rest[rest.count - 3].text,
                RecordKind.case.schema.field(key) == nil
            {
                settings.insert(rest[rest.count - 1].spelling, at: 0)
                rest.removeLast(3)
            }
            var q = QueryParser(tokens: [Token(.word("cases"), at: first.location)] + rest, context: context, end: end)
            out += [inv.rest.first?.spelling ?? "", "\(try q.parse(allowGroups: false))"] + settings
        }
        return out.joined(separator: " ")
    }
}

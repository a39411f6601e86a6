import Testing

@testable import MinshengCore

/// Completion comes from the command table and the store; the store is faked here.
@Suite struct CompleterTests {
    let completer = Completer(
        table: .standard,
        names: { kind, prefix in
            let all: [RecordKind: [String]] = [.department: ["城建科", "城管科", "社会事务科"], .community: ["六里屯社区", "十里堡社区"]]
            return (all[kind] ?? []).filter { $0.hasPrefix(prefix) }
        },
        values: { _, field, prefix in field.name == "category" ? ["物业", "物业费", "环境卫生"].filter { $0.hasPrefix(prefix) } : [] })

    func complete(_ line: String) -> [String] { completer.complete(line: line, cursor: line.count).candidates }

    @Test func commandWordsInEitherLanguage() {
        #expect(complete("fi") == ["find"])
        #expect(complete("诉") == ["诉求"])
        #expect(complete("case re").contains("respond") && complete("case re").contains("resolve"))
        #expect(complete("dept ") == ["add"])
    }

    /// A login whose roles are enforced is offered only what it may run.
    @Test func onlyTheCommandsTheLoginMayRun() {
        let access = Access(
            identity: Identity(login: "lisi", authenticated: true, privileged: false),
            grants: [RoleGrant(id: 1, login: "lisi", role: .department, subdistrict: nil, community: nil, department: 1, cadre: nil)])
        let limited = Completer(table: .standard, names: { _, _ in [] }, permits: { access.holds($0.requires) })
        func complete(_ line: String) -> [String] { limited.complete(line: line, cursor: line.count).candidates }
        #expect(complete("case re") == ["resolve", "return"])
        #expect(complete("case ").contains("progress") && !complete("case ").contains("new"))
        #expect(!complete("").contains("dept") && complete("").contains("find"))
        #expect(complete("role ") == ["list"])
    }

    @Test func optionKeysAndValues() {
        #expect(complete("case dispatch C-1 de") == ["dept="])
        // Chinese keys complete as the English ones do (issue 20).
        #expect(complete("诉求 派单 C-1009 科") == ["科室="])
        #expect(complete("case new x 类") == ["类别=", "类型="])
        #expect(complete("诉求 派单 C-1 科室=城建科 社") == ["社区="])
        // A field by its Chinese name, in a query: only those that start so.
        #expect(complete("find cases where 社").allSatisfy { $0.hasPrefix("社") } && complete("find cases where 社").contains("社区"))
        #expect(complete("case dispatch C-1 dept=城") == ["城建科", "城管科"])
        // Right after the key: its values, not the command's ids (issue 20).
        #expect(complete("case dispatch C-1 dept=") == ["城建科", "城管科", "社会事务科"].sorted())
        #expect(complete("诉求 派单 C-1 科室=") == ["城建科", "城管科", "社会事务科"].sorted())
        #expect(complete("case new x urgency=") == ["complex", "emergency", "normal", "urgent", "一般", "危急", "复杂", "普通", "特急", "紧急"].sorted())
        #expect(complete("case new x community=十") == ["十里堡社区"])
    }

    @Test func insideQueries() {
        #expect(complete("find de") == ["depts"])
        #expect(complete("count 诉") == ["诉求"])
        #expect(complete("find cases where sta").contains("status"))
        #expect(complete("find cases where status = 已").contains("已派单"))
        #expect(complete("find cases where category = 物") == ["物业", "物业费"])
        #expect(complete("find cases where community = 六") == ["六里屯社区"])
        #expect(complete("find cases where overdue and dept = 社") == ["社会事务科"])
    }

    @Test func wordStartIsReturned() {
        let r = completer.complete(line: "find cases where category = 物", cursor: 29)
        #expect(r.wordStart == 28)
    }
}

/// What Tab offers where a file name goes, and when the offer is only part of the truth.
@Suite struct CompleterFilesAndLimitsTests {
    /// Files of a pretend folder; ids as a store would give them, cut at the limit.
    let completer = Completer(
        table: .standard,
        names: { kind, prefix in
            guard kind == .case else { return [] }
            // 20,000 cases: the source gives the first `sourceLimit` whose id starts so.
            return (1...20_000).lazy.map { "C-\($0)" }.filter { $0.hasPrefix(prefix) }.prefix(Completer.sourceLimit).map { $0 }
        },
        files: { prefix in ["工单.csv", "setup.msh", "docs/"].filter { $0.hasPrefix(prefix) } })

    func complete(_ line: String) -> [String] { completer.complete(line: line, cursor: line.count).candidates }

    @Test(arguments: [
        "source ", "replay ", "record on ", "case import ", "import households ", "once ", "output ", "minutes out=",
        "analysis out=", "case export open311 out=", "case export open311 where status=closed out=", "执行 ",
    ])
    func fileNamesWhereAFileGoes(_ line: String) {
        let offered = complete(line)
        #expect(["docs/", "setup.msh", "工单.csv"].allSatisfy(offered.contains), "\(line): \(offered)")
        #expect(offered.allSatisfy { !$0.hasPrefix("C-") })
    }

    @Test func fileNamesByWhatWasTyped() {
        #expect(complete("source se") == ["setup.msh"])
        #expect(complete("case import 工") == ["工单.csv"])
        #expect(complete("replay x.msh ").contains("step"), "after the file, the mode: not files again")
        #expect(!complete("replay x.msh ").contains("setup.msh"))
    }

    @Test func aListCutAtTheLimitIsPartial() {
        let cut = completer.complete(line: "case show C-1", cursor: 13)
        #expect(cut.partial)
        #expect(cut.candidates.first == "C-1" && cut.candidates.count == Completer.sourceLimit, "ids in order of their number")
        let whole = completer.complete(line: "case show C-1999", cursor: 16)
        #expect(!whole.partial)
        #expect(whole.candidates == ["C-1999", "C-19990", "C-19991", "C-19992", "C-19993", "C-19994", "C-19995", "C-19996", "C-19997", "C-19998", "C-19999"])
    }
}

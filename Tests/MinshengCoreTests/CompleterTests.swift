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
        #expect(complete("case dispatch C-1 dept=城") == ["城建科", "城管科"])
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

import MinshengCore
import Testing

@testable import MinshengStore

/// A store with three communities and a dozen cases spread over statuses and dates.
func storeWithCases(_ engine: TestEngine = .sqlite) throws -> SQLStore {
    let store = try freshStore(engine)
    try store.transaction(.writes) {
        for name in ["六里屯社区", "十里堡社区"] {
            _ = try store.insert(.community, ["name": .text(name), "created_at": .text(clock.storage), "created_by": .text("x")])
        }
        _ = try store.insert(.department, ["name": .text("城建科"), "created_at": .text(clock.storage), "created_by": .text("x")])
        let rows: [(String, String, String, Int, Int)] = [
            // title, category, status, community, created days before the clock
            ("楼道灯不亮", "市政设施", "dispatched", 1, 10), ("南门停车难", "停车", "received", 1, 1),
            ("垃圾桶满溢", "环境卫生", "resolved", 2, 3), ("物业不作为", "物业", "in-progress", 2, 8),
            ("噪音扰民", "噪音", "closed", 1, 20), ("电梯故障", "物业", "dispatched", 1, 0),
        ]
        for (title, category, status, community, days) in rows {
            let created = clock.adding(seconds: -days * 86400)
            _ = try store.insert(.case, [
                "title": .text(title), "kind": .text("complaint"), "category": .text(category), "urgency": .text("normal"),
                "source": .text("visit"), "status": .text(status), "community_id": .integer(community), "department_id": .integer(1),
                "created_at": .text(created.storage), "created_by": .text("x"), "respond_due": .text(created.adding(seconds: 86400).storage),
                "resolve_due": .text(created.adding(seconds: 7 * 86400).storage), "updated_at": .text(created.storage),
                "phone": .text("13800001234"),
            ])
        }
    }
    return store
}

func run(_ store: SQLStore, _ text: String) throws -> ResultSet {
    guard case .complete(let lines) = try Lexer(file: "q").lex(text), let line = lines.first else { return ResultSet(columns: [], rows: []) }
    let counting = line.tokens.first?.text == "count"
    var p = QueryParser(tokens: Array(line.tokens.dropFirst()), context: BindingContext(now: clock), end: line.location)
    let q = try p.parse(allowGroups: counting)
    return counting ? try store.count(q, now: clock) : try store.find(q, now: clock)
}

func titles(_ rs: ResultSet) -> [String] { rs.rows.compactMap { $0[1].text } }

@Suite struct QueryStoreTests {
    @Test(arguments: TestEngine.allCases) func operators(_ engine: TestEngine) throws {
        let s = try storeWithCases(engine)
        #expect(titles(try run(s, "find cases where category = 物业")) == ["物业不作为", "电梯故障"])
        #expect(titles(try run(s, "find cases where category != 物业 and status in (received, resolved)")) == ["南门停车难", "垃圾桶满溢"])
        #expect(titles(try run(s, "find cases where title ~ 停车 or title ~ 噪音")) == ["南门停车难", "噪音扰民"])
        #expect(titles(try run(s, "find cases where community = 十里堡社区")) == ["垃圾桶满溢", "物业不作为"])
        #expect(titles(try run(s, "find cases where community = S-2 and not status = 已办结")) == ["物业不作为"])
        #expect(titles(try run(s, "find cases where created >= today-3d order by created")) == ["垃圾桶满溢", "南门停车难", "电梯故障"])
        #expect(titles(try run(s, "find cases where address is empty limit 2 offset 1")) == ["南门停车难", "垃圾桶满溢"])
        #expect(titles(try run(s, "find cases where created = 2019-11")).count == 4)
    }

    @Test(arguments: TestEngine.allCases) func computedFields(_ engine: TestEngine) throws {
        let s = try storeWithCases(engine)
        // due = created + 7d: overdue when created more than 7 days ago and still open.
        #expect(titles(try run(s, "find cases where overdue order by due")) == ["楼道灯不亮", "物业不作为"])
        #expect(titles(try run(s, "find cases where age >= 8 order by age")) == ["物业不作为", "楼道灯不亮", "噪音扰民"])
        #expect(titles(try run(s, "find cases where age >= 8 order by age desc")) == ["噪音扰民", "楼道灯不亮", "物业不作为"])
        #expect(titles(try run(s, "find cases where days-left < 0 and not overdue")) == ["噪音扰民"])
        #expect(titles(try run(s, "find cases where 剩余天数 = 7")) == ["电梯故障"])
    }

    @Test(arguments: TestEngine.allCases) func countBy(_ engine: TestEngine) throws {
        let s = try storeWithCases(engine)
        let rs = try run(s, "count cases by community, status")
        #expect(rs.columns.map(\.name) == ["community", "status", "count"])
        #expect(rs.rows.map { $0.map { $0.text ?? "" } } == [
            ["六里屯社区", "closed", "1"], ["六里屯社区", "dispatched", "2"], ["六里屯社区", "received", "1"],
            ["十里堡社区", "in-progress", "1"], ["十里堡社区", "resolved", "1"],
        ])
        #expect(try run(s, "count cases where status != closed").rows == [[.integer(5)]])
    }

    @Test(arguments: TestEngine.allCases) func injectionLookingValuesAreJustText(_ engine: TestEngine) throws {
        let s = try storeWithCases(engine)
        for evil in ["' or 1=1 --", "\"; DROP TABLE cases; --", "%", "_"] {
            #expect(try run(s, "find cases where title = '\(evil)'").rows.isEmpty)
            #expect(try run(s, "find cases where title ~ \"\(evil.replacingOccurrences(of: "\"", with: "\\\""))\"").rows.isEmpty)
        }
        #expect(try run(s, "count cases").rows == [[.integer(6)]])
    }

    @Test func indexedQueriesUseIndexes() throws {
        let s = try storeWithCases()
        var p = QueryParser(tokens: try lexTokens("cases where status = dispatched and category = 物业 order by due limit 20"), context: BindingContext(now: clock), end: SourceLocation(file: "q", line: 1, column: 1))
        let plan = try s.explain(try p.parse(allowGroups: false), counting: false, now: clock).joined(separator: "\n")
        #expect(plan.contains("USING INDEX cases_by_category_status"))
        #expect(plan.contains("SQL: SELECT") && plan.contains("parameters: "))
    }
}

func lexTokens(_ text: String) throws -> [Token] {
    guard case .complete(let lines) = try Lexer(file: "q").lex(text) else { return [] }
    return lines.first?.tokens ?? []
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

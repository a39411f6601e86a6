import Foundation
import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

/// A session on a fresh in-memory database, clock fixed at 2019-12-03 09:00.
final class CaseSession {
    let store = SQLStore(location: ":memory:")
    let captured = CapturedOutput()
    let interpreter: Interpreter

    init() throws {
        try store.open()
        var session = Session(language: .en, actor: "王强")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        interpreter = Interpreter(session: session, store: store, out: captured, diagnostics: captured)
        interpreter.openTable = CSVFile.open
    }

    /// Runs commands; returns what they printed.
    @discardableResult
    func run(_ script: String) -> String {
        let before = captured.text.count
        _ = interpreter.runScript(LineSource(text: script, name: "test"), options: RunOptions(keepGoing: true))
        return String(captured.text.dropFirst(before))
    }
}

@Suite struct CaseExportTests {
    @Test func open311RecordsReadBackFieldByField() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        s.run(
            """
            dept add 城建科
            community add 六里屯社区
            case new "路灯不亮" category=市政设施 community=六里屯社区 address=十里堡北里3号楼 description="3号楼西侧路灯不亮" phone=13800001234
            case dispatch C-1 dept=城建科
            set now=2019-12-04T10:30
            case resolve C-1 note=已更换灯具
            case new "咨询垃圾分类" kind=consult urgency=urgent
            case export open311 out=\(dir)/all.json
            """)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/all.json"))
        let parsed = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        let records = try #require(parsed)
        #expect(records.count == 2)
        let first = records[0]
        #expect(first["service_request_id"] as? String == "C-1")
        #expect(first["status"] as? String == "closed")
        #expect(first["status_notes"] as? String == "已更换灯具")
        #expect(first["service_name"] as? String == "市政设施")
        #expect(first["service_code"] as? String == "help")
        #expect(first["description"] as? String == "3号楼西侧路灯不亮")
        #expect(first["agency_responsible"] as? String == "城建科")
        #expect(first["requested_datetime"] as? String == "2019-12-03T09:00:00+08:00")
        #expect(first["updated_datetime"] as? String == "2019-12-04T10:30:00+08:00")
        #expect(first["expected_datetime"] as? String == "2019-12-10T09:00:00+08:00")
        #expect(first["address"] as? String == "六里屯社区 十里堡北里3号楼")
        #expect(
            Set(first.keys)
                == Set([
                    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                    "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime", "address",
                ]))
        let second = records[1]
        #expect(second["status"] as? String == "open")
        #expect(second["service_name"] as? String == "咨询")
        #expect(second["service_code"] as? String == "consult")
        #expect(second["description"] as? String == "咨询垃圾分类")
        #expect(second["agency_responsible"] is NSNull)
        #expect(second["status_notes"] is NSNull)
        #expect(second["address"] is NSNull)
        #expect(second["expected_datetime"] as? String == "2019-12-05T10:30:00+08:00")
        let text = try String(contentsOfFile: dir + "/all.json", encoding: .utf8)
        #expect(!text.contains("13800001234") && !text.contains("1234\""))
    }

    @Test func anEmptyExportIsAnEmptyArrayAndAWhereFilters() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        s.run(
            """
            case new a
            case new b urgency=urgent
            case export open311 where status=closed out=\(dir)/none.json
            case export open311 where urgency=urgent out=\(dir)/urgent.json
            """)
        let none = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/none.json"))) as? [Any]
        #expect(none?.count == 0)
        let urgent = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/urgent.json"))) as? [[String: Any]]
        #expect(urgent?.map { $0["service_request_id"] as? String } == ["C-2"])
    }
}

@Suite struct CaseHouseholdTests {
    /// Households come from the organisation commands (another branch); here one is inserted directly.
    @Test func specialGroupTagsShowOnTheCaseAndCanBeQueried() throws {
        let s = try CaseSession()
        s.run("community add 六里屯社区")
        try s.store.transaction(.writes) {
            _ = try s.store.insert(
                .compound,
                ["name": .text("十里堡北里3号楼"), "community_id": .integer(1), "created_at": .text("2019-12-01T09:00:00"), "created_by": .text("x")])
            _ = try s.store.insert(
                .household,
                [
                    "compound_id": .integer(1), "address": .text("3号楼2单元501"), "community_id": .integer(1), "head": .text("王芳"), "phone": .text("13800001234"),
                    "tags": .text("elderly,hardship,frequent-caller"), "created_at": .text("2019-12-01T09:00:00"), "created_by": .text("x"),
                ])
        }
        let out = s.run(
            """
            case new "楼道灯不亮" household=H-1
            case new "噪音" community=六里屯社区
            find cases where groups ~ hardship
            case show C-1
            """)
        #expect(
            out.contains("new case C-1 楼道灯不亮 (normal): respond by 2019-12-04 09:00, resolve by 2019-12-10 09:00\nspecial groups: frequent-caller, hardship\n"))
        #expect(out.contains(" C-1 | 楼道灯不亮 |"))
        #expect(!out.contains(" C-2 | 噪音"))
        #expect(out.contains("  place     六里屯社区 / 十里堡北里3号楼 / 3号楼2单元501 (H-1)\n"))
        #expect(out.contains("  resident  王芳 138****1234\n"))
        #expect(out.contains("  groups    frequent-caller, hardship\n"))
        let wrong = s.run("community add 十里堡社区\ncase new x household=H-1 community=十里堡社区")
        #expect(wrong.contains("error: '十里堡社区' does not match the place given, which is in 六里屯社区"))
        let byCompound = s.run("case new y compound=十里堡北里3号楼\ncase show C-3")
        #expect(byCompound.contains("  place    六里屯社区 / 十里堡北里3号楼\n"), "\(byCompound)")
    }
}

@Suite struct RevealTests {
    @Test func aRevealIsRecorded() throws {
        let s = try CaseSession()
        s.run("set reveal on\nset reveal off")
        let events = try s.store.events(kind: nil, recordID: nil).filter { $0.action == "session.reveal" }
        #expect(events.map { $0.details.map(\.1) } == [["on"], ["off"]])
        #expect(events.first?.actor == "王强")
    }
}

@Suite struct CaseImportTests {
    /// An import fails as a whole: nothing of it remains, and the event log has no trace of it.
    @Test func aFailedImportLeavesNothing() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/w.csv", "工单号,标题\nW-1,路灯\nW-2,\nW-3,噪音\n")
        let out = s.run("case import \(dir)/w.csv")
        #expect(out.contains("\(dir)/w.csv:3:1: error: the title is empty\n"))
        #expect(try s.store.count(Query(kind: .case), now: Timestamp(seconds: 0)).rows == [[.integer(0)]])
        #expect(try s.store.eventCount() == 0)
    }

    /// Many rows stream through one transaction.
    @Test func aLargeFileImports() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        var csv = "工单号,受理时间,标题,紧急程度\n"
        for i in 1...20000 { csv += "W-\(i),2019-12-01 08:00,\"路灯, 第\(i)盏\",\(i % 2 == 0 ? "紧急" : "一般")\n" }
        Files.write(dir + "/big.csv", csv)
        let out = s.run("case import \(dir)/big.csv")
        #expect(out.hasPrefix("imported 20000 work orders from \(dir)/big.csv as C-1 … C-20000"))
        #expect(s.run("count cases where urgency=urgent") == "10000\n")
        #expect(s.run("find cases where work-order = W-20000").contains("路灯, 第20000盏"))
    }
}

@Suite struct CaseExampleTests {
    /// examples/cases.msh must run clean on a fresh database.
    @Test func theCasesExampleRunsClean() throws {
        let s = try CaseSession()
        let source = try LineSource(path: packageRoot + "/examples/cases.msh")
        let ok = s.interpreter.runScript(source)
        #expect(ok, "\(s.captured.text)")
        #expect(!s.captured.text.contains("error:"))
        #expect(s.run("count cases where status=closed") == "4\n")
        #expect(s.run("count cases where reopened > 0") == "1\n")
    }
}

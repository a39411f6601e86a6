import Testing

@testable import MinshengCore

@Suite struct WorkOrderRowsTests {
    let now = Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0)

    @Test func headersMatchInEitherLanguage() throws {
        let c = try WorkOrderColumns(header: ["工单号", "Title", "受理时间", "urgency", "备用"])
        #expect(c.index["work-order"] == 0 && c.index["title"] == 1 && c.index["received"] == 2 && c.index["urgency"] == 3)
        #expect(c.ignored == ["备用"])
        let d = try WorkOrderColumns(header: ["work_order", "TITLE"])
        #expect(d.index["work-order"] == 0)
    }

    @Test func missingOrDoubledColumnsAreRefused() {
        #expect(throws: ScriptError.self) { try WorkOrderColumns(header: ["标题"]) }
        #expect(throws: ScriptError.self) { try WorkOrderColumns(header: ["工单号", "标题", "主题"]) }
    }

    @Test func aGoodRow() throws {
        let c = try WorkOrderColumns(header: ["工单号", "标题", "诉求类型", "紧急程度", "受理时间", "电话"])
        let r = c.read(["W-1", " 路灯不亮 ", "投诉", "紧急", "2019-12-01 08:30", "13800001234"], now: now)
        guard case .success(let o) = r else {
            Issue.record("\(r)")
            return
        }
        #expect(o.number == "W-1" && o.title == "路灯不亮" && o.kind == "complaint" && o.urgency == "urgent")
        #expect(o.received == Timestamp.parse("2019-12-01T08:30") && o.phone == "13800001234")
    }

    @Test func everyProblemOfARowIsReported() throws {
        let c = try WorkOrderColumns(header: ["工单号", "标题", "诉求类型", "紧急程度", "受理时间", "电话"])
        guard case .failure(let e) = c.read(["", "", "抱怨", "很急", "昨天", "x"], now: now) else {
            Issue.record("a bad row must fail")
            return
        }
        #expect(e.problems.count == 6)
        guard case .failure(let short) = c.read(["W-1"], now: now) else {
            Issue.record("a short row must fail")
            return
        }
        #expect(short.problems.map(\.en) == ["expected 6 fields, found 1"])
        guard case .failure(let future) = c.read(["W-2", "t", "", "", "2019-12-04 08:00", ""], now: now) else {
            Issue.record("a time after the clock must fail")
            return
        }
        #expect(future.problems.count == 1)
    }

    @Test func theTitleFallsBackToTheDescription() throws {
        let c = try WorkOrderColumns(header: ["工单号", "标题", "诉求内容"])
        guard case .success(let o) = c.read(["W-1", "", "小区南门外夜间停车难，希望划定临时车位并加强管理"], now: now) else {
            Issue.record("the description should give the title")
            return
        }
        #expect(o.title == "小区南门外夜间停车难，希望划定临时车位并加强管理".prefix(30).description)
    }
}

import MinshengCore
import Testing

@testable import MinshengStore

@Suite struct BulkInsertTests {
    @Test(arguments: TestEngine.allCases) func insertsRowsAndSkipsTakenUniqueValues(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        let columns = ["title", "kind", "urgency", "source", "status", "work_order", "created_at", "created_by", "updated_at", "respond_due", "resolve_due"]
        func row(_ title: String, _ order: String?) -> [StoreValue] {
            let t = StoreValue.text(clock.storage)
            return [.text(title), .text("help"), .text("normal"), .text("hotline"), .text("received"), order.map(StoreValue.text) ?? .null, t, .text("x"), t, t, t]
        }
        let ids = try store.transaction(.writes) { () -> [Int?] in
            let bulk = try store.bulkInsert(.case, columns: columns, unique: "work_order")
            return try [row("a", "W-1"), row("b", "W-2"), row("c", "W-1"), row("d", nil), row("e", nil)].map { try bulk.insert($0) }
        }
        #expect(ids == [1, 2, nil, 3, 4])
        let titles = try store.find(Query(kind: .case), now: clock).rows.map { $0[1] }
        #expect(titles == [.text("a"), .text("b"), .text("d"), .text("e")])
    }
}

@Suite struct CSVRowBoundaryTests {
    func end(_ s: String) -> Int { CSVRowBoundary.lastRowEnd(Array(s.utf8)[...]) }

    @Test func rowsEndAtLineBreaksOutsideQuotes() {
        #expect(end("a,b\nc,d\ne") == 8)
        #expect(end("a,b") == 0)
        #expect(end("a,\"b\nc\"\nd") == 8)
        #expect(end("a,\"b\nc") == 0)
        #expect(end("\"x\"\"\n\",y\nz") == 9)
        #expect(end("a,b\r\nc") == 5)
        // A carriage return at the very end may be followed by a line feed in the next block.
        #expect(end("a,b\nc\r") == 4)
        // A quote inside an unquoted field is text, as the CSV library reads it.
        #expect(end("5\" pipe,x\ny") == 10)
    }

    @Test func countsLineBreaksAndFindsBadUTF8() {
        #expect(CSVRowBoundary.lineBreaks(in: "a\r\nb\nc") == 2)
        #expect(CSVRowBoundary.firstInvalidUTF8(Array("路灯".utf8)[...]) == 6)
        #expect(CSVRowBoundary.firstInvalidUTF8(([0x61, 0x62, 0xFF, 0x63] as [UInt8])[...]) == 2)
    }
}

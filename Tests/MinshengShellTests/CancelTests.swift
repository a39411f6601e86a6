import Foundation
import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

/// Ctrl-C as the interpreter sees it: `isCancelled` turns true part-way through a command.
/// (The signal, the watcher thread and the terminal are in InteractiveTmuxTests.)
@Suite struct CancelTests {
    /// A CSV of `rows` 12345 work orders, all good.
    static func workOrders(_ rows: Int, in dir: String) throws -> String {
        var text = "工单号,受理时间,标题,诉求内容,诉求类型,类别,紧急程度,社区\n"
        for i in 1...rows { text += "GD\(i),2019-12-01 08:30,楼道灯不亮\(i),灯不亮,投诉,物业,一般,六里屯社区\n" }
        let path = dir + "/orders.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Raises the flag once it has been looked at `after` times.
    final class Countdown: @unchecked Sendable {
        var left: Int
        init(after: Int) { left = after }
        func look() -> Bool {
            left -= 1
            return left < 0
        }
    }

    /// Runs `script` with Ctrl-C raised once the flag has been looked at `looks` times.
    static func run(_ s: CaseSession, _ script: String, cancelledAfter looks: Int) -> String {
        let countdown = Countdown(after: looks)
        s.interpreter.isCancelled = { countdown.look() }
        defer { s.interpreter.isCancelled = { false } }
        return s.run(script)
    }

    @Test func anImportCancelledPartWayImportsNothing() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        defer { Files.removeTemporary(dir) }
        let csv = try Self.workOrders(5000, in: dir)
        s.run("community add 六里屯社区")
        // Past the first batch of 2,000 rows, which is already written inside the transaction.
        let out = Self.run(s, "case import \(csv)\necho not run", cancelledAfter: 3000)
        #expect(out.contains("test:1:1: error: cancelled: nothing was changed"), "\(out)")
        #expect(!out.contains("not run"), "Ctrl-C stops the rest of the script, --keep-going or not:\n\(out)")
        #expect(s.run("count cases") == "0\n")
        #expect(s.run("audit verify").contains("intact"))
    }

    @Test func longResultsStopPrintingAtCancel() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        defer { Files.removeTemporary(dir) }
        let csv = try Self.workOrders(3000, in: dir)
        s.run("community add 六里屯社区\ncase import \(csv)")
        // Looked at twice around the command, once before rendering, every thousand rows
        // while rendering, then between chunks of printed lines: Ctrl-C after the first chunk.
        let out = Self.run(s, "find cases", cancelledAfter: 7)
        #expect(out.contains("error: cancelled: the rest of the output was not printed"), "\(out.suffix(300))")
        #expect(!out.contains("(3000 rows)"))
        let printed = out.split(separator: "\n").filter { $0.contains("楼道灯不亮") }.count
        #expect(printed > 0 && printed < 3000, "printed \(printed) rows")
    }

    @Test func aCancelledChangeIsRolledBack() throws {
        let s = try CaseSession()
        // Looked at before the command runs, and again before it commits.
        let out = Self.run(s, "dept add 城建科", cancelledAfter: 1)
        #expect(out.contains("error: cancelled: nothing was changed"), "\(out)")
        #expect(s.run("count depts") == "0\n")
    }
}

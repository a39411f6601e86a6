import Foundation
import MinshengTestSupport
import Testing

/// Ctrl-C on a real terminal, on a database large enough for commands to take a while:
/// a long `find` stops printing, a long import stops with nothing committed, the shell is
/// back at its prompt; in a `-c` run Ctrl-C ends the run with status 130.
@Suite(
    "Ctrl-C in tmux", .serialized)
struct InterruptTmuxTests {
    /// Work orders numbered from `first`, `rows` of them.
    static func writeWorkOrders(_ path: String, first: Int, rows: Int) throws {
        var text = "工单号,受理时间,标题,诉求内容,诉求类型,类别,紧急程度,社区\n"
        text.reserveCapacity(rows * 90)
        for i in first..<(first + rows) { text += "GD\(i),2019-11-01 08:30,楼道灯不亮\(i),灯不亮,投诉,物业,一般,六里屯社区\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A database of 20,000 cases, made by the shell itself, and a file of 100,000 more.
    static func prepare(_ scratch: URL) throws -> (db: String, big: String) {
        let db = scratch.appendingPathComponent("t.db").path
        let small = scratch.appendingPathComponent("small.csv").path
        let big = scratch.appendingPathComponent("big.csv").path
        try writeWorkOrders(small, first: 1, rows: 20_000)
        try writeWorkOrders(big, first: 100_000, rows: 100_000)
        let made = runMinsheng("--db '\(db)' --now 2019-12-03T09:00 -c 'community add 六里屯社区' -c 'case import small.csv'", in: scratch.path)
        guard made.status == 0 else { throw TmuxError(message: "could not make the database: \(made.stderr)") }
        return (db, big)
    }

    static func count(_ db: String) -> String {
        runMinsheng("--db '\(db)' -c 'count cases'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("Ctrl-C stops a long find and a long import, nothing of it committed; Tab on 20,000 cases")
    func ctrlCCancelsTheRunningCommand() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (db, big) = try Self.prepare(scratch)
        // No pager (set, and empty), so the rows scroll past on the terminal itself.
        let pane = try TmuxPane(scratch: scratch, command: [
            "env", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data", "MINSHENG_PAGER=",
            binary.path, "--db", db, "--norc", "--lang", "en", "--now", "2019-12-03T09:00",
        ])
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }

        // 20,000 rows take seconds to print: Ctrl-C once they are scrolling past.
        pane.typeLiteral("find cases")
        pane.press("Enter")
        try pane.waitFor("rows of the find", timeout: 30) { $0.contains { $0.contains("楼道灯不亮") } }
        pane.press("C-c")
        let stopped = try pane.waitFor("the find cancelled and a prompt", timeout: 20) { screen in
            screen.contains { $0.contains("cancelled: the rest of the output was not printed") } && lastLine(screen).hasPrefix("minsheng(t.db)>")
        }
        #expect(!stopped.contains { $0.contains("(20000 rows)") }, "\(screenText(stopped))")

        // An import of 100,000 rows: Ctrl-C once it says how far it has got.
        pane.typeLiteral("case import \(big)")
        pane.press("Enter")
        try pane.waitFor("the import's progress", timeout: 60) { $0.contains { $0.contains("rows read") } }
        pane.press("C-c")
        try pane.waitFor("the import cancelled and a prompt", timeout: 20) { screen in
            screen.contains { $0.contains("cancelled: nothing was changed") } && lastLine(screen).hasPrefix("minsheng(t.db)>")
        }
        pane.typeLiteral("count cases")
        pane.press("Enter")
        try pane.waitFor("the count after the cancelled import") { screen in
            screen.last { $0.contains("count cases") }.map { line in
                screen.drop { $0 != line }.contains { $0.trimmingCharacters(in: .whitespaces) == "20000" }
            } ?? false
        }

        // Tab on 20,000 cases: C-1 is not rewritten as C-19 (what the 200 ids offered share);
        // so many are listed only when asked (y), with … for the others.
        pane.typeLiteral("case show C-1")
        pane.press("Tab")
        try pane.waitFor("the question") { $0.contains { $0.hasPrefix("Display all 200+ possibilities? (y or n)") } }
        pane.typeLiteral("y")
        let listed = try pane.waitFor("the ids listed") { screen in
            screen.contains { $0 == "…" } && lastLine(screen).hasSuffix("case show C-1")
        }
        #expect(listed.contains { $0.contains("C-10 ") || $0.hasPrefix("C-10") }, "\(screenText(listed))")
        pane.press("C-u")
        // A file name completes after case import.
        pane.typeLiteral("case import \(scratch.path)/sma")
        pane.press("Tab")
        try pane.waitFor("the file name completed") { lastLine($0).hasSuffix("/small.csv") }
        pane.press("C-u")

        // At the idle prompt Ctrl-C still only drops the line being typed.
        pane.typeLiteral("dept add 不要")
        pane.press("C-c")
        try pane.waitFor("a fresh prompt") { lastLine($0).hasPrefix("minsheng(t.db)>") && !lastLine($0).contains("不要") }
        #expect(pane.sessionExists(), "Ctrl-C at the prompt must not end the shell")
        pane.press("C-d")
        let deadline = Date().addingTimeInterval(10)
        while pane.sessionExists() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(Self.count(db) == "20000")
        #expect(runMinsheng("--db '\(db)' -c 'count depts'").status == 0)
    }

    @Test("Ctrl-C in a -c run cancels the command, runs nothing more and exits with 130")
    func ctrlCStopsAScriptWith130() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = scratch.appendingPathComponent("t.db").path
        let big = scratch.appendingPathComponent("big.csv").path
        try Self.writeWorkOrders(big, first: 1, rows: 100_000)
        #expect(runMinsheng("--db '\(db)' -c 'community add 六里屯社区'").status == 0)
        let statusFile = scratch.appendingPathComponent("exit-status").path
        let pane = try TmuxPane(scratch: scratch, command: [
            "/bin/sh", "-c", "trap : INT; \"$@\"; echo $? > \"$0\"; sleep 30", statusFile,
            "env", "HOME=\(scratch.path)", binary.path, "--db", db, "--lang", "en",
            "-c", "case import \(big)", "-c", "echo 不应运行",
        ])
        defer { pane.killServer() }
        try pane.waitFor("the import's progress", timeout: 60) { $0.contains { $0.contains("rows read") } }
        pane.press("C-c")
        let deadline = Date().addingTimeInterval(20)
        var status: String?
        while status == nil && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            status = (try? String(contentsOfFile: statusFile, encoding: .utf8)).flatMap { $0.hasSuffix("\n") ? $0 : nil }
        }
        let screen = pane.capture()
        #expect(status?.trimmingCharacters(in: .whitespacesAndNewlines) == "130", "\(screenText(screen))")
        #expect(screen.contains { $0.contains("-c:1:1: error: cancelled: nothing was changed") }, "\(screenText(screen))")
        #expect(!screen.contains { $0.contains("不应运行") })
        #expect(Self.count(db) == "0")
    }
}

import Foundation
import MinshengTestSupport
import Testing

/// Results on a real 80×24 terminal: a table too wide for it is shown one field per line
/// with every value whole, `set truncate on` cuts instead; a result longer than the screen
/// opens in the pager (`less -RSFX` by default, `$MINSHENG_PAGER` first), `set pager off`
/// prints it all; output that is not a terminal is never paged.
@Suite(
    "Wide and long results in tmux", .serialized)
struct WideOutputTmuxTests {
    /// A database of 60 cases, made by the shell itself.
    static func prepare(_ scratch: URL) throws -> String {
        let db = scratch.appendingPathComponent("t.db").path
        let csv = scratch.appendingPathComponent("orders.csv").path
        try InterruptTmuxTests.writeWorkOrders(csv, first: 1, rows: 60)
        let made = runMinsheng("--db '\(db)' --now 2019-12-03T09:00 -c 'community add 六里屯社区' -c 'case import orders.csv'", in: scratch.path)
        guard made.status == 0 else { throw TmuxError(message: "could not make the database: \(made.stderr)") }
        return db
    }

    @Test("80 columns: whole deadlines, one field per line; truncate on cuts; a long find opens in less")
    func wideAndLongResults() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try Self.prepare(scratch)
        let pane = try TmuxPane(
            scratch: scratch,
            command: [
                "env", "-u", "PAGER", "-u", "MINSHENG_PAGER", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data",
                binary.path, "--db", db, "--norc", "--lang", "en", "--now", "2019-12-03T09:00",
            ], columns: 80, rows: 24)
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }

        // The table is 89 columns wide: one field per line, nothing cut.
        pane.typeLiteral("find cases limit 2")
        pane.press("Enter")
        let expanded = try pane.waitFor("two records, one field per line") { screen in
            screen.contains { $0.hasPrefix("-[ RECORD 2 ]") } && lastLine(screen).hasPrefix("minsheng(t.db)>")
        }
        #expect(expanded.contains { $0 == "due       | 2019-11-08 08:30" }, "\(screenText(expanded))")
        #expect(expanded.contains { $0 == "community | 六里屯社区" })
        #expect(!expanded.contains { $0.contains("…") })

        // truncate on: a table cut to the screen, as before.
        pane.typeLiteral("set truncate on; find cases limit 2")
        pane.press("Enter")
        let cut = try pane.waitFor("the cut table") { screen in
            screen.contains { $0.hasPrefix(" C-2 ") } && lastLine(screen).hasPrefix("minsheng(t.db)>")
        }
        let rows = cut.filter { $0.hasPrefix(" C-") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.contains("…") }, "\(screenText(cut))")

        // Sixty records are far more than 24 rows: less shows the first screen.
        pane.typeLiteral("set truncate off; find cases")
        pane.press("Enter")
        let paged = try pane.waitFor("less's prompt") { lastLine($0).hasPrefix(":") }
        #expect(paged.contains { $0.hasPrefix("-[ RECORD 1 ]") }, "\(screenText(paged))")
        #expect(!paged.contains { $0.contains("(60 rows)") })
        pane.press("q")
        try pane.waitFor("the prompt after q") { lastLine($0).hasPrefix("minsheng(t.db)>") }

        // pager off: all of it, to the end.
        pane.typeLiteral("set pager off; find cases")
        pane.press("Enter")
        let all = try pane.waitFor("the whole result") { screen in
            screen.contains { $0.contains("(60 rows)") } && lastLine(screen).hasPrefix("minsheng(t.db)>")
        }
        #expect(all.contains { $0.hasPrefix("-[ RECORD 60 ]") }, "\(screenText(all))")
        pane.press("C-d")
    }

    @Test("$MINSHENG_PAGER comes before $PAGER; pager always pages a short result")
    func minshengPagerFirst() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try Self.prepare(scratch)
        let paged = scratch.appendingPathComponent("paged.txt").path
        let pane = try TmuxPane(
            scratch: scratch,
            command: [
                "env", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data", "MINSHENG_PAGER=cat > '\(paged)'",
                "PAGER=echo not this pager", binary.path, "--db", db, "--norc", "--lang", "en",
            ], columns: 80, rows: 24)
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }
        pane.typeLiteral("find cases")
        pane.press("Enter")
        try pane.waitFor("the prompt after the paged find") { lastLine($0).hasPrefix("minsheng(t.db)>") && $0.count { $0.contains("minsheng(t.db)>") } >= 2 }
        let text = (try? String(contentsOfFile: paged, encoding: .utf8)) ?? ""
        #expect(text.hasPrefix("-[ RECORD 1 ]") && text.hasSuffix("(60 rows)\n"), "\(text.prefix(200))")
        #expect(!pane.capture().contains { $0.contains("not this pager") })

        pane.typeLiteral("set pager always; count cases")
        pane.press("Enter")
        let deadline = Date().addingTimeInterval(10)
        while (try? String(contentsOfFile: paged, encoding: .utf8)) != "60\n" && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect((try? String(contentsOfFile: paged, encoding: .utf8)) == "60\n")
        pane.press("C-d")
    }

    @Test func outputThatIsNotATerminalIsNeverPaged() throws {
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try Self.prepare(scratch)
        let r = runMinsheng("--db '\(db)' -c 'set pager always' -c 'find cases'", env: "MINSHENG_PAGER='echo PAGED'")
        #expect(r.status == 0)
        #expect(!r.stdout.contains("PAGED"))
        #expect(r.stdout.hasSuffix("(60 rows)\n"), "not a terminal: a table, never cut nor expanded")
        #expect(r.stdout.split(separator: "\n").count == 63)
    }
}

import Foundation
import MinshengTestSupport
import Testing

/// Tab on a slot with many candidates asks before listing them all (issue 20), as readline
/// does: `显示全部 N 项？`; anything but y keeps the screen; y lists them.
@Suite("Many completions in tmux", .serialized)
struct CompletionTmuxTests {
    @Test("more than 50 candidates: ask first, in the session's language")
    func asksBeforeListingMany() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try WideOutputTmuxTests.prepare(scratch)
        let pane = try TmuxPane(
            scratch: scratch,
            command: [
                "env", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data", "LANG=zh_CN.UTF-8", binary.path, "--db", db,
                "--norc", "--lang", "zh",
            ], columns: 80, rows: 24)
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }
        pane.typeLiteral("case show C-")
        pane.press("Tab")
        try pane.waitFor("the question") { $0.contains { $0 == "显示全部 60 项？(y 或 n)" } }
        pane.typeLiteral("n")
        let kept = try pane.waitFor("the line back, nothing listed") { screen in
            screen.last { !$0.isEmpty } == "minsheng(t.db)> case show C-"
        }
        #expect(!kept.contains { $0.contains("C-60") }, "\(screenText(kept))")
        pane.press("Tab")
        try pane.waitFor("the question again") { $0.filter { $0 == "显示全部 60 项？(y 或 n)" }.count == 2 }
        pane.typeLiteral("y")
        let listed = try pane.waitFor("all sixty ids") { screen in
            screen.contains { $0.contains("C-60") } && screen.last { !$0.isEmpty } == "minsheng(t.db)> case show C-"
        }
        #expect(listed.contains { $0.hasPrefix("C-1 ") }, "\(screenText(listed))")
    }
}

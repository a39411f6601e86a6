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

/// Ctrl-R searches the history as readline does (issue 20), Chinese included.
@Suite("Reverse history search in tmux", .serialized)
struct ReverseSearchTmuxTests {
    @Test("(reverse-i-search) finds Chinese, again goes older, Enter runs, Esc edits, Ctrl-G cancels")
    func reverseSearch() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pane = try TmuxPane(
            scratch: scratch,
            command: [
                "env", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data", "LANG=zh_CN.UTF-8", binary.path, "--db",
                scratch.appendingPathComponent("t.db").path, "--norc", "--lang", "zh",
            ], columns: 80, rows: 24)
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }
        // Each line once the one before has answered: a line typed ahead is echoed into the
        // previous answer's line on a busy machine, as in any terminal.
        for (line, answer) in [("echo 城建科第一次", "城建科第一次"), ("echo 六里屯", "六里屯"), ("echo 城建科第二次", "城建科第二次")] {
            pane.typeLiteral(line)
            pane.press("Enter")
            try pane.waitFor("the answer \(answer)") { screen in screen.contains { $0 == answer } && screen.last { !$0.isEmpty } == "minsheng(t.db)>" }
        }
        pane.press("C-r")
        pane.typeLiteral("城建")
        try pane.waitFor("the newest match") { $0.contains { $0 == "(reverse-i-search)`城建': echo 城建科第二次" } }
        pane.press("C-r")
        try pane.waitFor("an older match") { $0.contains { $0 == "(reverse-i-search)`城建': echo 城建科第一次" } }
        pane.press("Enter")
        let ran = try pane.waitFor("the match run, shown after the prompt") { screen in
            screen.filter { $0 == "城建科第一次" }.count == 2 && screen.last { !$0.isEmpty } == "minsheng(t.db)>"
        }
        #expect(ran.contains { $0 == "minsheng(t.db)> echo 城建科第一次" }, "\(screenText(ran))")
        pane.press("C-r")
        pane.typeLiteral("六里")
        try pane.waitFor("a match") { $0.contains { $0 == "(reverse-i-search)`六里': echo 六里屯" } }
        pane.press("Escape")
        try pane.waitFor("the match on the line, to edit") { $0.last { !$0.isEmpty } == "minsheng(t.db)> echo 六里屯" }
        pane.press("C-u")
        pane.press("C-r")
        pane.typeLiteral("没有")
        try pane.waitFor("a failed search") { $0.contains { $0 == "(failed reverse-i-search)`没有': " || $0 == "(failed reverse-i-search)`没有':" } }
        pane.press("C-g")
        try pane.waitFor("the empty line back") { $0.last { !$0.isEmpty } == "minsheng(t.db)>" }
    }
}

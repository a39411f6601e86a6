import Foundation
import MinshengCore
import Testing

/// Editing a line that mixes Chinese and ASCII (issue 20): after every key the terminal's own
/// cursor (`#{cursor_x}`, `#{cursor_y}`) must stand where the text before it ends, and the
/// screen must show the line, laid out here from display widths alone. libedit's incremental
/// redraw gets both wrong on such lines (see `EditLineReader+Redisplay.swift`).
@Suite("Cursor and text while editing Chinese, in tmux", .serialized)
struct EditingCursorTmuxTests {
    /// LANG unset (CI, cron), and a Chinese terminal with a Chinese database name, which puts
    /// double-width characters in the prompt too. zh_CN.UTF-8 need not be installed: minsheng
    /// then falls back to C.UTF-8, as it does with LANG unset.
    enum Setting: String, CaseIterable, Sendable {
        case langUnset, zhCN
    }

    static let lines = ["echo 中文ab", "echo a中b文c", "备注 测试中文abc"]

    @Test("insert ASCII, insert Chinese, Backspace and Delete at every position", arguments: Setting.allCases)
    func everyPosition(_ setting: Setting) throws {
        let editing = try LineEditing(setting, columns: 100)
        defer { editing.end() }
        for line in Self.lines { try editing.sweep(line) }
        try editing.runEcho("echo 中文ab")
        #expect(editing.failures.isEmpty, "\(editing.failures.joined(separator: "\n\n"))")
    }

    @Test("kill and yank (Ctrl-K, Ctrl-U, Ctrl-W, Ctrl-Y) and history recall", arguments: Setting.allCases)
    func killYankAndHistory(_ setting: Setting) throws {
        let editing = try LineEditing(setting, columns: 100)
        defer { editing.end() }
        try editing.killAndYank("echo 中文ab一二三 测试x")
        let history = ["echo 中文ab", "echo a中b文c", "echo 测试中文abc一二三四"]
        for line in history { try editing.runEcho(line) }
        try editing.recall(history)
        #expect(editing.failures.isEmpty, "\(editing.failures.joined(separator: "\n\n"))")
    }

    @Test("a line that wraps: every position, kills, and a move up a row")
    func wrappingLine() throws {
        let editing = try LineEditing(.langUnset, columns: 35)
        defer { editing.end() }
        let line = "echo 中文ab一二三四五六七八九十abc测试x中文数据库abc"
        try editing.sweep(line)
        try editing.killAndYank(line)
        // From row 2, column 4, M-b goes to row 1, column 8: libedit moves up, then right by
        // reprinting from column 4 of row 1, which is the second half of 二.
        let words = "b 文一二 b一二中一二a一二 一二xy中a文中文中文xybxy中中一二"
        try editing.start(words)
        editing.pane.press(["C-a"] + Array(repeating: "Right", count: 35))
        try editing.expect("the cursor on row 2", words, cursor: 35)
        editing.pane.press("M-b")
        try editing.expect("M-b up a row", words, cursor: 16)
        // Ctrl-C with the cursor on the first row: the next prompt comes below the whole line.
        editing.pane.press("C-a")
        try editing.expect("Ctrl-A", words, cursor: 0)
        editing.pane.press("C-c")
        let rows = LineEditing.layout(Array(editing.prompt + words), cursor: 0, columns: editing.columns).rows
        let shown = editing.prompt.trimmingCharacters(in: .whitespaces)
        let after = try editing.pane.waitFor("a prompt below the interrupted line") { screen in
            screen.count > rows.count && screen[rows.count] == shown
        }
        #expect(after[..<rows.count].map(LineEditing.trimmed) == rows.map(LineEditing.trimmed), "\(screenText(after))")
        #expect(editing.failures.isEmpty, "\(editing.failures.joined(separator: "\n\n"))")
    }

    @Test("a first row that stays exactly full: nothing is left over below the line")
    func fullFirstRow() throws {
        // At 31 columns both lines fill the first row to its last column. libedit's own redraw
        // of the insert wrote the old second row once more, on a third row it does not know of.
        let editing = try LineEditing(.langUnset, columns: 31)
        defer { editing.end() }
        let line = "二测a测中x 测二b中二测"
        try editing.start(line)
        editing.pane.press("C-a")
        try editing.expect("Ctrl-A", line, cursor: 0)
        editing.pane.typeLiteral("文")
        try editing.expect("'文' typed at 0", "文" + line, cursor: 1)
        #expect(editing.failures.isEmpty, "\(editing.failures.joined(separator: "\n\n"))")
    }
}

/// A minsheng prompt in a tmux pane, and what its screen must show after each key.
final class LineEditing {
    let pane: TmuxPane
    let scratch: URL
    let prompt: String
    let columns: Int
    /// What did not show as it should, with the screen; the test fails on any.
    private(set) var failures: [String] = []
    /// A broken editor fails every check: stop early rather than wait out each one.
    static let enoughFailures = 6

    init(_ setting: EditingCursorTmuxTests.Setting, columns: Int) throws {
        let binary = try tmuxBinary()
        scratch = try tmuxScratch()
        self.columns = columns
        let database = setting == .zhCN ? "民声.db" : "t.db"
        prompt = "minsheng(\(database))> "
        let locale = setting == .zhCN ? ["LANG=zh_CN.UTF-8"] : []
        pane = try TmuxPane(
            scratch: scratch,
            command: ["env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE"] + locale + [
                "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data",
                binary.path, "--db", scratch.appendingPathComponent(database).path, "--norc",
            ] + (setting == .zhCN ? ["--lang", "zh"] : []),
            columns: columns, rows: 24)
        let shown = prompt.trimmingCharacters(in: .whitespaces)
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.hasPrefix(shown) } }
    }

    func end() {
        pane.killServer()
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Clears the screen (the prompt on the first row) and the line, then types `line`.
    func start(_ line: String) throws {
        pane.press(["C-e", "C-u", "C-l"])
        pane.typeLiteral(line)
        try expect("typed", line, cursor: line.count)
    }

    /// At every position: an ASCII letter and a Chinese character typed and rubbed out again,
    /// then the character before the cursor rubbed out and retyped, and the one under it deleted
    /// (Ctrl-D) and retyped. Every key is checked.
    func sweep(_ line: String) throws {
        let chars = Array(line)
        func with<S: Sequence<Character>>(_ text: S) -> String { String(text) }
        try start(line)
        pane.press("C-a")
        try expect("Ctrl-A", line, cursor: 0)
        for p in 0...chars.count {
            if p > 0 {
                pane.press("Right")
                try expect("Right to \(p)", line, cursor: p)
            }
            for typed in ["x", "中"] {
                pane.typeLiteral(typed)
                try expect("'\(typed)' typed at \(p)", with(chars[..<p] + Array(typed) + chars[p...]), cursor: p + 1)
                pane.press("BSpace")
                try expect("Backspace over '\(typed)' at \(p)", line, cursor: p)
            }
            if p > 0 {
                pane.press("BSpace")
                try expect("Backspace at \(p)", with(chars[..<(p - 1)] + chars[p...]), cursor: p - 1)
                pane.typeLiteral(String(chars[p - 1]))
                try expect("'\(chars[p - 1])' retyped at \(p - 1)", line, cursor: p)
            }
            if p < chars.count {
                pane.press("C-d")
                try expect("Ctrl-D at \(p)", with(chars[..<p] + chars[(p + 1)...]), cursor: p)
                pane.typeLiteral(String(chars[p]))
                pane.press("Left")
                try expect("'\(chars[p])' retyped at \(p)", line, cursor: p)
            }
        }
    }

    /// Ctrl-K and Ctrl-W (libedit: the word before the cursor), each yanked back with Ctrl-Y,
    /// at a few positions; then Ctrl-U and Ctrl-Y.
    func killAndYank(_ line: String) throws {
        let chars = Array(line)
        try start(line)
        for p in [1, 5, 6, 8, chars.count / 2 + 1, chars.count - 2] where p < chars.count {
            pane.press(["C-a"] + Array(repeating: "Right", count: p))
            try expect("at \(p)", line, cursor: p)
            pane.press("C-k")
            try expect("Ctrl-K at \(p)", String(chars[..<p]), cursor: p)
            pane.press("C-y")
            try expect("Ctrl-Y after Ctrl-K at \(p)", line, cursor: chars.count)
            pane.press(["C-a"] + Array(repeating: "Right", count: p))
            try expect("back at \(p)", line, cursor: p)
            let start = Self.previousWordStart(chars, from: p)
            pane.press("C-w")
            try expect("Ctrl-W at \(p)", String(chars[..<start] + chars[p...]), cursor: start)
            pane.press("C-y")
            try expect("Ctrl-Y after Ctrl-W at \(p)", line, cursor: p)
        }
        pane.press("C-u")
        try expect("Ctrl-U", "", cursor: 0)
        pane.press("C-y")
        try expect("Ctrl-Y after Ctrl-U", line, cursor: chars.count)
    }

    /// Up through `history` (the newest last) and Down back, each line shown whole with the
    /// cursor at its end; then an edit in the middle of a recalled line.
    func recall(_ history: [String]) throws {
        pane.press(["C-u", "C-l"])
        try expect("an empty line", "", cursor: 0)
        for line in history.reversed() {
            pane.press("Up")
            try expect("Up to '\(line)'", line, cursor: line.count)
        }
        for line in history.dropFirst() {
            pane.press("Down")
            try expect("Down to '\(line)'", line, cursor: line.count)
        }
        let last = Array(history[history.count - 1])
        pane.press(["C-a"] + Array(repeating: "Right", count: 7))
        try expect("inside the recalled line", String(last), cursor: 7)
        pane.typeLiteral("文")
        try expect("'文' typed in the recalled line", String(last[..<7] + ["文"] + last[7...]), cursor: 8)
        pane.press("C-k")
        try expect("Ctrl-K in the recalled line", String(last[..<7] + ["文"]), cursor: 8)
    }

    /// Runs an `echo` line: what it prints is what the buffer held.
    func runEcho(_ line: String) throws {
        try start(line)
        pane.press("Enter")
        let printed = String(line.dropFirst("echo ".count))
        let shown = prompt.trimmingCharacters(in: .whitespaces)
        let screen = try pane.waitFor("'\(line)' run") { screen in
            guard let row = screen.firstIndex(where: { $0.hasPrefix(self.prompt + line) }) else { return false }
            return screen[(row + 1)...].contains { $0.hasPrefix(shown) }
        }
        let echoed = screen.firstIndex { $0.hasPrefix(prompt + line) }.map { screen[$0 + 1] }
        if echoed != printed { failures.append("'\(line)' printed \(echoed ?? "nothing"), not \(printed)") }
    }

    /// Waits until the screen shows the prompt and `text` from its first row, laid out by display
    /// width, nothing on the row after, and the terminal's cursor where `cursor` (a Character
    /// offset) is; records a failure if it never does.
    func expect(_ what: String, _ text: String, cursor: Int) throws {
        let want = Self.layout(Array(prompt + text), cursor: prompt.count + cursor, columns: columns)
        let rows = want.rows.map(Self.trimmed) + [""]
        let deadline = Date().addingTimeInterval(4)
        var seen = pane.captureWithCursor()
        while true {
            if let (screen, x, y) = seen, screen.count >= rows.count,
               screen[..<rows.count].map(Self.trimmed) == rows, x == want.x, y == want.y {
                return
            }
            if Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 0.02)
            seen = pane.captureWithCursor()
        }
        let shown = seen.map { "\(screenText(Array($0.screen.prefix(rows.count + 1))))\ncursor \($0.x),\($0.y)" } ?? "no screen"
        failures.append("\(what): want\n\(rows.joined(separator: "\n"))\ncursor \(want.x),\(want.y)\ngot\n\(shown)")
        if failures.count >= Self.enoughFailures {
            throw TmuxError(message: failures.joined(separator: "\n\n"))
        }
    }

    /// Rows as a terminal shows `text` from the first column: a character two columns wide
    /// that does not fit at the end of a row starts the next one. And where the character at
    /// `cursor` (or the end) stands.
    static func layout(_ text: [Character], cursor: Int, columns: Int) -> (rows: [String], x: Int, y: Int) {
        var rows = [""], x = 0, y = 0
        var at: (x: Int, y: Int)?
        for (i, ch) in text.enumerated() {
            let w = DisplayWidth.of(String(ch))
            if w > 1 && x + w > columns {
                rows.append("")
                (x, y) = (0, y + 1)
            }
            if i == cursor { at = (x, y) }
            rows[y].append(ch)
            x += w
            if x >= columns {
                rows.append("")
                (x, y) = (0, y + 1)
            }
        }
        return (rows, at?.x ?? x, at?.y ?? y)
    }

    static func trimmed(_ row: String) -> String {
        var row = Substring(row)
        while row.last == " " { row.removeLast() }
        return String(row)
    }

    /// Where libedit's Ctrl-W (ed-delete-prev-word) stops: back over what is not a word, then
    /// over a word (letters, Chinese included, digits and `*?_-.[]~=`).
    static func previousWordStart(_ chars: [Character], from p: Int) -> Int {
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || "*?_-.[]~=".contains(c) }
        var i = p
        while i > 0 && !isWord(chars[i - 1]) { i -= 1 }
        while i > 0 && isWord(chars[i - 1]) { i -= 1 }
        return i
    }
}

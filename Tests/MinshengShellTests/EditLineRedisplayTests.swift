import Foundation
import Testing

@testable import MinshengShell

/// The reader's model of libedit's rows, and when it has libedit redraw the line
/// (`EditLineReader+Redisplay.swift`); the tmux tests check the screen itself.
@Suite struct EditLineRedisplayTests {
    init() {
        // wcwidth counts 中 as two columns only in a UTF-8 locale, as the reader sets up.
        setlocale(LC_CTYPE, "C.UTF-8")
    }

    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test("a double-width character that does not fit goes whole to the next row")
    func wideCharacterWraps() {
        // "> " then ab中: at 5 columns 中 would take columns 4 and 5, so it starts row 1.
        let rows = EditLineReader.Layout.rows(prompt: scalars("> "), line: scalars("ab中c"), columns: 5)
        #expect(rows == [0, 0, 1, 1, 1])
        // At 6 columns it fits, and the row is full after it: the end of the line is on row 1.
        #expect(EditLineReader.Layout.rows(prompt: scalars("> "), line: scalars("ab中"), columns: 6) == [0, 0, 0, 1])
        // A tab goes to column 8, the end of an 8-column row.
        #expect(EditLineReader.Layout.rows(prompt: scalars("> "), line: scalars("a\tb"), columns: 8) == [0, 0, 1, 1])
    }

    @Test("redrawn after an edit in the middle of a line with Chinese, not after typing at its end")
    func whenToRedraw() {
        typealias State = EditLineReader.LineState
        func needs(_ old: State, _ new: State, columns: Int = 80) -> Bool {
            EditLineReader.needsRedisplay(from: old, to: new, prompt: scalars("minsheng(t.db)> "), columns: columns)
        }
        let line = scalars("echo 中文ab")
        let inserted = scalars("echo x中文ab")
        #expect(needs(State(text: line, cursor: 5), State(text: inserted, cursor: 6)))
        #expect(!needs(State(text: Array(line.dropLast()), cursor: 8), State(text: line, cursor: 9)))
        #expect(!needs(State(text: scalars("echo ab"), cursor: 5), State(text: scalars("echo xab"), cursor: 6)))
        // Moving the cursor: only a move up a row can go wrong.
        #expect(!needs(State(text: line, cursor: 9), State(text: line, cursor: 5)))
        let long = scalars("echo 中文ab一二三四五六七八九十abc")
        #expect(needs(State(text: long, cursor: 20), State(text: long, cursor: 3), columns: 30))
        #expect(!needs(State(text: long, cursor: 3), State(text: long, cursor: 20), columns: 30))
        // M-x: libedit's own command line reads keys itself.
        #expect(!needs(State(text: line, cursor: 5), State(text: scalars("\n: "), cursor: 3)))
    }

    @Test("after the redraw the cursor goes back by the start of the second row when it is higher up")
    func cursorSteps() {
        let long = scalars("echo 中文ab一二三四五六七八九十abc")
        let prompt = scalars("minsheng(t.db)> ")
        // 16 + 5 + 4 + 2 + 2 = 29 columns up to 一, then 二 does not fit in 30: position 10 starts row 1.
        #expect(EditLineReader.cursorSteps(back: .init(text: long, cursor: 3), prompt: prompt, columns: 30) == [10, 3])
        #expect(EditLineReader.cursorSteps(back: .init(text: long, cursor: 10), prompt: prompt, columns: 30) == [10])
        #expect(EditLineReader.cursorSteps(back: .init(text: long, cursor: 12), prompt: prompt, columns: 30) == [12])
        #expect(EditLineReader.cursorSteps(back: .init(text: long, cursor: 3), prompt: prompt, columns: 80) == [3])
        let place = EditLineReader.Layout.places(prompt: prompt, line: long, columns: 30)
        #expect(place[9] == .init(row: 0, column: 27) && place[10] == .init(row: 1, column: 0))
    }
}

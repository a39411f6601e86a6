import MinshengCore
import Testing

/// Tab completion sees half-typed, odd lines; it must answer, never trap.
@Suite struct CompleterRobustnessTests {
    let completer = Completer(table: .standard) { _, _ in ["城建科"] }

    /// Found by the fuzzer: Tab after a quoted word at the start of a line indexed an
    /// empty list of command words and crashed the interactive shell.
    @Test(arguments: ["\"楼道灯\" ", "“楼道灯” ", "「a」 ", "$x ", "( ", "= ", "，"])
    func aLineThatStartsWithoutACommandWord(_ line: String) {
        let r = completer.complete(line: line, cursor: line.count)
        #expect(r.wordStart <= line.count)
    }

    @Test func everyCursorOfOddLines() {
        for line in ["case new \"楼道\" category=", "find cases where (status = ", "决 yes=王芳，", "e\u{301}🇨🇳 add x=", "set lang=", ""] {
            for cursor in 0...line.count { _ = completer.complete(line: line, cursor: cursor) }
        }
    }
}

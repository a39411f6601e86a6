import Testing

@testable import MinshengShell

/// What Tab does to the line with the candidates it got.
@Suite struct CompletionActionTests {
    func decide(_ line: String, _ candidates: [String], partial: Bool = false) -> CompletionAction {
        let start = line.lastIndex { $0 == " " || $0 == "=" }.map { line.distance(from: line.startIndex, to: $0) + 1 } ?? 0
        return CompletionAction.decide(line: line, cursor: line.count, wordStart: start, candidates: candidates, partial: partial)
    }

    /// The 200 newest ids starting with 1 of 200,000 cases all start with C-199: filling in
    /// what they share rewrote C-1 as C-199. A cut list fills in nothing; it is listed, with
    /// more to come.
    @Test func aPartialListNeverRewritesTheWord() {
        let newest = (199_800...199_999).reversed().map { "C-\($0)" }
        #expect(decide("case show C-1", newest, partial: true) == .list(newest, more: true))
        #expect(decide("case show C-1", newest) == .replace(typed: "C-1", replacement: "C-199"), "the same list, known whole, may be filled in")
    }

    @Test func neverShorterNorDifferent() {
        #expect(decide("find cases where category = 物业", ["物业", "物业费"]) == .list(["物业", "物业费"], more: false))
        #expect(decide("case new x urgency=Nor", ["normal"]) == .replace(typed: "Nor", replacement: "normal "))
        #expect(decide("x ab", ["abc", "abd"]) == .list(["abc", "abd"], more: false), "nothing to add: listed")
        #expect(decide("x a", ["abc", "abd"]) == .replace(typed: "a", replacement: "ab"))
    }

    @Test func aFolderTakesNoSpace() {
        #expect(decide("source do", ["docs/"]) == .replace(typed: "do", replacement: "docs/"))
        #expect(decide("source se", ["setup.msh"]) == .replace(typed: "se", replacement: "setup.msh "))
    }

    /// A completed key takes no space: its value follows, and the next Tab offers the
    /// values, not the command's ids (issue 20: `de`⇥⇥ listed ~1,000 case ids).
    @Test func aKeyTakesNoSpace() {
        #expect(decide("case dispatch C-1 de", ["dept="]) == .replace(typed: "de", replacement: "dept="))
        #expect(decide("诉求 派单 C-1 科", ["科室="]) == .replace(typed: "科", replacement: "科室="))
    }
}

import CEditLine

/// Redraws the whole line after the edits and cursor moves that libedit draws wrong on a line
/// holding Chinese.
///
/// libedit (3.1-20221030 here; NetBSD's refresh.c 1.60 and terminal.c 1.46 of 2024 are the
/// same) keeps an image of the screen, one cell per column, a double-width character followed
/// by a filler cell, and a belief of where the terminal's cursor is. Two of its routines go
/// wrong on fillers, and from then on the belief is a column off:
///
/// - After an edit, `re_update_line` compares the old image with the new one and rewrites only
///   the part between the first difference and the last stretch that is the same. It compares
///   cells, so a filler matches any other filler, and the part can end between a character and
///   its filler: `terminal_overwrite` prints the whole character, two columns on the terminal,
///   and counts one. Its last move to the cursor is relative (`\b`, or reprinting cells) when
///   the distance is four columns or less, absolute beyond: only some positions come out wrong
///   (`echo 中文ab`, Ctrl-A, Right ×5, `x`: the cursor lands one column right of `x`).
/// - `terminal_move_to_char` moves right by up to four columns by reprinting the cells in
///   between. After a move up a row (which keeps the column) the first of them can be a filler
///   of that row: libedit prints nothing for it, counts one, and prints the next character a
///   column early, over half of the character before it. On a line that wraps this garbles the
///   text, not only the cursor.
///
/// Neither the locale, `LC_CTYPE`, `wcwidth`, `ct_visual_width` nor the prompt is at fault:
/// libedit measures every width right, and its full redraw (as after Ctrl-L) is right.
///
/// So the reader has libedit redraw the line from scratch whenever one of those may have
/// happened. libedit calls the function that reads keys between commands, after the last one
/// was drawn, and the reader puts its own in front of libedit's: when the line has changed since
/// the previous read (other than by typing at its end, which libedit's fast path draws right),
/// or the cursor has gone up a row, and a character of width other than one is on the line or in
/// the prompt, it answers that read with `redisplayKey`, bound to a function that returns
/// `CC_REDISPLAY`, and then with `restoreKey` once or twice (`CC_CURSOR`). The redraw is done
/// with the cursor at the end of the line, where the reader also clears the rest of the screen
/// (a wrong redraw may have written a row libedit does not know of); the cursor then goes back
/// without ever moving up and then right: within the last row, or by way of the start of the
/// second row (a carriage return gets there; from the start of a row every move is safe). The
/// next read takes the user's key as usual.
extension EditLineReader {
    /// U+009F and U+009E, C1 control characters: no keyboard or input method sends them, so
    /// binding them takes nothing from the user (libedit binds them to Meta-Ctrl-_ and
    /// Meta-Ctrl-^ as 8-bit bytes).
    static let redisplayKey: wchar_t = 0x9F
    static let restoreKey: wchar_t = 0x9E
    static let redisplayFunctionName = "minsheng-redisplay"
    static let restoreFunctionName = "minsheng-restore-cursor"

    /// The line and the cursor (a Unicode scalar offset, as libedit counts) at one read.
    struct LineState: Equatable {
        var text: [Unicode.Scalar]
        var cursor: Int
    }

    /// Binds the two functions and puts the reader in front of libedit's own key reader.
    func installRedisplay(_ el: OpaquePointer) {
        _ = minsheng_el_addfn(el, Self.redisplayFunctionName, "Redraw the line being edited from scratch", { el, _ in
            // A pasted U+009F (no steps to follow) only redraws, the cursor where it is.
            guard let el, let reader = EditLineReader.from(el), !reader.cursorSteps.isEmpty else { return UInt8(CC_REDISPLAY) }
            reader.moveCursor(el, to: reader.lineState(el).text.count)
            reader.clearBelowLine = true
            return UInt8(CC_REDISPLAY)
        })
        _ = minsheng_el_addfn(el, Self.restoreFunctionName, "Put the cursor back after a redraw", { el, _ in
            // A pasted U+009E with nothing to restore does nothing.
            guard let el, let reader = EditLineReader.from(el), !reader.cursorSteps.isEmpty else { return UInt8(CC_NORM) }
            if reader.clearBelowLine {
                // The cursor is at the end of the line libedit has just drawn: nothing after it is ours.
                reader.writeToTerminal("\u{1B}[J")
                reader.clearBelowLine = false
            }
            reader.moveCursor(el, to: reader.cursorSteps.removeFirst())
            return UInt8(CC_CURSOR)
        })
        _ = minsheng_el_bind_key(el, "\\237", Self.redisplayFunctionName)
        _ = minsheng_el_bind_key(el, "\\236", Self.restoreFunctionName)
        _ = minsheng_el_set_getcfn(el, { el, character in
            guard let el, let character else { return -1 }
            guard let reader = EditLineReader.from(el) else { return minsheng_el_read_builtin(el, character) }
            return reader.readCharacter(el, into: character)
        })
    }

    /// libedit's next key: a redraw key when one is due, else what the user typed.
    private func readCharacter(_ el: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if !pendingKeys.isEmpty {
            character.pointee = pendingKeys.removeFirst()
            return 1
        }
        let now = lineState(el)
        defer { lineSeen = now }
        let prompt = Array((promptText ?? "").unicodeScalars)
        let columns = Int(minsheng_el_columns(el))
        if let seen = lineSeen, Self.needsRedisplay(from: seen, to: now, prompt: prompt, columns: columns) {
            cursorSteps = Self.cursorSteps(back: now, prompt: prompt, columns: columns)
            pendingKeys = cursorSteps.map { _ in Self.restoreKey }
            // A carriage return first: should libedit believe the cursor is in the first column
            // while the terminal has it one further, its redraw would not move there.
            writeToTerminal("\r")
            character.pointee = Self.redisplayKey
            return 1
        }
        return minsheng_el_read_builtin(el, character)
    }

    /// Whether libedit may have drawn the change from `old` to `new` wrong (see above). A line
    /// that starts with a newline is libedit's own `: ` command line (M-x), which reads keys
    /// itself and would take the redraw key as typed: it is left alone. (A statement recalled
    /// from history may hold newlines, never first.)
    static func needsRedisplay(from old: LineState, to new: LineState, prompt: [Unicode.Scalar], columns: Int) -> Bool {
        guard old != new, old.text.first != "\n", new.text.first != "\n",
              hasOddWidth(prompt) || hasOddWidth(old.text) || hasOddWidth(new.text)
        else { return false }
        if old.text != new.text {
            let typedAtEnd = old.cursor == old.text.count && new.cursor == new.text.count && new.text.starts(with: old.text)
            return !typedAtEnd
        }
        let rows = Layout.rows(prompt: prompt, line: new.text, columns: columns)
        guard old.cursor < rows.count, new.cursor < rows.count else { return true }
        return rows[new.cursor] < rows[old.cursor]
    }

    /// The positions the cursor goes to, in turn, from the end of the line after the redraw,
    /// the last being its own: straight back when it is on the last row, else first to the
    /// start of the second row.
    static func cursorSteps(back state: LineState, prompt: [Unicode.Scalar], columns: Int) -> [Int] {
        let places = Layout.places(prompt: prompt, line: state.text, columns: columns)
        guard let end = places.last, state.cursor < places.count, places[state.cursor].row < end.row,
              let start = places.firstIndex(where: { $0.row > 0 && $0.column == 0 }), start != state.cursor
        else { return [state.cursor] }
        return [start, state.cursor]
    }

    /// A character that does not take exactly one column: double-width (Chinese), zero-width
    /// (combining) or unprintable. ASCII is decided without asking the C library.
    static func hasOddWidth(_ text: [Unicode.Scalar]) -> Bool {
        text.contains { !($0.isASCII && $0.value >= 0x20 && $0.value < 0x7F) && Layout.width(of: $0) != 1 }
    }

    /// The line and cursor as libedit has them (`el_line` gives UTF-8 bytes).
    func lineState(_ el: OpaquePointer) -> LineState {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar
        else { return LineState(text: [], cursor: 0) }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(0, last - buffer))
        let before = min(max(0, cursor - buffer), bytes.count)
        return LineState(text: Array(String(decoding: bytes, as: UTF8.self).unicodeScalars),
                         cursor: String(decoding: bytes.prefix(before), as: UTF8.self).unicodeScalars.count)
    }

    /// How many rows of the line being edited are below the cursor's.
    func rowsBelowCursor(_ el: OpaquePointer) -> Int {
        let state = lineState(el)
        let rows = Layout.rows(prompt: Array((promptText ?? "").unicodeScalars), line: state.text,
                                       columns: Int(minsheng_el_columns(el)))
        guard let last = rows.last, state.cursor < rows.count else { return 0 }
        return max(0, last - rows[state.cursor])
    }

    /// Moves libedit's cursor to a scalar offset (`el_cursor` moves relative to where it is).
    func moveCursor(_ el: OpaquePointer, to index: Int) {
        _ = el_cursor(el, Int32(index - lineState(el).cursor))
    }
}

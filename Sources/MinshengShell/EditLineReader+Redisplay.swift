import CEditLine

/// Redraws the whole line after an edit that libedit's incremental redraw gets wrong.
///
/// libedit (checked with 3.1-20221030 and NetBSD refresh.c 1.60) keeps an image of the
/// screen, one cell per column, a double-width character followed by a filler cell. After
/// an edit, `re_update_line` compares the old image with the new one and rewrites only the
/// part between the first difference and the last stretch that is the same. That comparison
/// works on cells and matches a filler cell with any other filler cell, so the rewritten part
/// can end between a Chinese character and its filler (or start on a filler). libedit then
/// prints the whole character, two columns on the terminal, but counts one (or prints nothing
/// for the filler and counts one), and from there on believes the cursor is a column left
/// (right) of where the terminal has it. Its last move to the cursor is relative (a `\b`, or
/// reprinting cells) when the distance is four columns or less, absolute beyond, which is why
/// only some positions come out wrong. Neither the locale, `LC_CTYPE`, `wcwidth`,
/// `ct_visual_width` nor the prompt is at fault: libedit measures every width right, and a
/// full redraw (Ctrl-L) is always right.
///
/// So the reader asks for a full redraw after every such edit. libedit lets a key function
/// return `CC_REDISPLAY` (clear the line's rows, redraw them from scratch), and lets us replace
/// the function it reads characters with, which it calls between commands, after the last
/// one's redraw. When the line has changed since the previous read and a character of width
/// other than one is involved, the reader answers that read with `redisplayKey`, bound to a
/// function returning `CC_REDISPLAY`; the next read takes the user's key as usual. Typing at
/// the end of the line (the new line only adds to the old) is left to libedit's fast path,
/// which never splits a character.
extension EditLineReader {
    static let redisplayFunctionName = "minsheng-redisplay"
    /// U+009F, a C1 control character: no keyboard or input method sends it, so binding it
    /// takes nothing from the user (libedit's own binding for it is Meta-Ctrl-_ as an 8-bit byte).
    static let redisplayKey: wchar_t = 0x9F
    /// `redisplayKey` in libedit's key notation (octal).
    static let redisplayKeyName = "\\237"

    /// Binds the redraw function and puts the reader in front of libedit's own.
    func installRedisplay(_ el: OpaquePointer) {
        _ = minsheng_el_addfn(el, Self.redisplayFunctionName, "Redraw the line being edited from scratch", { _, _ in
            UInt8(CC_REDISPLAY)
        })
        _ = minsheng_el_bind_key(el, Self.redisplayKeyName, Self.redisplayFunctionName)
        _ = minsheng_el_set_getcfn(el, { el, character in
            guard let el, let character else { return -1 }
            guard let reader = EditLineReader.from(el) else { return minsheng_el_read_builtin(el, character) }
            return reader.readCharacter(el, into: character)
        })
    }

    /// libedit's next character: `redisplayKey` when the last command left a line that must be
    /// redrawn, else what the user typed.
    private func readCharacter(_ el: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        let line = currentLine(el)
        defer { lineSeen = line }
        if let seen = lineSeen, Self.needsRedisplay(from: seen, to: line) {
            // A carriage return first: should libedit believe the cursor already is in the first
            // column while the terminal has it one further, its redraw would not move there.
            writeToTerminal("\r")
            character.pointee = Self.redisplayKey
            return 1
        }
        return minsheng_el_read_builtin(el, character)
    }

    /// Whether going from `old` to `new` may have left libedit's screen wrong: the line changed
    /// other than by adding at its end, and either holds a character not one column wide. A
    /// line holding a newline is libedit's own `: ` command line (M-x), never redrawn.
    static func needsRedisplay(from old: String, to new: String) -> Bool {
        guard old != new, !new.hasPrefix(old), !old.contains("\n"), !new.contains("\n") else { return false }
        return hasOddWidth(old) || hasOddWidth(new)
    }

    /// A character that does not take exactly one column: double-width (Chinese), zero-width
    /// (combining) or unprintable. ASCII is looked at first, without asking the C library.
    static func hasOddWidth(_ text: String) -> Bool {
        text.unicodeScalars.contains { !$0.isASCII && minsheng_wcwidth(wchar_t(bitPattern: $0.value)) != 1 }
    }
}

import CEditLine
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-R as readline users know it: `(reverse-i-search)'query': match`, the newest match
/// first, Chinese typed through an input method included. Ctrl-R again goes further back,
/// Backspace shortens the query, Enter runs the match, Esc (or any other control key) puts
/// it on the line to edit, Ctrl-G gives the line back as it was.
extension EditLineReader {
    static let searchFunctionName = "minsheng-reverse-search"

    func reverseSearch(_ el: OpaquePointer) -> UInt8 {
        let original = currentLine(el)
        let entries = historyEntries()
        var query = "", at = entries.count
        var match: String?
        func search(before start: Int) -> Bool {
            guard !query.isEmpty else { return true }
            var i = min(start, entries.count) - 1
            while i >= 0 {
                if entries[i].contains(query) {
                    (at, match) = (i, entries[i])
                    return true
                }
                i -= 1
            }
            return false
        }
        var found = true
        while true {
            let shown = VisibleText.escape((match ?? "").replacingAll("\n", with: " "))
            writeToTerminal("\r\u{1B}[K" + (found ? "(reverse-i-search)`" : "(failed reverse-i-search)`") + VisibleText.escape(query) + "': " + shown)
            var ch: wchar_t = 0
            guard el_wgetc(el, &ch) == 1 else { return restore(el, original) }
            switch ch {
            case 18:  // Ctrl-R: the next older match
                found = search(before: at)
            case 7, 3:  // Ctrl-G, Ctrl-C: nothing changes
                return restore(el, original)
            case 127, 8:  // Backspace: a shorter query, searched again from the newest
                if !query.isEmpty { query.removeLast() }
                (at, match) = (entries.count, nil)
                found = search(before: entries.count)
            case 13, 10:  // Enter: run the match, shown after the prompt as if typed
                let line = match ?? original
                writeToTerminal("\r\u{1B}[K" + (promptText ?? "") + VisibleText.escape(line, keepingLines: true) + "\n")
                setLine(el, line)
                return UInt8(CC_NEWLINE)
            default:
                guard ch >= 32, let scalar = Unicode.Scalar(UInt32(ch)) else {
                    // Esc, an arrow, another control key: the match goes on the line to edit.
                    return restore(el, match ?? original)
                }
                query.unicodeScalars.append(scalar)
                found = search(before: match == nil ? entries.count : at + 1)
            }
        }
    }

    /// Clears the search line and leaves `line` in the buffer, the cursor at its end.
    private func restore(_ el: OpaquePointer, _ line: String) -> UInt8 {
        writeToTerminal("\r\u{1B}[K")
        setLine(el, line)
        return UInt8(CC_REDISPLAY)
    }

    func currentLine(_ el: OpaquePointer) -> String {
        guard let info = el_line(el)?.pointee, let buffer = info.buffer, let last = info.lastchar else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: max(0, last - buffer)), as: UTF8.self)
    }

    /// Replaces the whole edit buffer (libedit counts wide characters: scalars on Linux).
    func setLine(_ el: OpaquePointer, _ line: String) {
        let old = currentLine(el)
        _ = el_cursor(el, Int32(old.unicodeScalars.count))
        el_deletestr(el, Int32(old.unicodeScalars.count))
        if !line.isEmpty { _ = el_insertstr(el, line) }
    }
}

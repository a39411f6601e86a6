import CEditLine

/// What Tab should do to the line, decided without touching the terminal so the
/// rules can be tested on their own.
enum CompletionAction: Equatable {
    /// Replace the typed part of the word (`typed`) with `replacement`.
    case replace(typed: String, replacement: String)
    /// Nothing more can be typed for the user: show these candidates (`more`: and others).
    case list([String], more: Bool)
    /// No candidates at all.
    case beep

    /// - Parameters:
    ///   - line: the whole line being edited.
    ///   - cursor: the cursor, as a Character offset into `line`.
    ///   - wordStart: where the word being completed starts (Character offset).
    ///   - candidates: full words the word could become.
    ///   - partial: whether the candidates may be only some of them (a source's list was cut
    ///     at its limit). Then what they share says nothing about the others, so nothing is
    ///     filled in: on 200,000 cases `C-1` must not become `C-199` because the 200 ids
    ///     offered all start so.
    static func decide(line: String, cursor: Int, wordStart: Int, candidates: [String], partial: Bool = false) -> CompletionAction {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        let start = min(max(wordStart, 0), end)
        let typed = String(characters[start..<end])
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0).inserted }
        guard let first = unique.first else { return .beep }
        if partial { return .list(unique, more: true) }
        if unique.count == 1 {
            // A finished word gets a space, unless one is already there to move over, or it
            // is a folder (its files come next) or a key (`dept=`: its value comes next, and
            // the next Tab offers the values).
            let spaceFollows = end < characters.count && characters[end].isWhitespace
            let continues = first.hasSuffix("/") || first.hasSuffix("=") || first.hasSuffix("＝")
            return .replace(typed: typed, replacement: spaceFollows || continues ? first : first + " ")
        }
        // Never a shorter or different word than the one typed: only what every candidate
        // adds to it (compared case-blind, as candidates are matched).
        let common = unique.dropFirst().reduce(first) { longestCommonPrefix($0, $1) }
        if common.count > typed.count && common.lowercased().hasPrefix(typed.lowercased()) {
            return .replace(typed: typed, replacement: common)
        }
        return .list(unique, more: false)
    }

    /// Compared by Character, so a shared prefix never ends inside a Chinese character.
    static func longestCommonPrefix(_ a: String, _ b: String) -> String {
        var result = ""
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            result.append(x)
        }
        return result
    }
}

/// Lays candidates out in columns, filled top to bottom like `ls`, aligned by
/// display width so that Chinese (two columns per character) lines up.
enum CompletionColumns {
    /// Columns a string occupies on the terminal.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + max(0, Int(minsheng_wcwidth(wchar_t(bitPattern: scalar.value))))
        }
    }

    /// The candidates as lines (each ending in "\n") fitting `terminalWidth`.
    static func format(_ candidates: [String], terminalWidth: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let gap = 2
        let widths = candidates.map(displayWidth)
        let cellWidth = (widths.max() ?? 0) + gap
        let columns = max(1, (max(terminalWidth, 1) + gap) / cellWidth)
        let rows = (candidates.count + columns - 1) / columns
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let isLast = column == columns - 1 || index + rows >= candidates.count
                line += candidates[index]
                if !isLast { line += String(repeating: " ", count: cellWidth - widths[index]) }
            }
            output += line + "\n"
        }
        return output
    }
}

extension EditLineReader {
    /// The Tab handler: asks the completion source and edits the line.
    ///
    /// `el_line` gives UTF-8 byte pointers, while the source speaks Characters and
    /// `el_deletestr` counts wide characters (Unicode scalars on Linux): each is
    /// converted at its boundary here.
    func completeAtCursor(_ el: OpaquePointer) -> UInt8 {
        guard let completion, let info = el_line(el)?.pointee,
              let buffer = info.buffer, let cursor = info.cursor, let last = info.lastchar
        else { return UInt8(CC_REFRESH_BEEP) }
        let length = max(0, last - buffer)
        let cursorBytes = min(max(0, cursor - buffer), length)
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        let cursorCharacters = String(decoding: bytes.prefix(cursorBytes), as: UTF8.self).count

        let (wordStart, candidates, partial) = completion.complete(line: line, cursor: cursorCharacters)
        switch CompletionAction.decide(line: line, cursor: cursorCharacters,
                                       wordStart: wordStart, candidates: candidates, partial: partial) {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let typed, let replacement):
            let insertion: Substring
            if replacement.hasPrefix(typed) {
                insertion = replacement.dropFirst(typed.count)
            } else {
                el_deletestr(el, Int32(typed.unicodeScalars.count))
                insertion = Substring(replacement)
            }
            if !insertion.isEmpty && el_insertstr(el, String(insertion)) != 0 {
                return UInt8(CC_REFRESH_BEEP)  // the line buffer is full
            }
            return UInt8(CC_REFRESH)
        case .list(let all, let more):
            // Many candidates: ask first, as readline does ("Display all 1010
            // possibilities?"); anything but y keeps the screen as it was.
            if all.count > Self.askBeyond {
                let count = more ? "\(all.count)+" : "\(all.count)"
                writeToTerminal(
                    language == .zh ? "\n显示全部 \(count) 项？(y 或 n) " : "\nDisplay all \(count) possibilities? (y or n) ")
                var answer: CChar = 0
                let got = el_getc(el, &answer)
                guard got == 1, answer == CChar(UInt8(ascii: "y")) || answer == CChar(UInt8(ascii: "Y")) else {
                    writeToTerminal("\n")
                    return UInt8(CC_REDISPLAY)
                }
            }
            let width = Int(minsheng_el_columns(el))
            writeToTerminal("\n" + CompletionColumns.format(all, terminalWidth: width > 0 ? width : 80) + (more ? "…\n" : ""))
            return UInt8(CC_REDISPLAY)
        }
    }
}

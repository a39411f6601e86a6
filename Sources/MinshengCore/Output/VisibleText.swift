/// Text that may reach a terminal: control characters and invisible formatting characters
/// (bidi overrides, zero-width spaces) shown as escapes, so stored text cannot clear the
/// screen, colour it, move the cursor or reorder what a reader sees.
///
/// Every text output goes through `escape` (tables, lines, Markdown, prose, errors); CSV
/// stays exact and JSON escapes the same characters as `\uXXXX`. On input the lexer and
/// the CSV importers refuse these characters (`hidden`), so nothing new can carry them.
public enum VisibleText {
    /// A scalar that must not reach a terminal raw: C0 and C1 controls, DEL, and the
    /// invisible formatting characters (bidi embeddings, overrides and isolates, marks,
    /// zero-width spaces and joiners, word joiner, invisible operators, BOM, tags).
    public static func isHidden(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E, 0x3164, 0xFEFF, 0xFFA0: return true
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F: return true
        case 0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    /// A hidden scalar that input may not hold: all but the tab and the line ends.
    public static func isRefused(_ u: Unicode.Scalar) -> Bool {
        u != "\n" && u != "\r" && u != "\t" && isHidden(u)
    }

    /// A C0 or C1 control (or DEL), as opposed to an invisible formatting character.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value)
    }

    /// Whether `s` holds any hidden scalar (fast for the usual text).
    public static func containsHidden(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isHidden)
    }

    /// `s` with each hidden scalar written as an escape (`\e`, `\u202E`); with
    /// `keepingLines`, newlines and tabs stay as they are (prose, help, minutes).
    public static func escape(_ s: String, keepingLines: Bool = false) -> String {
        guard containsHidden(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if keepingLines && (u == "\n" || u == "\t") || !isHidden(u) {
                out.append(u)
            } else {
                out.append(contentsOf: name(u).unicodeScalars)
            }
        }
        return String(out)
    }

    /// The escape that stands for a hidden scalar: `\e`, `\n`, `\u200B`.
    public static func name(_ u: Unicode.Scalar) -> String {
        switch u {
        case "\u{1B}": return "\\e"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        case "\u{00}": return "\\0"
        default: return codePoint(u, prefix: "\\u")
        }
    }

    /// `U+202E`, `\u202E`: four hex digits at least, upper case.
    public static func codePoint(_ u: Unicode.Scalar, prefix: String = "U+") -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// What a text value may be before it is stored: no control or invisible characters
/// (tabs and line breaks are fine) and at most `maximumLength` characters, so a stray
/// paste cannot store a megabyte or a name that looks like another. Applied to every
/// typed value and every imported CSV field.
public enum StoredText {
    /// Characters in one value: far more than any title, name or description needs.
    public static let maximumLength = 4000

    /// Why `s` cannot be stored as `name=`, or nil when it can.
    public static func problem(_ s: String, named name: String) -> Localized? {
        if let u = s.unicodeScalars.first(where: VisibleText.isRefused) {
            let shown = VisibleText.name(u), code = VisibleText.codePoint(u)
            return VisibleText.isControl(u)
                ? Localized(en: "\(name) has a control character \(shown) (\(code))", zh: "\(name) 含有控制字符 \(shown)（\(code)）")
                : Localized(en: "\(name) has an invisible character \(code)", zh: "\(name) 含有不可见字符 \(code)")
        }
        if s.utf8.count > maximumLength, s.count > maximumLength {
            return Localized(
                en: "\(name) is \(s.count) characters long; at most \(maximumLength) are allowed",
                zh: "\(name) 长 \(s.count) 个字符，最多允许 \(maximumLength) 个")
        }
        return nil
    }
}

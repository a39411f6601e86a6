extension PhoneMask {
    /// The fields people write sentences into, where a resident's number may be typed:
    /// shown with numbers masked unless revealed (an id, a seed or a count is not).
    public static let freeTextFields: Set<String> = ["title", "description", "note", "reason", "outcome", "address", "contact", "filter"]

    /// Masks every phone-like number inside free text — a command as typed, the source
    /// line an error points into, a line kept in the history file.
    ///
    /// The change log keeps each command exactly as it was typed, phone numbers
    /// included, so the hash chain stays verifiable; whoever reads it back (`audit`,
    /// `history`, an error's echo of the line) sees the numbers masked unless
    /// `set reveal on`. A number is phone-like (`isPhoneLike`) when a run of digit groups holds
    /// 7 to 12 digits, the groups joined by one or two of `-`, `.`, a space or `)` (an optional
    /// leading `+`): `13800001234`, `010-8586 1234`, `010 6543 2109`, `(010) 6543-2109`,
    /// `+86 138 0013 8000`. Dates (`2019-12-03`, and the time after one) and longer runs
    /// (a mistyped count like `members=9223372036854775807`) are left alone.
    /// `keepingLength` masks character for character, so a caret under the line still
    /// points at the right column.
    public static func maskNumbers(in text: String, keepingLength: Bool = false) -> String {
        var out = ""
        var run = ""
        // Separators seen after the run's last digit: part of the run if a digit follows.
        var gap = ""
        func flush() {
            if isPhoneLike(run) {
                out += keepingLength ? maskKeepingLength(run) : mask(run)
            } else {
                out += run
            }
            run = ""
            out += gap
            gap = ""
        }
        // A hex digest (a head, a seal: 16 or more hex digits with letters among them) is
        // not a number, whatever digit runs it holds.
        let digests = hexDigestPositions(text)
        for (i, c) in text.enumerated() {
            if digests.contains(i) {
                flush()
                out.append(c)
            } else if c.isASCIIDigit {
                run += gap
                gap = ""
                run.append(c)
            } else if c == "+" && run.isEmpty && gap.isEmpty {
                run.append(c)
            } else if !run.isEmpty && gap.count < 2 && (c == "-" || c == " " || c == "." || c == ")" || c == "）")
                && !(c == " " && isDate(run))
            {
                gap.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// The positions (in characters) of every hex digest in `text`: a word of 16 or more
    /// hex digits, with both digits and letters.
    static func hexDigestPositions(_ text: String) -> Set<Int> {
        var out = Set<Int>(), start = 0, letters = false, digits = false, hex = true, length = 0
        func end(at i: Int) {
            if length >= 16 && hex && letters && digits { out.formUnion(start..<i) }
            length = 0
            letters = false
            digits = false
            hex = true
        }
        for (i, c) in text.enumerated() {
            guard c.isASCII && (c.isLetter || c.isNumber) else {
                end(at: i)
                continue
            }
            if length == 0 { start = i }
            length += 1
            if c.isNumber { digits = true } else { letters = true }
            if !c.isHexDigit { hex = false }
        }
        end(at: text.count)
        return out
    }

    /// `010-85861234` → `010-****1234`: the first three and last four kept, the rest starred.
    static func maskKeepingLength(_ run: String) -> String {
        let chars = Array(run)
        return String(chars.enumerated().map { i, c in i < 3 || i >= chars.count - 4 || !c.isASCIIDigit ? c : "*" })
    }

    /// A run of digit groups that may be a phone number: 7 to 12 digits (a local landline,
    /// a mobile, a landline with its area code, or one of them mistyped by a digit), a
    /// mobile after 86, or 7 to 15 digits after `+`. A 12345 work order
    /// (`12345-1201-0002`, 13 digits), a date or a long count is not one.
    static func isPhoneLike(_ run: String) -> Bool {
        guard !isDate(run) else { return false }
        var digits = Substring(run.filter(\.isASCIIDigit))
        if run.hasPrefix("+") { return (7...15).contains(digits.count) }
        if digits.count == 13, digits.hasPrefix("861") { digits = digits.dropFirst(2) }
        return (7...12).contains(digits.count)
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD-…`: a date, not a phone number.
    static func isDate(_ run: String) -> Bool {
        let parts = run.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2
    }
}

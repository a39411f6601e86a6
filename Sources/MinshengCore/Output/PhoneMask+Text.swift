extension PhoneMask {
    /// Masks every phone-like number inside free text — a command as typed, the source
    /// line an error points into.
    ///
    /// The change log keeps each command exactly as it was typed, phone numbers
    /// included, so the hash chain stays verifiable; whoever reads it back (`audit`,
    /// `history`, an error's echo of the line) sees the numbers masked unless
    /// `set reveal on`. A number is phone-like when a run of digits and `-` (an
    /// optional leading `+`) holds 7 to 18 digits; dates (`2019-12-03`) and longer
    /// runs (a mistyped count like `members=9223372036854775807`) are left alone.
    /// `keepingLength` masks character for character, so a caret under the line
    /// still points at the right column.
    public static func maskNumbers(in text: String, keepingLength: Bool = false) -> String {
        var out = ""
        var run = ""
        func flush() {
            let digits = run.filter(\.isASCIIDigit).count
            if (7...18).contains(digits) && !isDate(run) {
                out += keepingLength ? maskKeepingLength(run) : mask(run)
            } else {
                out += run
            }
            run = ""
        }
        for c in text {
            if c.isASCIIDigit || (c == "-" && !run.isEmpty) || (c == "+" && run.isEmpty) {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    /// `010-85861234` → `010-****1234`: the first three and last four kept, the rest starred.
    static func maskKeepingLength(_ run: String) -> String {
        let chars = Array(run)
        return String(chars.enumerated().map { i, c in i < 3 || i >= chars.count - 4 || c == "-" ? c : "*" })
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DD-…`: a date, not a phone number.
    static func isDate(_ run: String) -> Bool {
        let parts = run.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2
    }
}

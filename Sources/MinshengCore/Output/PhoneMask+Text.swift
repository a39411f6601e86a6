extension PhoneMask {
    /// Masks every phone-like number inside free text — a command as typed, a note.
    ///
    /// The change log keeps each command exactly as it was typed, phone numbers
    /// included, so the hash chain stays verifiable; whoever reads it back (`audit`,
    /// `history`) sees the numbers masked unless `set reveal on`. A number is
    /// phone-like when a run of digits and `-` (an optional leading `+`) holds 7 or
    /// more digits; dates (`2019-12-03`) are left alone.
    public static func maskNumbers(in text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            let digits = run.filter(\.isASCIIDigit).count
            out += digits >= 7 && !isDate(run) ? mask(run) : run
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

    /// `YYYY-MM-DD` or `YYYY-MM-DD-…`: a date, not a phone number.
    static func isDate(_ run: String) -> Bool {
        let parts = run.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2
    }
}

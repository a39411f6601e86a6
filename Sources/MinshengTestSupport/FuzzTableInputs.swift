import MinshengCore

/// Inputs built from the command table itself: every command's example, then the same
/// example with each of its options (and a last positional value) set to the extremes a
/// typed value can take — the largest and smallest whole numbers, durations that overflow,
/// dates at the ends of the calendar, empty and very long text. Random mutation rarely
/// hits a given option with a given extreme; this hits every one.
public enum FuzzTableInputs {
    static let extremes: [String] = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "0", "-1", "1e9",
        "9223372036854775807d", "153722867280912930h", "0m", "2562047788015216w",
        "9999-12-31", "0001-01-01", "-001-01-01", "2019-02-29", "today+9223372036854775807d", "today-106751991167300d",
        "9999-12-31T23:59", "0000-01-01T00:00", "\"\"", String(repeating: "长", count: 5000), "$_", "C-9223372036854775807",
    ]

    public static func all(_ table: CommandTable = .standard) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for spec in table.commands {
            out.append(Array(spec.example.utf8))
            for p in spec.options {
                // The example without its own value for this option, then the extreme one.
                let kept = spec.example.split(separator: " ").filter { !$0.hasPrefix(p.name + "=") }.joined(separator: " ")
                for v in extremes { out.append(Array("\(kept) \(p.name)=\(v)".utf8)) }
            }
            if !spec.arguments.isEmpty {
                let name = spec.words.joined(separator: " ")
                for v in extremes { out.append(Array("\(name) \(v)".utf8)) }
            }
        }
        // Queries: every limit, offset and comparison with the same extremes.
        for v in extremes {
            for q in [
                "find cases limit \(v)", "find cases limit 1 offset \(v)", "count cases where created >= \(v)", "find cases where due < \(v)",
                "find households where phone ~ \(v)", "check count cases = \(v)", "audit limit=\(v)", "find cases where overdue > \(v)",
            ] {
                out.append(Array(q.utf8))
            }
        }
        return out
    }
}

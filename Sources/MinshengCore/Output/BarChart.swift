/// Horizontal bar charts drawn with block characters, for the terminal.
///
/// A bar is measured in eighths of a column (`▏▎▍▌▋▊▉█`), so 30 columns show 240 steps;
/// labels are padded by display width, so Chinese labels line up with Latin ones.
public enum BarChart {
    /// One bar: its label, its value, and what is said after the value (a change, a share).
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public var note: String

        public init(_ label: String, _ value: Int, note: String = "") {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `value` against the longest, `max`, over `width` columns, padded to `width`.
    /// A value above zero always shows at least one eighth.
    public static func bar(_ value: Int, max: Int, width: Int) -> String {
        guard max > 0, value > 0, width > 0 else { return String(repeating: " ", count: Swift.max(width, 0)) }
        let v = Swift.min(value, max)
        var n = (2 * v * width * 8 + max) / (2 * max)
        if n == 0 { n = 1 }
        let full = n / 8, rest = n % 8
        var s = String(repeating: "█", count: full) + eighths[rest]
        let used = full + (rest > 0 ? 1 : 0)
        if used < width { s += String(repeating: " ", count: width - used) }
        return s
    }

    /// The chart's lines: `  物业      ████████▍   22  +3`. Labels are cut to `labelWidth`
    /// columns at most; values are right-aligned.
    public static func render(_ bars: [Bar], width: Int = 30, labelWidth: Int = 20, indent: String = "  ") -> [String] {
        guard !bars.isEmpty else { return [] }
        let labels = bars.map { DisplayWidth.truncate($0.label.oneLine, to: labelWidth) }
        let lw = labels.map(DisplayWidth.of).max() ?? 0
        let top = bars.map(\.value).max() ?? 0
        let values = bars.map { String($0.value) }
        let vw = values.map(\.count).max() ?? 0
        return bars.indices.map { i in
            let line =
                indent + DisplayWidth.pad(labels[i], to: lw) + "  " + bar(bars[i].value, max: top, width: width) + " "
                + DisplayWidth.pad(values[i], to: vw, right: true) + (bars[i].note.isEmpty ? "" : "  " + bars[i].note)
            return line.trimmingTrailingSpaces()
        }
    }
}

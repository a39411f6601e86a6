/// A report as a self-contained HTML page: the text, tables and bar charts drawn as inline
/// SVG. No scripts, no fonts, no images, no links: it opens the same offline, by mail or
/// printed. The page is also well-formed XML (every element closed, every attribute quoted,
/// all text escaped), so a test can parse it with any XML parser.
public struct HTMLReport: Sendable {
    /// A bar chart: each bar this period's value, with the previous period's as a thin bar below.
    public struct Chart: Sendable {
        public var title: String
        public var bars: [CountChange]

        public init(title: String, bars: [CountChange]) {
            self.title = title
            self.bars = bars
        }
    }

    /// A table of text; `numeric` columns are right-aligned.
    public struct Table: Sendable {
        public var title: String
        public var note: String
        public var headers: [String]
        public var numeric: [Bool]
        public var rows: [[String]]

        public init(title: String, note: String = "", headers: [String], numeric: [Bool], rows: [[String]]) {
            self.title = title
            self.note = note
            self.headers = headers
            self.numeric = numeric
            self.rows = rows
        }
    }

    public var language: Language
    public var title: String
    public var lead: [String]
    /// What the two bars of a chart are: this period and the previous one.
    public var legend: (current: String, previous: String)
    public var charts: [Chart]
    public var tables: [Table]
    public var footnotes: [String]

    public init(
        language: Language, title: String, lead: [String], legend: (current: String, previous: String), charts: [Chart], tables: [Table],
        footnotes: [String]
    ) {
        self.language = language
        self.title = title
        self.lead = lead
        self.legend = legend
        self.charts = charts
        self.tables = tables
        self.footnotes = footnotes
    }

    /// Text made safe for element content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0; a tab or newline reads as a space.
                if c.value < 0x20 || c.value == 0x7F || (0xFFFE...0xFFFF).contains(c.value) { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static let style = """
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em auto; max-width: 60em; color: #1a202c; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #cbd5e0; padding: 0.2em 0.6em; }
        th { background: #edf2f7; } td.n { text-align: right; } .note, .foot { color: #4a5568; font-size: 0.9em; }
        svg { display: block; margin: 0.5em 0; } .legend span { display: inline-block; width: 1em; height: 0.6em; margin: 0 0.3em 0 1em; }
        """

    /// The whole page.
    public func render() -> String {
        let e = HTMLReport.escape
        var h = ["<!DOCTYPE html>", "<html lang=\"\(language == .zh ? "zh-CN" : "en")\">", "<head>", "<meta charset=\"utf-8\"/>"]
        h += ["<title>\(e(title))</title>", "<style>", HTMLReport.style, "</style>", "</head>", "<body>", "<h1>\(e(title))</h1>"]
        h += lead.map { "<p>\(e($0))</p>" }
        if !charts.isEmpty {
            h.append(
                "<p class=\"legend\"><span style=\"background: #2b6cb0\"></span>\(e(legend.current))<span style=\"background: #a0aec0\"></span>\(e(legend.previous))</p>"
            )
        }
        let labels = charts.flatMap { $0.bars.map { DisplayWidth.of($0.key) } }.max() ?? 0
        for c in charts {
            h.append("<h2>\(e(c.title))</h2>")
            h.append(HTMLReport.svg(c, labelColumns: labels))
        }
        for t in tables {
            h.append("<h2>\(e(t.title))</h2>")
            if !t.note.isEmpty { h.append("<p class=\"note\">\(e(t.note))</p>") }
            guard !t.rows.isEmpty else {
                h.append("<p>\(language == .zh ? "无" : "none")</p>")
                continue
            }
            h.append("<table>")
            h.append("<tr>" + t.headers.map { "<th>\(e($0))</th>" }.joined() + "</tr>")
            for row in t.rows {
                let cells = row.enumerated().map { i, v in (i < t.numeric.count && t.numeric[i] ? "<td class=\"n\">" : "<td>") + e(v) + "</td>" }
                h.append("<tr>" + cells.joined() + "</tr>")
            }
            h.append("</table>")
        }
        h += footnotes.map { "<p class=\"foot\">\(e($0))</p>" }
        h += ["</body>", "</html>"]
        return h.joined(separator: "\n") + "\n"
    }

    /// One chart as inline SVG: labels right-aligned in a column sized by their display
    /// width, bars scaled to the largest value of either period, values after the bars.
    /// (`labelColumns`: the widest label of the page, so the charts of a page line up.)
    public static func svg(_ chart: Chart, labelColumns: Int = 0) -> String {
        let e = escape
        let rowHeight = 24, barArea = 360, charWidth = 8
        let labelWidth = max(60, max(labelColumns, chart.bars.map { DisplayWidth.of($0.key) }.max() ?? 0) * charWidth + 12)
        let width = labelWidth + barArea + 110
        let height = max(1, chart.bars.count) * rowHeight + 8
        let top = max(1, chart.bars.map { max($0.count, $0.previous) }.max() ?? 1)
        var s = ["<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(e(chart.title))\">"]
        s.append("<title>\(e(chart.title))</title>")
        s.append("<g font-size=\"13\" fill=\"#1a202c\">")
        for (i, b) in chart.bars.enumerated() {
            let y = 4 + i * rowHeight
            let w = b.count * barArea / top, wp = b.previous * barArea / top
            s.append("<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(e(b.key))</text>")
            s.append("<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, b.count > 0 ? 1 : 0))\" height=\"13\" fill=\"#2b6cb0\"/>")
            s.append("<rect x=\"\(labelWidth)\" y=\"\(y + 17)\" width=\"\(max(wp, b.previous > 0 ? 1 : 0))\" height=\"4\" fill=\"#a0aec0\"/>")
            s.append("<text x=\"\(labelWidth + max(w, wp) + 6)\" y=\"\(y + 15)\">\(b.count) (\(e(b.change)))</text>")
        }
        s.append("</g>")
        s.append("</svg>")
        return s.joined(separator: "\n")
    }
}

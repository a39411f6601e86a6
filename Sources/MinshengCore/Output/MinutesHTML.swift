/// The minutes as a self-contained page to print on A4 and file: the Markdown the meeting
/// wrote (kept at its close), laid out with a print stylesheet — Chinese fonts named by
/// family with fallbacks, each item kept on one page where it fits, lines to sign. No
/// script, no image, no link, nothing fetched: it prints the same offline.
public enum MinutesHTML {
    /// The page for minutes written by `minutes` (its restricted Markdown: headings, lists
    /// indented by two spaces, `**bold**`, backslash escapes).
    public static func page(markdown: String) -> String {
        var body: [String] = []
        var lists: [(indent: Int, tag: String)] = []
        var inItem = false, inSection = false
        var title = ""
        func closeLists(deeperThan indent: Int = -1) {
            while let last = lists.last, last.indent > indent {
                body.append("</li></\(last.tag)>")
                lists.removeLast()
            }
        }
        func closeSection() {
            closeLists()
            if inItem { body.append("</section>") }
            if inSection { body.append("</section>") }
            inItem = false
            inSection = false
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent == 0, rest.hasPrefix("# ") {
                closeSection()
                title = inline(String(rest.dropFirst(2)))
                body.append("<h1>\(title)</h1>")
            } else if indent == 0, rest.hasPrefix("## ") {
                closeSection()
                let heading = String(rest.dropFirst(3))
                let signatures = heading.hasPrefix("签字")
                body.append("<section class=\"\(signatures ? "signatures" : "part")\"><h2>\(inline(heading))</h2>")
                inSection = true
            } else if indent == 0, rest.hasPrefix("### ") {
                closeLists()
                if inItem { body.append("</section>") }
                body.append("<section class=\"item\"><h3>\(inline(String(rest.dropFirst(4))))</h3>")
                inItem = true
            } else if let (tag, text) = listItem(rest) {
                closeLists(deeperThan: indent)
                if let last = lists.last, last.indent == indent {
                    if last.tag == tag {
                        body.append("</li><li>")
                    } else {
                        body.append("</li></\(last.tag)><\(tag)><li>")
                        lists[lists.count - 1].tag = tag
                    }
                } else {
                    body.append("<\(tag)><li>")
                    lists.append((indent, tag))
                }
                body.append(inline(text))
            } else if rest.isEmpty {
                closeLists()
            } else {
                closeLists()
                body.append("<p>\(inline(String(rest)))</p>")
            }
        }
        closeSection()
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8"/>
            <title>\(title)</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static let style = """
        @page { size: A4; margin: 22mm 20mm 20mm 20mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "STSong", serif;
          font-size: 11pt; line-height: 1.65; color: #000; max-width: 170mm; margin: 0 auto; }
        h1, h2, h3 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei", sans-serif; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
        h2 { font-size: 13pt; border-bottom: 0.4pt solid #000; margin: 6mm 0 2mm; break-after: avoid; }
        h3 { font-size: 12pt; margin: 4mm 0 1mm; break-after: avoid; }
        ul, ol { margin: 0 0 0 6mm; padding: 0; }
        li { margin: 0.5mm 0; }
        section.item, section.signatures, li { break-inside: avoid; }
        section.signatures li { list-style: none; margin: 9mm 0 0; }
        section.signatures ul { margin-left: 0; }
        strong { font-weight: bold; }
        """

    /// `- text` or `12. text`: the list's tag and the item's text.
    static func listItem(_ line: Substring) -> (String, String)? {
        if line.hasPrefix("- ") { return ("ul", String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return ("ol", String(line.dropFirst(digits.count + 2))) }
        return nil
    }

    /// One line's text: the Markdown escapes undone, `**` as bold, everything HTML-escaped.
    static func inline(_ text: String) -> String {
        var out = "", bold = false
        var chars = Array(text)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", let next = chars.first {
                out += HTMLReport.escape(String(next))
                chars = chars.dropFirst()
            } else if c == "*", chars.first == "*" {
                chars = chars.dropFirst()
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
            } else {
                out += HTMLReport.escape(String(c))
            }
        }
        return bold ? out + "</strong>" : out
    }
}

import Foundation
import MinshengCore
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `analysis … out=FILE.html`: a page that parses as XML, holds its SVG charts, escapes every
/// text the data brings, and refers to nothing outside itself.
@Suite struct AnalysisReportTests {
    static let dataset = packageRoot + "/Tests/Transcripts/assess/_dataset.msh"

    func report(_ extra: String = "", _ command: String) throws -> String {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        let out = s.run("source \(Self.dataset)\n\(extra)\n\(command) out=\(dir)/report.html")
        #expect(out.contains("wrote the report to \(dir)/report.html"), "\(out.suffix(400))")
        return try #require(Files.read(dir + "/report.html"))
    }

    @Test func theMonthlyPageIsWellFormedAndSelfContained() throws {
        let html = try report("", "analysis month=2019-11")
        #expect(XMLCheck.problems(html) == [])
        #expect(html.components(separatedBy: "<svg ").count == 4, "one chart per grouping")
        #expect(html.contains("<h2>by category</h2>") && html.contains("<h2>hot spots</h2>") && html.contains("<h2>oldest unresolved</h2>"))
        #expect(html.contains(">市政设施</text>") && html.contains(">5 (+5)</text>"))
        #expect(html.contains("<td>C-3, C-5, C-6, C-16</td>"))
        for outside in ["http:", "https:", "src=", "href=", "<script", "<link", "url(", "@import"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        if let verdict = Python.check(html) { #expect(verdict == "ok 3 2", "python: \(verdict)") }
    }

    @Test func textFromTheDataIsEscaped() throws {
        let extra = """
            set now=2019-11-26T09:00
            case new "<b>灯</b> & \\"门\\"" community=六里屯社区 category="<script>alert(1)</script>"
            case new '管道 ]]> 漏水' compound=六里屯南里1号楼 category="a&b"
            """
        let html = try report(extra, "analysis week=2019-W48")
        #expect(XMLCheck.problems(html) == [])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script"))
        #expect(html.contains("a&amp;b"))
        if let verdict = Python.check(html) { #expect(verdict == "ok 3 2", "python: \(verdict)") }
    }

    @Test func theChecksCatchBrokenPages() {
        #expect(XMLCheck.problems("<p><b>x</p></b>") != [])
        #expect(XMLCheck.problems("<p>a & b</p>") != [])
        #expect(XMLCheck.problems("<rect width=3/>") != [])
        #expect(XMLCheck.problems("<p>x") != [])
        #expect(XMLCheck.problems("<!DOCTYPE html>\n<p class=\"n\">a &amp; b<br/></p>") == [])
        if let verdict = Python.check("<html><body><p>x</body></html>") { #expect(verdict != "ok 0 0") }
    }
}

/// A strict, small well-formedness check: tags nest and close, attributes are quoted,
/// `&` starts an entity. Enough for pages this program writes; python's parsers run too
/// where python3 is installed.
enum XMLCheck {
    static func problems(_ text: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < chars.count ? chars[k] : nil }
        while i < chars.count {
            let c = chars[i]
            if c == "&" {
                var j = i + 1
                while let d = at(j), d != ";", j - i < 10 { j += 1 }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<min(j, chars.count)]))
                if at(j) != ";" || !(["amp", "lt", "gt", "quot", "#39"].contains(name)) { problems.append("bad entity at \(i): \(name)") }
                i = j + 1
                continue
            }
            guard c == "<" else {
                if c == ">" { problems.append("stray > at \(i)") }
                i += 1
                continue
            }
            var j = i + 1
            var quote: Unicode.Scalar?
            while let d = at(j) {
                if let q = quote { if d == q { quote = nil } } else if d == "\"" || d == "'" { quote = d } else if d == ">" { break } else if d == "<" { break }
                j += 1
            }
            guard at(j) == ">" else {
                problems.append("unclosed tag at \(i)")
                break
            }
            let tag = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
            i = j + 1
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "")>") }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            let attrs = tag.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            var rest = Substring(attrs.hasSuffix("/") ? String(attrs.dropLast()) : attrs)
            while let eq = rest.firstIndex(of: "=") {
                let after = rest.index(after: eq)
                guard after < rest.endIndex, rest[after] == "\"" else {
                    problems.append("unquoted attribute in <\(name)>")
                    break
                }
                guard let close = rest[rest.index(after: after)...].firstIndex(of: "\"") else { break }
                rest = rest[rest.index(after: close)...]
            }
            if !tag.hasSuffix("/") { stack.append(name) }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }
}

/// Python's own parsers, when python3 is there: `xml.dom.minidom` (well-formed XML) and
/// `html.parser` (every opened element closed in order). Prints `ok SVGS TABLES`.
enum Python {
    static let script = """
        import sys, xml.dom.minidom, html.parser
        path = sys.argv[1]
        doc = xml.dom.minidom.parse(path)
        class Balance(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(); self.stack = []; self.bad = []
            def handle_starttag(self, tag, attrs): self.stack.append(tag)
            def handle_endtag(self, tag):
                if not self.stack or self.stack.pop() != tag: self.bad.append(tag)
        b = Balance(); b.feed(open(path, encoding="utf-8").read()); b.close()
        if b.stack or b.bad: print("unbalanced", b.stack, b.bad); sys.exit(1)
        print("ok", len(doc.getElementsByTagName("svg")), len(doc.getElementsByTagName("table")))
        """

    /// The verdict, or nil when no python3 can be found.
    static func check(_ html: String) -> String? {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/check.py", script)
        Files.write(dir + "/page.html", html)
        guard system("command -v python3 > /dev/null 2>&1") == 0 else { return nil }
        _ = system("cd '\(dir)' && python3 check.py page.html > out.txt 2>&1")
        return (Files.read(dir + "/out.txt") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import MinshengCore
import MinshengShell
import MinshengTestSupport
import Testing

/// Stored text with escape sequences, BEL, backspace or bidi controls — written behind the
/// shell's back, or from an older version — never reaches the terminal raw: text outputs
/// show it escaped, JSON escapes it, CSV keeps it exact.
@Suite(.serialized) struct TerminalTextTests {
    static let planted = "\u{1B}[2J\u{1B}[31m系统故障\u{07}\u{08}\u{202E}abc"
    static let shown = "\\e[2J\\e[31m系统故障\\a\\b\\u202Eabc"

    /// A department and a case whose name and title were edited to hold control characters.
    func plantedDatabase() -> String {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng("--db d.db --lang en --now 2019-12-03T09:00 -c 'dept add 城建科; case new 漏水 category=供水'", in: dir)
        #expect(r.status == 0)
        let sql = "update department set name = char(27)||'[2J'||char(27)||'[31m系统故障'||char(7)||char(8)||char(8238)||'abc'; "
            + "update cases set title = (select name from department), category = (select name from department);"
        #expect(sqlite(dir + "/d.db", sql) == "")
        return dir
    }

    @Test(arguments: ["table", "line", "markdown"])
    func textFormatsShowStoredControlsEscaped(format: String) {
        let dir = plantedDatabase()
        let r = runMinsheng("--db d.db --lang en --format \(format) -c 'find depts; show D-1; find cases; case show C-1'", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x08 || $0.value == 0x202E })
        #expect(r.stdout.components(of: Self.shown) >= 4, "\(r.stdout)")
    }

    @Test func jsonEscapesAndCSVStaysExact() {
        let dir = plantedDatabase()
        let json = runMinsheng("--db d.db --format json -c 'find depts'", in: dir)
        #expect(json.stdout == "[\n  {\"id\": \"D-1\", \"name\": \"\\u001b[2J\\u001b[31m系统故障\\u0007\\u0008\\u202Eabc\"}\n]\n")
        let csv = runMinsheng("--db d.db --format csv -c 'find depts'", in: dir)
        #expect(csv.stdout == "id,name\nD-1,\(Self.planted)\n")
    }

    @Test func anErrorAboutStoredTextIsEscaped() {
        let f = DiagnosticFormatter(color: false).format(
            ScriptError(.validation, Localized("department '\(Self.planted)' already exists"), at: SourceLocation(file: "x.msh", line: 1, column: 3)),
            sourceLine: "a \(Self.planted) b", language: .en)
        #expect(f == "x.msh:1:3: error: department '\(Self.shown)' already exists\n    a \(Self.shown) b\n      ^\n")
    }

    @Test func aCSVImportRefusesControlCharactersLocated() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/depts.csv", "name\n城建科\n\u{1B}[31m民政科\n")
        let r = runMinsheng("--db d.db --lang en -c 'import depts depts.csv; count depts'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("depts.csv:3:1: error: name has a control character \\e (U+001B)\n"), "\(r.stderr)")
        Files.write(dir + "/orders.csv", "工单号,受理时间,标题,电话\n12345-1,2019-12-01 08:30,路灯\u{200B}不亮,13700001111\n")
        let c = runMinsheng("--db d.db --lang en -c 'case import orders.csv; count cases'", in: dir)
        #expect(c.status == 1)
        #expect(c.stderr.hasPrefix("orders.csv:2:1: error: 标题 has an invisible character U+200B\n"), "\(c.stderr)")
        let after = runMinsheng("--db d.db -c 'count depts; count cases'", in: dir)
        #expect(after.stdout == "0\n0\n")
    }
}

extension String {
    /// How many times `part` occurs, without overlaps.
    func components(of part: String) -> Int {
        var n = 0
        var rest = Substring(self)
        while let r = rest.range(of: part) {
            n += 1
            rest = rest[r.upperBound...]
        }
        return n
    }
}

import Testing

@testable import MinshengCore

@Suite struct RendererTests {
    let name = FieldSpec("name", [], .text, label: Localized(en: "name", zh: "名称"))
    let phone = FieldSpec("phone", [], .phone, label: Localized(en: "phone", zh: "电话"))
    let id = FieldSpec("id", [], .integer, label: Localized(en: "id", zh: "编号"))

    var sample: ResultSet {
        ResultSet(columns: [id, name, phone], rows: [
            [.integer(1), .text("十里堡北里3号楼2单元501"), .text("13800001234")],
            [.integer(12), .text("Parks & 绿化 (east)"), .text("010-1234")],
            [.integer(123), .text("a"), .null],
        ])
    }

    /// Every line of a table has the same display width, whatever mix of scripts it holds.
    @Test(arguments: [Language.en, .zh])
    func tablesAlignByDisplayWidth(_ lang: Language) {
        let text = Renderer(language: lang, format: .table, width: nil).render(sample, kind: .household)
        let lines = text.split(separator: "\n").dropLast().map(String.init)
        #expect(lines.count == 5)
        #expect(Set(lines.map(DisplayWidth.of)).count == 1, "\(lines)")
    }

    /// On a terminal too narrow for the table, each record is shown one field per line, whole.
    @Test func wideTablesTurnToOneFieldPerLine() {
        let text = Renderer(language: .zh, format: .table, width: 30).render(sample, kind: .household)
        #expect(!text.contains("…"))
        #expect(text.hasPrefix("-[ 第 1 条 ]"), "\(text)")
        #expect(text.contains("名称 | 十里堡北里3号楼2单元501\n"), "\(text)")
        #expect(text.contains("-[ 第 3 条 ]"))
        for line in text.split(separator: "\n") where line.hasPrefix("-[") { #expect(DisplayWidth.of(String(line)) <= 30) }
    }

    /// The table's own width, CJK counted as two columns: one that just fits stays a table.
    @Test func aTableThatFitsStaysATable() {
        let whole = Renderer(language: .zh, format: .table, width: nil).render(sample, kind: .household)
        let widest = whole.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        // 1 + 5 (H-123) + 3 + 23 (9 CJK, 5 ASCII) + 3 + 11 (138****1234) + 1
        #expect(widest == 47, "\(whole)")
        #expect(Renderer(language: .zh, format: .table, width: widest).render(sample, kind: .household) == whole)
        #expect(Renderer(language: .zh, format: .table, width: widest - 1).render(sample, kind: .household).hasPrefix("-[ 第 1 条 ]"))
    }

    @Test func expandedOffKeepsTheWholeTableAndTruncateCutsIt() {
        var r = Renderer(language: .zh, format: .table, width: 30)
        r.expanded = .off
        let whole = r.render(sample, kind: .household)
        #expect(whole.contains("十里堡北里3号楼2单元501") && !whole.contains("…"))
        r.truncate = true
        let cut = r.render(sample, kind: .household)
        for line in cut.split(separator: "\n").dropLast() { #expect(DisplayWidth.of(String(line)) <= 30) }
        #expect(cut.contains("…"))
        r.expanded = .auto
        #expect(r.render(sample, kind: .household) == cut, "truncate on makes a wide table fit, so auto keeps it a table")
        r.expanded = .on
        #expect(r.render(sample, kind: .household).hasPrefix("-[ 第 1 条 ]"))
    }

    /// A line break inside a cell: the row takes two lines, the first marked + at the
    /// column's end, every line of the table as wide as the others.
    @Test func lineBreaksInACellKeepTheTableAligned() {
        let rs = ResultSet(columns: [id, name], rows: [[.integer(1), .text("第一行\r\n第二行更长")], [.integer(2), .text("x")]])
        let text = Renderer(language: .en, format: .table, width: nil).render(rs, kind: .household)
        #expect(text == """
             id  | name       \n\
            -----+------------
             H-1 | 第一行    +
                 | 第二行更长 \n\
             H-2 | x          \n\
            (2 rows)

            """, "\(text)")
    }

    @Test func phonesAreMaskedUnlessRevealed() {
        let masked = Renderer(language: .en, format: .json, width: nil).render(sample, kind: .household)
        #expect(masked.contains("\"138****1234\"") && !masked.contains("13800001234"))
        let csv = Renderer(language: .en, format: .csv, width: nil).render(sample, kind: .household)
        #expect(csv.contains("138****1234") && !csv.contains("13800001234"))
        let shown = Renderer(language: .en, format: .csv, width: nil, reveal: true).render(sample, kind: .household)
        #expect(shown.contains("13800001234"))
    }

    @Test func jsonAndCSVQuoting() {
        #expect(JSON.quote("a\"b\\c\nd\u{1}") == "\"a\\\"b\\\\c\\nd\\u0001\"")
        // Text beside an escape is copied as it is, whatever its script.
        #expect(JSON.quote("民声\"\r\t\u{1F}é") == "\"民声\\\"\\r\\t\\u001fé\"")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("六里屯") == "六里屯")
    }

    @Test func emptyResultsSaySo() {
        let empty = ResultSet(columns: [id, name], rows: [])
        #expect(Renderer(language: .en, format: .table, width: nil).render(empty, kind: .household) == "no households found\n")
        #expect(Renderer(language: .zh, format: .table, width: nil).render(empty, kind: .household) == "没有找到住户\n")
        #expect(Renderer(language: .en, format: .json, width: nil).render(empty, kind: .household) == "[]\n")
    }
}

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

    @Test func wideTablesFitTheTerminal() {
        let text = Renderer(language: .zh, format: .table, width: 30).render(sample, kind: .household)
        for line in text.split(separator: "\n").dropLast() { #expect(DisplayWidth.of(String(line)) <= 30) }
        #expect(text.contains("…"))
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

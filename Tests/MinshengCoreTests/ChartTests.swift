import Testing

@testable import MinshengCore

@Suite struct ChartTests {
    @Test func barsAreMeasuredInEighths() {
        #expect(BarChart.bar(8, max: 8, width: 4) == "████")
        #expect(BarChart.bar(4, max: 8, width: 4) == "██  ")
        #expect(BarChart.bar(1, max: 8, width: 4) == "▌   ")
        #expect(BarChart.bar(1, max: 64, width: 4) == "▏   ", "half an eighth rounds up to one")
        #expect(BarChart.bar(1, max: 1000, width: 4) == "▏   ", "a value above zero always shows")
        #expect(BarChart.bar(0, max: 8, width: 4) == "    ")
        #expect(BarChart.bar(3, max: 0, width: 2) == "  ")
        #expect(BarChart.bar(20, max: 8, width: 2) == "██", "never longer than the chart")
        for v in 0...24 { #expect(DisplayWidth.of(BarChart.bar(v, max: 24, width: 6)) == 6) }
    }

    @Test func labelsAlignByDisplayWidth() {
        let lines = BarChart.render(
            [BarChart.Bar("物业", 8, note: "+3"), BarChart.Bar("市政设施", 4, note: "-1"), BarChart.Bar("(none)", 1, note: "0")], width: 8)
        #expect(
            lines == [
                "  物业      ████████ 8  +3",
                "  市政设施  ████     4  -1",
                "  (none)    █        1  0",
            ])
        let widths = lines.map { DisplayWidth.of(String($0.prefix(while: { $0 != "█" }))) }
        #expect(Set(widths).count == 1)
    }

    @Test func changesBetweenPeriods() {
        let rows = Analysis.changes([("物业", 3), ("噪音", 1)], [("噪音", 4), ("停车", 2)])
        #expect(rows.map(\.key) == ["物业", "噪音", "停车"])
        #expect(rows.map(\.change) == ["+3", "-3", "-2"])
        #expect(Analysis.isHot(inPeriod: 2, inFourWeeks: 2, hot: 2))
        #expect(Analysis.isHot(inPeriod: 1, inFourWeeks: 3, hot: 2))
        #expect(!Analysis.isHot(inPeriod: 1, inFourWeeks: 2, hot: 2))
        #expect(!Analysis.isHot(inPeriod: 0, inFourWeeks: 9, hot: 2))
    }

    @Test func htmlIsEscapedAndSelfContained() {
        let report = HTMLReport(
            language: .zh, title: "民情分析 <2019-W48> & \"其他\"", lead: ["a < b"], legend: ("2019-W48", "2019-W47"),
            charts: [HTMLReport.Chart(title: "按类别", bars: [CountChange("<script>", count: 2, previous: 1)])],
            tables: [HTMLReport.Table(title: "热点", headers: ["楼院", "件"], numeric: [false, true], rows: [["3号楼 & 4号楼", "2"]])],
            footnotes: ["x\u{1}y"])
        let html = report.render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<title>民情分析 &lt;2019-W48&gt; &amp; &quot;其他&quot;</title>"))
        #expect(html.contains("&lt;script&gt;") && !html.contains("<script"))
        #expect(html.contains("<td>3号楼 &amp; 4号楼</td><td class=\"n\">2</td>"))
        #expect(html.contains("<svg ") && html.contains("</svg>"))
        #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("src=") && !html.contains("href="))
        #expect(html.contains("x y"), "control characters are not allowed in XML")
    }
}

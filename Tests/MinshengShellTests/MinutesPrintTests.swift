import MinshengTestSupport
import Testing

/// `minutes M-1 out=纪要.html` prints on A4 (issue 18): checked in a real headless browser
/// (Debian's chromium printing to PDF), the PDF read back with poppler's tools.
@Suite struct MinutesPrintTests {
    @Test func theHTMLMinutesPrintOnA4WithASignatureBlock() throws {
        let dir = Files.temporaryDirectory()
        Files.write(
            dir + "/m.msh",
            """
            dept add 城建科
            community add 六里屯社区
            cadre add 张国华 role=leader
            leader link 张国华 community=六里屯社区
            set now=2019-12-05T19:00
            meeting new 十二月会商会 community=六里屯社区 date=2019-12-05 members="<img src=x onerror=alert(1)>",张伟,刘洋 venue=居委会二楼会议室 chair=李梅 recorder=王强
            attend "<img src=x onerror=alert(1)>",张伟,刘洋
            提 "南门夜间停车难 **急**" by=张伟
            议 "建议划定 <b>夜间</b> 临时车位 & 加强巡查" by=刘洋 stance=for
            motion I-1 南门外划定20个夜间临时车位 rule=majority
            决 I-1 yes=张伟,刘洋 no="<img src=x onerror=alert(1)>"
            tally I-1
            decide I-1 dept=城建科 due=2019-12-20
            set now=2019-12-05T20:30
            meeting close
            minutes M-1 out=纪要.html
            minutes M-1 out=纪要.md

            """)
        let run = runMinsheng("--db t.db --lang en m.msh", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let html = Files.read(dir + "/纪要.html") ?? ""
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("@page { size: A4;") && html.contains("\"Noto Serif CJK SC\", \"Source Han Serif SC\""))
        // What residents typed is text, never markup; the page fetches and runs nothing.
        #expect(!html.contains("<img") && !html.contains("<b>") && html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script") && !html.contains("src=\"") && !html.contains("href="))
        #expect(html.contains("<strong>通过</strong>") && html.contains("南门夜间停车难 **急**"))

        let print = runShell(
            "chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=纪要.pdf file://\(dir)/纪要.html", in: dir)
        #expect(Files.read(dir + "/纪要.pdf") != nil, "chromium printed nothing: \(print.stderr.suffix(500))")
        let info = runShell("pdfinfo 纪要.pdf", in: dir).stdout
        #expect(info.contains("Page size:       594.96 x 841.92 pts (A4)"), "\(info)")
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages == 2, "\(info)")
        let text = runShell("pdftotext -layout 纪要.pdf -", in: dir).stdout
        for expected in [
            "会议纪要：十二月会商会", "地点：居委会二楼会议室", "主持人：李梅", "包片领导：张国华（未出席）", "决议事项（1 项）",
            "转办诉求 C-1", "主持人（签字）：李梅", "记录人（签字）：王强", "参会代表（签字）", "<img src=x onerror=alert(1)>",
        ] {
            #expect(text.contains(expected), "the printed minutes lack '\(expected)'")
        }
        // The Markdown and the page say the same.
        let markdown = Files.read(dir + "/纪要.md") ?? ""
        #expect(markdown.contains("- 主持人（签字）：李梅　＿＿＿＿＿＿　　日期：＿＿＿＿＿＿"))
    }
}

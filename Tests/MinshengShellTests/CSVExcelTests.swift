import Foundation
import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

/// CSV that a Chinese Excel opens correctly: `set csv-bom on` (or `--bom`) writes a UTF-8
/// byte order mark once, where the file or the output starts, and CRLF line ends.
@Suite struct CSVExcelTests {
    @Test func aFileStartsWithOneBOMAndHasCRLFLineEnds() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        defer { Files.removeTemporary(dir) }
        s.run(
            """
            dept add 城建科
            dept add "=HYPERLINK(1)"
            set format csv
            set csv-bom on
            output \(dir)/depts.csv
            find depts
            find depts where name = 城建科
            output -
            once \(dir)/plain.csv
            set csv-bom off
            """)
        let bytes = try #require(Files.readBytes(dir + "/depts.csv"))
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(Array(bytes.prefix(3)) == bom)
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "id,name\r\nD-1,城建科\r\nD-2,'=HYPERLINK(1)\r\nid,name\r\nD-1,城建科\r\n", "\(text.debugDescription)")
        #expect(!text.contains("\u{FEFF}"), "one BOM, at the start of the file only")
    }

    @Test func withoutTheSettingCSVIsPlain() throws {
        let s = try CaseSession()
        let dir = Files.temporaryDirectory()
        defer { Files.removeTemporary(dir) }
        s.run("dept add 城建科\nset format csv\nonce \(dir)/plain.csv\nfind depts")
        #expect(Files.read(dir + "/plain.csv") == "id,name\nD-1,城建科\n")
    }

    @Test func dashDashBOMOnStandardOutput() {
        let r = runMinsheng("--db t.db --format csv --bom -c 'dept add 城建科' -c 'find depts' -c 'find depts'")
        #expect(r.status == 0)
        #expect(r.stdout.unicodeScalars.first != "\u{FEFF}", "the confirmation came first: no BOM in the middle")
        #expect(!r.stdout.contains("\u{FEFF}"))
        let csv = runMinsheng("--db t.db --format csv --bom -c 'find depts'", in: nil)
        #expect(csv.stdout == "\u{FEFF}id,name\r\n", "a fresh database has no departments: the header alone")
    }
}

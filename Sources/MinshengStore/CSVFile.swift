import CSV
import Foundation
import MinshengCore

/// A CSV file read through the CSV library (RFC 4180 quoting), streaming from disk.
public final class CSVFile: TableFileReader {
    let reader: CSVReader
    public let header: [String]
    private var nextLine = 2
    let path: String

    /// Opens `path`; the first row is the header.
    public static let open: TableFileOpener = { path in try CSVFile(path: path) }

    init(path: String) throws {
        self.path = path
        guard let stream = InputStream(fileAtPath: path) else {
            throw ScriptError(.io, Localized(en: "cannot read '\(path)'", zh: "无法读取 '\(path)'"))
        }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch {
            throw ScriptError(.io, Localized(en: "'\(path)' is not a readable CSV file: \(error)", zh: "'\(path)' 不是可读的 CSV 文件：\(error)"))
        }
        var h = reader.headerRow ?? []
        if let first = h.first, first.hasPrefix("\u{FEFF}") { h[0] = String(first.dropFirst()) }
        header = h
    }

    static func isEndOfFile(_ e: Error) -> Bool {
        if case CSVError.cannotReadFile = e { return true }
        return false
    }

    public func next() throws -> (line: Int, fields: [String])? {
        guard let row = reader.next() else {
            // CSV.swift records `cannotReadFile` when it reads past the last byte (the
            // stream on Linux says bytes are available until a read returns none): that is
            // the end of the file, not an error.
            if let e = reader.error, !Self.isEndOfFile(e) {
                throw ScriptError(.io, Localized(en: "\(path):\(nextLine): bad CSV: \(e)", zh: "\(path):\(nextLine)：CSV 格式错误：\(e)"))
            }
            return nil
        }
        let line = nextLine
        // The library stops a row at a byte that is not UTF-8 and goes on after it, so the
        // row comes back cut short: say what is wrong, where, instead of "expected 7 fields".
        if let e = reader.error, case CSVError.unicodeDecoding = e {
            throw ScriptError(
                .lexical, Localized(en: "invalid UTF-8 in '\(path)' on line \(line)", zh: "'\(path)' 第 \(line) 行有无效的 UTF-8 字节"),
                at: SourceLocation(file: path, line: line, column: 1),
                hint: Localized(en: "save the file as UTF-8 (in Excel: CSV UTF-8)", zh: "请把文件另存为 UTF-8 编码（Excel 中选“CSV UTF-8”）"))
        }
        // A quoted field may span lines: the next row starts after them.
        nextLine += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 } }
        return (line, row)
    }
}

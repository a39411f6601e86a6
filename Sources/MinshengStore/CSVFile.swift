import CSV
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// A CSV file read through the CSV library (RFC 4180 quoting), streaming from disk.
///
/// The file is read in blocks of about a megabyte. Each block is cut after the last row
/// that ends inside it (`CSVRowBoundary` follows the library's own quoting rules, so a
/// cut never falls inside a quoted field), and the library parses that text as a
/// `String`. This is about four times faster than its `InputStream` reader, which pays
/// for a type-erased iterator, a decoder and a stream read per character; the parsing
/// itself (fields, quotes, `""`, line breaks in fields) is still the library's.
/// Memory holds one block and the rows of one block, whatever the file's size.
public final class CSVFile: TableFileReader {
    public private(set) var header: [String] = []
    let path: String
    /// The file as the user named it, for messages.
    let name: String
    private let fd: Int32
    /// Bytes read but not yet parsed: the start of a row that continues in the next block.
    private var pending: [UInt8] = []
    private var atEnd = false
    /// Rows of the current block, and where the next one is.
    private var rows: [[String]] = []
    private var position = 0
    private var nextLine = 1
    /// Set when the file is not in its encoding: reported once the rows before the bad byte are used up.
    private var notUTF8 = false
    /// The file's encoding, and what turns it into UTF-8 when it is not UTF-8 already.
    private let encoding: TextEncoding
    private let transcoder: Transcoder?
    private var bomChecked = false
    private var buffer = [UInt8](repeating: 0, count: CSVFile.blockSize)

    static let blockSize = 1 << 20

    /// Opens `path` (named `name` in messages), in `encoding`; the first row is the header.
    public static let open: TableFileOpener = { path, name, encoding in try CSVFile(path: path, name: name, encoding: encoding) }

    init(path: String, name: String? = nil, encoding: TextEncoding = .utf8) throws {
        self.path = path
        self.name = name ?? path
        self.encoding = encoding
        transcoder = Transcoder(from: encoding)
        if encoding != .utf8 && transcoder == nil {
            throw ScriptError(.io, Localized(en: "cannot read \(encoding.rawValue) text on this system", zh: "本系统无法读取 \(encoding.rawValue) 编码的文本"))
        }
        fd = Glibc.open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ScriptError(.io, Localized(en: "cannot read '\(self.name)'", zh: "无法读取 '\(self.name)'"))
        }
        guard let first = try next() else {
            throw ScriptError(.io, Localized(en: "'\(self.name)' is not a readable CSV file: it is empty", zh: "'\(self.name)' 不是可读的 CSV 文件：文件为空"))
        }
        var h = first.fields
        if let f = h.first, f.hasPrefix("\u{FEFF}") { h[0] = String(f.dropFirst()) }
        header = h
    }

    deinit { Glibc.close(fd) }

    public func next() throws -> (line: Int, fields: [String])? {
        while position == rows.count {
            if notUTF8 { throw notInEncoding() }
            guard try loadBlock() else {
                if notUTF8 { throw notInEncoding() }
                return nil
            }
        }
        let row = rows[position]
        position += 1
        let line = nextLine
        // A quoted field may span lines: the next row starts after them.
        nextLine += 1
        for field in row { nextLine += CSVRowBoundary.lineBreaks(in: field) }
        return (line, row)
    }

    /// The text stops being in the file's encoding at `nextLine`; for UTF-8 the hint names
    /// what Excel saves on a Chinese Windows.
    func notInEncoding() -> ScriptError {
        guard encoding == .utf8 else {
            return ScriptError(
                .io,
                Localized(
                    en: "\(name):\(nextLine): bad CSV: the text is not \(encoding.rawValue)",
                    zh: "\(name):\(nextLine)：CSV 格式错误：文本不是 \(encoding.rawValue) 编码"))
        }
        return ScriptError(
            .io, Localized(en: "\(name):\(nextLine): bad CSV: the text is not UTF-8", zh: "\(name):\(nextLine)：CSV 格式错误：文本不是 UTF-8 编码"),
            hint: Localized(
                en: "a CSV saved by Excel on a Chinese Windows is GB18030: add encoding=gb18030",
                zh: "中文 Windows 上 Excel 保存的 CSV 是 GB18030 编码：请加 encoding=gb18030"))
    }

    /// Reads the next block and parses its complete rows; false at the end of the file.
    private func loadBlock() throws -> Bool {
        rows = []
        position = 0
        var cut = 0
        while !atEnd {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            guard got >= 0 else { throw ScriptError(.io, Localized(en: "cannot read '\(name)'", zh: "无法读取 '\(name)'")) }
            if got == 0 { atEnd = true }
            if let transcoder {
                let (utf8, valid) = transcoder.convert(buffer[..<got], atEnd: atEnd)
                pending.append(contentsOf: utf8)
                // Rows up to the bad byte are read; then the error, at the row it is in.
                if !valid {
                    notUTF8 = true
                    atEnd = true
                    pending = Array(pending[..<CSVRowBoundary.lastRowEnd(pending[...])])
                }
            } else {
                pending.append(contentsOf: buffer[..<got])
            }
            if !bomChecked, pending.count >= 3 || atEnd {
                bomChecked = true
                if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
            }
            cut = atEnd ? pending.count : CSVRowBoundary.lastRowEnd(pending[...])
            if cut > 0 { break }
        }
        guard cut > 0 else { return false }
        var text = pending[..<cut]
        // Text that is not UTF-8: parse the rows before the first bad byte, then fail there.
        var decoded = String(validating: text, as: UTF8.self)
        if decoded == nil {
            let bad = CSVRowBoundary.firstInvalidUTF8(text)
            text = text[..<CSVRowBoundary.lastRowEnd(text[..<bad])]
            notUTF8 = true
            decoded = String(decoding: text, as: UTF8.self)
        }
        pending.removeFirst(cut)
        guard let s = decoded, !s.isEmpty else { return notUTF8 }
        do {
            let reader = try CSVReader(string: s, hasHeaderRow: false)
            while let row = reader.next() { rows.append(row) }
        } catch {
            throw ScriptError(.io, Localized(en: "\(name):\(nextLine): bad CSV: \(error)", zh: "\(name):\(nextLine)：CSV 格式错误：\(error)"))
        }
        return true
    }
}

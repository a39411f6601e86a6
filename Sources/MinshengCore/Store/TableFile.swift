/// Rows of a CSV file, read one at a time (never the whole file), with the line each
/// row starts on, so import errors can be located.
public protocol TableFileReader: AnyObject {
    /// The header row's fields.
    var header: [String] { get }
    /// The next row and the line it starts on; nil at the end.
    func next() throws -> (line: Int, fields: [String])?
}

/// How a file's text is encoded: UTF-8 (a BOM allowed), or what Excel saves on a Chinese
/// Windows, GB18030 (GBK and GB2312 are parts of it).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8", gb18030, gbk
}

/// Opens a CSV file for reading: its path, its name as the user gave it (for messages) and
/// its encoding; supplied by the store target, which owns the CSV library.
public typealias TableFileOpener = @Sendable (_ path: String, _ name: String, _ encoding: TextEncoding) throws -> TableFileReader

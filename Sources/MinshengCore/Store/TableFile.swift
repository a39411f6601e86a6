/// Rows of a CSV file, read one at a time (never the whole file), with the line each
/// row starts on, so import errors can be located.
public protocol TableFileReader: AnyObject {
    /// The header row's fields.
    var header: [String] { get }
    /// The next row and the line it starts on; nil at the end.
    func next() throws -> (line: Int, fields: [String])?
}

/// Opens a CSV file for reading; supplied by the store target, which owns the CSV library.
public typealias TableFileOpener = @Sendable (String) throws -> TableFileReader

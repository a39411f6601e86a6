/// Where CSV rows end in raw bytes, so a file can be handed to the CSV library a block
/// at a time without cutting a row (or a quoted field) in two.
///
/// This does not parse fields: it only tracks whether a byte is inside quotes, with the
/// same rules as CSV.swift's reader (a quote opens a quoted field only at the start of a
/// field; inside one, `""` is a quote and a quote before a comma or line break closes
/// it). Delimiters, quotes and line breaks are ASCII, and no byte of a multi-byte UTF-8
/// character is ASCII, so scanning bytes is exact.
enum CSVRowBoundary {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// The offset just past the last row that ends inside `bytes`, which start at a row's
    /// start; 0 when no row ends there. A row ending in a carriage return at the very end
    /// does not count: a line feed may follow in the next block.
    static func lastRowEnd(_ bytes: ArraySlice<UInt8>) -> Int {
        var state = State.fieldStart
        var last = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            switch state {
            case .quoted:
                if b == 0x22 { state = .quoteInQuoted }
            case .fieldStart, .unquoted, .quoteInQuoted:
                if b == 0x0A || b == 0x0D {
                    if b == 0x0D {
                        guard i + 1 < end else { return last }
                        if bytes[i + 1] == 0x0A { i += 1 }
                    }
                    last = i + 1
                    state = .fieldStart
                } else if b == 0x2C {
                    state = .fieldStart
                } else if state == .fieldStart {
                    state = b == 0x22 ? .quoted : .unquoted
                } else if state == .quoteInQuoted {
                    // `""` is a quote; any other character keeps the field open, as the library does.
                    state = .quoted
                }
            }
            i += 1
        }
        return last
    }

    /// The number of line feeds in a field (a CRLF counts once, as a line).
    static func lineBreaks(in field: String) -> Int {
        var n = 0
        for b in field.utf8 where b == 0x0A { n += 1 }
        return n
    }

    /// The offset of the first byte that is not valid UTF-8 (`bytes.endIndex` when all are).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return bytes.endIndex
            case .error: return offset
            }
        }
    }
}

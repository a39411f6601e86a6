import CEditLine

extension EditLineReader {
    /// Where libedit draws the prompt and the line: the row of every position of the line, laid
    /// out as refresh.c does (`re_refresh`, `re_putc`, `re_addc`), so the reader can tell which
    /// of libedit's cursor moves are safe (`EditLineReader+Redisplay.swift`).
    ///
    /// libedit fills each row of `columns` cells; a double-width character that does not fit in
    /// what is left of a row goes whole to the next one (the cell left over stays blank); a tab
    /// goes to the next multiple of eight; a control character shows as two cells (`^A`), any
    /// other unprintable one as `\U+XXXX`; a zero-width character takes no cell.
    enum Layout {
        /// Where one position of the line is drawn, the prompt's first row being 0.
        struct Place: Equatable {
            var row: Int
            var column: Int
        }

        /// The place of each position `0...line.count` (the last is the end of the line, where
        /// the cursor stands after the last character).
        static func places(prompt: [Unicode.Scalar], line: [Unicode.Scalar], columns: Int) -> [Place] {
            let columns = max(columns, 1)
            var row = 0, column = 0
            /// One drawn cell group of `width` columns: `re_putc`.
            func put(_ width: Int) {
                if width > 1 && column + width > columns {
                    row += 1
                    column = 0
                }
                column += width
                if column >= columns {
                    row += 1
                    column = 0
                }
            }
            for scalar in prompt { put(max(0, width(of: scalar))) }
            var places: [Place] = []
            places.reserveCapacity(line.count + 1)
            for scalar in line {
                let w = width(of: scalar)
                // A double-width character that will not fit starts the next row.
                places.append(w > 1 && column + w > columns ? Place(row: row + 1, column: 0) : Place(row: row, column: column))
                switch scalar {
                case "\t":
                    repeat { put(1) } while column % 8 != 0
                case "\n":
                    row += 1
                    column = 0
                default:
                    if scalar.value < 0x100 && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
                        put(1); put(1)  // ^X
                    } else if w < 0 {
                        for _ in 0..<(scalar.value > 0xFFFF ? 8 : 7) { put(1) }  // \U+XXXX
                    } else {
                        put(w)
                    }
                }
            }
            places.append(Place(row: row, column: column))
            return places
        }

        /// The row of each position `0...line.count`.
        static func rows(prompt: [Unicode.Scalar], line: [Unicode.Scalar], columns: Int) -> [Int] {
            places(prompt: prompt, line: line, columns: columns).map(\.row)
        }

        /// Columns the C library gives one character (-1 for unprintable).
        static func width(of scalar: Unicode.Scalar) -> Int {
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
                ? 1 : Int(minsheng_wcwidth(wchar_t(bitPattern: scalar.value)))
        }
    }
}

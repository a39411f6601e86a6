/// Tables for people: aligned columns, whole cells, one field per line when too wide.
///
/// A cell is shown whole: a value with line breaks takes several lines of its row, each
/// but the last marked `+` where the column ends (as psql does), so the columns stay
/// aligned. On a terminal a table wider than the screen is shown one field per line
/// (`expanded auto`, psql's `\x auto`) rather than cut; `set truncate on` cuts cells with
/// `…` to fit instead, as the shell did before.
extension Renderer {
    func table(_ rs: ResultSet, kind: RecordKind?) -> String {
        let headers = rs.columns.map { VisibleText.escape($0.label.text(language)) }
        var cells: [[String]] = []
        cells.reserveCapacity(rs.rows.count)
        for (n, row) in rs.rows.enumerated() {
            if n % 1000 == 999 && stop() { return "" }
            cells.append(zip(row, rs.columns).map { cell($0, $1, kind: kind) })
        }
        var widths = headers.map(DisplayWidth.of)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], Self.width(of: c)) } }
        let natural = widths.reduce(0, +) + 3 * widths.count - 1
        let tooWide = width.map { natural > $0 } ?? false
        if expanded == .on || (expanded == .auto && tooWide && !truncate) {
            return expandedTable(headers, cells)
        }
        if truncate, let width {
            widths = fit(widths, into: width)
            cells = cells.map { row in row.enumerated().map { Self.cut($0.element, to: widths[$0.offset]) } }
        }
        let numeric = rs.columns.map { $0.type.isNumber && $0.name != "id" }
        var out = [Self.line(headers.enumerated().map { Self.cut($0.element, to: widths[$0.offset]) }, widths, numeric)]
        out.append(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+"))
        for row in cells { out.append(Self.line(row, widths, numeric)) }
        out.append(rowCount(rs.rows.count))
        return out.joined(separator: "\n") + "\n"
    }

    /// A value as a cell: escaped, its line breaks kept as real ones (all else is escaped).
    func cell(_ v: StoreValue, _ field: FieldSpec, kind: RecordKind?) -> String {
        let text = readable(v, field, kind: kind)
        guard text.utf8.contains(0x0A) else { return VisibleText.escape(text) }
        return Self.lines(of: text).map { VisibleText.escape($0) }.joined(separator: "\n")
    }

    /// `(3 rows)`, `（共 3 条）`.
    func rowCount(_ n: Int) -> String {
        language == .zh ? "（共 \(n) 条）" : "(\(n) \(n == 1 ? "row" : "rows"))"
    }

    /// The lines of a text: `\n` and `\r\n` end a line.
    static func lines(of text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
    }

    /// Display columns of a cell: its widest line.
    static func width(of cell: String) -> Int {
        guard cell.utf8.contains(0x0A) else { return DisplayWidth.of(cell) }
        return cell.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    /// A cell cut line by line to `width` columns.
    static func cut(_ cell: String, to width: Int) -> String {
        guard cell.utf8.contains(0x0A) else { return DisplayWidth.truncate(cell, to: width) }
        return cell.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.truncate(String($0), to: width) }
            .joined(separator: "\n")
    }

    /// One row: ` a | b `, or as many lines as its tallest cell, a cell that goes on marked
    /// `+` after it.
    static func line(_ row: [String], _ widths: [Int], _ numeric: [Bool]) -> String {
        guard row.contains(where: { $0.utf8.contains(0x0A) }) else {
            let padded = row.enumerated().map { i, c in DisplayWidth.pad(c, to: widths[i], right: numeric[i]) }
            return " " + padded.joined(separator: " | ") + " "
        }
        let split = row.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let height = split.map(\.count).max() ?? 1
        return (0..<height).map { k in
            " "
                + split.enumerated().map { i, parts in
                    let text = k < parts.count ? parts[k] : ""
                    return DisplayWidth.pad(text, to: widths[i], right: numeric[i] && parts.count == 1) + (k + 1 < parts.count ? "+" : " ")
                }.joined(separator: "| ")
        }.joined(separator: "\n")
    }

    /// One field per line, each record under a `-[ RECORD 1 ]` rule (psql's `\x`).
    func expandedTable(_ headers: [String], _ cells: [[String]]) -> String {
        let labelWidth = headers.map(DisplayWidth.of).max() ?? 0
        let valueWidth = cells.flatMap { $0.map(Self.width(of:)) }.max() ?? 0
        var out: [String] = []
        for (n, row) in cells.enumerated() {
            let title = language == .zh ? "-[ 第 \(n + 1) 条 ]" : "-[ RECORD \(n + 1) ]"
            var rule = labelWidth + 3 + valueWidth
            if let width { rule = min(rule, width) }
            out.append(title + String(repeating: "-", count: max(0, rule - DisplayWidth.of(title))))
            for (i, value) in row.enumerated() {
                let parts = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (k, part) in parts.enumerated() {
                    let label = k == 0 ? headers[i] : ""
                    let mark = k + 1 < parts.count ? "+" : ""
                    out.append((DisplayWidth.pad(label, to: labelWidth) + " | " + part + mark).trimmingTrailingSpaces())
                }
            }
        }
        out.append(rowCount(cells.count))
        return out.joined(separator: "\n") + "\n"
    }

    /// Shrinks the widest columns until the table fits the terminal.
    func fit(_ widths: [Int], into total: Int) -> [Int] {
        var w = widths
        func size() -> Int { w.reduce(0, +) + 3 * w.count }
        while size() > total, let i = w.indices.max(by: { w[$0] < w[$1] }), w[i] > 8 {
            w[i] -= 1
        }
        return w
    }
}

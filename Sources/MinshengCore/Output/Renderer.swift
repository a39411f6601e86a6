/// Turns result sets into text in the chosen format.
///
/// Tables align by display width, so Chinese and mixed text line up; values are
/// shown for people in `table`, `line` and `markdown`, and kept canonical in `json`
/// and `csv`. Phone numbers are masked unless `reveal` is on.
public struct Renderer {
    public var language: Language
    public var format: OutputFormat
    /// Terminal columns to fit a table into; nil for files.
    public var width: Int?
    public var reveal: Bool
    /// Asked every thousand rows: true (Ctrl-C) stops the rendering, which then returns
    /// what it has (the caller prints nothing more).
    public var stop: () -> Bool = { false }
    /// One field per line (`set expanded`): always, never, or when a table is wider than
    /// the terminal (`auto`, the default; on a file or a pipe nothing is too wide).
    public var expanded: ExpandedMode = .auto
    /// Cut cells with `…` to fit the terminal (`set truncate on`) rather than show them whole.
    public var truncate = false
    /// CSV for Excel (`set csv-bom on`): lines end in CRLF (the BOM is the writer's, once).
    public var csvCRLF = false
    /// Leave CSV cells that Excel would run as formulas as they are (`set csv-formulas on`).
    public var csvFormulas = false

    public init(language: Language, format: OutputFormat, width: Int?, reveal: Bool = false) {
        self.language = language
        self.format = format
        self.width = width
        self.reveal = reveal
    }

    public func render(_ rs: ResultSet, kind: RecordKind?) -> String {
        switch format {
        case .json: return json(rs, kind: kind)
        case .jsonl: return jsonLines(rs, kind: kind)
        case .csv: return csv(rs, kind: kind)
        case .table, .markdown, .line:
            if rs.rows.isEmpty { return emptyMessage(kind) + "\n" }
            switch format {
            case .markdown: return markdown(rs, kind: kind)
            case .line: return lines(rs, kind: kind)
            default: return table(rs, kind: kind)
            }
        }
    }

    func emptyMessage(_ kind: RecordKind?) -> String {
        guard let kind else { return language == .zh ? "（没有结果）" : "(no results)" }
        return language == .zh ? "没有找到\(kind.schema.label.zh)" : "no \(kind.schema.plural.en) found"
    }

    /// A value as people read it, with control and invisible characters escaped.
    func display(_ v: StoreValue, _ field: FieldSpec, kind: RecordKind?) -> String {
        VisibleText.escape(readable(v, field, kind: kind))
    }

    func readable(_ v: StoreValue, _ field: FieldSpec, kind: RecordKind?) -> String {
        guard let text = v.text, !text.isEmpty else { return field.type == .decimal || field.type == .percent ? "—" : "" }
        switch field.type {
        case .percent: return text + "%"
        case .integer where field.name == "id":
            if let kind, case .integer(let n) = v { return kind.id(n) }
            return text
        case .dateTime: return Timestamp.parse(text)?.display ?? text
        case .choice(let set): return set.resolve(text)?.label.text(language) ?? text
        case .phone: return reveal ? text : PhoneMask.mask(text)
        case .tags: return HouseholdTags.display(text, language)
        case .text where !reveal && PhoneMask.freeTextFields.contains(field.name): return PhoneMask.maskNumbers(in: text)
        default: return text
        }
    }

    /// A value as programs read it.
    func canonical(_ v: StoreValue, _ field: FieldSpec, kind: RecordKind?) -> String? {
        guard let text = v.text else { return nil }
        switch field.type {
        case .integer where field.name == "id":
            if let kind, case .integer(let n) = v { return kind.id(n) }
            return text
        case .dateTime: return Timestamp.parse(text)?.iso8601 ?? text
        case .phone: return reveal ? text : PhoneMask.mask(text)
        case .tags: return HouseholdTags.decode(text).joined(separator: ",")
        case .decimal, .percent: return Self.plainNumber(text)
        case .text where !reveal && PhoneMask.freeTextFields.contains(field.name): return PhoneMask.maskNumbers(in: text)
        default: return text
        }
    }

    /// `+3.2` → `3.2`, `±0.0` → `0.0`: a number JSON and a spreadsheet read as one.
    static func plainNumber(_ text: String) -> String {
        text.hasPrefix("+") || text.hasPrefix("±") ? String(text.dropFirst()) : text
    }

    func markdown(_ rs: ResultSet, kind: RecordKind?) -> String {
        func esc(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        var out = ["| " + rs.columns.map { esc($0.label.text(language)) }.joined(separator: " | ") + " |"]
        out.append("|" + rs.columns.map { _ in "---|" }.joined())
        for row in rs.rows {
            out.append("| " + zip(row, rs.columns).map { esc(display($0, $1, kind: kind)) }.joined(separator: " | ") + " |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func lines(_ rs: ResultSet, kind: RecordKind?) -> String {
        let labels = rs.columns.map { $0.label.text(language) }
        let w = labels.map(DisplayWidth.of).max() ?? 0
        return rs.rows.map { row in
            zip(row, rs.columns).enumerated().map { i, pair in
                DisplayWidth.pad(labels[i], to: w) + " = " + display(pair.0, pair.1, kind: kind)
            }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// One JSON array per command: each row an object keyed by field name.
    func json(_ rs: ResultSet, kind: RecordKind?) -> String {
        guard !rs.rows.isEmpty else { return "[]\n" }
        let objects = rs.rows.map { "  " + jsonObject($0, rs.columns, kind: kind) }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// JSON Lines (`--format jsonl`): one object per row, one row per line, nothing else — a
    /// stream that several commands may append to.
    func jsonLines(_ rs: ResultSet, kind: RecordKind?) -> String {
        rs.rows.map { jsonObject($0, rs.columns, kind: kind) + "\n" }.joined()
    }

    /// `{"id": "C-1", "count": 3, "note": null}`: numbers as numbers, a missing or empty
    /// value as null, text quoted (hidden characters as `\uXXXX`).
    func jsonObject(_ row: [StoreValue], _ columns: [FieldSpec], kind: RecordKind?) -> String {
        "{" + jsonMembers(row, columns, kind: kind).map { $0.0 + ": " + $0.1 }.joined(separator: ", ") + "}"
    }

    /// Each field's quoted name and its JSON value, for an object of one row.
    func jsonMembers(_ row: [StoreValue], _ columns: [FieldSpec], kind: RecordKind?) -> [(String, String)] {
        zip(row, columns).map { v, f in
            let value: String
            if let c = canonical(v, f, kind: kind), !c.isEmpty {
                switch v {
                case .integer where f.name != "id": value = c
                case .real(let d) where d.isFinite: value = c
                case .text where f.type.isNumber && Double(c) != nil: value = c
                default: value = JSON.quote(c, escapingHidden: true)
                }
            } else {
                value = "null"
            }
            return (JSON.quote(f.name), value)
        }
    }

    func csv(_ rs: ResultSet, kind: RecordKind?) -> String {
        var out = [rs.columns.map { CSVText.field($0.name) }.joined(separator: ",")]
        for row in rs.rows {
            out.append(
                zip(row, rs.columns).map { v, f in
                    let text = canonical(v, f, kind: kind) ?? ""
                    // Only text can be a formula: a number (-3 in a numeric column) is left as is.
                    guard !csvFormulas, case .text = v else { return CSVText.field(text) }
                    return CSVText.field(CSVText.neutralized(text))
                }.joined(separator: ","))
        }
        let end = csvCRLF ? "\r\n" : "\n"
        return out.joined(separator: end) + end
    }
}

/// `set expanded on|off|auto`, as psql's `\x`.
public enum ExpandedMode: String, Sendable, CaseIterable {
    case on, off, auto
}

/// Masks a phone number as `138****1234`.
public enum PhoneMask {
    public static func mask(_ phone: String) -> String {
        let chars = Array(phone)
        guard chars.count >= 7 else { return String(repeating: "*", count: chars.count) }
        return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
    }
}

/// JSON string quoting.
public enum JSON {
    /// Quotes `s`; with `escapingHidden` (output a person may read in a terminal), DEL, C1
    /// controls and invisible formatting characters are written as `\uXXXX` too. The
    /// change log's hash uses the plain form, so entries written before stay verifiable.
    public static func quote(_ s: String, escapingHidden: Bool) -> String {
        guard escapingHidden, VisibleText.containsHidden(s) else { return quote(s) }
        var out = "\""
        for u in s.unicodeScalars {
            if u.value >= 0x20, VisibleText.isHidden(u) {
                out += VisibleText.codePoint(u, prefix: "\\u")
            } else {
                let q = quote(String(u))
                out += q.dropFirst().dropLast()
            }
        }
        return out + "\""
    }

    public static func quote(_ s: String) -> String {
        // Most strings need no escape: one pass over the bytes, no building scalar by scalar
        // (every logged event quotes its fields twice, for the details and for the hash).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        // The rest byte by byte (an escape is ASCII; every other byte is copied as it is).
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            guard b < 0x20 || b == 0x22 || b == 0x5C else {
                bytes.append(b)
                continue
            }
            bytes.append(0x5C)
            switch b {
            case 0x22, 0x5C: bytes.append(b)
            case 0x0A: bytes.append(0x6E)  // n
            case 0x0D: bytes.append(0x72)  // r
            case 0x09: bytes.append(0x74)  // t
            default: bytes.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])  // u00XX
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// RFC 4180 field quoting for CSV output.
public enum CSVText {
    /// A text that a spreadsheet would take for a formula — it starts with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return (OWASP's list) — with a `'` before it, which Excel
    /// shows as text and does not run: `=1+2` is exported as `'=1+2`. Any other text is
    /// returned as it is.
    public static func neutralized(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }

    /// The byte order mark Excel needs to read a CSV file as UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every `target` replaced (without Foundation).
    public func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }

    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

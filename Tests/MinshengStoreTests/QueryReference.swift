import MinshengCore

/// What a condition means, written out in Swift over the world's rows, from the language's
/// documented semantics (docs/LANGUAGE.md), not from the SQL: a comparison with an empty
/// field is false, so `!=`, `not` and `not in` hold there; `=` on a day, week or month is
/// anywhere in it; a reference compares by its record's name (all records of that name) or
/// id; a case's `dept` is its lead and every department it is dispatched to and has not
/// returned, a household's `cadre` each live cadre of its compound; voided, ended and merged rows are left out unless the query names that field.
struct QueryReference {
    let w: QueryWorld

    func rows(_ k: RecordKind) -> [[String: StoreValue]] { w.rows[k] ?? [] }

    /// The field's value in a row: stored, read through another record, or derived.
    func value(_ row: [String: StoreValue], _ f: FieldSpec, _ kind: RecordKind) -> StoreValue {
        let id = row["id"]?.int ?? 0
        if let fact = f.fact {
            switch fact {
            case .lastVisit:
                return rows(.visit).filter { $0["household_id"]?.int == id && $0["voided_at"] == .null }.compactMap { $0["day"]?.text }.max().map { .text($0) }
                    ?? .null
            case .cadre:
                guard let compound = row["compound_id"]?.int else { return .null }
                return rows(.assignment).filter { $0["compound_id"]?.int == compound && $0["ended_at"] == .null }
                    .min { ($0["id"]?.int ?? 0) < ($1["id"]?.int ?? 0) }?["cadre_id"] ?? .null
            case .cases: return .integer(rows(.case).filter { $0["household_id"]?.int == id }.count)
            case .compounds: return .integer(rows(.assignment).filter { $0["cadre_id"]?.int == id && $0["ended_at"] == .null }.count)
            case .pairs:
                return .integer(rows(.pair).filter { ($0["office_id"]?.int == id || $0["community_cadre_id"]?.int == id) && $0["ended_at"] == .null }.count)
            case .visits:
                return .integer(rows(.visit).filter { ($0["cadre_id"]?.int == id || $0["partner_id"]?.int == id) && $0["voided_at"] == .null }.count)
            }
        }
        if let via = f.through, let column = f.column {
            guard let other = row[via.column]?.int else { return .null }
            return rows(via.kind).first { $0["id"]?.int == other }?[column] ?? .null
        }
        return f.column.map { row[$0] ?? .null } ?? .null
    }

    static func isEmpty(_ v: StoreValue) -> Bool { v == .null || v.text == "" }

    /// Text compared as stored, code point by code point (UTF-8 byte order).
    static func less(_ a: String, _ b: String) -> Bool { a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value)) }

    static func contains(_ hay: String, _ needle: String) -> Bool {
        let h = Array(hay.unicodeScalars), n = Array(needle.unicodeScalars)
        guard n.count <= h.count else { return false }
        return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
    }

    /// The ids of `kind`'s records that a reference value names: an id, every record of
    /// that name, or (`~`) every record whose name holds it.
    func named(_ kind: RecordKind, _ text: String, containing: Bool) -> Set<Int> {
        if !containing, let (k, n) = RecordKind.forID(text), k == kind { return [n] }
        let title = kind.schema.titleColumn
        return Set(
            rows(kind).filter { row in
                guard let t = row[title]?.text else { return false }
                return containing ? Self.contains(t, text) : t == text
            }.compactMap { $0["id"]?.int })
    }

    /// A half-open span for a date word: a moment (to the second), a day, an ISO week or a month.
    static func span(_ s: String) -> (Timestamp, Timestamp)? {
        if s.contains("T"), let t = Timestamp.parse(s) { return (t, t.adding(seconds: 1)) }
        if let d = Day.parse(s) { return (Timestamp(day: d), Timestamp(day: Day(ordinal: d.ordinal + 1))) }
        let parts = s.split(separator: "-").map(String.init)
        guard parts.count == 2, let y = Int(parts[0]) else { return nil }
        if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()), let jan4 = Day(year: y, month: 1, day: 4) {
            let monday = Day(ordinal: jan4.ordinal - (jan4.weekday - 1) + (week - 1) * 7)
            return (Timestamp(day: monday), Timestamp(day: Day(ordinal: monday.ordinal + 7)))
        }
        guard let m = Int(parts[1]), let first = Day(year: y, month: m, day: 1),
            let next = m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1)
        else { return nil }
        return (Timestamp(day: first), Timestamp(day: next))
    }

    /// Whether `field op text` holds for a row (`op`: = != < <= > >= ~).
    func holds(_ row: [String: StoreValue], _ kind: RecordKind, _ f: FieldSpec, _ op: String, _ text: String) -> Bool {
        if op == "!=" { return !holds(row, kind, f, "=", text) }
        let v = value(row, f, kind)
        let id = row["id"]?.int ?? 0
        switch f.type {
        case .computed(let c):
            let created = Timestamp.parse(row["created_at"]?.text ?? "") ?? clock
            let due = Timestamp.parse(row["resolve_due"]?.text ?? "") ?? clock
            let n: Int
            switch c {
            case .overdue: return !["resolved", "closed"].contains(row["status"]?.text ?? "") && due < w.now
            case .visited: return rows(.visit).contains { $0["household_id"]?.int == id && $0["voided_at"] == .null }
            case .age: n = Self.floorDiv(w.now.seconds - created.seconds, 86400)
            case .daysLeft: n = Self.floorDiv(due.seconds - w.now.seconds, 86400)
            case .workingAge: n = WorkCalendar.shipped.workingAge(received: created, now: w.now)
            case .daysToResolve, .responseTime:
                // A duration in seconds between two stored times; none until both are there.
                let end = c == .daysToResolve ? "resolved_at" : "responded_at"
                guard let from = Timestamp.parse(row["created_at"]?.text ?? ""), let to = Timestamp.parse(row[end]?.text ?? ""),
                    let unit = f.durationUnit, let tenths = Self.tenths(text)
                else { return false }
                return Self.compare(to.seconds - from.seconds, op, tenths * unit / 10)
            }
            return Self.compare(n, op, Int(text) ?? 0)
        default: break
        }
        if f.fact == .cadre {
            // A household is each of its compound's cadres'.
            let ids = named(.cadre, text, containing: op == "~")
            let compound = row["compound_id"]?.int
            return rows(.assignment).contains { $0["compound_id"]?.int == compound && $0["ended_at"] == .null && ids.contains($0["cadre_id"]?.int ?? 0) }
        }
        if kind == .case && f.name == "dept" {
            let ids = named(.department, text, containing: op == "~")
            let live = w.dispatch.filter { $0["case_id"]?.int == id && $0["returned_at"] == .null }.compactMap { $0["department_id"]?.int }
            return ([v.int].compactMap { $0 } + live).contains { ids.contains($0) }
        }
        guard !Self.isEmpty(v), let s = v.text else { return false }
        switch f.type {
        case .text, .phone:
            if op == "~" { return Self.contains(s, text) }
            return op == "=" ? s == text : Self.compare(s, op, text)
        case .integer:
            let q = f.name == "id" ? (RecordKind.forID(text)?.1 ?? Int(text)) : Int(text)
            guard let q, let n = v.int else { return false }
            return Self.compare(n, op, q)
        case .choice(let set):
            if set == .caseStatus && text == "open" { return s != "closed" }
            return s == set.resolve(text)?.value
        case .reference(let target):
            guard let n = v.int else { return false }
            return named(target, text, containing: op == "~").contains(n)
        case .tags:
            let tag = ChoiceSet.householdTag.resolve(text)?.value ?? text
            return Self.contains(s, op == "~" ? tag : ",\(tag),")
        case .date, .dateTime:
            guard let (start, end) = Self.span(text) else { return false }
            let (lo, hi) = f.type == .date ? (start.day.iso, end.day.iso) : (start.storage, end.storage)
            switch op {
            case "=": return !Self.less(s, lo) && Self.less(s, hi)
            case "<": return Self.less(s, lo)
            case "<=": return Self.less(s, hi)
            case ">": return !Self.less(s, hi)
            case ">=": return !Self.less(s, lo)
            default: return false
            }
        default: return false
        }
    }

    /// A number with at most one decimal, in tenths (`2.5` → 25).
    static func tenths(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]) else { return nil }
        guard parts.count == 2 else { return whole * 10 }
        guard parts[1].count == 1, let tenth = Int(parts[1]) else { return nil }
        return whole * 10 + (text.hasPrefix("-") ? -tenth : tenth)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func compare<T: Comparable>(_ a: T, _ op: String, _ b: T) -> Bool {
        switch op {
        case "=": return a == b
        case "<": return a < b
        case "<=": return a <= b
        case ">": return a > b
        case ">=": return a >= b
        default: return false
        }
    }

    static func compare(_ a: String, _ op: String, _ b: String) -> Bool {
        switch op {
        case "<": return less(a, b)
        case "<=": return !less(b, a)
        case ">": return less(b, a)
        case ">=": return !less(a, b)
        default: return false
        }
    }

    /// Whether a row is left out of a query that does not name `mentioned`.
    func hidden(_ row: [String: StoreValue], _ kind: RecordKind, mentioned: String) -> Bool {
        for (field, column) in [("voided", "voided_at"), ("ended", "ended_at"), ("merged", "merged_at")] where kind.schema.field(field) != nil {
            let asked = mentioned == field || (field == "merged" && mentioned == "merged-into")
            if !asked, !Self.isEmpty(row[column] ?? .null) { return true }
        }
        return false
    }
}

extension StoreValue {
    var int: Int? {
        if case .integer(let n) = self { return n }
        return nil
    }
}

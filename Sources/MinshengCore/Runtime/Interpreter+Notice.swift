/// 通报 (常通报): commend (表彰) or criticize (批评) a department, community or cadre. A
/// notice is listed by `notice list` and shown under the assessment of its unit for the
/// period it names (`period=`) or, without one, the period in which it was issued.
extension Interpreter {
    /// A department, community or cadre given by id (`D-1`, `S-2`, `G-3`) or by name; a name
    /// that two kinds share must be given by id.
    func noticeTarget(_ b: BoundValue) throws -> (AssessedUnit, Int, String) {
        let text = b.value.display
        if let (kind, _) = RecordKind.forID(text), let unit = AssessedUnit.allCases.first(where: { $0.kind == kind }) {
            let id = try resolve(kind, b)
            return (unit, id, try title(kind, id))
        }
        var found: [(AssessedUnit, Int)] = []
        for unit in AssessedUnit.allCases {
            // A unit merged into another is the one kept.
            if let id = try store.lookup(unit.kind, name: text) { found.append((unit, try kept(unit.kind, id))) }
        }
        guard let first = found.first else {
            let names = try AssessedUnit.allCases.flatMap { try store.names($0.kind, prefix: "", limit: 500) }
            throw ScriptError.runtime(
                "no department, community or cadre named '\(text)'", "没有名为 '\(text)' 的科室、社区或干部", at: b.location,
                hint: Suggestion.hint(for: text, in: names))
        }
        guard found.count == 1 else {
            let ids = found.map { $0.0.kind.id($0.1) }.joined(separator: ", ")
            throw ScriptError.runtime(
                "'\(text)' names more than one unit: \(ids)", "'\(text)' 对应多个单位：\(ids)", at: b.location,
                hint: Localized(en: "give it by id", zh: "请用编号指定"))
        }
        return (first.0, first.1, try title(first.0.kind, first.1))
    }

    /// `notice commend|criticize TARGET reason=… [period=…]`.
    func notice(_ inv: Invocation, type: String) throws -> [Output] {
        guard let tb = inv["target"] else { return [] }
        let (unit, id, name) = try noticeTarget(tb)
        let reason = inv.text("reason")?.trimmingWhitespace() ?? ""
        guard !reason.isEmpty else {
            throw ScriptError.validation("a notice needs a reason", "通报须写明事由", at: inv["reason"]?.location ?? inv.location)
        }
        let period = try inv["period"].map { try parsePeriod($0, name: "period").label }
        var values = stamp
        values["type"] = .text(type)
        values["target_kind"] = .text(unit.kind.rawValue)
        values["target_id"] = .integer(id)
        values["target_name"] = .text(name)
        values["reason"] = .text(reason)
        values["period"] = period.map(StoreValue.text) ?? .null
        let n = try store.insert(.notice, values)
        var details = [("type", type), ("target", unit.kind.id(id)), ("name", name), ("reason", reason)]
        if let period { details.append(("period", period)) }
        try log(inv, "notice.\(type)", .notice, n, details)
        let display = RecordKind.notice.id(n)
        session.lastID = display
        let t = ChoiceSet.noticeType.resolve(type)?.label ?? Localized(type)
        let what = unit.kind.schema.label
        let about = period.map { lang == .zh ? "（\($0)）" : " (\($0))" } ?? ""
        return [
            .text(
                lang == .zh
                    ? "通报 \(display)：\(t.zh) \(what.zh) \(name)\(about)——\(reason)" : "notice \(display): \(t.en) \(what.en) \(name)\(about) — \(reason)")
        ]
    }

    /// Notices about one unit, or all; optionally those issued in or naming a period.
    func notices(_ unit: AssessedUnit?, id: Int?, period: Period?) throws -> [StoredRecord] {
        var match: [String: StoreValue] = [:]
        if let unit { match["target_kind"] = .text(unit.kind.rawValue) }
        if let id { match["target_id"] = .integer(id) }
        let all = try store.select(.notice, matching: match, orderBy: [])
        guard let period else { return all }
        return all.filter { r in
            if let p = r.text("period"), !p.isEmpty { return p == period.label }
            guard let at = r.text("created_at").flatMap(Timestamp.parse) else { return false }
            return period.start <= at && at < period.end
        }
    }

    /// `notice list [TARGET] [period=…]`.
    func noticeList(_ inv: Invocation) throws -> [Output] {
        let target = try inv["target"].map(noticeTarget)
        let period = try inv["period"].map { try parsePeriod($0, name: "period") }
        let rows = try notices(target?.0, id: target?.1, period: period)
        let columns = [
            FieldSpec.id, column("issued", "日期"), FieldSpec("type", [], .choice(.noticeType), label: Localized(en: "type", zh: "类型")),
            column("target", "对象"), column("period", "期间"), column("reason", "事由"), column("by", "发布人"),
        ]
        let values: [[StoreValue]] = rows.map { r in
            [
                .integer(r.id), .text(r.text("created_at").flatMap(Timestamp.parse)?.day.iso ?? ""), r["type"],
                .text(noticeTargetText(r)), r["period"], r["reason"], r["created_by"],
            ]
        }
        return [.table(ResultSet(columns: columns, rows: values), kind: .notice)]
    }

    /// `城建科 (department)`.
    func noticeTargetText(_ r: StoredRecord) -> String {
        let kind = RecordKind(rawValue: r.text("target_kind") ?? "")
        let name = r.text("target_name") ?? ""
        return lang == .zh ? "\(name)（\(kind.schema.label.zh)）" : "\(name) (\(kind.schema.label.en))"
    }

    /// The notices shown under an assessment: `notices: N-1 2019-12-03 commend 城建科 — …`.
    func noticeLines(_ unit: AssessedUnit, _ period: Period) throws -> [Output] {
        let rows = try notices(unit, id: nil, period: period)
        guard !rows.isEmpty else { return [] }
        let zh = lang == .zh
        var lines = [zh ? "通报（\(rows.count)）：" : "notices (\(rows.count)):"]
        for r in rows {
            let t = ChoiceSet.noticeType.resolve(r.text("type") ?? "")?.label.text(lang) ?? ""
            let day = r.text("created_at").flatMap(Timestamp.parse)?.day.iso ?? ""
            let reason = (r.text("reason") ?? "").oneLine
            lines.append("  \(RecordKind.notice.id(r.id)) \(day) \(t) \(r.text("target_name") ?? "")" + (zh ? "：\(reason)" : ": \(reason)"))
        }
        return lines.map { .text($0) }
    }
}

extension Interpreter {
    /// `case show C-1` for programs (`--format json|jsonl|csv`): the case's fields as `show C-1`
    /// gives them (numbers as numbers, null for what is missing), the departments it is with
    /// now, and its timeline. JSON nests the timeline in the case's object; CSV, a table,
    /// gives the timeline, one step a row, each row naming the case.
    func caseDocument(_ c: CaseRecord) throws -> [Output] {
        let steps = try timelineEntries(c)
        let r = renderer(session.format, width: nil)
        if session.format == .csv {
            let columns = [
                FieldSpec("case", ["诉求"], .text, label: Localized(en: "case", zh: "诉求"), column: nil),
                FieldSpec("at", ["时间"], .dateTime, label: Localized(en: "at", zh: "时间"), column: nil),
                FieldSpec("step", ["步骤"], .text, label: Localized(en: "step", zh: "步骤"), column: nil),
                FieldSpec("who", ["办理人"], .text, label: Localized(en: "who", zh: "办理人"), column: nil),
                FieldSpec("details", ["详情"], .text, label: Localized(en: "details", zh: "详情"), column: nil),
            ]
            let rows: [[StoreValue]] = steps.map {
                [.text(c.display), .text($0.at.storage), .text($0.step), .text($0.who), $0.details.isEmpty ? .null : .text($0.details)]
            }
            return [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
        }
        guard let record = try store.fetch(.case, id: c.id), let row = record.rows.first else { return [] }
        let departments = try store.select(.caseDispatch, matching: ["case_id": .integer(c.id), "returned_at": .null], orderBy: [])
            .map { JSON.quote(try departmentName($0.int("department_id") ?? 0), escapingHidden: true) }
        let timeline = steps.map { s in
            "{"
                + [
                    ("at", JSON.quote(s.at.iso8601)), ("step", JSON.quote(s.step)), ("label", JSON.quote(stepLabel(s.step))),
                    ("who", JSON.quote(s.who, escapingHidden: true)),
                    ("details", s.details.isEmpty ? "null" : JSON.quote(s.details, escapingHidden: true)),
                ].map { JSON.quote($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}"
        }
        let members =
            r.jsonMembers(row, record.columns, kind: .case)
            + [("\"departments\"", "[" + departments.joined(separator: ", ") + "]")]
        let lines: [String]
        if session.format == .jsonl {
            lines = ["{" + (members.map { $0.0 + ": " + $0.1 } + ["\"timeline\": [" + timeline.joined(separator: ", ") + "]"]).joined(separator: ", ") + "}"]
        } else {
            lines =
                ["{"] + members.map { "  " + $0.0 + ": " + $0.1 + "," } + ["  \"timeline\": ["]
                + timeline.enumerated().map { "    " + $1 + ($0 < timeline.count - 1 ? "," : "") } + ["  ]", "}"]
        }
        return [.text(lines.joined(separator: "\n"))]
    }
}

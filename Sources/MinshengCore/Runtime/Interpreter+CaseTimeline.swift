extension Interpreter {
    /// The steps of a case from the event log, one line each: when, what, who, details.
    /// A case imported from a work order has no intake event; its first line comes from
    /// the record itself.
    func timeline(_ c: CaseRecord) throws -> [String] {
        let entries = try timelineEntries(c).map { (at: $0.at, step: stepLabel($0.step), who: $0.who, details: $0.details) }
        let stepWidth = entries.map { DisplayWidth.of($0.step) }.max() ?? 0
        let whoWidth = entries.map { DisplayWidth.of($0.who) }.max() ?? 0
        return entries.map { e in
            let line = "  \(e.at.display)  " + DisplayWidth.pad(e.step, to: stepWidth) + "  " + DisplayWidth.pad(e.who, to: whoWidth) + "  " + e.details.oneLine
            return line.trimmingTrailingSpaces()
        }
    }

    /// The steps of a case as data: when, the step's verb (`new`, `dispatch` …), who, and
    /// what it said in the session's language.
    func timelineEntries(_ c: CaseRecord) throws -> [(at: Timestamp, step: String, who: String, details: String)] {
        var entries: [(at: Timestamp, step: String, who: String, details: String)] = []
        let events = try store.events(kind: .case, recordID: c.id)
        let via = c.text("work_order").map { (lang == .zh ? "12345 工单 " : "12345 work order ") + $0 } ?? ""
        // A case imported before each had its own entry has only the batch's: its first line
        // comes from the record.
        if !events.contains(where: { $0.action == "case.new" || $0.action == "case.import" }) {
            entries.append((c.created, "new", c.text("created_by") ?? "", via))
        }
        for e in events where e.action == "case.import" {
            // Received when the work order says; imported (the entry's time) from the batch.
            let batch = e.details.first { $0.0 == "batch" }.map {
                lang == .zh ? " · \(e.at.display) 导入自 \(fileName($0.1))" : " · imported \(e.at.display) from \(fileName($0.1))"
            } ?? ""
            entries.append((c.created, "new", e.actor, via + batch))
        }
        for e in events where e.action.hasPrefix("case.") && e.action != "case.import" {
            let verb = String(e.action.dropFirst("case.".count))
            let by = e.details.first { $0.0 == "by" }?.1 ?? e.actor
            let who = by == e.actor ? by : (lang == .zh ? "\(by)（\(e.actor)录入）" : "\(by) (entered by \(e.actor))")
            var details = eventDetails(verb, e.details)
            // A step entered under a clock set by hand says when it was really entered.
            if let wall = Timestamp.wall(e.wall), abs(wall.seconds - e.at.seconds) > 300 {
                let mark = lang == .zh ? "时钟手设，实际录入于 \(wall.display)" : "clock set by hand, entered \(wall.display)"
                details = details.isEmpty ? mark : details + (lang == .zh ? "；" : "; ") + mark
            }
            entries.append((e.at, verb, who, details))
        }
        return entries
    }

    func stepLabel(_ verb: String) -> String {
        let labels: [String: Localized] = [
            "new": Localized(en: "received", zh: "受理"), "respond": Localized(en: "responded", zh: "响应"),
            "verify": Localized(en: "verified", zh: "核实"), "report": Localized(en: "reported", zh: "上报"),
            "dispatch": Localized(en: "dispatched", zh: "派单"), "return": Localized(en: "returned", zh: "退单"),
            "progress": Localized(en: "progress", zh: "进展"), "resolve": Localized(en: "resolved", zh: "办结"),
            "callback": Localized(en: "callback", zh: "回访"), "close": Localized(en: "closed", zh: "结案"),
            "deadlines": Localized(en: "deadlines recomputed", zh: "期限重算"),
            "move": Localized(en: "moved (correction)", zh: "更正社区"), "edit": Localized(en: "corrected", zh: "更正"),
            "reopen": Localized(en: "close undone", zh: "撤销结案"), "undispatch": Localized(en: "dispatch undone", zh: "撤销派单"),
        ]
        return labels[verb]?.text(lang) ?? verb
    }

    /// What a step said, in the session's language: `to 张书记`, `城建科 + 六里屯社区`, `不满意: reopened …`.
    func eventDetails(_ verb: String, _ details: [(String, String)]) -> String {
        let zh = lang == .zh
        func get(_ k: String) -> String? { details.first { $0.0 == k }?.1 }
        var parts: [String] = []
        switch verb {
        case "new":
            if let s = get("source") { parts.append((zh ? "来源 " : "from ") + (label(.caseSource, s) ?? s)) }
            if let w = get("work-order") { parts.append((zh ? "工单 " : "work order ") + w) }
            if let d = get("duplicate-of") { parts.append((zh ? "重复于 " : "duplicate of ") + d) }
        case "report":
            if let t = get("to") { parts.append((zh ? "报告 " : "to ") + t + (get("cadre").map { " (\($0))" } ?? "")) }
        case "dispatch":
            let names = (get("dept") ?? "").split(separator: ",").map(String.init)
            parts.append(dispatchSummary(names: names, lead: get("lead"), community: get("community") ?? "", supervisor: get("supervisor")).text(lang))
        case "callback":
            if let r = get("result") { parts.append(label(.callbackResult, r) ?? r) }
            if let n = get("reopened"), let due = get("resolve-due").flatMap(Timestamp.parse) {
                parts.append(zh ? "重新办理（第 \(n) 次），办结期限 \(due.display)" : "reopened, resolve by \(due.display)")
            }
        case "move":
            parts.append("\(get("community-was").flatMap { $0.isEmpty ? nil : $0 } ?? "—") → \(get("community") ?? "")")
        case "edit":
            for key in ["title", "description", "category", "kind", "urgency", "resident", "phone"] {
                guard let now = get(key) else { continue }
                let was = get(key + "-was") ?? ""
                parts.append("\(key) \(was.isEmpty ? "—" : was) → \(now.isEmpty ? "—" : now)")
            }
        case "deadlines":
            for (key, en, zhWord) in [("respond-due", "respond by", "响应期限"), ("resolve-due", "resolve by", "办结期限")] {
                guard let was = get(key + "-was").flatMap(Timestamp.parse), let now = get(key).flatMap(Timestamp.parse) else { continue }
                parts.append(zh ? "\(zhWord) \(was.display) → \(now.display)" : "\(en) \(was.display) → \(now.display)")
            }
        case "close":
            if let of = get("of") {
                parts.append((zh ? "重复于 " : "duplicate of ") + of)
            } else if let o = get("outcome") {
                parts.append(label(.caseOutcome, o) ?? o)
            }
        default: break
        }
        if let n = get("note") { parts.append(n) }
        if let r = get("reason") { parts.append((zh ? "原因：" : "reason: ") + r) }
        return parts.joined(separator: zh ? "；" : "; ")
    }
}

/// The last part of a path (`工单.csv` of `/data/工单.csv`).
func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

extension Interpreter {
    /// `policy show`: one row per urgency; a rule nobody changed says `default`.
    func policyShow(_ inv: Invocation) throws -> [Output] {
        let policy = try casePolicy()
        func col(_ name: String, _ zh: String, _ type: FieldType = .text) -> FieldSpec {
            FieldSpec(name, [], type, label: Localized(en: name, zh: zh), column: nil)
        }
        let columns = [col("urgency", "紧急程度", .choice(.urgency)), col("respond", "响应时限"), col("resolve", "办结时限"), col("set-by", "设置")]
        let rows: [[StoreValue]] = policy.rules.map { r in
            let who =
                r.isDefault
                ? (lang == .zh ? "默认" : "default")
                : "\(r.changedBy ?? "") \(r.changedAt?.display ?? "")"
            return [.text(r.urgency), .text(Span.setting(r.respond)), .text(Span.setting(r.resolve)), .text(who)]
        }
        return [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
    }

    /// `policy set urgency=urgent respond=2h resolve=24h`: new cases take the new deadlines;
    /// those already taken in keep theirs.
    func policySet(_ inv: Invocation) throws -> [Output] {
        guard let urgency = inv.text("urgency") else { return [] }
        guard inv["respond"] != nil || inv["resolve"] != nil else {
            throw ScriptError.validation(
                "'policy set' needs respond= or resolve=", "'policy set' 需要 respond= 或 resolve=", at: inv.location,
                hint: Localized(en: "e.g. policy set urgency=urgent respond=2h resolve=24h", zh: "例如 policy set urgency=urgent respond=2h resolve=24h"))
        }
        var rule = try casePolicy().rule(urgency)
        for name in ["respond", "resolve"] {
            guard let b = inv[name], case .duration(let d) = b.value else { continue }
            guard d.seconds > 0 else {
                throw ScriptError.validation("\(name)= must be longer than zero", "\(name)= 必须大于零", at: b.location)
            }
            if name == "respond" { rule.respond = d.seconds } else { rule.resolve = d.seconds }
        }
        guard rule.respond <= rule.resolve else {
            throw ScriptError.validation(
                "the response time (\(Span.setting(rule.respond))) cannot be longer than the resolve time (\(Span.setting(rule.resolve)))",
                "响应时限（\(Span.setting(rule.respond))）不能长于办结时限（\(Span.setting(rule.resolve))）", at: (inv["respond"] ?? inv["resolve"])?.location)
        }
        let now = session.now
        let values: [String: StoreValue] = [
            "urgency": .text(urgency), "respond_seconds": .integer(rule.respond), "resolve_seconds": .integer(rule.resolve),
            "updated_at": .text(now.storage), "updated_by": .text(session.actor),
        ]
        if let existing = try store.select(.casePolicy, matching: ["urgency": .text(urgency)], orderBy: []).first {
            try store.update(.casePolicy, id: existing.id, values)
        } else {
            _ = try store.insert(.casePolicy, values)
        }
        try log(inv, "policy.set", nil, nil, [("urgency", urgency), ("respond", Span.setting(rule.respond)), ("resolve", Span.setting(rule.resolve))])
        let u = ChoiceSet.urgency.resolve(urgency)?.label ?? Localized(urgency)
        return [
            .text(
                lang == .zh
                    ? "\(u.zh)诉求：响应 \(Span.setting(rule.respond))，办结 \(Span.setting(rule.resolve))（对此后受理的诉求生效，已有诉求的期限不变）"
                    : "\(u.en) cases: respond \(Span.setting(rule.respond)), resolve \(Span.setting(rule.resolve)) (for cases taken in from now on; existing deadlines stay)"
            )
        ]
    }
}

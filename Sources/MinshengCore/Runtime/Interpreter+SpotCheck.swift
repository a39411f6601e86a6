/// 随机抽查: the discipline team draws closed cases at random and calls the residents back.
///
/// `spotcheck N [where …] [seed=S]` draws N cases from the closed ones (those closed as
/// duplicates left out) that match, by reservoir sampling over them in case-number order
/// with the seeded SplitMix64 — the same seed over the same cases draws the same sample.
/// Without `seed=` the seed is the clock in seconds, and it is printed and kept, so any
/// draw can be repeated. The results (`spotcheck record`) count in the 满意率 of the
/// case's unit and period, beside its own callbacks.
extension Interpreter {
    func spotCheck(_ inv: Invocation) throws -> [Output] {
        var tokens = inv.rest
        let ctx = session.bindingContext
        guard let first = tokens.first else {
            throw ScriptError.syntax(
                "'spotcheck' needs how many cases to draw", "'抽查' 需要抽取的件数", at: inv.location,
                hint: Localized(en: "e.g. spotcheck 5 where created = 2019-11 seed=7", zh: "例如 抽查 5 where created = 2019-11 seed=7"))
        }
        guard let size = Int(try ctx.folded(first)), size >= 1 else {
            throw ScriptError.validation(
                "'\(first.spelling)' is not a number of cases to draw", "'\(first.spelling)' 不是有效的抽取件数", at: first.location,
                hint: Localized(en: "a whole number from 1, e.g. spotcheck 5", zh: "请写 1 以上的整数，如 抽查 5"))
        }
        tokens.removeFirst()
        var seed = UInt64(max(0, session.now.seconds))
        if let i = tokens.indices.first(where: {
            ["seed", "种子"].contains(tokens[$0].text?.lowercased() ?? "") && $0 + 1 < tokens.count && tokens[$0 + 1].kind == .equals
        }) {
            guard i + 2 < tokens.count, let s = UInt64(try ctx.folded(tokens[i + 2])) else {
                throw ScriptError.validation(
                    "seed= expects a whole number from 0", "seed= 需要非负整数", at: tokens[min(i + 2, tokens.count - 1)].location)
            }
            seed = s
            tokens.removeSubrange(i...(i + 2))
        }
        let filterText = tokens.map(\.spelling).joined(separator: " ")
        let q = try spotCheckQuery(inv, tokens)
        var sampler = SpotCheckSampler(size: size, seed: seed)
        try assessmentStore.caseNumbers(q, now: session.now) { sampler.offer($0) }
        guard sampler.population > 0 else {
            throw ScriptError.runtime(
                "no closed cases to draw from" + (filterText.isEmpty ? "" : " (\(filterText))"),
                "没有可抽查的已关闭诉求" + (filterText.isEmpty ? "" : "（\(filterText)）"), at: inv.location)
        }
        let sample = sampler.sample
        let id = try store.insert(
            .spotCheck,
            stamp.merging([
                "size": .integer(sample.count), "population": .integer(sampler.population), "seed": .text(String(seed)), "filter": .text(filterText),
            ]) { a, _ in a })
        for c in sample { _ = try store.insert(.spotCheckCase, ["spotcheck_id": .integer(id), "case_id": .integer(c)]) }
        let display = RecordKind.spotCheck.id(id)
        try log(
            inv, "spotcheck.new", .spotCheck, id,
            [
                ("size", String(sample.count)), ("population", String(sampler.population)), ("seed", String(seed)), ("where", filterText),
                ("cases", sample.map { RecordKind.case.id($0) }.joined(separator: ",")),
            ])
        session.lastID = display
        let zh = lang == .zh
        let whereText = filterText.isEmpty ? "" : (zh ? "，\(filterText)" : ", \(filterText)")
        var out: [Output] = [
            .text(
                zh
                    ? "抽查 \(display)：从 \(sampler.population) 件已关闭诉求中抽取 \(sample.count) 件，种子 \(seed)\(whereText)"
                    : "spot check \(display): \(sample.count) of \(sampler.population) closed cases, seed \(seed)\(whereText)")
        ]
        if sample.count < size {
            out.append(.text(zh ? "（只有 \(sampler.population) 件可抽，已全部抽取）" : "(only \(sampler.population) to draw from: all taken)"))
        }
        out.append(try spotCheckTable(id))
        out.append(
            .text(
                zh
                    ? "记录回访结果：抽查 回访 \(display) 诉求编号 结果=满意|基本满意|不满意"
                    : "record each re-callback: spotcheck record \(display) C-n result=satisfied|basic|unsatisfied"))
        return out
    }

    /// Closed cases, not duplicates, matching the user's `where`, in case-number order.
    func spotCheckQuery(_ inv: Invocation, _ tokens: [Token]) throws -> Query {
        let s = RecordSchema.case
        guard let status = s.field("status"), let outcome = s.field("outcome") else { return Query(kind: .case) }
        var q = Query(kind: .case)
        if let first = tokens.first {
            guard let w = first.text?.lowercased(), w == "where" || w == "条件" else {
                throw ScriptError.syntax(
                    "expected where or seed=, found \(first.spelling)", "这里应是 where 或 seed=，却是 \(first.spelling)", at: first.location,
                    hint: Localized(en: "spotcheck 5 where community=六里屯社区 seed=7", zh: "例如 抽查 5 where community=六里屯社区 seed=7"))
            }
            q = try parseQuery(inv, tokens: [Token(.word("cases"), at: first.location)] + tokens, groups: false)
            guard q.ordering.isEmpty, q.limit == nil else {
                throw ScriptError.validation(
                    "a spot check draws from all matching cases: no order by or limit", "抽查从全部符合条件的诉求中抽取，不能用 order by 或 limit", at: first.location)
            }
        }
        let closed = Predicate.and(
            .compare(status, .equal, .text("closed")), .or(.isEmpty(outcome), .compare(outcome, .notEqual, .text("duplicate"))))
        q.predicate = q.predicate.map { .and(closed, $0) } ?? closed
        q.ordering = []
        return q
    }

    /// The cases a spot check drew, with their callback and re-callback.
    func spotCheckTable(_ id: Int) throws -> Output {
        let drawn = try store.select(.spotCheckCase, matching: ["spotcheck_id": .integer(id)], orderBy: ["case_id"])
        var names = NameCache()
        let s = RecordSchema.case
        let columns =
            [FieldSpec.id, s.field("title"), s.field("community"), s.field("dept")].compactMap { $0 } + [
                column("closed", "关闭时间"), column("callback", "原回访"), column("re-callback", "抽查回访"), column("note", "备注"),
            ]
        var rows: [[StoreValue]] = []
        for d in drawn {
            guard let n = d.int("case_id"), let c = try store.select(.case, matching: ["id": .integer(n)], orderBy: []).first.map(CaseRecord.init) else {
                continue
            }
            rows.append([
                .integer(n), .text(c.title), try names.name(.community, c.int("community_id"), store),
                try names.name(.department, c.int("department_id"), store),
                .text(c.time("closed_at")?.display ?? ""), .text(c.satisfaction?.label.text(lang) ?? ""),
                .text(d.text("result").flatMap(CallbackResult.init(rawValue:))?.label.text(lang) ?? ""), d["note"],
            ])
        }
        return .table(ResultSet(columns: columns, rows: rows), kind: .case)
    }

    /// `spotcheck record SC-1 C-12 result=… [note=…] [by=…]`: one result per drawn case.
    func spotCheckRecord(_ inv: Invocation) throws -> [Output] {
        guard let cb = inv["check"], let caseBound = inv["case"], let result = inv.text("result").flatMap(CallbackResult.init(rawValue:)) else { return [] }
        let check = try resolve(.spotCheck, cb)
        let n = try caseNumber(caseBound)
        let drawn = try store.select(.spotCheckCase, matching: ["spotcheck_id": .integer(check)], orderBy: ["case_id"])
        let display = RecordKind.spotCheck.id(check), caseID = RecordKind.case.id(n)
        guard let row = drawn.first(where: { $0.int("case_id") == n }) else {
            let ids = drawn.compactMap { $0.int("case_id") }.map { RecordKind.case.id($0) }
            throw ScriptError.runtime(
                "\(caseID) was not drawn by \(display)", "\(caseID) 不在抽查 \(display) 的样本中", at: caseBound.location,
                hint: Localized(en: "\(display) drew \(ids.joined(separator: ", "))", zh: "\(display) 抽中的是 \(ids.joined(separator: "、"))"))
        }
        if let had = row.text("result").flatMap(CallbackResult.init(rawValue:)) {
            let at = row.text("called_at").flatMap(Timestamp.parse)?.display ?? ""
            throw ScriptError.runtime(
                "\(caseID) was already called back in \(display): \(had.label.en) (\(at))", "\(caseID) 在抽查 \(display) 中已回访：\(had.label.zh)（\(at)）",
                at: caseBound.location, hint: Localized(en: "one re-callback per case and spot check", zh: "每次抽查每件诉求只回访一次"))
        }
        let by = inv.text("by") ?? session.actor
        var values: [String: StoreValue] = [
            "result": .text(result.rawValue), "called_at": .text(session.now.storage), "called_by": .text(by), "recorded_by": .text(session.actor),
        ]
        values["note"] = inv.text("note").map(StoreValue.text)
        try store.update(.spotCheckCase, id: row.id, values)
        var details = [("case", caseID), ("result", result.rawValue), ("by", by)]
        if let note = inv.text("note") { details.append(("note", note)) }
        try log(inv, "spotcheck.record", .spotCheck, check, details)
        let done = drawn.filter { $0.text("result") != nil }.count + 1
        let zh = lang == .zh
        var out: [Output] = [
            .text(
                [
                    zh ? "\(display) \(caseID) 抽查回访：\(result.label.zh)" : "\(display) \(caseID) re-callback: \(result.label.en)", by, session.now.display,
                    zh ? "已回访 \(done)/\(drawn.count)" : "\(done) of \(drawn.count) called back",
                ].joined(separator: " · "))
        ]
        if result == .unsatisfied {
            out.append(
                .text(
                    zh
                        ? "不满意：计入该诉求所属科室、社区和受理期间的满意率；如需重新办理，可再受理并督办"
                        : "unsatisfied: it counts against the 满意率 of the case's department, community and period; take it in again and supervise it if it needs handling"
                ))
        }
        return out
    }

    /// `spotcheck show SC-1`: how it was drawn, its cases and the results so far.
    func spotCheckShow(_ inv: Invocation) throws -> [Output] {
        guard let cb = inv["check"] else { return [] }
        let id = try resolve(.spotCheck, cb)
        guard let r = try row(.spotCheck, id) else { return [] }
        let drawn = try store.select(.spotCheckCase, matching: ["spotcheck_id": .integer(id)], orderBy: ["case_id"])
        let results = drawn.compactMap { $0.text("result").flatMap(CallbackResult.init(rawValue:)) }
        let (s, b, u) = (results.filter { $0 == .satisfied }.count, results.filter { $0 == .basic }.count, results.filter { $0 == .unsatisfied }.count)
        let display = RecordKind.spotCheck.id(id), zh = lang == .zh
        let filter = r.text("filter") ?? "", seed = r.text("seed") ?? "", population = r.int("population") ?? 0
        let when = [r.text("created_at").flatMap(Timestamp.parse)?.display ?? "", r.text("created_by") ?? ""].joined(separator: " · ")
        let head =
            zh
            ? "抽查 \(display)：从 \(population) 件已关闭诉求中抽取 \(drawn.count) 件，种子 \(seed)\(filter.isEmpty ? "" : "，\(filter)") · \(when)"
            : "spot check \(display): \(drawn.count) of \(population) closed cases, seed \(seed)\(filter.isEmpty ? "" : ", \(filter)") · \(when)"
        let rate = Rate(s + b, of: results.count)
        let fraction = results.isEmpty ? "" : (zh ? "（(\(s)+\(b))/\(results.count)）" : " ((\(s)+\(b))/\(results.count))")
        let summary =
            zh
            ? "已回访 \(results.count)/\(drawn.count)：满意 \(s)，基本满意 \(b)，不满意 \(u)；满意率 \(rate.text)\(fraction)"
            : "called back \(results.count) of \(drawn.count): satisfied \(s), basic \(b), unsatisfied \(u); satisfaction \(rate.text)\(fraction)"
        return [.text(head), try spotCheckTable(id), .text(summary)]
    }
}

/// 民情分析: every week the leaders read what residents asked for — counts by category,
/// community and source against the period before, the hot spots, the oldest unresolved —
/// as bar charts in the terminal and, with `out=FILE.html`, as a page with SVG charts.
extension Interpreter {
    func analysis(_ inv: Invocation) throws -> [Output] {
        let period = try analysisPeriod(inv)
        var hot = 2
        if case .integer(let n)? = inv["hot"]?.value {
            guard (1...1_000_000).contains(n) else {
                throw ScriptError.validation("hot= must be from 1 to 1000000", "hot= 须在 1 到 1000000 之间", at: inv["hot"]?.location)
            }
            hot = n
        }
        let s = try assessmentStore
        let before = period.previous
        let zh = lang == .zh
        var sections: [(AnalysisGroup, [CountChange])] = []
        for g in AnalysisGroup.allCases {
            let rows = Analysis.changes(
                try s.requestCounts(by: g, from: period.start, to: period.end), try s.requestCounts(by: g, from: before.start, to: before.end))
            sections.append((g, rows.map { CountChange(groupLabel(g, $0.key), count: $0.count, previous: $0.previous) }))
        }
        let total = sections.first?.1.reduce(0) { $0 + $1.count } ?? 0
        let previousTotal = sections.first?.1.reduce(0) { $0 + $1.previous } ?? 0
        let fourWeeks = Analysis.fourWeeksStart(period)
        let limit = 20
        var spots = try s.hotSpots(from: period.start, windowFrom: Timestamp(day: fourWeeks), to: period.end, hot: hot, limit: limit + 1)
            .filter { Analysis.isHot(inPeriod: $0.inPeriod, inFourWeeks: $0.inFourWeeks, hot: hot) }
        let more = spots.count > limit
        spots = Array(spots.prefix(limit))
        let oldest = try s.oldestOpen(before: period.end, limit: 5)

        let span = periodWord(period)
        let title = (zh ? "民情分析 " : "民情分析 (analysis) ") + period.title
        let lead =
            zh
            ? "受理诉求 \(total) 件，\(span.zh) \(previousTotal) 件（\(signed(total - previousTotal))）"
            : "\(counted(total, "request")) taken in; \(span.en) \(previousTotal) (\(signed(total - previousTotal)))"
        let groupTitles: [AnalysisGroup: Localized] = [
            .category: Localized(en: "by category", zh: "按类别"), .community: Localized(en: "by community", zh: "按社区"),
            .source: Localized(en: "by source", zh: "按来源"),
        ]
        var hotNote =
            period.length >= 28
            ? (zh ? "同一楼院同一类别本期 ≥ \(hot) 件" : "one category at one compound: ≥ \(hot) in the period")
            : zh
                ? "同一楼院同一类别：本期 ≥ \(hot) 件，或本期有件且 \(fourWeeks.iso) 起四周内 ≥ \(hot + 1) 件"
                : "one category at one compound: ≥ \(hot) in the period, or one in it and ≥ \(hot + 1) in the four weeks from \(fourWeeks.iso)"
        if more { hotNote += zh ? "；只列最多的 \(limit) 处" : "; the busiest \(limit) shown" }
        let hotTable = HTMLReport.Table(
            title: zh ? "热点楼院" : "hot spots", note: hotNote,
            headers: zh ? ["楼院", "社区", "类别", "本期", "四周", "诉求"] : ["compound", "community", "category", "period", "4 weeks", "cases"],
            numeric: [false, false, false, true, true, false],
            rows: spots.map {
                [
                    $0.compound, $0.community, $0.category, String($0.inPeriod), String($0.inFourWeeks),
                    $0.cases.map { RecordKind.case.id($0) }.joined(separator: ", "),
                ]
            })
        let oldNote =
            zh
            ? "截至 \(period.window.to.iso) 受理、至今未办结（非已办结、已关闭）的诉求，最早的 5 件"
            : "the five earliest cases taken in by \(period.window.to.iso) and still open (not resolved or closed)"
        let oldTable = HTMLReport.Table(
            title: zh ? "最久未办结" : "oldest unresolved", note: oldNote,
            headers: zh
                ? ["编号", "标题", "类别", "社区", "状态", "受理时间", "已用天数", "办结期限"] : ["id", "title", "category", "community", "status", "received", "age", "resolve"],
            numeric: [false, false, false, false, false, false, true, false],
            rows: oldest.map(oldestRow))
        let report = HTMLReport(
            language: lang, title: title, lead: [lead], legend: (period.label, before.label),
            charts: sections.map { HTMLReport.Chart(title: (groupTitles[$0.0] ?? Localized("")).text(lang), bars: $0.1) }, tables: [hotTable, oldTable],
            footnotes: [
                zh
                    ? "诉求按受理时间计入期间，重复诉求也计入；变化为与\(span.zh)相比；由 minsheng 于 \(session.now.display) 生成"
                    : "requests count by the time they were taken in, repeats included; changes are against \(span.en); made by minsheng at \(session.now.display)"
            ])
        var out: [Output] = []
        if let file = inv.text("out") {
            let writer = try openOutput(file, at: inv["out"]?.location, overwrite: inv.isOn("overwrite"))
            writer.write(report.render())
            writer.close()
            out.append(.notice(zh ? "已写入报告 \(file)" : "wrote the report to \(file)"))
        }
        guard session.format == .table || session.format == .markdown || session.format == .line else {
            let columns = [column("group", "分组"), column("key", "项目"), column("count", "本期", .integer), column("previous", "上期", .integer)]
            let rows: [[StoreValue]] = sections.flatMap { g in g.1.map { [.text(g.0.rawValue), .text($0.key), .integer($0.count), .integer($0.previous)] } }
            return out + [.table(ResultSet(columns: columns, rows: rows), kind: nil), reportTable(hotTable), reportTable(oldTable)]
        }
        var lines = [title, lead, zh ? "（本期数量，与\(span.zh)相比的变化）" : "(this period's count, change against \(span.en))"]
        for (g, rows) in sections {
            lines.append((groupTitles[g] ?? Localized("")).text(lang))
            lines += BarChart.render(rows.map { BarChart.Bar($0.key, $0.count, note: $0.change) })
        }
        out.append(.text(lines.joined(separator: "\n")))
        for t in [hotTable, oldTable] {
            out.append(.text(t.title + (zh ? "（\(t.rows.count)）：" : " (\(t.rows.count)): ") + t.note))
            if !t.rows.isEmpty { out.append(reportTable(t)) }
        }
        return out
    }

    /// `week=`, `month=`, else `period=` or `from=`/`to=`, else last week.
    func analysisPeriod(_ inv: Invocation) throws -> Period {
        let given = ["week", "month", "period", "from"].filter { inv[$0] != nil }
        if given.count > 1 {
            throw ScriptError.validation(
                "give one of week=, month=, period= or from=/to=", "week=、month=、period=、from=/to= 只能给一种", at: inv[given[1]]?.location)
        }
        for (name, kind) in [("week", Period.Kind.week), ("month", .month)] {
            guard let b = inv[name] else { continue }
            let p = Period.parse(b.value.display, today: session.now.day)
            guard let p, p.kind == kind else {
                throw ScriptError.validation(
                    "\(name)= expects a \(name), not '\(b.value.display)'",
                    "\(name)= 需要\(kind == .week ? "周（如 2019-W49）" : "月份（如 2019-11）")，而不是 '\(b.value.display)'",
                    at: b.location,
                    hint: Localized(
                        en: kind == .week ? "e.g. week=2019-W49" : "e.g. month=2019-11", zh: kind == .week ? "例如 week=2019-W49" : "例如 month=2019-11"))
            }
            return p
        }
        return try period(inv, fallback: Period.week(containing: session.now.day).previous)
    }

    /// `the week before` / `上周`: the previous period, in words.
    func periodWord(_ p: Period) -> Localized {
        switch p.kind {
        case .week: return Localized(en: "the week before", zh: "上周")
        case .month: return Localized(en: "the month before", zh: "上月")
        case .quarter: return Localized(en: "the quarter before", zh: "上季度")
        case .days: return Localized(en: "the \(p.length) days before", zh: "前 \(p.length) 天")
        }
    }

    /// A group's key as people read it: a source's label, `(none)` for no category or community.
    func groupLabel(_ g: AnalysisGroup, _ key: String) -> String {
        if key.isEmpty {
            return g == .community ? (lang == .zh ? "（无社区）" : "(no community)") : (lang == .zh ? "（未分类）" : "(none)")
        }
        return g == .source ? (ChoiceSet.caseSource.resolve(key)?.label.text(lang) ?? key) : key
    }

    func oldestRow(_ r: StoredRecord) -> [String] {
        let now = session.now
        let created = r.text("created_at").flatMap(Timestamp.parse)
        let due = r.text("resolve_due").flatMap(Timestamp.parse)
        let age = created.map { String(max(0, now.seconds - $0.seconds) / 86400) } ?? ""
        let standing = due.map { DeadlineStanding.of(due: $0, done: nil, now: now).text.text(lang) } ?? ""
        let status = ChoiceSet.caseStatus.resolve(r.text("status") ?? "")?.label.text(lang) ?? ""
        return [
            RecordKind.case.id(r.id), masked(r.text("title") ?? ""), r.text("category") ?? "", r.text("community") ?? "", status, created?.display ?? "", age, standing,
        ]
    }

    /// A report table as a result set, for the terminal and for JSON and CSV.
    func reportTable(_ t: HTMLReport.Table) -> Output {
        let columns = t.headers.enumerated().map { i, h in
            FieldSpec(h, [], i < t.numeric.count && t.numeric[i] ? .integer : .text, label: Localized(h), column: nil)
        }
        let rows: [[StoreValue]] = t.rows.map { row in
            row.enumerated().map { i, v in i < t.numeric.count && t.numeric[i] ? (Int(v).map(StoreValue.integer) ?? .text(v)) : .text(v) }
        }
        return .table(ResultSet(columns: columns, rows: rows), kind: nil)
    }
}

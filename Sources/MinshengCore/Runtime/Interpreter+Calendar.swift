extension Interpreter {
    /// `calendar show [YEAR]`: the year's months as grids, holidays (休) and make-up working
    /// days (班) marked, then each break with its days, the days set in this database and
    /// where the shipped days come from.
    func calendarShow(_ inv: Invocation) throws -> [Output] {
        let calendar = try workCalendar()
        let year: Int
        if case .integer(let y)? = inv["year"]?.value {
            guard (1900...2999).contains(y) else {
                throw ScriptError.validation("\(y) is not a year to show", "\(y) 不是可查看的年份", at: inv["year"]?.location)
            }
            year = y
        } else {
            year = session.now.day.components.year
        }
        var lines = [lang == .zh ? "\(year) 年工作日历（休：放假，班：调休上班）" : "working calendar \(year) (H: holiday, W: make-up working day)", ""]
        for pair in stride(from: 1, through: 12, by: 2) {
            let left = monthGrid(year, pair, calendar), right = monthGrid(year, pair + 1, calendar)
            for i in 0..<max(left.count, right.count) {
                let l = i < left.count ? left[i] : "", r = i < right.count ? right[i] : ""
                lines.append((DisplayWidth.pad(l, to: 34) + "    " + r).trimmingTrailingSpaces())
            }
            lines.append("")
        }
        lines += breakLines(year, calendar)
        if let source = ChinaHolidays.source(year) {
            lines.append((lang == .zh ? "来源：" : "source: ") + source.text(lang))
        } else {
            lines.append(
                lang == .zh
                    ? "未收录 \(year) 年的法定节假日：只按周末计算。请用 calendar import 导入当年国务院办公厅的通知"
                    : "no public holidays shipped for \(year): weekends only. Import that year's State Council notice with calendar import")
        }
        return [.text(lines.joined(separator: "\n"))]
    }

    /// One month: its title, the weekday header and one line per week, each day four
    /// columns wide (the day and its mark) and one apart.
    private func monthGrid(_ year: Int, _ month: Int, _ calendar: WorkCalendar) -> [String] {
        guard let first = Day(year: year, month: month, day: 1) else { return [] }
        let heads = lang == .zh ? ["一", "二", "三", "四", "五", "六", "日"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        var lines = [lang == .zh ? "\(month) 月" : Self.monthNames[month - 1], heads.map { DisplayWidth.pad(" " + $0, to: 4) }.joined(separator: " ")]
        var cells = Array(repeating: "    ", count: first.weekday - 1)
        for d in 1...Day.daysIn(year: year, month: month) {
            let day = Day(ordinal: first.ordinal + d - 1)
            let number = d < 10 ? " \(d)" : "\(d)"
            var mark = "  "
            switch calendar.mark(day)?.kind {
            case .holiday: mark = lang == .zh ? "休" : "H "
            case .workday: mark = lang == .zh ? "班" : "W "
            case nil: break
            }
            cells.append(number + mark)
        }
        for week in stride(from: 0, to: cells.count, by: 7) {
            lines.append(cells[week..<min(week + 7, cells.count)].joined(separator: " ").trimmingTrailingSpaces())
        }
        return lines
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// The year's marked days, a run of days with the same mark and name on one line.
    private func breakLines(_ year: Int, _ calendar: WorkCalendar) -> [String] {
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return [] }
        var runs: [(from: Day, to: Day, mark: CalendarMark)] = []
        for o in first.ordinal...last.ordinal {
            let d = Day(ordinal: o)
            guard let m = calendar.mark(d) else { continue }
            if let r = runs.last, r.to.ordinal == o - 1, r.mark == m { runs[runs.count - 1].to = d } else { runs.append((d, d, m)) }
        }
        return runs.map { r in
            let days = r.from == r.to ? "\(r.from.iso) \(WalkingDays.weekdayName(r.from, lang))" : "\(r.from.iso) – \(r.to.iso)"
            let kind = r.mark.kind == .holiday ? (lang == .zh ? "放假" : "holiday") : (lang == .zh ? "上班" : "working day")
            let by = r.mark.setBy.map { lang == .zh ? "（\($0) 设置）" : " (set by \($0))" } ?? ""
            return "  \(DisplayWidth.pad(days, to: 24)) \(DisplayWidth.pad(kind, to: 11)) \(r.mark.name.text(lang))\(by)"
        }
    }

    /// `calendar set DATE holiday|workday|default reason=…`: one day of the working calendar,
    /// logged with what it was. Deadlines already computed stay; the message says how many
    /// open cases fall due on or after the day and how to recompute them.
    func calendarSet(_ inv: Invocation) throws -> [Output] {
        guard case .day(let day)? = inv["date"]?.value, let kind = inv.text("kind") else { return [] }
        let reason = try requiredReason(inv)
        let change = try setCalendarDay(day, kind: kind, reason: reason, inv)
        let affected = try openCasesDue(onOrAfter: day)
        var text = change.text(lang)
        if affected > 0 {
            text +=
                "\n"
                + (lang == .zh
                    ? "已有 \(affected) 件未结诉求的期限在 \(day.iso) 或以后，期限不变（受理时已按当时的日历算定）；如需按新日历重算：时限 重算 原因=…"
                    : (affected == 1 ? "1 open case falls due on or after \(day.iso); its deadline stays" : "\(affected) open cases fall due on or after \(day.iso); their deadlines stay")
                        + " as computed when taken in. To recompute on the new calendar: policy recompute reason=…")
        }
        return [.text(text)]
    }

    /// `calendar import FILE.csv reason=…`: rows of `date,kind[,name]` (kind: holiday or
    /// workday, also 放假/休, 上班/班), all or nothing; each day set is logged.
    func calendarImport(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file"), let loc = inv["file"]?.location else { return [] }
        let reason = try requiredReason(inv)
        let reader = try openTableFile(path, at: loc)
        let header = reader.header.map { $0.trimmingWhitespace().lowercased() }
        let dateColumn = header.firstIndex { ["date", "日期"].contains($0) }
        let kindColumn = header.firstIndex { ["kind", "类型"].contains($0) }
        let nameColumn = header.firstIndex { ["name", "名称", "reason", "原因"].contains($0) }
        guard let dateColumn, let kindColumn else {
            throw ScriptError.validation(
                "'\(path)' needs the columns date and kind", "'\(path)' 需要 日期（date）和 类型（kind）两列", at: loc,
                hint: Localized(en: "e.g. date,kind,name then 2027-10-01,holiday,National Day", zh: "例如表头 日期,类型,名称，下一行 2027-10-01,放假,国庆节"))
        }
        var rows: [(line: Int, day: Day, kind: String, name: String)] = []
        var bad = 0, lastLine = 1
        while let (line, fields) = try nextRow(reader, file: path, after: lastLine, at: loc) {
            lastLine = line
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            func field(_ i: Int?) -> String { i.flatMap { $0 < fields.count ? fields[$0].trimmingWhitespace() : nil } ?? "" }
            let where_ = SourceLocation(file: path, line: line, column: 1)
            guard let day = Day.parse(field(dateColumn)) else {
                bad += 1
                diagnostics.report(
                    .validation("'\(field(dateColumn))' is not a date (YYYY-MM-DD)", "'\(field(dateColumn))' 不是日期（YYYY-MM-DD）", at: where_), sourceLine: nil,
                    language: lang)
                continue
            }
            guard let kind = ChoiceSet.calendarDayKind.resolve(field(kindColumn))?.value else {
                bad += 1
                diagnostics.report(
                    .validation(
                        "'\(field(kindColumn))' is not holiday, workday or default", "'\(field(kindColumn))' 不是 放假、上班 或 默认", at: where_),
                    sourceLine: nil, language: lang)
                continue
            }
            rows.append((line, day, kind, field(nameColumn)))
        }
        guard bad == 0 else {
            throw ScriptError.runtime(
                "nothing imported: \(bad) rows in '\(path)' have errors", "未导入任何日期：'\(path)' 中有 \(bad) 行有错误", at: loc,
                hint: Localized(en: "fix the lines above and import the file again", zh: "请改正上面列出的行后重新导入"))
        }
        for r in rows {
            _ = try setCalendarDay(r.day, kind: r.kind, reason: r.name.isEmpty ? reason : "\(r.name) · \(reason)", inv)
        }
        return [.text(lang == .zh ? "已从 '\(path)' 设置 \(rows.count) 天（原因：\(reason)）" : "set \(rows.count) day\(rows.count == 1 ? "" : "s") from '\(path)' (reason: \(reason))")]
    }

    func requiredReason(_ inv: Invocation) throws -> String {
        guard let reason = inv.text("reason")?.trimmingWhitespace(), !reason.isEmpty else {
            throw ScriptError.validation(
                "reason= cannot be empty", "原因不能为空", at: inv["reason"]?.location ?? inv.location,
                hint: Localized(en: "say why, e.g. reason=\"State Council notice\"", zh: "请写明原因，如 原因=“国务院办公厅通知”"))
        }
        return reason
    }

    /// Sets one day (or, for `default`, removes what this database set on it), logs it
    /// with what the day was before, and says what it is now.
    private func setCalendarDay(_ day: Day, kind: String, reason: String, _ inv: Invocation) throws -> Localized {
        let before = try workCalendar()
        let was = before.isWorkingDay(day)
        let existing = try store.select(.calendarDay, matching: ["day": .text(day.iso)], orderBy: []).first
        let values: [String: StoreValue] = [
            "day": .text(day.iso), "kind": .text(kind), "reason": .text(reason), "updated_at": .text(session.now.storage),
            "updated_by": .text(session.actor),
        ]
        if let existing {
            try store.update(.calendarDay, id: existing.id, values)
        } else {
            _ = try store.insert(.calendarDay, values)
        }
        var after = before
        if kind == "default" { after.overrides[day.ordinal] = nil } else {
            after.overrides[day.ordinal] = CalendarMark(kind: kind == "holiday" ? .holiday : .workday, name: Localized(reason), setBy: session.actor)
        }
        let now = after.isWorkingDay(day)
        try log(inv, "calendar.set", nil, nil, [("day", day.iso), ("kind", kind), ("was", was ? "workday" : "holiday"), ("reason", reason)])
        let weekday = WalkingDays.weekdayName(day, .zh), weekdayEn = WalkingDays.weekdayName(day, .en)
        return Localized(
            en: "\(day.iso) (\(weekdayEn)): \(was ? "working day" : "day off") → \(now ? "working day" : "day off")\(kind == "default" ? " (as shipped)" : "")",
            zh: "\(day.iso)（\(weekday)）：\(was ? "上班" : "放假") → \(now ? "上班" : "放假")\(kind == "default" ? "（恢复默认）" : "")")
    }

    /// Cases not yet resolved or closed with a deadline on or after `day`.
    private func openCasesDue(onOrAfter day: Day) throws -> Int {
        guard let status = RecordSchema.case.field("status"), let due = RecordSchema.case.field("due") else { return 0 }
        var q = Query(kind: .case)
        q.predicate = .and(
            .not(.inList(status, [.text(CaseStatus.resolved.rawValue), .text(CaseStatus.closed.rawValue)])),
            .compare(due, .greaterOrEqual, .time(Timestamp(day: day))))
        let counted = try store.count(q, now: session.now)
        if case .integer(let n)? = counted.rows.first?.first { return n }
        return 0
    }
}

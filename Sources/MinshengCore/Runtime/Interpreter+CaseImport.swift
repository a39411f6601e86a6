extension Interpreter {
    /// `case import FILE.csv [skip-bad=on]`: 12345 work orders become cases (source hotline).
    ///
    /// Rows are streamed and inserted as they are read, inside the command's transaction,
    /// so memory stays flat whatever the file's size. Every bad row is reported with its
    /// line; then, unless `skip-bad=on`, the command fails and nothing remains.
    func caseImport(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file"), let loc = inv["file"]?.location else { return [] }
        guard let open = openTable else {
            throw ScriptError.runtime("reading CSV files is not available here", "此处无法读取 CSV 文件", at: loc)
        }
        let full = resolvePath(path, relativeTo: scriptStack.last)
        let shown = resolvePath(path, relativeTo: displayStack.last)
        guard fileExists(full) else {
            throw ScriptError(.io, Localized(en: "cannot read '\(shown)': no such file", zh: "无法读取 '\(shown)'：文件不存在"), at: loc)
        }
        let reader: TableFileReader
        let columns: WorkOrderColumns
        do {
            reader = try open(full, shown, inv.text("encoding").flatMap(TextEncoding.init(rawValue:)) ?? .utf8)
            columns = try WorkOrderColumns(header: reader.header)
        } catch let e as ScriptError {
            throw e.located(at: loc)
        }
        let skipBad = inv.text("skip-bad") == "on"
        let now = session.now
        let policy = try casePolicy()
        var communities: [String: Int] = [:]
        var bad = 0
        // Good rows go to the store a batch at a time (one COPY on a server); the bad rows
        // of a batch are reported when it is written, in line order — as an error, or as a
        // notice when skipping — so memory stays flat even when every row is bad.
        var reports: [(line: Int, problems: [Localized])] = []
        func reportBad(_ line: Int, _ problems: [Localized]) {
            bad += 1
            reports.append((line, problems))
        }
        func emitReports() {
            for (line, problems) in reports.sorted(by: { $0.line < $1.line }) {
                let problem = join(problems)
                if skipBad {
                    emit(.notice((lang == .zh ? "已跳过 " : "skipped ") + "\(shown):\(line): " + problem.text(lang)), to: nil)
                } else {
                    diagnostics.report(
                        ScriptError(.validation, problem, at: SourceLocation(file: shown, line: line, column: 1)), sourceLine: nil, language: lang)
                }
            }
            reports = []
        }
        var read = 0, first: Int?, last: Int?
        let inserter = try store.bulkInsert(.case, columns: Self.workOrderColumns, unique: "work_order")
        defer { out.progress(nil) }
        var batch: [(line: Int, values: [StoreValue], number: String)] = []
        var pendingNumbers = Set<String>()
        // A batch's entries are written with the next batch (or at the end): the store reads
        // back this batch's rows just before the next one goes in, and writes the entries
        // once it is on its way — on a server, while it is being copied in; meanwhile the
        // rows after it are read.
        var unlogged: [Event] = []
        func prepareLog() throws {
            guard !unlogged.isEmpty else { return }
            try logClockChange()
            try store.prepare(batch: unlogged)
            unlogged = []
        }
        func flush() throws {
            defer {
                batch = []
                pendingNumbers = []
                emitReports()
            }
            // Once the import is bound to fail, its good rows are only checked, not written:
            // on a server a written-then-rolled-back row would use up its case number.
            if bad > 0 && !skipBad {
                var seen = Set<String>()
                for row in batch {
                    if !seen.insert(row.number).inserted {
                        reportBad(row.line, [earlierInFile(row.number)])
                    } else if let other = try caseWithWorkOrder(row.number) {
                        reportBad(row.line, [duplicateProblem(row.number, other: other, first: first)])
                    }
                }
                return
            }
            let ids = try inserter.insert(batch: batch.map(\.values), beforeWriting: { try prepareLog() })
            try store.writePrepared()
            // Every imported case has its own entry, naming the batch (the file) and its line.
            var entries: [Event] = []
            for (row, id) in zip(batch, ids) {
                if let id {
                    if first == nil { first = id }
                    last = id
                    entries.append(
                        Event(
                            at: now, actor: session.actor, command: inv.source, action: "case.import", kind: .case, recordID: id,
                            details: [("batch", path), ("line", String(row.line)), ("work-order", row.number)]))
                } else {
                    let other = try caseWithWorkOrder(row.number) ?? 0
                    reportBad(row.line, [duplicateProblem(row.number, other: other, first: first)])
                }
            }
            unlogged = entries
        }
        do {
            while let (line, fields) = try reader.next() {
                try checkCancelled()
                read += 1
                if read % 5000 == 0 {
                    out.progress(lang == .zh ? "正在导入 \(shown)：已读 \(read) 行" : "importing \(shown): \(read) rows read")
                }
                let hidden = zip(reader.header, fields).compactMap { StoredText.problem($1, named: $0) }
                guard hidden.isEmpty else {
                    reportBad(line, hidden)
                    continue
                }
                var problems: [Localized] = []
                let parsed = columns.read(fields, now: now)
                var order: WorkOrder?
                switch parsed {
                case .success(let o): order = o
                case .failure(let e):
                    problems = e.problems
                    order = e.partial
                }
                guard let order else {
                    reportBad(line, problems)
                    continue
                }
                var community: Int?
                if let name = order.community {
                    if let n = communities[name] {
                        community = n
                    } else if let found = try store.lookup(.community, name: name) {
                        // A community merged into another is the one kept.
                        let n = try kept(.community, found)
                        communities[name] = n
                        community = n
                    } else {
                        problems.append(Localized(en: "no community named '\(name)'", zh: "没有名为 '\(name)' 的社区"))
                    }
                }
                // A row with other problems is checked against the stored work orders (and the
                // rows waiting in the batch) too, so every problem of the row is listed at once;
                // a good row finds out when its batch is written.
                if !problems.isEmpty, !order.number.isEmpty {
                    if pendingNumbers.contains(order.number) {
                        problems.append(earlierInFile(order.number))
                    } else if let other = try caseWithWorkOrder(order.number) {
                        problems.append(duplicateProblem(order.number, other: other, first: first))
                    }
                }
                guard problems.isEmpty else {
                    reportBad(line, problems)
                    continue
                }
                batch.append((line, workOrderValues(order, community: community, policy: policy, now: now), order.number))
                pendingNumbers.insert(order.number)
                if batch.count >= Self.importBatch { try flush() }
            }
            try flush()
            try prepareLog()
            try store.writePrepared()
        } catch let e as ScriptError where e.kind == .io {
            // The file stopped being readable (not in its encoding, not CSV): at its name.
            emitReports()
            throw e.located(at: loc)
        } catch {
            emitReports()
            throw error
        }
        if bad > 0 && !skipBad {
            let n = bad
            throw ScriptError.validation(
                "\(n) bad \(n == 1 ? "row" : "rows") in '\(shown)': nothing was imported", "'\(shown)' 中有 \(n) 行错误：未导入任何工单", at: loc,
                hint: Localized(en: "fix the rows listed above, or import the good ones with skip-bad=on", zh: "请修正上面列出的行，或用 skip-bad=on 只导入正确的行"))
        }
        let imported = read - bad
        if let last { session.lastID = RecordKind.case.id(last) }
        var lines: [String] = []
        if let first, let last {
            let range = first == last ? RecordKind.case.id(first) : "\(RecordKind.case.id(first)) … \(RecordKind.case.id(last))"
            lines.append(
                lang == .zh
                    ? "已从 \(shown) 导入 \(imported) 条工单：\(range)" : "imported \(imported) work \(imported == 1 ? "order" : "orders") from \(shown) as \(range)")
        } else {
            lines.append(lang == .zh ? "\(shown) 中没有可导入的工单" : "no work orders imported from \(shown)")
        }
        if !columns.ignored.isEmpty {
            lines.append((lang == .zh ? "未使用的列：" : "columns not used: ") + columns.ignored.joined(separator: ", "))
        }
        return lines.map { .text($0) }
    }

    func join(_ problems: [Localized]) -> Localized {
        Localized(en: problems.map(\.en).joined(separator: "; "), zh: problems.map(\.zh).joined(separator: "；"))
    }

    /// A work order that is already a case, or that an earlier row of the file holds.
    func duplicateProblem(_ number: String, other: Int, first: Int?) -> Localized {
        first.map { other >= $0 } ?? false
            ? earlierInFile(number)
            : Localized(en: "work order '\(number)' is already case \(RecordKind.case.id(other))", zh: "工单 '\(number)' 已是诉求 \(RecordKind.case.id(other))")
    }

    func earlierInFile(_ number: String) -> Localized {
        Localized(en: "work order '\(number)' appears earlier in this file", zh: "工单 '\(number)' 在本文件中重复出现")
    }

    /// Rows written to the store at once by `case import`.
    static let importBatch = 2000

    /// The columns an imported case fills, in the order of `workOrderValues`.
    static let workOrderColumns = [
        "title", "kind", "category", "urgency", "source", "status", "work_order", "created_at", "created_by", "updated_at",
        "respond_due", "resolve_due", "community_id", "description", "address", "resident", "phone",
    ]

    /// One checked work order as a case received at the order's time.
    func workOrderValues(_ o: WorkOrder, community: Int?, policy: CasePolicy, now: Timestamp) -> [StoreValue] {
        let received = o.received ?? now
        let due = policy.deadlines(received: received, urgency: o.urgency)
        func text(_ s: String?) -> StoreValue { s.map(StoreValue.text) ?? .null }
        return [
            .text(o.title), .text(o.kind), .text(o.category), .text(o.urgency), .text("hotline"), .text(CaseStatus.received.rawValue),
            .text(o.number), .text(received.storage), .text(session.actor), .text(now.storage), .text(due.respond.storage),
            .text(due.resolve.storage), community.map(StoreValue.integer) ?? .null, text(o.description), text(o.address), text(o.resident),
            text(o.phone),
        ]
    }
}

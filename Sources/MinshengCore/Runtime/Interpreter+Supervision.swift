/// 督查督办: the office follows what leaders coordinated. `overdue` (also `case overdue`)
/// lists open cases past a deadline; `supervised` lists the cases a leader supervises, with
/// where each stands. Both name the responsible department, the community and the leader.
extension Interpreter {
    static let assessmentHandlers: [CommandID: Handler] = [
        .overdue: { try $0.caseOverdue($1) }, .supervised: { try $0.supervised($1) },
        .spotCheck: { try $0.spotCheck($1) }, .spotCheckRecord: { try $0.spotCheckRecord($1) }, .spotCheckShow: { try $0.spotCheckShow($1) },
        .assess: { try $0.assess($1) }, .assessRules: { try $0.assessRules($1) }, .assessRulesSet: { try $0.assessRulesSet($1) },
        .noticeCommend: { try $0.notice($1, type: "commend") }, .noticeCriticize: { try $0.notice($1, type: "criticize") },
        .noticeList: { try $0.noticeList($1) }, .analysis: { try $0.analysis($1) },
    ]

    /// The supervising leader's name as stored with the dispatch (a leader need not be a cadre on file).
    static let supervisorField = FieldSpec(
        "supervisor", ["督办领导"], .text, label: Localized(en: "supervisor", zh: "督办领导"), column: "supervisor_name")

    /// `dept=`, `community=` and `leader=` as a predicate on cases.
    func supervisionFilter(_ inv: Invocation) throws -> Predicate? {
        let s = RecordSchema.case
        var parts: [Predicate] = []
        if let d = try optionalRef(.department, inv, "dept"), let f = s.field("dept") {
            parts.append(.compare(f, .equal, .text(RecordKind.department.id(d))))
        }
        if let c = try optionalRef(.community, inv, "community"), let f = s.field("community") {
            parts.append(.compare(f, .equal, .text(RecordKind.community.id(c))))
        }
        if let l = inv.text("leader")?.trimmingWhitespace(), !l.isEmpty { parts.append(.compare(Self.supervisorField, .equal, .text(l))) }
        return parts.reduce(nil) { acc, p in acc.map { .and($0, p) } ?? p }
    }

    /// `overdue` / `case overdue`: open cases past their resolve deadline, and cases still
    /// waiting for a first response past theirs, earliest deadline first.
    func caseOverdue(_ inv: Invocation) throws -> [Output] {
        let s = RecordSchema.case
        guard let status = s.field("status"), let due = s.field("due"), let respondDue = s.field("respond-due") else { return [] }
        let now = session.now
        var q = Query(kind: .case)
        let open = Predicate.not(.inList(status, [.text("resolved"), .text("closed")]))
        let late = Predicate.or(
            .compare(due, .less, .time(now)), .and(.compare(status, .equal, .text("received")), .compare(respondDue, .less, .time(now))))
        q.predicate = try supervisionFilter(inv).map { .and(.and(open, late), $0) } ?? .and(open, late)
        q.ordering = [Ordering(field: due, descending: false)]
        let fields = ["id", "title", "status", "urgency", "community", "dept"].compactMap { s.field($0) } + [Self.supervisorField] + [due]
        let lateColumn = column("overdue", "超期")
        var rows: [[StoreValue]] = []
        var names = NameCache()
        try store.scan(q, now: now) { row in
            let c = CaseRecord(row)
            var what: [String] = []
            if let r = c.respondStanding(now: now), case .overdue(let sec) = r { what.append((lang == .zh ? "响应 " : "respond ") + Span.text(sec).text(lang)) }
            if let r = c.resolveStanding(now: now), case .overdue(let sec) = r { what.append((lang == .zh ? "办结 " : "resolve ") + Span.text(sec).text(lang)) }
            rows.append([
                .integer(c.id), .text(c.title), .text(c.status.rawValue), .text(c.urgency),
                try names.name(.community, c.int("community_id"), store), try names.name(.department, c.int("department_id"), store),
                row["supervisor_name"], row["resolve_due"], .text(what.joined(separator: ", ")),
            ])
        }
        return [.table(ResultSet(columns: fields + [lateColumn], rows: rows), kind: .case)]
    }

    /// `supervised [leader=…] [dept=…] [community=…] [all=on]` (督办): cases with a supervising
    /// leader, not yet closed unless `all=on`, with the departments they are dispatched to.
    func supervised(_ inv: Invocation) throws -> [Output] {
        let s = RecordSchema.case
        guard let status = s.field("status"), let due = s.field("due") else { return [] }
        let now = session.now
        var q = Query(kind: .case)
        var p = Predicate.not(.isEmpty(Self.supervisorField))
        if inv.text("all") != "on" { p = .and(p, .compare(status, .notEqual, .text("closed"))) }
        q.predicate = try supervisionFilter(inv).map { .and(p, $0) } ?? p
        q.ordering = [Ordering(field: due, descending: false)]
        let fields = ["id", "title", "status"].compactMap { s.field($0) } + [Self.supervisorField]
        let columns = fields + [column("depts", "承办科室"), column("community", "社区"), due, column("standing", "办理时限")]
        var rows: [[StoreValue]] = []
        var names = NameCache()
        var overdue = 0
        try store.scan(q, now: now) { row in
            let c = CaseRecord(row)
            let standing = supervisionStanding(c, now: now)
            if standing.isOverdue { overdue += 1 }
            rows.append([
                .integer(c.id), .text(c.title), .text(c.status.rawValue), row["supervisor_name"], .text(try dispatchedDepartments(c, &names)),
                try names.name(.community, c.int("community_id"), store), row["resolve_due"], .text(standing.text.text(lang)),
            ])
        }
        var out: [Output] = [.table(ResultSet(columns: columns, rows: rows), kind: .case)]
        if !rows.isEmpty && session.format == .table {
            out.append(
                .text(
                    lang == .zh
                        ? "督办 \(rows.count) 件，其中超期 \(overdue) 件" : "\(counted(rows.count, "supervised case")), \(overdue) overdue"))
        }
        return out
    }

    /// Where a supervised case stands: the response while it waits for one, else the resolution.
    func supervisionStanding(_ c: CaseRecord, now: Timestamp) -> DeadlineStanding {
        if c.status == .received, let r = c.respondStanding(now: now), r.isOverdue { return r }
        return c.resolveStanding(now: now) ?? .onTime
    }

    /// `城建科 (lead), 城管科`: the departments a case is with now.
    func dispatchedDepartments(_ c: CaseRecord, _ names: inout NameCache) throws -> String {
        let rows = try store.select(.caseDispatch, matching: ["case_id": .integer(c.id), "returned_at": .null], orderBy: [])
        let parts = try rows.map { r -> String in
            let n = try names.name(.department, r.int("department_id"), store).text ?? ""
            guard r.int("is_lead") == 1 else { return n }
            return lang == .zh ? "\(n)（牵头）" : "\(n) (lead)"
        }
        return parts.joined(separator: lang == .zh ? "、" : ", ")
    }
}

/// Names of records looked up once per command, not once per row.
struct NameCache {
    var names: [String: String] = [:]

    mutating func name(_ kind: RecordKind, _ id: Int?, _ store: Store) throws -> StoreValue {
        guard let id else { return .null }
        let key = "\(kind.rawValue)-\(id)"
        if let n = names[key] { return .text(n) }
        let n = try store.select(kind, matching: ["id": .integer(id)], orderBy: []).first?.text(kind.schema.titleColumn) ?? kind.id(id)
        names[key] = n
        return .text(n)
    }
}

extension Interpreter {
    /// `case dispatch C-1 dept=城建科[,城管科] [community=…] [lead=…] [supervisor=…]` (双向派单):
    /// every dispatch names departments (条) and a community (块); a case shared by several
    /// departments names the lead department and the supervising leader (主要领导督办).
    func caseDispatch(_ inv: Invocation) throws -> [Output] {
        guard let deptBound = inv["dept"] else { return [] }
        var depts: [Int] = []
        for item in deptBound.items {
            let id = try resolve(.department, BoundValue(value: item, location: deptBound.location))
            if !depts.contains(id) { depts.append(id) }
        }
        var lead = depts.count == 1 ? depts[0] : nil
        if let b = inv["lead"] {
            let l = try resolve(.department, b)
            guard depts.contains(l) else {
                throw ScriptError.validation(
                    "the lead department '\(b.value.display)' is not among those dispatched", "牵头科室 '\(b.value.display)' 不在派单科室之中",
                    at: b.location, hint: Localized(en: "add it to dept=", zh: "请把它加入 dept="))
            }
            lead = l
        }
        let supervisor = inv.text("supervisor")?.trimmingWhitespace()
        if depts.count > 1 {
            let missing = [lead == nil ? "lead=" : nil, (supervisor ?? "").isEmpty ? "supervisor=" : nil].compactMap { $0 }
            if !missing.isEmpty {
                throw ScriptError.validation(
                    "a case dispatched to several departments needs \(missing.joined(separator: " and "))",
                    "派给多个科室的诉求须指定 \(missing.joined(separator: " 和 "))（牵头科室、督办领导）", at: deptBound.location,
                    hint: Localized(en: "e.g. lead=城建科 supervisor=张书记", zh: "例如 lead=城建科 supervisor=张书记"))
            }
        }
        // A leader merged into another is the one kept.
        let supervisorCadre = try supervisor.flatMap { try store.lookup(.cadre, name: $0) }.map { try kept(.cadre, $0) }
        let names = try depts.map { try departmentName($0) }
        return try runStep(inv, .dispatch) { c, now in
            guard let community = try inv["community"].map({ try resolve(.community, $0) }) ?? c.int("community_id") else {
                throw ScriptError.validation(
                    "\(c.display) has no community: a dispatch names a department and a community", "\(c.display) 没有所属社区：派单须同时指定科室和社区",
                    at: inv.location, hint: Localized(en: "add community=…", zh: "请加上 community=…"))
            }
            for d in depts {
                _ = try store.insert(
                    .caseDispatch,
                    [
                        "case_id": .integer(c.id), "department_id": .integer(d), "community_id": .integer(community),
                        "is_lead": .integer(d == lead && depts.count > 1 ? 1 : 0), "dispatched_at": .text(now.storage),
                        "dispatched_by": .text(inv.text("by") ?? session.actor),
                    ])
            }
            var ch = StepChange(values: [
                "department_id": lead.map(StoreValue.integer) ?? .null, "dispatched_at": .text(now.storage),
                "lead_department_id": depts.count > 1 ? lead.map(StoreValue.integer) ?? .null : .null,
                "supervisor_name": supervisor.map(StoreValue.text) ?? .null,
                "supervisor_id": supervisorCadre.map(StoreValue.integer) ?? .null,
            ])
            if c.int("community_id") == nil { ch.values["community_id"] = .integer(community) }
            let communityName = try self.communityName(community)
            ch.details = [("dept", names.joined(separator: ",")), ("community", communityName)]
            if depts.count > 1, let l = lead { ch.details.append(("lead", try departmentName(l))) }
            if let s = supervisor { ch.details.append(("supervisor", s)) }
            ch.remark = dispatchSummary(
                names: names, lead: depts.count > 1 ? try lead.map(departmentName) : nil, community: communityName, supervisor: supervisor)
            return ch
        }
    }

    func departmentName(_ id: Int) throws -> String {
        try store.select(.department, matching: ["id": .integer(id)], orderBy: []).first?.text("name") ?? RecordKind.department.id(id)
    }

    /// `城建科 (lead), 城管科 + 六里屯社区; supervisor 张书记`.
    func dispatchSummary(names: [String], lead: String?, community: String, supervisor: String?) -> Localized {
        let en = names.map { $0 == lead ? "\($0) (lead)" : $0 }.joined(separator: ", ")
        let zh = names.map { $0 == lead ? "\($0)（牵头）" : $0 }.joined(separator: "、")
        var s = Localized(en: "\(en) + \(community)", zh: "\(zh) + \(community)")
        if let supervisor, !supervisor.isEmpty {
            s.en += "; supervisor \(supervisor)"
            s.zh += "；督办：\(supervisor)"
        }
        return s
    }
}

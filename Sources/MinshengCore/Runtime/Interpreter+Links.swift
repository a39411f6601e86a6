/// Who covers what (有方案部署): leaders linked to communities, cadres assigned to
/// compounds (包片), office cadres paired with community cadres (结对).
extension Interpreter {
    /// `leader link NAME community=…[,…]`
    func linkLeader(_ inv: Invocation) throws -> [Output] {
        guard let lb = inv["leader"], let cb = inv["community"] else { return [] }
        let leader = try resolve(.cadre, lb)
        let who = try cadre(leader)
        guard who.role == "leader" else {
            throw ScriptError.validation(
                "'\(who.name)' is \(roleNoun(who.role).en), not a leader", "'\(who.name)' 是\(roleNoun(who.role).zh)，不是处级领导", at: lb.location,
                hint: Localized(en: "leaders are added with role=leader", zh: "处级领导用 cadre add … role=leader 添加"))
        }
        var names: [String] = []
        for community in try refs(.community, cb) {
            let cname = try title(.community, community)
            let existing = try store.select(.leaderLink, matching: ["leader_id": .integer(leader), "community_id": .integer(community)], orderBy: []).first
            if let existing, existing.text("ended_at") == nil {
                throw ScriptError.runtime("\(who.name) is already linked to \(cname)", "\(who.name) 已联系\(cname)", at: cb.location)
            }
            let id = try renew(.leaderLink, existing, stamp.merging(["leader_id": .integer(leader), "community_id": .integer(community)]) { a, _ in a })
            try log(inv, "leader.link", .leaderLink, id, [("leader", who.name), ("community", cname)])
            session.lastID = RecordKind.leaderLink.id(id)
            names.append(cname)
        }
        return [.text(lang == .zh ? "\(who.name) 联系社区：\(names.joined(separator: "、"))" : "\(who.name) is linked to \(names.joined(separator: ", "))")]
    }

    /// `assign CADRE compound=…[,…]`: a community cadre covers compounds of their own community only.
    func assign(_ inv: Invocation) throws -> [Output] {
        guard let cb = inv["cadre"], let bb = inv["compound"] else { return [] }
        let cadreID = try resolve(.cadre, cb)
        let who = try cadre(cadreID)
        var names: [String] = []
        for compound in try refs(.compound, bb) {
            let b = try row(.compound, compound)
            let bname = b?.text("name") ?? ""
            let community = b?.int("community_id")
            if who.role == "community", let own = who.community, own != community {
                throw ScriptError.validation(
                    "\(who.name) is a community cadre of \(try title(.community, own)); \(bname) is in \(try title(.community, community))",
                    "\(who.name) 是\(try title(.community, own))的社区干部，\(bname) 属于\(try title(.community, community))", at: bb.location)
            }
            let existing = try store.select(.assignment, matching: ["cadre_id": .integer(cadreID), "compound_id": .integer(compound)], orderBy: []).first
            if let existing, existing.text("ended_at") == nil {
                throw ScriptError.runtime("\(who.name) is already assigned to \(bname)", "\(who.name) 已包片\(bname)", at: bb.location)
            }
            var values = stamp
            values["cadre_id"] = .integer(cadreID)
            values["compound_id"] = .integer(compound)
            values["community_id"] = community.map { .integer($0) } ?? .null
            let id = try renew(.assignment, existing, values)
            try log(inv, "assignment.add", .assignment, id, [("cadre", who.name), ("compound", bname)])
            session.lastID = RecordKind.assignment.id(id)
            names.append(bname)
        }
        return [.text(lang == .zh ? "\(who.name) 包片：\(names.joined(separator: "、"))" : "\(who.name) is assigned to \(names.joined(separator: ", "))")]
    }

    /// A link made again after it was ended takes up its old row (one row per link: the
    /// ending and the renewal are both in the log); else a new row.
    func renew(_ kind: RecordKind, _ ended: StoredRecord?, _ values: [String: StoreValue]) throws -> Int {
        guard let ended else { return try store.insert(kind, values) }
        var v = values
        for c in ["ended_at", "ended_by", "end_reason"] { v[c] = .null }
        try store.update(kind, id: ended.id, v)
        return ended.id
    }

    /// `pair A B`: one office cadre and one community cadre, in either order.
    func pair(_ inv: Invocation) throws -> [Output] {
        guard let ab = inv["cadre"], let bb = inv["partner"] else { return [] }
        let a = try resolve(.cadre, ab), b = try resolve(.cadre, bb)
        guard a != b else {
            throw ScriptError.validation("a cadre cannot pair with themselves", "干部不能与自己结对", at: bb.location)
        }
        let ca = try cadre(a), cb = try cadre(b)
        let office: (id: Int, c: (name: String, role: String, community: Int?, department: Int?))
        let local: (id: Int, c: (name: String, role: String, community: Int?, department: Int?))
        switch (ca.role, cb.role) {
        case ("office", "community"): (office, local) = ((a, ca), (b, cb))
        case ("community", "office"): (office, local) = ((b, cb), (a, ca))
        default:
            let bad = ca.role == "office" || ca.role == "community" ? bb : ab
            let odd = bad == bb ? cb : ca
            let why =
                ca.role == cb.role
                ? Localized(
                    en: "\(ca.name) and \(cb.name) are both \(roleNoun(ca.role, plural: true).en)", zh: "\(ca.name)、\(cb.name) 都是\(roleNoun(ca.role).zh)")
                : Localized(en: "\(odd.name) is \(roleNoun(odd.role).en)", zh: "\(odd.name) 是\(roleNoun(odd.role).zh)")
            throw ScriptError.validation(
                "a pair is one office cadre and one community cadre; \(why.en)", "结对须为一名机关干部和一名社区干部；\(why.zh)", at: bad.location)
        }
        let name = "\(office.c.name)+\(local.c.name)"
        let existing = try store.select(.pair, matching: ["name": .text(name)], orderBy: []).first
        if let existing, existing.text("ended_at") == nil {
            throw ScriptError.runtime("\(office.c.name) and \(local.c.name) are already paired", "\(office.c.name) 与 \(local.c.name) 已结对", at: ab.location)
        }
        var values = stamp
        values["name"] = .text(name)
        values["office_id"] = .integer(office.id)
        values["community_cadre_id"] = .integer(local.id)
        values["community_id"] = local.c.community.map { .integer($0) } ?? .null
        let id = try renew(.pair, existing, values)
        let cname = try title(.community, local.c.community)
        try log(inv, "pair.add", .pair, id, [("office", office.c.name), ("community-cadre", local.c.name), ("community", cname)])
        session.lastID = RecordKind.pair.id(id)
        return [
            .text(
                lang == .zh
                    ? "已结对 P-\(id)：机关干部 \(office.c.name) + 社区干部 \(local.c.name)（\(cname)）"
                    : "paired P-\(id): office cadre \(office.c.name) + community cadre \(local.c.name) (\(cname))")
        ]
    }
}

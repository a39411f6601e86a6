/// Compounds, households, enterprises and cadres (有人员落实): the people and places
/// the walking office covers.
extension Interpreter {
    static let rosterHandlers: [CommandID: Handler] = [
        .compoundAdd: { try $0.addCompound($1) }, .householdAdd: { try $0.addHousehold($1) },
        .householdTag: { try $0.tagHousehold($1) }, .enterpriseAdd: { try $0.addEnterprise($1) },
        .cadreAdd: { try $0.addCadre($1) }, .leaderLink: { try $0.linkLeader($1) }, .assign: { try $0.assign($1) },
        .pair: { try $0.pair($1) }, .importTable: { try $0.importTable($1) },
    ]

    /// `compound add NAME community=…`
    func addCompound(_ inv: Invocation) throws -> [Output] {
        let name = try requiredText(inv, "name")
        try requireNewName(.compound, name, at: inv["name"]?.location)
        guard let cb = inv["community"] else { return [] }
        let community = try resolve(.community, cb)
        let id = try store.insert(.compound, stamp.merging(["name": .text(name), "community_id": .integer(community)]) { a, _ in a })
        let cname = try title(.community, community)
        try log(inv, "compound.add", .compound, id, [("name", name), ("community", cname)])
        session.lastID = RecordKind.compound.id(id)
        return [.text(lang == .zh ? "已添加楼院 B-\(id) \(name)（\(cname)）" : "added compound B-\(id) \(name) in \(cname)")]
    }

    /// `household add ADDRESS compound=… [community=…] head=… phone=… tags=…`
    func addHousehold(_ inv: Invocation) throws -> [Output] {
        let address = try requiredText(inv, "address")
        let compound = try optionalRef(.compound, inv, "compound")
        var community = try optionalRef(.community, inv, "community")
        if let compound {
            let own = try row(.compound, compound)?.int("community_id")
            if let community, community != own {
                throw ScriptError.validation(
                    "compound '\(try title(.compound, compound))' is in \(try title(.community, own)), not \(try title(.community, community))",
                    "楼院 '\(try title(.compound, compound))' 属于\(try title(.community, own))，不属于\(try title(.community, community))",
                    at: inv["community"]?.location, hint: Localized(en: "leave out community=: it follows the compound", zh: "可省略 community=，按楼院确定"))
            }
            community = own
        }
        guard let community else {
            throw ScriptError.validation(
                "'household add' needs compound= or community=", "'household add' 需要 compound= 或 community=", at: inv["address"]?.location,
                hint: Localized(en: "usage: " + inv.spec.usage(.en), zh: "用法：" + inv.spec.usage(.zh)))
        }
        let same = try store.select(
            .household, matching: ["address": .text(address), "compound_id": compound.map { .integer($0) } ?? .null, "community_id": .integer(community)],
            orderBy: [])
        if !same.isEmpty {
            let place = compound != nil ? try title(.compound, compound) : try title(.community, community)
            throw ScriptError.runtime(
                "household '\(address)' already exists in \(place)", "\(place)已有住户 '\(address)'", at: inv["address"]?.location)
        }
        let tags = HouseholdTags.encode(inv["tags"]?.items.map(\.display) ?? [])
        var values = stamp
        values["address"] = .text(address)
        values["compound_id"] = compound.map { .integer($0) } ?? .null
        values["community_id"] = .integer(community)
        values["head"] = inv.text("head").map { .text($0) } ?? .null
        values["phone"] = try checkPhone(inv)
        values["tags"] = .text(tags)
        let id = try store.insert(.household, values)
        let place = compound != nil ? try title(.compound, compound) : try title(.community, community)
        try log(inv, "household.add", .household, id, [("address", address), ("in", place), ("head", inv.text("head") ?? ""), ("tags", tags)])
        session.lastID = RecordKind.household.id(id)
        var about: [String] = []
        if let head = inv.text("head") { about.append(lang == .zh ? "户主 \(head)" : "head \(head)") }
        if !tags.isEmpty { about.append((lang == .zh ? "标签 " : "tags ") + HouseholdTags.display(tags, lang)) }
        let shown = about.isEmpty ? "" : lang == .zh ? "（\(about.joined(separator: "，"))）" : " (\(about.joined(separator: "; ")))"
        return [.text(lang == .zh ? "已添加住户 H-\(id) \(address)\(shown)" : "added household H-\(id) \(address)\(shown)")]
    }

    /// `household tag H-1 add=… remove=…`
    func tagHousehold(_ inv: Invocation) throws -> [Output] {
        guard let hb = inv["household"] else { return [] }
        guard inv["add"] != nil || inv["remove"] != nil else {
            throw ScriptError.validation(
                "'household tag' needs add= or remove=", "'household tag' 需要 add= 或 remove=", at: hb.location,
                hint: Localized(en: "e.g. " + inv.spec.example, zh: "例如 " + inv.spec.example(.zh)))
        }
        let id = try resolveHousehold(hb)
        let before = try row(.household, id)?.text("tags") ?? ""
        let removing = Set(inv["remove"]?.items.map(\.display) ?? [])
        let kept = HouseholdTags.decode(before).filter { !removing.contains($0) }
        let after = HouseholdTags.encode(kept + (inv["add"]?.items.map(\.display) ?? []))
        guard after != before else {
            return [
                .text(lang == .zh ? "H-\(id) 的标签未变：\(HouseholdTags.display(after, lang))" : "H-\(id) tags unchanged: \(HouseholdTags.display(after, lang))")
            ]
        }
        try store.update(.household, id: id, ["tags": .text(after)])
        try log(inv, "household.tag", .household, id, [("before", before), ("after", after)])
        let shown = after.isEmpty ? (lang == .zh ? "（无）" : "(none)") : HouseholdTags.display(after, lang)
        return [.text(lang == .zh ? "H-\(id) 的标签：\(shown)" : "H-\(id) tags: \(shown)")]
    }

    /// `enterprise add NAME community=… [compound=…] [address=…] [contact=…] [phone=…]`
    func addEnterprise(_ inv: Invocation) throws -> [Output] {
        let name = try requiredText(inv, "name")
        try requireNewName(.enterprise, name, at: inv["name"]?.location)
        guard let cb = inv["community"] else { return [] }
        let community = try resolve(.community, cb)
        let compound = try optionalRef(.compound, inv, "compound")
        if let compound, let own = try row(.compound, compound)?.int("community_id"), own != community {
            throw ScriptError.validation(
                "compound '\(try title(.compound, compound))' is in \(try title(.community, own)), not \(try title(.community, community))",
                "楼院 '\(try title(.compound, compound))' 属于\(try title(.community, own))，不属于\(try title(.community, community))",
                at: inv["compound"]?.location)
        }
        var values = stamp
        values["name"] = .text(name)
        values["community_id"] = .integer(community)
        values["compound_id"] = compound.map { .integer($0) } ?? .null
        values["address"] = inv.text("address").map { .text($0) } ?? .null
        values["contact"] = inv.text("contact").map { .text($0) } ?? .null
        values["phone"] = try checkPhone(inv)
        let id = try store.insert(.enterprise, values)
        let cname = try title(.community, community)
        try log(inv, "enterprise.add", .enterprise, id, [("name", name), ("community", cname)])
        session.lastID = RecordKind.enterprise.id(id)
        return [.text(lang == .zh ? "已添加企业 E-\(id) \(name)（\(cname)）" : "added enterprise E-\(id) \(name) in \(cname)")]
    }

    /// `cadre add NAME [role=…] [dept=…] [community=…] [phone=…]`: an office cadre belongs to a
    /// department, a community cadre to a community; a leader may have a department.
    func addCadre(_ inv: Invocation) throws -> [Output] {
        let name = try requiredText(inv, "name")
        try requireNewName(.cadre, name, at: inv["name"]?.location, hint: Localized(en: "tell namesakes apart, e.g. \(name)(二)", zh: "重名时可加区分，如 \(name)（二）"))
        let dept = try optionalRef(.department, inv, "dept")
        let community = try optionalRef(.community, inv, "community")
        let role: String
        if let r = inv.text("role") {
            role = r
        } else if dept != nil && community == nil {
            role = "office"
        } else if community != nil && dept == nil {
            role = "community"
        } else {
            throw ScriptError.validation(
                dept == nil ? "'cadre add' needs dept=, community= or role=leader" : "give role=: a cadre with both dept= and community= is ambiguous",
                dept == nil ? "'cadre add' 需要 dept=、community= 或 role=leader" : "请给出 role=：同时有 dept= 和 community= 无法判断角色",
                at: inv["name"]?.location,
                hint: Localized(en: "office cadres: dept=…; community cadres (两委一站): community=…", zh: "机关干部：dept=…；社区干部（两委一站）：community=…"))
        }
        switch role {
        case "office" where dept == nil, "office" where community != nil:
            throw ScriptError.validation(
                "an office cadre belongs to a department: give dept= and no community=", "机关干部属于科室：请给出 dept=，不要 community=",
                at: inv["community"]?.location ?? inv["role"]?.location,
                hint: Localized(en: "link them to a community with pair or assign", zh: "可用 pair 或 assign 联系社区"))
        case "community" where community == nil, "community" where dept != nil:
            throw ScriptError.validation(
                "a community cadre belongs to a community: give community= and no dept=", "社区干部属于社区：请给出 community=，不要 dept=",
                at: inv["dept"]?.location ?? inv["role"]?.location)
        case "leader" where community != nil:
            throw ScriptError.validation(
                "a leader is linked to communities with 'leader link', not community=", "处级领导用 leader link 联系社区，不用 community=",
                at: inv["community"]?.location, hint: Localized(en: "leader link \(name) community=…", zh: "leader link \(name) community=…"))
        default: break
        }
        var values = stamp
        values["name"] = .text(name)
        values["role"] = .text(role)
        values["department_id"] = dept.map { .integer($0) } ?? .null
        values["community_id"] = community.map { .integer($0) } ?? .null
        values["phone"] = try checkPhone(inv)
        let id = try store.insert(.cadre, values)
        let unit = dept != nil ? try title(.department, dept) : try title(.community, community)
        try log(inv, "cadre.add", .cadre, id, [("name", name), ("role", role), ("unit", unit)])
        session.lastID = RecordKind.cadre.id(id)
        let of = unit.isEmpty ? "" : (lang == .zh ? "（\(unit)）" : " (\(unit))")
        let noun = roleNoun(role).zh, en = role == "leader" ? "leader" : "\(role) cadre"
        return [.text(lang == .zh ? "已添加\(noun) G-\(id) \(name)\(of)" : "added \(en) G-\(id) \(name)\(of)")]
    }
}

extension Interpreter {
    static let roleHandlers: [CommandID: Handler] = [
        .roleGrant: { try $0.roleGrant($1) }, .roleRevoke: { try $0.roleRevoke($1) }, .roleList: { try $0.roleList($1) },
    ]

    /// `role grant LOGIN ROLE [community=…|dept=…|subdistrict=…] [cadre=…]`.
    func roleGrant(_ inv: Invocation) throws -> [Output] {
        guard let login = inv.text("login"), let loc = inv["login"]?.location,
            case .choice(let raw)? = inv["role"]?.value, let role = AccessRole(rawValue: raw)
        else { return [] }
        guard !login.trimmingWhitespace().isEmpty else { throw ScriptError.validation("a login cannot be empty", "登录名不能为空", at: loc) }
        var values: [String: StoreValue] = ["login": .text(login), "role": .text(role.rawValue)]
        var details = [("login", login), ("role", role.rawValue)]
        // The scope: exactly the unit the role needs (or, for the others, a subdistrict or none).
        let units: [(String, RecordKind, String)] = [("community", .community, "community_id"), ("dept", .department, "department_id"),
                                                     ("subdistrict", .subdistrict, "subdistrict_id")]
        for (option, kind, column) in units {
            guard let bound = inv[option] else { continue }
            let allowed = role.scopeKind == kind || (role.scopeKind == nil && kind == .subdistrict)
            guard allowed else {
                throw ScriptError.validation(
                    "a \(role.label.en)'s scope is \(Self.scopeWords(role, .en)), not \(option)=",
                    "\(role.label.zh)的范围是\(Self.scopeWords(role, .zh))，不能用 \(option)=", at: bound.location)
            }
            let id = try resolve(kind, bound)
            values[column] = .integer(id)
            details.append((option, kind.id(id)))
        }
        if let (option, kind, column) = units.first(where: { $0.1 == role.scopeKind }), values[column] == nil {
            throw ScriptError.validation(
                "a \(role.label.en) needs \(option)=: the \(kind.schema.label.en) the role is for",
                "\(role.label.zh)须指定 \(option)=（所在\(kind.schema.label.zh)）", at: inv.location)
        }
        if let bound = inv["cadre"] {
            let id = try resolve(.cadre, bound)
            values["cadre_id"] = .integer(id)
            details.append(("cadre", RecordKind.cadre.id(id)))
        }
        let same = try store.select(.grant, matching: ["login": .text(login), "role": .text(role.rawValue)], orderBy: [])
            .filter { $0["revoked_at"] == .null }
        if let twin = same.first(where: { g in ["subdistrict_id", "community_id", "department_id"].allSatisfy { g[$0] == values[$0] ?? .null } }) {
            throw ScriptError.runtime(
                "\(login) is already \(role.label.en) there (\(RecordKind.grant.id(twin.id)))", "\(login) 已是该范围的\(role.label.zh)（\(RecordKind.grant.id(twin.id))）",
                at: loc)
        }
        // On a server the login must exist, and becomes able to connect to minsheng's tables.
        try store.enrol(login: login)
        values.merge(stamp) { a, _ in a }
        let id = try store.insert(.grant, values)
        try log(inv, "role.grant", .grant, id, details)
        access = nil
        session.lastID = RecordKind.grant.id(id)
        let scope = try scopeText(values["subdistrict_id"], values["community_id"], values["department_id"])
        return [.text(lang == .zh
            ? "已授予 \(RecordKind.grant.id(id))：\(login) 为\(scope)\(role.label.zh)"
            : "granted \(RecordKind.grant.id(id)): \(login) is \(role.label.en) of \(scope)")]
    }

    static func scopeWords(_ role: AccessRole, _ language: Language) -> String {
        switch role.scopeKind {
        case .community?: return language == .zh ? "社区（community=）" : "a community (community=)"
        case .department?: return language == .zh ? "科室（dept=）" : "a department (dept=)"
        case .subdistrict?: return language == .zh ? "街道（subdistrict=）" : "a subdistrict (subdistrict=)"
        default: return language == .zh ? "全区或某街道（subdistrict=）" : "the district or a subdistrict (subdistrict=)"
        }
    }

    /// `role revoke R-2`: the grant stays, marked revoked, and the revocation is logged.
    func roleRevoke(_ inv: Invocation) throws -> [Output] {
        guard let bound = inv["grant"] else { return [] }
        let id = try resolve(.grant, bound)
        guard let g = try store.select(.grant, matching: ["id": .integer(id)], orderBy: []).first else { return [] }
        if g["revoked_at"] != .null {
            throw ScriptError.runtime(
                "\(RecordKind.grant.id(id)) was revoked already (\(g.text("revoked_at").flatMap(Timestamp.parse)?.display ?? ""))",
                "\(RecordKind.grant.id(id)) 已于 \(g.text("revoked_at").flatMap(Timestamp.parse)?.display ?? "") 撤销", at: bound.location)
        }
        try store.update(.grant, id: id, ["revoked_at": .text(session.now.storage), "revoked_by": .text(session.actor)])
        try log(inv, "role.revoke", .grant, id, [("login", g.text("login") ?? ""), ("role", g.text("role") ?? "")])
        access = nil
        return [.text(lang == .zh ? "已撤销 \(RecordKind.grant.id(id))（\(g.text("login") ?? "")）" : "revoked \(RecordKind.grant.id(id)) (\(g.text("login") ?? ""))")]
    }

    /// `role list [LOGIN]`: the grants in force, and, for the current login, what it may do.
    func roleList(_ inv: Invocation) throws -> [Output] {
        var matching: [String: StoreValue] = [:]
        if let login = inv.text("login") { matching["login"] = .text(login) }
        let grants = try store.select(.grant, matching: matching, orderBy: ["login", "id"]).filter { $0["revoked_at"] == .null }
        let columns = [
            FieldSpec("id", [], .text, label: Localized(en: "id", zh: "编号")),
            FieldSpec("login", [], .text, label: Localized(en: "login", zh: "登录名")),
            FieldSpec("role", [], .text, label: Localized(en: "role", zh: "角色")),
            FieldSpec("scope", [], .text, label: Localized(en: "scope", zh: "范围")),
            FieldSpec("cadre", [], .text, label: Localized(en: "cadre", zh: "干部")),
            FieldSpec("granted", [], .text, label: Localized(en: "granted", zh: "授予")),
        ]
        var rows: [[StoreValue]] = []
        for g in grants {
            let role = AccessRole(rawValue: g.text("role") ?? "")
            let cadre = try g.int("cadre_id").map { try unitName(.cadre, $0) } ?? ""
            let granted = [g.text("created_at").flatMap(Timestamp.parse)?.display ?? "", g.text("created_by") ?? ""].joined(separator: " · ")
            rows.append([
                .text(RecordKind.grant.id(g.id)), .text(g.text("login") ?? ""), .text(role?.label.text(lang) ?? g.text("role") ?? ""),
                .text(try scopeText(g["subdistrict_id"], g["community_id"], g["department_id"])), .text(cadre), .text(granted),
            ])
        }
        var out: [Output] = [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
        let a = try currentAccess()
        if !a.enforced {
            out.append(.text(lang == .zh
                ? "\(a.identity.login) 可做一切：它拥有这个数据库（角色约束的是服务器认证的其他登录名）"
                : "\(a.identity.login) may do everything: it owns the database (roles bind the other logins a server authenticates)"))
        }
        return out
    }

    /// "六里屯社区", "朝阳街道", "the district" for a grant's scope columns.
    func scopeText(_ subdistrict: StoreValue?, _ community: StoreValue?, _ department: StoreValue?) throws -> String {
        if case .integer(let c)? = community { return try unitName(.community, c) }
        if case .integer(let d)? = department { return try unitName(.department, d) }
        if case .integer(let s)? = subdistrict { return try unitName(.subdistrict, s) }
        return lang == .zh ? "全区" : "the district"
    }

    /// A record's name (its id when it has none or is gone).
    func unitName(_ kind: RecordKind, _ id: Int) throws -> String {
        try store.select(kind, matching: ["id": .integer(id)], orderBy: []).first?.text(kind.schema.titleColumn) ?? kind.id(id)
    }
}

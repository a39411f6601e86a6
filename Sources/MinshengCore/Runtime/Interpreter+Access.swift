/// What the login at the keyboard may do: its identity and the roles granted to it.
public struct Access: Sendable {
    public var identity: Identity
    public var grants: [RoleGrant]

    /// Whether roles are enforced: for a login the server authenticated that does not own
    /// the database. (A file's OS user, like a server's owner, can change everything anyway.)
    public var enforced: Bool { identity.authenticated && !identity.privileged }

    /// Whether some role the login holds carries `p` (in some scope).
    public func holds(_ p: Permission) -> Bool {
        p == .none || !enforced || grants.contains { $0.role.permissions.contains(p) }
    }
}

extension Interpreter {
    /// The login's access, read once and again after a grant or a revocation.
    public func currentAccess() throws -> Access {
        if let access { return access }
        let identity = try store.identity()
        var grants: [RoleGrant] = []
        if identity.authenticated {
            for g in try store.select(.grant, matching: ["login": .text(identity.login)], orderBy: ["id"]) where g["revoked_at"] == .null {
                guard let role = AccessRole(rawValue: g.text("role") ?? "") else { continue }
                grants.append(
                    RoleGrant(
                        id: g.id, login: identity.login, role: role, subdistrict: g.int("subdistrict_id"), community: g.int("community_id"),
                        department: g.int("department_id"), cadre: g.int("cadre_id")))
            }
        }
        let a = Access(identity: identity, grants: grants)
        access = a
        return a
    }

    /// Whether the login may run `spec` somewhere: `help` and completion offer only these.
    public func mayUse(_ spec: CommandSpec) -> Bool {
        guard let a = try? currentAccess() else { return true }
        return a.holds(spec.requires)
    }

    /// Refuses a command the login's roles do not allow on the record it names. Reads are
    /// scoped by the server itself (row-level security): here only whether a role allows them.
    func authorize(_ inv: Invocation) throws {
        let need = inv.spec.requires
        guard need != .none else { return }
        let a = try currentAccess()
        guard a.enforced else { return }
        let holding = a.grants.filter { $0.role.permissions.contains(need) }
        guard !holding.isEmpty else { throw try refusal(inv, need, a, target: nil) }
        if need == .read || need == .verify || need == .reveal { return }
        let (target, placement) = try placement(of: inv)
        // A grant for the whole district takes an admin of the whole district.
        if inv.spec.id == .roleGrant && placement.isEmpty {
            guard holding.contains(where: \.isDistrictWide) else {
                throw try refusal(inv, need, a, target: lang == .zh ? "全区" : "the district")
            }
            return
        }
        guard holding.contains(where: { $0.covers(placement) }) else { throw try refusal(inv, need, a, target: target) }
    }

    /// The record a command acts on (its first named record: a case, a meeting, a
    /// community …, else the meeting in use for a meeting command) and where it sits.
    func placement(of inv: Invocation) throws -> (String?, Placement) {
        for p in inv.spec.arguments + inv.spec.options {
            guard case .reference(let kind) = p.type, let bound = inv[p.name], kind != .cadre, kind != .grant else { continue }
            let id = try resolve(kind, bound)
            let place = try store.placement(kind, id: id)
            if !place.isEmpty { return (kind.id(id), place) }
        }
        if inv.spec.requires == .meeting, let m = session.currentMeeting, let (kind, id) = RecordKind.forID(m) {
            return (m, try store.placement(kind, id: id))
        }
        return (nil, Placement())
    }

    /// "case resolve needs department staff or subdistrict cadre for C-2; wangfang is community cadre of 六里屯社区".
    func refusal(_ inv: Invocation, _ need: Permission, _ a: Access, target: String?) throws -> ScriptError {
        let roles = need.roles
        let en = roles.map(\.label.en).joined(separator: " or "), zh = roles.map(\.label.zh).joined(separator: "或")
        var heldEN: [String] = [], heldZH: [String] = []
        for g in a.grants {
            let scope = try scopeText(g.subdistrict.map(StoreValue.integer), g.community.map(StoreValue.integer), g.department.map(StoreValue.integer))
            heldEN.append("\(g.role.label.en) of \(scope)")
            heldZH.append("\(scope)\(g.role.label.zh)")
        }
        let login = a.identity.login
        let has = heldEN.isEmpty
            ? Localized(en: "\(login) holds no role", zh: "\(login) 没有任何角色")
            : Localized(en: "\(login) is \(heldEN.joined(separator: ", "))", zh: "\(login) 是\(heldZH.joined(separator: "、"))")
        let name = inv.spec.displayName
        return ScriptError(
            .validation,
            Localized(
                en: "not allowed: '\(name)' needs \(en)\(target.map { " for \($0)" } ?? ""); \(has.en)",
                zh: "无权操作：'\(name)' 需要\(zh)角色\(target.map { "（\($0) 所在范围）" } ?? "")；\(has.zh)"),
            at: inv.location,
            hint: Localized(en: "an admin grants roles: role grant LOGIN ROLE …", zh: "由管理员授予角色：role grant 登录名 角色 …"))
    }
}

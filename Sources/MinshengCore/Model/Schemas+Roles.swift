/// Who may do what, and where: a role granted to a login in a scope (the district, a
/// subdistrict, a community or a department), bound to a cadre when the login is one.
extension RecordKind {
    public static let grant = RecordKind(rawValue: "grant")
}

extension ChoiceSet {
    public static let accessRole = ChoiceSet("role", [
        Choice("community", ["社区干部"]), Choice("department", ["科室人员", "科室"]), Choice("subdistrict", ["街道干部", "街道"]),
        Choice("supervisor", ["督查", "督查督办", "纪检"]), Choice("auditor", ["审计"]), Choice("admin", ["管理员"]),
    ])
}

extension RecordSchema {
    static let grant = RecordSchema(
        kind: .grant, words: ["grant", "grants", "role", "roles"], zhWords: ["授权", "角色"], idPrefix: "R", table: "role_grant",
        label: Localized(en: "grant", zh: "授权"), plural: Localized(en: "grants", zh: "授权"),
        fields: [
            .id, .text("login", ["登录名"]), .choice("role", ["角色"], .accessRole),
            .ref("subdistrict", ["街道"], .subdistrict), .ref("community", ["社区"], .community),
            .ref("dept", ["科室"], .department, column: "department_id"), .ref("cadre", ["干部"], .cadre),
            .created, .createdBy, .time("revoked", ["撤销时间"], column: "revoked_at", listed: true),
            .text("revoked-by", ["撤销人"], listed: false),
        ])

    static let roleSchemas: [RecordSchema] = [.grant]
}

/// A role a login may hold.
public enum AccessRole: String, Sendable, CaseIterable {
    /// 社区干部: intake, visits, steps and meetings of her community, cases dispatched to it.
    case community
    /// 科室: progress, resolve and return of the cases dispatched to the department.
    case department
    /// 街道: everything in the subdistrict (dispatch, 督办, decide).
    case subdistrict
    /// 督查督办、纪检: reads everything in scope, the log included; writes supervision only.
    case supervisor
    /// Reads everything in scope and verifies the log; phones always masked; writes nothing.
    case auditor
    /// Organisation, roles and policy (not a database superuser).
    case admin

    public var label: Localized {
        switch self {
        case .community: return Localized(en: "community cadre", zh: "社区干部")
        case .department: return Localized(en: "department staff", zh: "科室人员")
        case .subdistrict: return Localized(en: "subdistrict cadre", zh: "街道干部")
        case .supervisor: return Localized(en: "supervisor", zh: "督查")
        case .auditor: return Localized(en: "auditor", zh: "审计")
        case .admin: return Localized(en: "admin", zh: "管理员")
        }
    }

    /// The unit its scope names: a community role needs a community, a department role a
    /// department, a subdistrict role a subdistrict; the others the district or a subdistrict.
    public var scopeKind: RecordKind? {
        switch self {
        case .community: return .community
        case .department: return .department
        case .subdistrict: return .subdistrict
        case .supervisor, .auditor, .admin: return nil
        }
    }

    /// What the role may do (anywhere in its scope).
    public var permissions: Set<Permission> {
        switch self {
        case .community: return [.read, .reveal, .intake, .caseCommunity, .meeting]
        case .department: return [.read, .reveal, .caseDepartment]
        case .subdistrict: return [.read, .reveal, .intake, .caseCommunity, .caseDepartment, .manage, .meeting, .supervision, .verify, .seal]
        case .supervisor: return [.read, .reveal, .supervision, .verify, .seal]
        case .auditor: return [.read, .verify]
        case .admin: return [.read, .reveal, .verify, .seal, .admin]
        }
    }
}

/// What a command requires of the login that runs it. Each command declares one
/// (`CommandTable.permissions`); the roles that carry it are `AccessRole.permissions`.
public enum Permission: String, Sendable, CaseIterable {
    /// Touches only the session: anyone.
    case none
    /// Reads records in scope.
    case read
    /// Shows residents' phone numbers in full (`set reveal on`, itself logged).
    case reveal
    /// Takes in requests and records visits and households.
    case intake
    /// A case's steps on the community's side: respond, verify, callback, close.
    case caseCommunity
    /// A case's steps on the department's side: progress, resolve, return.
    case caseDepartment
    /// Dispatch, report, import, campaigns, assignments: the subdistrict's own work.
    case manage
    /// Consultation meetings: members, attendance, items, motions, ballots, decisions.
    case meeting
    /// Spot-checks, re-callbacks and notices.
    case supervision
    /// `audit verify`.
    case verify
    /// `audit seal`: a seal is an entry of the log (an auditor writes nothing).
    case seal
    /// Organisation, cadres, roles, policy and assessment rules.
    case admin

    /// The roles that carry it, in the order messages name them.
    public var roles: [AccessRole] { AccessRole.allCases.filter { $0.permissions.contains(self) } }
}

/// Where a record sits: the units a grant's scope is compared with.
public struct Placement: Sendable, Equatable {
    public var subdistrict: Int?
    public var community: Int?
    public var departments: [Int]

    public init(subdistrict: Int? = nil, community: Int? = nil, departments: [Int] = []) {
        self.subdistrict = subdistrict
        self.community = community
        self.departments = departments
    }

    public var isEmpty: Bool { subdistrict == nil && community == nil && departments.isEmpty }
}

/// A role in force for a login.
public struct RoleGrant: Sendable, Equatable {
    public var id: Int
    public var login: String
    public var role: AccessRole
    public var subdistrict: Int?
    public var community: Int?
    public var department: Int?
    public var cadre: Int?

    public init(id: Int, login: String, role: AccessRole, subdistrict: Int?, community: Int?, department: Int?, cadre: Int?) {
        self.id = id
        self.login = login
        self.role = role
        self.subdistrict = subdistrict
        self.community = community
        self.department = department
        self.cadre = cadre
    }

    /// Whether the grant names no unit: the whole district.
    public var isDistrictWide: Bool { subdistrict == nil && community == nil && department == nil }

    /// Whether the grant's scope covers a record placed at `p`: a district grant covers
    /// everything, a subdistrict's covers what is in it (its communities' and departments'
    /// records), a community's or department's what names that unit. A command that names
    /// no record (`p` empty) is covered by any grant; one naming a record outside every unit
    /// only by a district grant.
    public func covers(_ p: Placement) -> Bool {
        if isDistrictWide || p.isEmpty { return true }
        if let community { return p.community == community }
        if let department { return p.departments.contains(department) }
        if let subdistrict { return p.subdistrict == subdistrict }
        return false
    }
}

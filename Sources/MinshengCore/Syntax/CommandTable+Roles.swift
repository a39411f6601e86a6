extension CommandID {
    public static let roleGrant = CommandID("role-grant"), roleRevoke = CommandID("role-revoke"), roleList = CommandID("role-list")
}

extension CommandTable {
    /// Granting, revoking and listing the roles of logins.
    static let roleCommands: [CommandSpec] = [
        CommandSpec(
            .roleGrant, ["role", "grant"], aliases: [["角色", "授予"], ["授权"]],
            arguments: [
                ParameterSpec("login", ["登录名"], .text, required: true, help: Localized(en: "the login (a server login, or an OS user on a file)", zh: "登录名（服务器登录名，或单机文件上的系统用户）")),
                ParameterSpec(
                    "role", ["角色"], .choice(.accessRole), required: true,
                    help: Localized(
                        en: "community, department, subdistrict, supervisor, auditor or admin", zh: "社区干部、科室人员、街道干部、督查、审计或管理员")),
            ],
            options: [
                ParameterSpec("community", ["社区"], .reference(.community), help: Localized(en: "a community cadre's community", zh: "社区干部所在社区")),
                ParameterSpec("dept", ["科室"], .reference(.department), help: Localized(en: "a department's staff: the department", zh: "科室人员所在科室")),
                ParameterSpec(
                    "subdistrict", ["街道"], .reference(.subdistrict),
                    help: Localized(en: "a subdistrict cadre's subdistrict; for the others, none means the whole district", zh: "街道干部所在街道；其他角色不填即全区")),
                ParameterSpec("cadre", ["干部"], .reference(.cadre), help: Localized(en: "the cadre the login is (the operator it records)", zh: "登录名对应的干部（记为操作员）")),
            ],
            summary: Localized(en: "grant a login a role in a scope (logged)", zh: "授予登录名某范围内的角色（记入修改记录）"),
            example: "role grant wangfang community community=六里屯社区 cadre=王芳", effect: .writes),
        CommandSpec(
            .roleRevoke, ["role", "revoke"], aliases: [["角色", "撤销"], ["撤销授权"]],
            arguments: [ParameterSpec("grant", ["授权"], .reference(.grant), required: true, help: Localized(en: "the grant, e.g. R-2", zh: "授权编号，如 R-2"))],
            summary: Localized(en: "revoke a grant (it stays listed as revoked; logged)", zh: "撤销授权（仍保留并标为已撤销；记入修改记录）"),
            example: "role revoke R-2", effect: .writes),
        CommandSpec(
            .roleList, ["role", "list"], aliases: [["角色", "列表"], ["角色"]],
            arguments: [ParameterSpec("login", ["登录名"], .text, help: Localized(en: "one login's grants; none for all", zh: "只列某登录名的授权；不填列出全部"))],
            summary: Localized(en: "list the roles granted, and what you may do", zh: "列出已授予的角色及当前登录名可做的事"),
            example: "role list", effect: .reads),
    ]

    /// What each command requires of the login (`Permission`). Commands that only read
    /// need `.read`, session commands nothing; every command that writes is named here, and
    /// a test checks that none is missing.
    public static let permissions: [CommandID: Permission] = [
        // Intake, visits, households.
        .caseNew: .intake, .visitLog: .intake, .householdAdd: .intake, .householdTag: .intake, .compoundAdd: .intake,
        .enterpriseAdd: .intake,
        // A case's steps.
        .caseRespond: .caseCommunity, .caseVerify: .caseCommunity, .caseCallback: .caseCommunity, .caseClose: .caseCommunity,
        .caseProgress: .caseDepartment, .caseResolve: .caseDepartment, .caseReturn: .caseDepartment,
        // The subdistrict's own work.
        .caseDispatch: .manage, .caseMove: .manage, .caseEdit: .intake, .caseReopen: .caseCommunity, .visitVoid: .intake, .unassign: .manage, .unpair: .manage,
        .leaderUnlink: .manage, .rename: .admin, .merge: .admin,
        .memberRename: .meeting, .memberMerge: .meeting, .attendTime: .meeting, .caseUndispatch: .manage, .caseReport: .manage, .caseImport: .manage, .campaignNew: .manage, .assign: .manage, .pair: .manage,
        .leaderLink: .manage,
        // Meetings.
        .meetingNew: .meeting, .meetingEdit: .meeting, .queueAdd: .meeting, .queueNext: .meeting, .queueRemove: .meeting, .meetingClose: .meeting, .memberAdd: .meeting, .attend: .meeting, .leave: .meeting, .proxy: .meeting,
        .propose: .meeting, .discuss: .meeting, .motion: .meeting, .vote: .meeting, .tally: .meeting, .ballotChange: .meeting, .ballotWithdraw: .meeting, .attendRemove: .meeting, .decide: .meeting, .evaluate: .meeting,
        // Supervision.
        .spotCheck: .supervision, .spotCheckRecord: .supervision, .noticeCommend: .supervision, .noticeCriticize: .supervision,
        .auditVerify: .verify, .auditSeal: .seal,
        // Organisation, roles, policy.
        .deptAdd: .admin, .communityAdd: .admin, .subdistrictAdd: .admin, .cadreAdd: .admin, .policySet: .admin, .policyRecompute: .admin, .calendarSet: .admin, .calendarImport: .admin, .assessRulesSet: .admin,
        .importTable: .admin, .demoGenerate: .admin, .roleGrant: .admin, .roleRevoke: .admin,
    ]
}

extension CommandSpec {
    /// What running the command requires of the login.
    public var requires: Permission {
        if let p = CommandTable.permissions[id] { return p }
        switch effect {
        case .session: return .none
        case .reads: return .read
        case .writes: return .admin
        }
    }
}

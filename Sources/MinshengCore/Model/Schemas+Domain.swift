extension RecordKind {
    public static let compound = RecordKind(rawValue: "compound")
    public static let household = RecordKind(rawValue: "household")
    public static let enterprise = RecordKind(rawValue: "enterprise")
    public static let cadre = RecordKind(rawValue: "cadre")
    public static let `case` = RecordKind(rawValue: "case")
}

extension FieldSpec {
    /// A case's subdistrict: its community's.
    static var throughCommunity: FieldSpec {
        var f = FieldSpec.subdistrict
        f.through = (.community, "community_id")
        return f
    }

    static func ref(_ name: String, _ zh: [String], _ kind: RecordKind, column: String? = nil, listed: Bool = true) -> FieldSpec {
        FieldSpec(name, zh, .reference(kind), label: Localized(en: name, zh: zh[0]), column: column ?? name.replacingDashes() + "_id", listed: listed)
    }

    static func text(_ name: String, _ zh: [String], listed: Bool = true, column: String? = nil) -> FieldSpec {
        FieldSpec(name, zh, .text, label: Localized(en: name, zh: zh[0]), column: column, listed: listed)
    }

    static func time(_ name: String, _ zh: [String], column: String, listed: Bool = false) -> FieldSpec {
        FieldSpec(name, zh, .dateTime, label: Localized(en: name, zh: zh[0]), column: column, listed: listed)
    }

    static func choice(_ name: String, _ zh: [String], _ set: ChoiceSet, listed: Bool = true) -> FieldSpec {
        FieldSpec(name, zh, .choice(set), label: Localized(en: name, zh: zh[0]), listed: listed)
    }
}

extension RecordSchema {
    static let compound = RecordSchema(
        kind: .compound, words: ["compound", "compounds"], zhWords: ["楼院"], idPrefix: "B", table: "compound",
        label: Localized(en: "compound", zh: "楼院"), plural: Localized(en: "compounds", zh: "楼院"),
        fields: [.id, .name("楼院"), .ref("community", ["社区"], .community), .created, .createdBy, .merged, .mergedInto(.compound)])

    static let household = RecordSchema(
        kind: .household, words: ["household", "households"], zhWords: ["住户"], idPrefix: "H", table: "household",
        label: Localized(en: "household", zh: "住户"), plural: Localized(en: "households", zh: "住户"),
        fields: [
            .id, .text("address", ["地址", "门牌"]), .ref("compound", ["楼院"], .compound), .ref("community", ["社区"], .community),
            .text("head", ["户主"]), FieldSpec("phone", ["电话"], .phone, label: Localized(en: "phone", zh: "电话")),
            FieldSpec("tags", ["标签"], .tags, label: Localized(en: "tags", zh: "标签")), .created, .createdBy, .merged, .mergedInto(.household),
            FieldSpec("visited", ["已走访", "走访过"], .computed(.visited), label: Localized(en: "visited", zh: "已走访"), column: nil, listed: false),
        ] + FieldSpec.householdFacts)

    static let enterprise = RecordSchema(
        kind: .enterprise, words: ["enterprise", "enterprises"], zhWords: ["企业", "非公企业"], idPrefix: "E", table: "enterprise",
        label: Localized(en: "enterprise", zh: "企业"), plural: Localized(en: "enterprises", zh: "企业"),
        fields: [
            .id, .name("企业"), .ref("community", ["社区"], .community), .ref("compound", ["楼院"], .compound, listed: false),
            .text("address", ["地址"], listed: false), .text("contact", ["联系人"]),
            FieldSpec("phone", ["电话"], .phone, label: Localized(en: "phone", zh: "电话")), .created, .createdBy, .merged, .mergedInto(.enterprise),
        ])

    static let cadre = RecordSchema(
        kind: .cadre, words: ["cadre", "cadres"], zhWords: ["干部"], idPrefix: "G", table: "cadre",
        label: Localized(en: "cadre", zh: "干部"), plural: Localized(en: "cadres", zh: "干部"),
        fields: [
            .id, .name("干部"), .choice("role", ["角色"], .cadreRole), .ref("dept", ["科室"], .department, column: "department_id"),
            .ref("community", ["社区"], .community), FieldSpec("phone", ["电话"], .phone, label: Localized(en: "phone", zh: "电话"), listed: false),
            .created, .createdBy, .merged, .mergedInto(.cadre),
        ] + FieldSpec.cadreFacts)

    static let `case` = RecordSchema(
        kind: .case, words: ["case", "cases"], zhWords: ["诉求"], idPrefix: "C", table: "cases",
        label: Localized(en: "case", zh: "诉求"), plural: Localized(en: "cases", zh: "诉求"),
        fields: [
            .id, .text("title", ["标题"]), .choice("kind", ["类型"], .caseKind, listed: false), .text("category", ["类别", "分类"]),
            .choice("urgency", ["紧急程度", "级别"], .urgency), .choice("source", ["来源"], .caseSource, listed: false),
            .choice("status", ["状态"], .caseStatus), .ref("community", ["社区"], .community), .throughCommunity,
            .ref("compound", ["楼院"], .compound, listed: false), .ref("household", ["住户"], .household, listed: false),
            .text("address", ["地址"], listed: false), .text("resident", ["居民", "诉求人"], listed: false),
            FieldSpec("phone", ["电话"], .phone, label: Localized(en: "phone", zh: "电话"), listed: false),
            .ref("dept", ["科室", "责任科室"], .department, column: "department_id"),
            .ref("lead", ["牵头科室"], .department, column: "lead_department_id", listed: false),
            .ref("supervisor", ["督办领导"], .cadre, column: "supervisor_id", listed: false),
            .text("work-order", ["工单号"], listed: false), .text("description", ["内容", "详情"], listed: false),
            FieldSpec("groups", ["特殊群体"], .tags, label: Localized(en: "special groups", zh: "特殊群体"), column: "special_groups", listed: false),
            FieldSpec("reopened", ["重办次数"], .integer, label: Localized(en: "reopened", zh: "重办次数"), column: "reopen_count", listed: false),
            .time("created", ["受理时间", "创建时间"], column: "created_at"),
            .time("respond-due", ["响应期限"], column: "respond_due"),
            .time("due", ["办结期限", "期限"], column: "resolve_due", listed: true),
            .time("responded", ["响应时间"], column: "responded_at"), .time("resolved", ["办结时间"], column: "resolved_at"),
            .time("closed", ["关闭时间"], column: "closed_at"),
            .text("outcome", ["结果", "办结方式"], listed: false),
            .choice("satisfaction", ["满意度"], .callbackResult, listed: false),
            .createdBy,
            FieldSpec("overdue", ["超期", "逾期"], .computed(.overdue), label: Localized(en: "overdue", zh: "超期"), column: nil, listed: false),
            FieldSpec("age", ["天数", "已用天数"], .computed(.age), label: Localized(en: "age", zh: "已用天数"), column: nil, listed: false),
            FieldSpec("days-left", ["剩余天数"], .computed(.daysLeft), label: Localized(en: "days left", zh: "剩余天数"), column: nil, listed: false),
            FieldSpec(
                "working-age", ["工作日数", "已用工作日"], .computed(.workingAge), label: Localized(en: "working days", zh: "已用工作日"), column: nil,
                listed: false),
            FieldSpec(
                "days-to-resolve", ["办结天数", "办理天数"], .computed(.daysToResolve), label: Localized(en: "days to resolve", zh: "办结天数"),
                column: nil, listed: false),
            FieldSpec(
                "response-time", ["响应小时", "响应用时"], .computed(.responseTime), label: Localized(en: "response hours", zh: "响应小时"),
                column: nil, listed: false),
        ])

    static let domainSchemas: [RecordSchema] = [.compound, .household, .enterprise, .cadre, .case]
}

/// Visits (走访) and campaigns (大走访): what was walked, and how far the drive got.
extension RecordKind {
    public static let visit = RecordKind(rawValue: "visit")
    public static let campaign = RecordKind(rawValue: "campaign")
}

extension ChoiceSet {
    /// The half-day of a visit: the walking office goes out Tuesday and Thursday half-days.
    public static let half = ChoiceSet("half", [Choice("am", ["上午"]), Choice("pm", ["下午"])])
    /// What a visit was for (内容落实).
    public static let visitContent = ChoiceSet(
        "content",
        [
            Choice("survey", ["摸排问题", "摸排"]), Choice("needs", ["了解需求"]), Choice("mediate", ["化解矛盾"]),
            Choice("contact", ["联系群众"]),
        ])
}

extension RecordSchema {
    static let visit = RecordSchema(
        kind: .visit, words: ["visit", "visits"], zhWords: ["走访"], idPrefix: "V", table: "visit",
        label: Localized(en: "visit", zh: "走访"), plural: Localized(en: "visits", zh: "走访"),
        fields: [
            .id, FieldSpec("date", ["日期"], .date, label: Localized(en: "date", zh: "日期"), column: "day"),
            .choice("half", ["时段"], .half), .ref("by", ["走访人"], .cadre, column: "cadre_id"),
            .ref("with", ["同行"], .cadre, column: "partner_id"), .ref("pair", ["结对"], .pair, listed: false),
            .ref("household", ["住户"], .household), .ref("enterprise", ["企业"], .enterprise),
            .text("unit", ["单位"]), .ref("compound", ["楼院"], .compound, listed: false),
            .ref("community", ["社区"], .community, listed: false), .choice("content", ["内容"], .visitContent),
            .text("note", ["备注"], listed: false), .created, .createdBy, .voided,
        ])

    static let campaign = RecordSchema(
        kind: .campaign, words: ["campaign", "campaigns"], zhWords: ["大走访", "走访活动"], idPrefix: "K", table: "campaign",
        label: Localized(en: "campaign", zh: "大走访"), plural: Localized(en: "campaigns", zh: "大走访"),
        fields: [
            .id, .name("大走访"), FieldSpec("from", ["开始"], .date, label: Localized(en: "from", zh: "开始"), column: "start_day"),
            FieldSpec("to", ["截止"], .date, label: Localized(en: "to", zh: "截止"), column: "end_day"),
            .count("visits", ["走访单位"], column: "target_visits"), .count("households", ["入户"], column: "target_households"),
            .count("requests", ["收集诉求"], column: "target_requests"), .count("resolved", ["解决诉求"], column: "target_resolved"),
            .created, .createdBy,
        ])

    static let visitSchemas: [RecordSchema] = [.visit, .campaign]
}

extension FieldSpec {
    static func count(_ name: String, _ zh: [String], column: String) -> FieldSpec {
        FieldSpec(name, zh, .integer, label: Localized(en: name, zh: zh[0]), column: column)
    }
}

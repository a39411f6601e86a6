/// The organisation kinds the org family adds on top of the shared domain tables:
/// who is responsible for which compound (包片), who walks with whom (结对), and which
/// leader follows which community (处级领导联系社区).
extension RecordKind {
    public static let assignment = RecordKind(rawValue: "assignment")
    public static let pair = RecordKind(rawValue: "pair")
    public static let leaderLink = RecordKind(rawValue: "leader-link")
}

extension RecordSchema {
    static let assignment = RecordSchema(
        kind: .assignment, words: ["assignment", "assignments"], zhWords: ["包片"], idPrefix: "A", table: "assignment",
        label: Localized(en: "assignment", zh: "包片"), plural: Localized(en: "assignments", zh: "包片"),
        fields: [
            .id, .ref("cadre", ["干部"], .cadre), .ref("compound", ["楼院"], .compound), .ref("community", ["社区"], .community),
            .created, .createdBy, .ended,
        ])

    /// A pair is named after its two cadres (`王强+李梅`), so it can be given by name.
    static let pair = RecordSchema(
        kind: .pair, words: ["pair", "pairs"], zhWords: ["结对"], idPrefix: "P", table: "pair",
        label: Localized(en: "pair", zh: "结对"), plural: Localized(en: "pairs", zh: "结对"),
        fields: [
            .id, .name("结对"), .ref("office", ["机关干部"], .cadre, column: "office_id"),
            .ref("community-cadre", ["社区干部"], .cadre, column: "community_cadre_id"), .ref("community", ["社区"], .community),
            .created, .createdBy, .ended,
        ])

    static let leaderLink = RecordSchema(
        kind: .leaderLink, words: ["link", "links", "leader-link", "leader-links"], zhWords: ["联系社区"], idPrefix: "L",
        table: "leader_link", label: Localized(en: "leader link", zh: "联系社区"), plural: Localized(en: "leader links", zh: "联系社区"),
        fields: [.id, .ref("leader", ["领导"], .cadre, column: "leader_id"), .ref("community", ["社区"], .community), .created, .createdBy, .ended])

    static let orgFamilySchemas: [RecordSchema] = [.assignment, .pair, .leaderLink]
}

extension FieldSpec {
    /// When an assignment, pair or link was ended (`unassign`, `unpair`, `leader unlink`):
    /// an ended one is left out of every query unless the query names this field.
    static let ended = FieldSpec("ended", ["结束时间"], .dateTime, label: Localized(en: "ended", zh: "结束时间"), column: "ended_at", listed: false)
    /// When a visit was voided (`visit void`): likewise left out unless named.
    static let voided = FieldSpec("voided", ["作废时间"], .dateTime, label: Localized(en: "voided", zh: "作废时间"), column: "voided_at", listed: false)
    /// When a record entered twice was merged into the one kept (`merge`): likewise left out
    /// unless named; `merged-into` names the record kept.
    static let merged = FieldSpec("merged", ["合并时间"], .dateTime, label: Localized(en: "merged", zh: "合并时间"), column: "merged_at", listed: false)
    static func mergedInto(_ kind: RecordKind) -> FieldSpec {
        FieldSpec("merged-into", ["合并到"], .reference(kind), label: Localized(en: "merged into", zh: "合并到"), column: "merged_into", listed: false)
    }
}

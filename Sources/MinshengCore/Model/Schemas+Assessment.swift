/// Supervision and assessment (监督考评): spot checks (随机抽查) and notices (通报) are
/// records users query; the cases a spot check drew and the assessment rules are tables
/// only these commands read and write.
extension RecordKind {
    public static let spotCheck = RecordKind(rawValue: "spotcheck")
    public static let notice = RecordKind(rawValue: "notice")
    /// One case drawn by a spot check, with its re-callback result once recorded.
    static let spotCheckCase = RecordKind(rawValue: "spotcheck_case")
    /// Assessment thresholds and weights that replace the defaults.
    static let assessRule = RecordKind(rawValue: "assess_rule")
}

extension ChoiceSet {
    /// The unit an assessment ranks.
    public static let assessedUnit = ChoiceSet(
        "unit",
        [
            Choice("dept", ["科室", "department", "部门"], label: Localized(en: "department", zh: "科室")),
            Choice("community", ["社区"]), Choice("cadre", ["干部"]), Choice("subdistrict", ["街道"]),
        ])
    /// 通报: commend (表彰) or criticize (批评).
    public static let noticeType = ChoiceSet("type", [Choice("commend", ["表彰", "表扬"]), Choice("criticize", ["批评"])])
}

extension RecordSchema {
    static let spotCheck = RecordSchema(
        kind: .spotCheck, words: ["spotcheck", "spotchecks", "spot-check", "spot-checks"], zhWords: ["抽查"], idPrefix: "SC",
        table: "spotcheck", label: Localized(en: "spot check", zh: "抽查"), plural: Localized(en: "spot checks", zh: "抽查"),
        fields: [
            .id, FieldSpec("size", ["抽取数"], .integer, label: Localized(en: "drawn", zh: "抽取数")),
            FieldSpec("population", ["总体"], .integer, label: Localized(en: "of", zh: "总体")),
            FieldSpec("seed", ["种子"], .text, label: Localized(en: "seed", zh: "种子")),
            .text("filter", ["条件"]), .created, .createdBy,
        ])

    static let notice = RecordSchema(
        kind: .notice, words: ["notice", "notices"], zhWords: ["通报"], idPrefix: "N", table: "notice",
        label: Localized(en: "notice", zh: "通报"), plural: Localized(en: "notices", zh: "通报"),
        fields: [
            .id, .choice("type", ["类型"], .noticeType), .text("target", ["对象"], column: "target_name"),
            .text("period", ["期间"]), .text("reason", ["事由", "理由"]), .created, .createdBy,
        ])

    static let assessmentSchemas: [RecordSchema] = [.spotCheck, .notice]

    static let assessmentTables: [RecordSchema] = [RecordKind.spotCheckCase, .assessRule].map { kind in
        RecordSchema(
            kind: kind, words: [kind.rawValue], zhWords: [], idPrefix: "", table: kind.rawValue, label: Localized(kind.rawValue),
            plural: Localized(kind.rawValue), fields: [.id])
    }
}

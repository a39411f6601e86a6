/// Consultation meetings (会商会): the kinds users query (meetings, items) and the
/// tables behind them that only the meeting commands read and write.
extension RecordKind {
    public static let meeting = RecordKind(rawValue: "meeting")
    public static let item = RecordKind(rawValue: "item")
    // Tables reached through the generic store but not queried by name.
    static let meetingMember = RecordKind(rawValue: "meeting_member")
    static let attendance = RecordKind(rawValue: "attendance")
    static let meetingProxy = RecordKind(rawValue: "meeting_proxy")
    static let speech = RecordKind(rawValue: "speech")
    static let motion = RecordKind(rawValue: "motion")
    /// Named ballots of open polls: voter and choice.
    static let ballot = RecordKind(rawValue: "ballot")
    /// Who cast a ballot in a secret poll, never what they chose.
    static let secretVoter = RecordKind(rawValue: "secret_voter")
    /// What a secret poll's box held, by choice, with no voter and no order of casting.
    static let secretCount = RecordKind(rawValue: "secret_count")
    static let evaluation = RecordKind(rawValue: "evaluation")
    static let rating = RecordKind(rawValue: "rating")
    /// Each correction of a meeting's record: a ballot changed or withdrawn, a sign-in removed.
    static let meetingCorrection = RecordKind(rawValue: "meeting_correction")
    /// The speakers' list: a request to speak on an item, called or withdrawn.
    static let speakerRequest = RecordKind(rawValue: "speaker_request")
}

extension ChoiceSet {
    /// A named ballot's choice, as `ballot change` takes it.
    public static let ballotChoice = ChoiceSet(
        "choice",
        [Choice("yes", ["赞成", "同意"], label: Localized(en: "yes", zh: "赞成")), Choice("no", ["反对"]), Choice("abstain", ["弃权"])])
    public static let meetingStatus = ChoiceSet("status", [Choice("open", ["进行中"]), Choice("closed", ["已结束"])])
    /// Members vote and count toward the quorum; cadres and guests sit in (列席) without a vote.
    public static let attendanceRole = ChoiceSet(
        "role",
        [
            Choice("member", ["成员", "居民", "代表", "户代表", "resident"], label: Localized(en: "member", zh: "成员")),
            Choice("cadre", ["干部"]), Choice("guest", ["列席", "旁听", "嘉宾"]),
        ])
    public static let stance = ChoiceSet(
        "stance",
        [
            Choice("for", ["赞成", "支持"]), Choice("against", ["反对"]), Choice("neutral", ["中立"]),
        ])
    public static let tallyRule = ChoiceSet(
        "rule",
        [
            Choice("majority", ["过半数"]), Choice("two-thirds", ["三分之二"]), Choice("three-quarters", ["四分之三"]),
            Choice("unanimous", ["全体一致", "一致"]),
        ])
    public static let tallyBase = ChoiceSet(
        "base",
        [
            Choice("present", ["出席", "出席人数"]), Choice("cast", ["投票", "投票数"]), Choice("valid", ["有效票"]),
            Choice("members", ["全体成员", "应到"]), Choice("yes-no", ["赞成反对"]),
        ])
    public static let ballotMode = ChoiceSet(
        "ballot",
        [
            Choice("open", ["记名", "举手", "公开"], label: Localized(en: "open", zh: "记名")),
            Choice("secret", ["无记名", "不记名", "秘密"], label: Localized(en: "secret", zh: "无记名")),
        ])
    public static let verdict = ChoiceSet(
        "verdict",
        [
            Choice("passed", ["通过"]), Choice("failed", ["未通过"]), Choice("no-quorum", ["不足法定人数"]),
        ])
}

extension RecordSchema {
    static let meeting = RecordSchema(
        kind: .meeting, words: ["meeting", "meetings"], zhWords: ["会议", "会商会"], idPrefix: "M", table: "meeting",
        label: Localized(en: "meeting", zh: "会议"), plural: Localized(en: "meetings", zh: "会议"),
        fields: [
            .id, FieldSpec("name", ["名称", "标题", "title"], .text, label: Localized(en: "title", zh: "会议")),
            .ref("community", ["社区"], .community), FieldSpec("date", ["日期"], .date, label: Localized(en: "date", zh: "日期")),
            FieldSpec("members", ["成员", "应到"], .integer, label: Localized(en: "members", zh: "应到"), column: "member_count"),
            .text("quorum", ["法定人数"], listed: false), .choice("status", ["状态"], .meetingStatus),
            .created, .createdBy, .time("closed", ["结束时间"], column: "closed_at"),
        ])

    static let item = RecordSchema(
        kind: .item, words: ["item", "items"], zhWords: ["议题"], idPrefix: "I", table: "item",
        label: Localized(en: "item", zh: "议题"), plural: Localized(en: "items", zh: "议题"),
        fields: [
            .id, .ref("meeting", ["会议"], .meeting), .text("title", ["标题"]), .text("by", ["提出人"], column: "proposer"),
            .choice("step", ["步骤", "阶段"], ItemStep.choices), .time("proposed", ["提出时间"], column: "proposed_at"), .createdBy,
        ])

    static let meetingSchemas: [RecordSchema] = [.meeting, .item]

    /// The meeting tables that users do not query by name.
    static let meetingTables: [RecordSchema] = [
        RecordKind.meetingMember, .attendance, .meetingProxy, .speech, .motion, .ballot, .secretVoter, .secretCount,
        .evaluation, .rating, .meetingCorrection, .speakerRequest,
    ].map { kind in
        RecordSchema(
            kind: kind, words: [kind.rawValue], zhWords: [], idPrefix: "", table: kind.rawValue, label: Localized(kind.rawValue),
            plural: Localized(kind.rawValue), fields: [.id])
    }
}

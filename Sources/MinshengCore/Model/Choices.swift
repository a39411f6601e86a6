/// The enumerations of the domain, each value with its Chinese aliases.
extension ChoiceSet {
    public static let caseKind = ChoiceSet("kind", [
        Choice("consult", ["咨询"]), Choice("help", ["求助"]), Choice("complaint", ["投诉"]),
        Choice("report", ["举报"]), Choice("suggestion", ["建议"]),
    ])
    public static let caseSource = ChoiceSet("source", [
        Choice("visit", ["走访"]), Choice("hotline", ["12345", "热线"]), Choice("walk-in", ["来访"]),
        Choice("meeting", ["会商会"]), Choice("inspection", ["巡查"]),
    ])
    /// What `calendar set` makes a day: a holiday, a working day, or what it was before.
    public static let calendarDayKind = ChoiceSet(
        "kind",
        [
            Choice("holiday", ["放假", "休", "节假日"], label: Localized(en: "holiday", zh: "放假")),
            Choice("workday", ["上班", "班", "工作日", "补班"], label: Localized(en: "working day", zh: "上班")),
            Choice("default", ["默认", "恢复"], label: Localized(en: "as shipped", zh: "恢复默认")),
        ])
    public static let urgency = ChoiceSet(
        "urgency", [Choice("urgent", ["紧急"]), Choice("normal", ["一般", "普通"]), Choice("emergency", ["特急", "危急"]), Choice("complex", ["复杂"])])
    public static let caseStatus = ChoiceSet("status", [
        Choice("received", ["已受理"]), Choice("responded", ["已响应"]), Choice("verified", ["已核实"]),
        Choice("reported", ["已上报"]), Choice("dispatched", ["已派单"]), Choice("in-progress", ["办理中"]),
        Choice("returned", ["已退单"]), Choice("resolved", ["已办结"]), Choice("closed", ["已关闭"]),
    ])
    /// The words for every status before closed (`status=open`, 未办结).
    public static let openStatusWords: Set<String> = ["open", "未办结", "未结", "在办"]
    public static let callbackResult = ChoiceSet("result", [
        Choice("satisfied", ["满意"]), Choice("basic", ["基本满意"]), Choice("unsatisfied", ["不满意"]),
    ])
    public static let cadreRole = ChoiceSet("role", [
        Choice("office", ["机关"]), Choice("community", ["社区"]), Choice("leader", ["领导", "处级领导"]),
    ])
    /// Household tags; the first three are the special groups (特殊群体).
    public static let householdTag = ChoiceSet("tag", [
        Choice("frequent-caller", ["12345高频", "高频来电"]), Choice("hardship", ["困难", "困难家庭"]),
        Choice("petitioner", ["信访", "长期信访"]),
        Choice("elderly", ["老人", "独居老人"]), Choice("disabled", ["残疾"]),
    ])
}

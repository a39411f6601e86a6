extension RecordKind {
    /// Internal tables of the case commands, reached through the generic store calls.
    /// They are not user-visible kinds (no `find`, no id prefix), so they are not in
    /// `RecordSchema.all`; their table is their raw value.
    static let casePolicy = RecordKind(rawValue: "case_policy")
    static let caseDispatch = RecordKind(rawValue: "case_dispatch")
    /// Days set in the working calendar over the shipped holidays.
    static let calendarDay = RecordKind(rawValue: "calendar_day")
    /// The deadline policy's settings other than its rules (`workday-end`).
    static let policySetting = RecordKind(rawValue: "policy_setting")
}

/// One stored case, read through typed accessors.
struct CaseRecord {
    var row: StoredRecord

    init(_ row: StoredRecord) { self.row = row }

    var id: Int { row.id }
    var display: String { RecordKind.case.id(id) }
    var title: String { row.text("title") ?? "" }
    var status: CaseStatus { CaseStatus(rawValue: row.text("status") ?? "") ?? .received }
    var urgency: String { row.text("urgency") ?? "normal" }
    var satisfaction: CallbackResult? { row.text("satisfaction").flatMap(CallbackResult.init(rawValue:)) }

    /// The lifecycle's view: a resolved case counts as called back once a satisfied or
    /// basic result is recorded (an unsatisfied one reopens it, so it is never seen here).
    var state: CaseState {
        CaseState(status, calledBack: status == .resolved && (satisfaction == .satisfied || satisfaction == .basic))
    }

    func time(_ column: String) -> Timestamp? { row.text(column).flatMap(Timestamp.parse) }
    func text(_ column: String) -> String? {
        guard let s = row.text(column), !s.isEmpty else { return nil }
        return s
    }
    func int(_ column: String) -> Int? { row.int(column) }

    var created: Timestamp { time("created_at") ?? Timestamp(seconds: 0) }
    /// When its last step was taken (its intake, at first).
    var lastStep: Timestamp? { time("updated_at") }
    var respondDue: Timestamp { time("respond_due") ?? created }
    var resolveDue: Timestamp { time("resolve_due") ?? created }

    /// Where the case stands against its response deadline (nil once it moved on without one).
    func respondStanding(now: Timestamp) -> DeadlineStanding? {
        if let at = time("responded_at") { return DeadlineStanding.of(due: respondDue, done: at, now: now) }
        guard status == .received else { return nil }
        return DeadlineStanding.of(due: respondDue, done: nil, now: now)
    }

    /// Where the case stands against its resolve deadline; nil when closed without being resolved.
    func resolveStanding(now: Timestamp) -> DeadlineStanding? {
        if let at = time("resolved_at") { return DeadlineStanding.of(due: resolveDue, done: at, now: now) }
        guard status != .closed else { return nil }
        return DeadlineStanding.of(due: resolveDue, done: nil, now: now)
    }
}

/// Residents' phone numbers: loosely checked, never rewritten.
enum PhoneNumber {
    /// True for 5 to 20 digits, optionally with `-`, spaces or a leading `+`.
    static func isValid(_ s: String) -> Bool {
        let digits = s.filter { $0.isASCII && $0.isNumber }
        let others = s.filter { !($0.isASCII && $0.isNumber) }
        return (5...20).contains(digits.count) && others.allSatisfy { $0 == "-" || $0 == " " || $0 == "+" }
            && !s.dropFirst().contains("+")
    }
}

/// The special groups (特殊群体) among a household's tags, in the tag set's order.
enum SpecialGroups {
    static let tags = ["frequent-caller", "hardship", "petitioner"]

    static func of(_ householdTags: String) -> [String] {
        let present = Set(householdTags.split(separator: ",").map { String($0).trimmingWhitespace() })
        return tags.filter { present.contains($0) }
    }

    static func label(_ tag: String) -> Localized {
        ChoiceSet.householdTag.resolve(tag)?.label ?? Localized(tag)
    }
}

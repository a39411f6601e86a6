/// Meeting rows as plain values, read from the generic store's `StoredRecord`s.
///
/// Reading is forgiving of nothing: a row that lacks a required column is skipped by
/// the `init?`, which only happens if the database was edited by hand.
struct MeetingRecord: Sendable {
    var id: Int
    var title: String
    var communityID: Int?
    var date: String
    /// Members entitled to vote: the length of the named list, or the number given.
    var memberCount: Int
    /// True when members are a list of names checked by name; false for a bare number.
    var named: Bool
    var quorum: Tally.QuorumRule
    var isOpen: Bool
    var closedAt: Timestamp?
    var venue: String?
    var startsAt: Timestamp?
    var chair: String?
    var recorder: String?
    var leaders: [String]

    init?(_ r: StoredRecord) {
        guard let title = r.text("name"), let date = r.text("date"), let q = r.text("quorum").flatMap(Tally.QuorumRule.parse) else {
            return nil
        }
        id = r.id
        self.title = title
        communityID = r.int("community_id")
        self.date = date
        memberCount = r.int("member_count") ?? 0
        named = r.int("named") == 1
        quorum = q
        isOpen = r.text("status") == "open"
        closedAt = r.text("closed_at").flatMap(Timestamp.parse)
        venue = r.text("venue")
        startsAt = r.text("starts_at").flatMap(Timestamp.parse)
        chair = r.text("chair")
        recorder = r.text("recorder")
        leaders = (r.text("leaders") ?? "").split(separator: ",").map(String.init)
    }

    var display: String { RecordKind.meeting.id(id) }
}

struct ItemRecord: Sendable {
    var id: Int
    var meetingID: Int
    var title: String
    var proposer: String
    var step: ItemStep
    var proposedAt: Timestamp

    init?(_ r: StoredRecord) {
        guard let m = r.int("meeting_id"), let title = r.text("title"), let by = r.text("proposer"),
            let step = r.text("step").flatMap(ItemStep.init(rawValue:)), let at = r.text("proposed_at").flatMap(Timestamp.parse)
        else { return nil }
        id = r.id
        meetingID = m
        self.title = title
        proposer = by
        self.step = step
        proposedAt = at
    }

    var display: String { RecordKind.item.id(id) }
}

struct AttendanceRecord: Sendable {
    var id: Int
    var name: String
    var role: String
    var arrivedAt: Timestamp
    var leftAt: Timestamp?
    /// Removed as a mistake (`attend remove`): kept, counted nowhere.
    var voided: Bool

    init?(_ r: StoredRecord) {
        guard let name = r.text("name"), let role = r.text("role"), let at = r.text("arrived_at").flatMap(Timestamp.parse) else { return nil }
        id = r.id
        voided = r.text("voided_at") != nil
        self.name = name
        self.role = role
        arrivedAt = at
        leftAt = r.text("left_at").flatMap(Timestamp.parse)
    }

    var isMember: Bool { role == "member" }
}

struct MotionRecord: Sendable {
    var id: Int
    var itemID: Int
    var round: Int
    var text: String
    var rule: Tally.Rule
    var base: Tally.Base
    var secret: Bool
    var openedAt: Timestamp
    var closedAt: Timestamp?
    /// The tally, once closed.
    var counts: Tally.Counts
    var byProxy: Int
    var quorumRequired: Int
    var baseCount: Int
    var needed: Int
    var verdict: Tally.Verdict?

    init?(_ r: StoredRecord) {
        guard let item = r.int("item_id"), let round = r.int("round"), let text = r.text("text"),
            let rule = r.text("rule").flatMap(Tally.Rule.init(rawValue:)), let base = r.text("base").flatMap(Tally.Base.init(rawValue:)),
            let opened = r.text("opened_at").flatMap(Timestamp.parse)
        else { return nil }
        id = r.id
        itemID = item
        self.round = round
        self.text = text
        self.rule = rule
        self.base = base
        secret = r.text("ballot") == "secret"
        openedAt = opened
        closedAt = r.text("closed_at").flatMap(Timestamp.parse)
        counts = Tally.Counts(
            yes: r.int("yes") ?? 0, no: r.int("no") ?? 0, abstain: r.int("abstain") ?? 0, invalid: r.int("invalid") ?? 0,
            members: r.int("members") ?? 0, present: r.int("present") ?? 0)
        byProxy = r.int("by_proxy") ?? 0
        quorumRequired = r.int("quorum_required") ?? 0
        baseCount = r.int("base_count") ?? 0
        needed = r.int("needed") ?? 0
        verdict = r.text("verdict").flatMap(Tally.Verdict.init(rawValue:))
    }

    var isOpen: Bool { closedAt == nil }
}

/// A ballot as stored: for a secret poll the choice is nil, because it is not kept.
struct BallotRecord: Sendable {
    var id: Int
    var voter: String
    var choice: String?
    var proxyHolder: String?
    var castAt: Timestamp?
    /// Withdrawn (`ballot withdraw`): kept, counted nowhere.
    var voided: Bool

    init?(_ r: StoredRecord) {
        guard let voter = r.text("voter") else { return nil }
        id = r.id
        voided = r.text("voided_at") != nil
        self.voter = voter
        choice = r.text("choice")
        proxyHolder = r.text("proxy_holder")
        castAt = r.text("cast_at").flatMap(Timestamp.parse)
    }
}

extension StoredRecord {
    /// The column as a timestamp, when it holds one.
    func time(_ column: String) -> Timestamp? { text(column).flatMap(Timestamp.parse) }
}

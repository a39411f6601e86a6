import Testing

@testable import MinshengCore

@Suite struct CaseDeadlineTests {
    let t0 = Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0)

    @Test func defaultsAreProductMd() {
        let p = CasePolicy.defaults
        #expect(p.rule("urgent") == DeadlineRule(urgency: "urgent", respond: .seconds(7200), resolve: .seconds(86400)))
        #expect(p.rule("normal") == DeadlineRule(urgency: "normal", respond: .seconds(86400), resolve: .seconds(604_800)))
        let d = p.deadlines(received: t0, urgency: "urgent")
        #expect(d.respond.display == "2019-12-03 11:00" && d.resolve.display == "2019-12-04 09:00")
        let n = p.deadlines(received: t0, urgency: "normal")
        #expect(n.respond.display == "2019-12-04 09:00" && n.resolve.display == "2019-12-10 09:00")
    }

    @Test func storedRulesReplaceDefaultsOneUrgencyAtATime() {
        let p = CasePolicy.with([DeadlineRule(urgency: "urgent", respond: .seconds(3600), resolve: .seconds(43200), isDefault: false, changedBy: "王强")])
        #expect(p.rule("urgent").respond == .seconds(3600) && !p.rule("urgent").isDefault)
        #expect(p.rule("normal").isDefault)
        #expect(p.rules.map(\.urgency) == ["emergency", "urgent", "normal", "complex"])
    }

    @Test func standingAgainstTheClock() {
        let due = t0.adding(seconds: 3600)
        #expect(DeadlineStanding.of(due: due, done: nil, now: t0) == .left(3600))
        #expect(DeadlineStanding.of(due: due, done: nil, now: due) == .left(0))
        #expect(DeadlineStanding.of(due: due, done: nil, now: due.adding(seconds: 60)) == .overdue(60))
        #expect(DeadlineStanding.of(due: due, done: due, now: t0) == .onTime)
        #expect(DeadlineStanding.of(due: due, done: due.adding(seconds: 90061), now: t0) == .late(90061))
        #expect(DeadlineStanding.left(6 * 86400 + 23 * 3600 + 59).text.en == "6d 23h left")
        #expect(DeadlineStanding.overdue(2 * 3600 + 5 * 60).text.zh == "已超期2小时5分钟")
        #expect(DeadlineStanding.late(86400).text.en == "1d late")
        #expect(DeadlineStanding.left(59).text.en == "0m left")
    }

    @Test func policyLengthsReadBackAsTyped() {
        #expect(Span.setting(7200) == "2h")
        #expect(Span.setting(86400) == "24h")
        #expect(Span.setting(604_800) == "7d")
        #expect(Span.setting(5400) == "90m")
    }

    @Test func phoneNumbers() {
        for good in ["13800001234", "010-85801234", "+86 138 0000 1234", "12345"] { #expect(PhoneNumber.isValid(good), "\(good)") }
        for bad in ["abc", "1234", "138-0000-12a4", "13800001234+", ""] { #expect(!PhoneNumber.isValid(bad), "\(bad)") }
    }

    @Test func specialGroupsAreTheFirstThreeTags() {
        #expect(SpecialGroups.of("elderly,petitioner,hardship") == ["hardship", "petitioner"])
        #expect(SpecialGroups.of("") == [])
    }
}

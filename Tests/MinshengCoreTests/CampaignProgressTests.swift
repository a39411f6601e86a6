import Testing

@testable import MinshengCore

@Suite struct CampaignProgressTests {
    @Test func progressIsRoundedDownAndNeedsATarget() {
        var t = CampaignTotals()
        t.unitVisits = 512
        t.householdsVisited = 3299
        t.requests = 1000
        t.resolved = 0
        let lines = CampaignProgress.lines(t, targets: [500, 3300, nil, 0])
        #expect(lines.map(\.percent) == [102, 99, nil, nil])
    }

    @Test func daysLeftToTheDeadline() {
        let w = DayWindow(from: day("2019-11-01"), to: day("2019-12-31"))
        #expect(CampaignProgress.deadline(w, today: day("2019-12-02"), .en) == "29 days left to the deadline")
        #expect(CampaignProgress.deadline(w, today: day("2019-12-30"), .en) == "1 day left to the deadline")
        #expect(CampaignProgress.deadline(w, today: day("2019-12-31"), .zh) == "今天截止")
        #expect(CampaignProgress.deadline(w, today: day("2020-01-02"), .en) == "ended 2 days ago")
        #expect(CampaignProgress.deadline(w, today: day("2019-10-31"), .zh) == "尚未开始，1 天后开始")
    }

    @Test func theSeedSentence() {
        var t = CampaignTotals()
        t.unitVisits = 503
        t.householdsVisited = 3312
        t.requests = 1021
        t.resolved = 845
        #expect(CampaignProgress.sentence(t, .zh) == "走访社区单位503次，入户3312家，收集诉求1021个，解决845个")
    }

    @Test func percentages() {
        #expect(percentText(2, of: 3) == "66.6%")
        #expect(percentText(2999, of: 3000) == "99.9%")
        #expect(percentText(3, of: 3) == "100.0%")
        #expect(percentText(0, of: 0) == "—")
    }
}

@Suite struct HouseholdTagsTests {
    @Test func storedWithCommasAtBothEndsInTheListedOrder() {
        #expect(HouseholdTags.encode(["elderly", "hardship", "hardship"]) == ",hardship,elderly,")
        #expect(HouseholdTags.encode([]) == "")
        #expect(HouseholdTags.decode(",hardship,elderly,") == ["hardship", "elderly"])
        #expect(HouseholdTags.decode("") == [])
    }

    @Test func specialGroupsAndDisplay() {
        #expect(HouseholdTags.isSpecial(",elderly,petitioner,"))
        #expect(!HouseholdTags.isSpecial(",elderly,disabled,"))
        #expect(HouseholdTags.display(",hardship,petitioner,", .zh) == "困难、信访")
        #expect(HouseholdTags.display(",hardship,petitioner,", .en) == "hardship, petitioner")
    }
}

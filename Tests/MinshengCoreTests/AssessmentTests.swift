import Testing

@testable import MinshengCore

/// The three rates, the score and the grades, on the month of
/// Tests/Transcripts/assess/_dataset.msh, whose counts rates.msh prints from the database.
@Suite struct AssessmentTests {
    let rules = AssessmentRules.defaults

    // The tallies of November 2019 as worked out by hand in rates.msh.
    static let chengjian = UnitTally(cases: 5, respondedOnTime: 4, resolved: 4, callbacks: 6, satisfied: 4, overdue: 2, visits: 1)
    static let chengguan = UnitTally(cases: 5, respondedOnTime: 5, resolved: 5, callbacks: 5, satisfied: 5)
    static let chengguanOctober = UnitTally(cases: 2, respondedOnTime: 1, resolved: 1, callbacks: 1, satisfied: 1, overdue: 1)
    static let shehui = UnitTally(cases: 3, respondedOnTime: 3, resolved: 1, callbacks: 1, satisfied: 1, overdue: 1)
    static let liulitun = UnitTally(cases: 7, respondedOnTime: 6, resolved: 5, callbacks: 7, satisfied: 5, overdue: 3, visits: 1)
    static let shilipu = UnitTally(cases: 7, respondedOnTime: 6, resolved: 5, callbacks: 5, satisfied: 5, overdue: 1)

    @Test func ratesAreExactFractionsShownRoundedDown() {
        let t = Self.chengjian
        #expect(t.response == Rate(4, of: 5))
        #expect(t.resolution == Rate(4, of: 5))
        #expect(t.satisfaction == Rate(4, of: 6))
        #expect([t.response.text, t.resolution.text, t.satisfaction.text] == ["80.0%", "80.0%", "66.6%"])
        #expect(Self.shehui.resolution.text == "33.3%")
        #expect(Self.liulitun.response.text == "85.7%")
        #expect(Rate(1999, of: 2000).text == "99.9%")
    }

    @Test func aUnitWithoutCasesHasNoRatesAndNoScore() {
        let none = UnitTally()
        #expect([none.response.text, none.resolution.text, none.satisfaction.text] == ["—", "—", "—"])
        #expect(!none.response.isDefined)
        #expect(Assessment.score(none, rules) == nil)
        #expect(!Assessment.isRanked(none, rules))
        #expect(Assessment.grade(nil, previous: nil, rules: rules) == .unranked)
        // Cases but no callback yet: 满意率 is "—" and the score rests on the other two.
        let fresh = UnitTally(cases: 1, respondedOnTime: 1)
        #expect(fresh.satisfaction.text == "—")
        #expect(Assessment.score(fresh, rules) == Fraction(1000, 55))
        #expect(Assessment.score(fresh, rules)?.text == "18.1")
    }

    @Test func scoresOfTheHandCheckedMonth() throws {
        // (10×4/5 + 45×4/5 + 45×4/6) = 8 + 36 + 30 = 74 exactly.
        let a = try #require(Assessment.score(Self.chengjian, rules))
        #expect(a == Fraction(74, 1))
        #expect(a.text == "74.0")
        #expect(Assessment.score(Self.chengguan, rules) == Fraction(100, 1))
        // 5 + 22.5 + 45.
        #expect(Assessment.score(Self.chengguanOctober, rules) == Fraction(145, 2))
        // 10 + 15 + 45.
        #expect(Assessment.score(Self.shehui, rules) == Fraction(70, 1))
        // (60 + 225 + 225) / 7.
        #expect(Assessment.score(Self.liulitun, rules) == Fraction(510, 7))
        #expect(Assessment.score(Self.liulitun, rules)?.text == "72.8")
        // (60 + 225) / 7 + 45 = 600 / 7.
        #expect(Assessment.score(Self.shilipu, rules) == Fraction(600, 7))
        #expect(Assessment.score(Self.shilipu, rules)?.text == "85.7")
    }

    @Test func changeIsTakenOnExactScores() throws {
        let nov = try #require(Assessment.score(Self.chengguan, rules))
        let oct = try #require(Assessment.score(Self.chengguanOctober, rules))
        #expect(nov.tenthsMinus(oct) == 275)
        #expect(oct.tenthsMinus(nov) == -275)
        let shilipu = try #require(Assessment.score(Self.shilipu, rules))
        // 600/7 − 72.5 = 13.21…
        #expect(shilipu.tenthsMinus(Fraction(145, 2)) == 132)
    }

    @Test func theMinimumVolume() {
        #expect(Assessment.isRanked(Self.chengjian, rules))
        #expect(!Assessment.isRanked(Self.shehui, rules))
        var two = rules
        two.minCases = 2
        #expect(Assessment.isRanked(Self.shehui, two))
        var zero = rules
        zero.minCases = 0
        #expect(!Assessment.isRanked(UnitTally(), zero), "no cases is never ranked, whatever the minimum")
    }

    @Test func gradesWithTheDefaultThresholds() {
        func grade(_ s: Fraction?, _ p: Fraction? = nil) -> Grade { Assessment.grade(s, previous: p, rules: rules) }
        #expect(grade(Fraction(90, 1)) == .excellent, "先进 at exactly 90")
        #expect(grade(Fraction(8999, 100)) == .standard)
        #expect(grade(Fraction(75, 1)) == .standard, "75 is not below 整改")
        #expect(grade(Fraction(74, 1)) == .rectify)
        #expect(grade(Fraction(60, 1)) == .rectify, "60 is not below 治理")
        #expect(grade(Fraction(5999, 100)) == .govern)
        #expect(grade(Fraction(80, 1), Fraction(75, 1)) == .improved, "up exactly 5")
        #expect(grade(Fraction(7999, 100), Fraction(75, 1)) == .standard, "up 4.99")
        #expect(grade(Fraction(95, 1), Fraction(50, 1)) == .excellent, "先进 comes first")
        #expect(grade(Fraction(70, 1), Fraction(70, 1)) == .govern, "below 整改 twice running without improving")
        #expect(grade(Fraction(74, 1), Fraction(60, 1)) == .rectify, "below 整改 twice, but up 14")
        #expect(grade(Fraction(70, 1), Fraction(80, 1)) == .rectify, "below 整改 once")
        #expect(grade(Fraction(59, 1), Fraction(40, 1)) == .govern, "below 治理, however much it improved")
    }

    @Test func changedThresholdsAndWeights() {
        var r = rules
        r.excellent = 100
        r.rectify = 80
        r.govern = 75
        #expect(Assessment.grade(Fraction(74, 1), previous: nil, rules: r) == .govern)
        #expect(Assessment.grade(Fraction(100, 1), previous: nil, rules: r) == .excellent)
        r.weightSatisfaction = 0
        // Without 满意率: (10×4/5 + 45×4/5) / 55 = 44/55 = 80.
        #expect(Assessment.score(Self.chengjian, r) == Fraction(80, 1))
        r.weightResponse = 0
        r.weightResolution = 0
        #expect(Assessment.score(Self.chengjian, r) == nil, "no weight, no score")
        #expect(AssessmentRules.key("先进线")?.key == "excellent")
        var s = AssessmentRules()
        s[key: "govern"] = 55
        #expect(s.govern == 55 && s[key: "govern"] == 55)
    }

    @Test func ranksShareTies() {
        let scores = [Fraction(100, 1), Fraction(90, 1), Fraction(180, 2), Fraction(80, 1)]
        #expect(Assessment.ranks(scores) == [1, 2, 2, 4])
        #expect(Assessment.ranks([]) == [])
    }

    @Test func fractionsCompareExactlyWithoutOverflow() {
        #expect(Fraction(1, 3) < Fraction(334, 1000))
        #expect(!(Fraction(2, 6) < Fraction(1, 3)) && Fraction(2, 6) == Fraction(1, 3))
        #expect(Fraction(510, 7) < Fraction(73, 1))
        let big = Int128(Int.max)
        #expect(Fraction(big - 1, big) < Fraction(big, big + 1))
        #expect(Fraction(big * big, big * big - 1) > Fraction(1, 1))
        // A million cases with a million callbacks stays exact.
        let t = UnitTally(cases: 1_000_000, respondedOnTime: 999_999, resolved: 999_998, callbacks: 1_000_001, satisfied: 999_997)
        let s = Assessment.score(t, rules)
        #expect(s.map { $0 < Fraction(100, 1) } == true)
        #expect(s?.text == "99.9")
        #expect(s?.atLeast(99) == true)
    }
}

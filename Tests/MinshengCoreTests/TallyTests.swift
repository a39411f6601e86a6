import Testing

@testable import MinshengCore

/// The quorum and majority rules, as a table of cases a meeting can actually produce.
@Suite struct TallyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: Tally.Rule
        var base: Tally.Base
        var counts: Tally.Counts
        var verdict: Tally.Verdict
        var needed: Int
        var why: String
        var testDescription: String { why }
    }

    static func c(
        _ rule: Tally.Rule, _ base: Tally.Base, yes: Int, no: Int = 0, abstain: Int = 0, invalid: Int = 0, members: Int = 9, present: Int = 9,
        _ verdict: Tally.Verdict, needed: Int, _ why: String
    ) -> Case {
        Case(
            rule: rule, base: base, counts: Tally.Counts(yes: yes, no: no, abstain: abstain, invalid: invalid, members: members, present: present),
            verdict: verdict, needed: needed, why: why)
    }

    static let cases: [Case] = [
        c(.twoThirds, .cast, yes: 6, no: 3, .passed, needed: 6, "two-thirds of 9 ballots is reached at 6"),
        c(.twoThirds, .cast, yes: 5, no: 3, abstain: 1, .failed, needed: 6, "5 of 9 is not two-thirds; an abstention is a ballot cast"),
        c(.twoThirds, .cast, yes: 2, no: 1, members: 3, present: 3, .passed, needed: 2, "2 of 3 is exactly two-thirds"),
        c(.twoThirds, .valid, yes: 6, no: 3, invalid: 3, members: 12, present: 12, .passed, needed: 6, "invalid ballots are not valid ones"),
        c(.twoThirds, .cast, yes: 6, no: 3, invalid: 3, members: 12, present: 12, .failed, needed: 8, "but they are cast"),
        c(.majority, .present, yes: 4, no: 2, abstain: 2, .failed, needed: 5, "base=present: abstentions and non-votes count against"),
        c(.majority, .yesNo, yes: 4, no: 2, abstain: 2, .passed, needed: 4, "base=yes-no: abstentions do not count"),
        c(.majority, .present, yes: 5, .passed, needed: 5, "5 of 9 present is more than half"),
        c(.majority, .yesNo, yes: 4, no: 4, abstain: 1, .failed, needed: 5, "a tie fails a majority"),
        c(.majority, .cast, yes: 5, no: 5, members: 10, present: 10, .failed, needed: 6, "half is not more than half"),
        c(.majority, .yesNo, yes: 0, no: 0, abstain: 9, .failed, needed: 0, "an empty base passes nothing"),
        c(.majority, .members, yes: 5, members: 9, present: 5, .passed, needed: 5, "base=members: more than half of all members"),
        c(.majority, .members, yes: 4, no: 1, members: 9, present: 5, .failed, needed: 5, "4 of 9 members is not a majority of members"),
        c(.threeQuarters, .members, yes: 7, no: 1, .passed, needed: 7, "7 of 9: 7×4 = 28 ≥ 27"),
        c(.threeQuarters, .members, yes: 6, no: 3, .failed, needed: 7, "6 of 9: 24 < 27"),
        c(.threeQuarters, .cast, yes: 3, no: 1, members: 4, present: 4, .passed, needed: 3, "3 of 4 is exactly three-quarters"),
        c(.unanimous, .yesNo, yes: 8, abstain: 1, .passed, needed: 8, "unanimous over yes-no: an abstention does not break it"),
        c(.unanimous, .valid, yes: 8, abstain: 1, .failed, needed: 9, "unanimous over valid ballots: an abstention breaks it"),
        c(.unanimous, .cast, yes: 8, invalid: 1, .failed, needed: 9, "unanimous over ballots cast: a spoiled ballot breaks it"),
        c(.unanimous, .present, yes: 8, .failed, needed: 9, "unanimous over those present: a non-vote breaks it"),
        c(.unanimous, .present, yes: 9, .passed, needed: 9, "everyone present voted yes"),
        c(.majority, .present, yes: 4, members: 9, present: 4, .noQuorum, needed: 3, "4 of 9 present: no quorum, whatever the votes"),
        c(.majority, .present, yes: 3, members: 9, present: 5, .passed, needed: 3, "5 of 9 is a quorum; 3 of 5 passes"),
        c(.majority, .present, yes: 6, members: 10, present: 5, .noQuorum, needed: 3, "5 of 10 is not more than half"),
        c(.majority, .present, yes: 0, members: 0, present: 0, .noQuorum, needed: 0, "a meeting without members has no quorum"),
    ]

    @Test(arguments: cases)
    func tallyTable(_ t: Case) {
        let r = Tally.tally(t.counts, rule: t.rule, base: t.base, quorum: .majority)
        #expect(r.verdict == t.verdict, "\(t.why)")
        #expect(r.needed == t.needed, "\(t.why)")
    }

    /// `needed` is exactly the smallest yes count that `reaches` the rule, for every base.
    @Test func neededIsTheSmallestPassingCount() {
        for rule in Tally.Rule.allCases {
            for base in 1...120 {
                let smallest = (0...base).first { Tally.reaches(rule, yes: $0, base: base) }
                #expect(smallest == Tally.needed(rule, base: base), "\(rule) of \(base)")
            }
        }
    }

    /// The rules are the fractions they name, checked by cross-multiplication over a grid.
    @Test func rulesAreTheFractionsTheyName() {
        for base in 1...60 {
            for yes in 0...base {
                #expect(Tally.reaches(.majority, yes: yes, base: base) == (2 * yes > base))
                #expect(Tally.reaches(.twoThirds, yes: yes, base: base) == (3 * yes >= 2 * base))
                #expect(Tally.reaches(.threeQuarters, yes: yes, base: base) == (4 * yes >= 3 * base))
                #expect(Tally.reaches(.unanimous, yes: yes, base: base) == (yes == base))
            }
        }
    }

    @Test(arguments: [
        (Tally.QuorumRule.majority, 5, 3), (.majority, 6, 4), (.majority, 40, 21), (.majority, 1, 1),
        (.twoThirds, 7, 5), (.twoThirds, 9, 6), (.threeQuarters, 7, 6), (.threeQuarters, 8, 6), (.count(25), 40, 25),
    ])
    func quorumRequired(_ rule: Tally.QuorumRule, _ members: Int, _ required: Int) {
        #expect(Tally.quorumRequired(rule, members: members) == required)
    }

    @Test func quorumRulesReadBack() {
        for text in ["majority", "two-thirds", "three-quarters", "25"] {
            #expect(Tally.QuorumRule.parse(text)?.storage == text)
        }
        #expect(Tally.QuorumRule.parse("过半数") == .majority)
        #expect(Tally.QuorumRule.parse("0") == nil)
        #expect(Tally.QuorumRule.parse("most") == nil)
    }

    @Test func percentRoundsHalfUpInIntegers() {
        #expect(Tally.percent(35, of: 37) == "94.6%")
        #expect(Tally.percent(2, of: 3) == "66.7%")
        #expect(Tally.percent(1, of: 8) == "12.5%")
        #expect(Tally.percent(3, of: 3) == "100.0%")
        #expect(Tally.percent(0, of: 0) == "—")
    }

    @Test func notVotedNeverGoesNegative() {
        #expect(Tally.Counts(yes: 3, present: 2).notVoted == 0)
        #expect(Tally.Counts(yes: 3, no: 1, present: 6).notVoted == 2)
    }
}

import Testing

@testable import MinshengCore

/// Who counts as present, and the steps an item may take.
@Suite struct RollTests {
    let proxies = [Roll.Proxy(giver: "陈静", holder: "张伟"), Roll.Proxy(giver: "杨军", holder: "李娜")]

    @Test func aProxyCountsWhileItsGiverIsAbsentAndItsHolderPresent() {
        let roll = Roll(inPerson: ["王芳", "张伟"], proxies: proxies)
        #expect(roll.byProxy == [Roll.Proxy(giver: "陈静", holder: "张伟")], "李娜 is not here, so 杨军 is not represented")
        #expect(roll.present == 3)
        #expect(roll.standing(of: "陈静", proxies: proxies) == .byProxy(holder: "张伟"))
        #expect(roll.standing(of: "杨军", proxies: proxies) == .absent(proxyHolder: "李娜"))
        #expect(roll.standing(of: "刘洋", proxies: proxies) == .absent(proxyHolder: nil))
        #expect(roll.standing(of: "王芳", proxies: proxies) == .inPerson)
    }

    @Test func aGiverInTheRoomIsCountedOnceInPerson() {
        let roll = Roll(inPerson: ["王芳", "张伟", "陈静"], proxies: proxies)
        #expect(roll.byProxy.isEmpty)
        #expect(roll.present == 3)
        #expect(roll.standing(of: "陈静", proxies: proxies) == .inPerson)
    }

    @Test func whoVotedAndLeftStaysInTheVotingBody() {
        let roll = Roll(inPerson: ["王芳"], proxies: proxies)
        #expect(roll.presentAtVote(voters: ["王芳", "刘洋"]) == 2)
        #expect(roll.presentAtVote(voters: []) == 1)
    }

    @Test(arguments: ItemAction.allCases)
    func everyActionHasItsSteps(_ action: ItemAction) {
        for step in ItemStep.allCases {
            let next = action.next(from: step)
            #expect((next != nil) == action.allowedFrom.contains(step), "\(action) from \(step)")
        }
    }

    @Test func theFiveStepsInOrder() {
        #expect(ItemAction.discuss.next(from: .proposed) == .discussed)
        #expect(ItemAction.motion.next(from: .discussed) == .voting)
        #expect(ItemAction.tally.next(from: .voting, passed: true) == .passed)
        #expect(ItemAction.tally.next(from: .voting, passed: false) == .failed)
        #expect(ItemAction.decide.next(from: .passed) == .carriedOut)
        #expect(ItemAction.evaluate.next(from: .carriedOut) == .evaluated)
        #expect(ItemAction.motion.next(from: .failed) == .voting, "a failed item may be put to a new vote")
        #expect(ItemAction.motion.next(from: .passed) == nil, "a passed one may not")
        #expect(ItemAction.vote.next(from: .passed) == nil, "no ballot after the tally")
        #expect(ItemAction.discuss.next(from: .voting) == nil, "debate closes when the poll opens")
    }

    @Test func everyStepHasAChoice() {
        for step in ItemStep.allCases { #expect(ItemStep.choices.resolve(step.rawValue) != nil) }
    }
}

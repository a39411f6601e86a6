import Testing

@testable import MinshengCore

/// The lifecycle, state by step, exhaustively: every pair not listed must be refused.
@Suite struct CaseLifecycleTests {
    static let steps: [(String, CaseStep)] = [
        ("respond", .respond), ("verify", .verify), ("report", .report), ("dispatch", .dispatch), ("return", .return),
        ("progress", .progress), ("resolve", .resolve), ("callback:satisfied", .callback(.satisfied)),
        ("callback:basic", .callback(.basic)), ("callback:unsatisfied", .callback(.unsatisfied)),
        ("close:resolved", .close(.resolved)), ("close:no-further-action", .close(.noFurtherAction)),
        ("close:not-our-duty", .close(.notOurDuty)), ("close:duplicate", .close(.duplicate)),
    ]

    static let closeOthers = "close:no-further-action→closed close:not-our-duty→closed close:duplicate→closed"

    /// state (with `+` when called back) → the legal steps and where they lead.
    static let table: [String: String] = [
        "received": "respond→responded verify→verified report→reported dispatch→dispatched " + closeOthers,
        "responded": "verify→verified report→reported dispatch→dispatched " + closeOthers,
        "verified": "report→reported dispatch→dispatched " + closeOthers,
        "reported": "dispatch→dispatched " + closeOthers,
        "returned": "report→reported dispatch→dispatched " + closeOthers,
        "dispatched": "progress→in-progress return→returned resolve→resolved " + closeOthers,
        "in-progress": "progress→in-progress return→returned resolve→resolved " + closeOthers,
        "resolved": "callback:satisfied→resolved callback:basic→resolved callback:unsatisfied→in-progress " + closeOthers,
        "resolved+": "close:resolved→closed " + closeOthers,
        "closed": "",
    ]

    static var states: [(String, CaseState)] {
        CaseStatus.allCases.map { ($0.rawValue, CaseState($0)) } + [("resolved+", CaseState(.resolved, calledBack: true))]
    }

    @Test func everyStateAndStep() {
        var checked = 0
        for (name, state) in Self.states {
            var legal: [String: String] = [:]
            for pair in (Self.table[name] ?? "").split(separator: " ") {
                let parts = pair.split(separator: "→").map(String.init)
                legal[parts[0]] = parts[1]
            }
            for (stepName, step) in Self.steps {
                let result = CaseLifecycle.next(state, step)
                if let to = legal[stepName] {
                    #expect(result == .success(CaseStatus(rawValue: to) ?? .closed), "\(name) × \(stepName)")
                } else {
                    guard case .failure(let e) = result else {
                        Issue.record("\(name) × \(stepName) should be refused, got \(result)")
                        continue
                    }
                    #expect(e.state == state && e.step == step)
                }
                checked += 1
            }
        }
        #expect(checked == 10 * 14)
    }

    @Test func allowedVerbsMatchTheTable() {
        for (name, state) in Self.states {
            let verbs = (Self.table[name] ?? "").split(separator: " ").map { String($0.split(separator: "→")[0].split(separator: ":")[0]) }
            var unique: [String] = []
            for v in verbs where !unique.contains(v) { unique.append(v) }
            #expect(CaseLifecycle.allowedVerbs(state) == unique, "\(name)")
        }
    }

    @Test func messagesNameTheStateAndTheAllowedSteps() {
        guard case .failure(let e) = CaseLifecycle.next(CaseState(.dispatched), .callback(.satisfied)) else {
            Issue.record("callback before resolve must be refused")
            return
        }
        #expect(e.message("C-1").en == "cannot call back C-1: it is dispatched; allowed: progress, return, resolve, close")
        #expect(e.message("C-1").zh == "诉求 C-1 不能回访：当前状态为已派单；可执行：进展、退单、办结、结案")
        guard case .failure(let closed) = CaseLifecycle.next(CaseState(.closed), .resolve) else {
            Issue.record("resolving a closed case must be refused")
            return
        }
        #expect(closed.message("C-2").en == "cannot resolve C-2: it is closed; a closed case takes no more steps")
        guard case .failure(let early) = CaseLifecycle.next(CaseState(.resolved), .close(.resolved)) else {
            Issue.record("closing as resolved before the callback must be refused")
            return
        }
        #expect(early.reason != nil)
    }

    @Test func statusWordsAreTheChoiceSet() {
        #expect(CaseStatus.allCases.map(\.rawValue) == ChoiceSet.caseStatus.choices.map(\.value))
        #expect(CallbackResult.allCases.map(\.rawValue) == ChoiceSet.callbackResult.choices.map(\.value))
        #expect(CaseOutcome.allCases.map(\.rawValue) == ChoiceSet.caseOutcome.choices.map(\.value))
    }
}

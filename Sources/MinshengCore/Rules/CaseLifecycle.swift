/// Where a case stands. The words are those of `ChoiceSet.caseStatus`, which users type.
public enum CaseStatus: String, CaseIterable, Sendable {
    case received, responded, verified, reported, dispatched
    case inProgress = "in-progress"
    case returned, resolved, closed

    /// The status as people read it (`已派单`).
    public var label: Localized {
        ChoiceSet.caseStatus.resolve(rawValue)?.label ?? Localized(rawValue)
    }
}

/// What a callback (回访) heard from the resident.
public enum CallbackResult: String, CaseIterable, Sendable {
    case satisfied, basic, unsatisfied

    public var label: Localized { ChoiceSet.callbackResult.resolve(rawValue)?.label ?? Localized(rawValue) }
}

/// How a case ended.
public enum CaseOutcome: String, CaseIterable, Sendable {
    case resolved
    case noFurtherAction = "no-further-action"
    case notOurDuty = "not-our-duty"
    case duplicate

    public var label: Localized { ChoiceSet.caseOutcome.resolve(rawValue)?.label ?? Localized(rawValue) }

    /// Outcomes that must say why: nothing was done, or somebody else should do it.
    public var needsReason: Bool { self == .noFurtherAction || self == .notOurDuty }
}

/// One step of the 接诉即办 lifecycle; each is a `case VERB` command.
public enum CaseStep: Equatable, Sendable {
    case respond, verify, report, dispatch, `return`, progress, resolve
    case callback(CallbackResult)
    case close(CaseOutcome)

    /// The command verb, as typed after `case`.
    public var verb: String {
        switch self {
        case .respond: return "respond"
        case .verify: return "verify"
        case .report: return "report"
        case .dispatch: return "dispatch"
        case .return: return "return"
        case .progress: return "progress"
        case .resolve: return "resolve"
        case .callback: return "callback"
        case .close: return "close"
        }
    }

    /// The verb in both languages, for messages (`call back` / `回访`).
    public var label: Localized {
        CaseStep.labels[verb] ?? Localized(verb)
    }

    static let labels: [String: Localized] = [
        "respond": Localized(en: "respond to", zh: "响应"), "verify": Localized(en: "verify", zh: "核实"),
        "report": Localized(en: "report", zh: "上报"), "dispatch": Localized(en: "dispatch", zh: "派单"),
        "return": Localized(en: "return", zh: "退单"), "progress": Localized(en: "note progress on", zh: "记录进展"),
        "resolve": Localized(en: "resolve", zh: "办结"), "callback": Localized(en: "call back", zh: "回访"),
        "close": Localized(en: "close", zh: "结案"),
    ]

    /// The verb's short Chinese command word, for lists of allowed steps.
    static let zhVerbs: [String: String] = [
        "respond": "响应", "verify": "核实", "report": "上报", "dispatch": "派单", "return": "退单",
        "progress": "进展", "resolve": "办结", "callback": "回访", "close": "结案",
    ]
}

/// The lifecycle's view of a case: its status, and whether the resident has been
/// called back with a satisfied or basic result since it was last resolved.
public struct CaseState: Equatable, Sendable {
    public var status: CaseStatus
    public var calledBack: Bool

    public init(_ status: CaseStatus, calledBack: Bool = false) {
        self.status = status
        self.calledBack = calledBack
    }
}

/// A step the lifecycle does not allow; says where the case stands and what it may do.
public struct IllegalStep: Error, Equatable, Sendable {
    public var state: CaseState
    public var step: CaseStep
    /// Verbs allowed from the state, in lifecycle order.
    public var allowed: [String]
    /// A more precise reason, when the verb is allowed but not this way (close as resolved).
    public var reason: Localized?

    /// The message for case `id`: names the state and the steps allowed from it.
    public func message(_ id: String) -> Localized {
        let status = state.status.label
        var en = "cannot \(step.label.en) \(id): it is \(status.en)"
        var zh = "诉求 \(id) 不能\(step.label.zh)：当前状态为\(status.zh)"
        if let reason {
            en += "; \(reason.en)"
            zh += "；\(reason.zh)"
        }
        if allowed.isEmpty {
            en += "; a closed case takes no more steps"
            zh += "；已结案的诉求不能再操作"
        } else {
            en += "; allowed: " + allowed.joined(separator: ", ")
            zh += "；可执行：" + allowed.map { CaseStep.zhVerbs[$0] ?? $0 }.joined(separator: "、")
        }
        return Localized(en: en, zh: zh)
    }
}

/// The 接诉即办 state machine, as one pure function:
///
///     received ─respond→ responded ─verify→ verified ─report→ reported ─dispatch→ dispatched
///     (verify, report and respond are optional; dispatch from any of them or from returned)
///     dispatched/in-progress ─progress→ in-progress ─resolve→ resolved ─callback→ (called back)
///     dispatched/in-progress ─return→ returned ─dispatch→ dispatched
///     resolved ─callback unsatisfied→ in-progress (reopened)
///     any open ─close (no-further-action | not-our-duty | duplicate)→ closed
///     resolved and called back ─close resolved→ closed
public enum CaseLifecycle {
    /// The status after `step`, or why the step is not allowed.
    public static func next(_ state: CaseState, _ step: CaseStep) -> Result<CaseStatus, IllegalStep> {
        let allowed = allowedVerbs(state)
        func illegal(_ reason: Localized? = nil) -> Result<CaseStatus, IllegalStep> {
            .failure(IllegalStep(state: state, step: step, allowed: allowed, reason: reason))
        }
        guard allowed.contains(step.verb) else { return illegal() }
        switch step {
        case .respond: return .success(.responded)
        case .verify: return .success(.verified)
        case .report: return .success(.reported)
        case .dispatch: return .success(.dispatched)
        case .return: return .success(.returned)
        case .progress: return .success(.inProgress)
        case .resolve: return .success(.resolved)
        case .callback(let result): return .success(result == .unsatisfied ? .inProgress : .resolved)
        case .close(.resolved):
            guard state.status == .resolved else {
                return illegal(Localized(en: "only a resolved case closes as resolved", zh: "只有已办结的诉求才能以“已解决”结案"))
            }
            guard state.calledBack else {
                return illegal(
                    Localized(
                        en: "call the resident back first (satisfied or basic), or close with another outcome",
                        zh: "请先回访（满意或基本满意），或以其他结果结案"))
            }
            return .success(.closed)
        case .close: return .success(.closed)
        }
    }

    /// The verbs allowed from a state, in lifecycle order.
    public static func allowedVerbs(_ state: CaseState) -> [String] {
        switch state.status {
        case .received: return ["respond", "verify", "report", "dispatch", "close"]
        case .responded: return ["verify", "report", "dispatch", "close"]
        case .verified: return ["report", "dispatch", "close"]
        case .reported: return ["dispatch", "close"]
        case .returned: return ["report", "dispatch", "close"]
        case .dispatched, .inProgress: return ["progress", "return", "resolve", "close"]
        case .resolved: return state.calledBack ? ["close"] : ["callback", "close"]
        case .closed: return []
        }
    }
}

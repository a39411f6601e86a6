/// The requests of the demo month: what residents ask about, and how far each case got
/// by the moment the demo depicts.
enum DemoCases {
    /// Categories with rough weights for a Beijing November (heating starts on the 15th).
    static let categories: [(String, Int)] = [
        ("物业", 22), ("环境卫生", 15), ("市政设施", 12), ("停车", 10), ("噪音", 7), ("养老", 7), ("供暖", 14),
        ("绿化", 4), ("治安", 5), ("违建", 4),
    ]

    static let titles: [String: [String]] = [
        "物业": ["电梯故障停运", "楼道灯不亮", "单元门禁损坏", "物业费收费不透明", "小区保洁不及时", "楼顶漏水"],
        "环境卫生": ["垃圾桶满溢未清运", "楼道堆放杂物", "小区内犬只粪便无人清理", "垃圾分类驿站有异味", "绿地内堆有建筑垃圾"],
        "市政设施": ["路面坑洼积水", "路灯不亮", "井盖破损", "人行道砖松动", "雨水篦子堵塞"],
        "停车": ["夜间停车难", "消防通道被占用", "共享单车乱停放", "僵尸车长期占用车位", "地锁私占车位"],
        "噪音": ["夜间施工噪音扰民", "楼上装修噪音", "广场舞音响声音过大", "餐馆排风扇噪音"],
        "养老": ["独居老人需要助餐服务", "申请居家养老服务", "老年餐桌价格咨询", "高龄津贴申领咨询", "适老化改造申请"],
        "供暖": ["暖气不热", "暖气管道漏水", "供暖费缴纳咨询", "室温不达标"],
        "绿化": ["树枝遮挡窗户需修剪", "绿地被占用种菜", "枯树存在安全隐患"],
        "治安": ["单元门常开存在安全隐患", "电动车在楼道充电", "小区监控损坏"],
        "违建": ["楼顶私搭乱建", "一层住户私扩院墙", "违规开墙打洞"],
    ]

    /// The department (条) each category is dispatched to.
    static let department: [String: String] = [
        "物业": "城建科", "环境卫生": "城管科", "市政设施": "城建科", "停车": "城管科", "噪音": "城管科", "养老": "社会事务科",
        "供暖": "城建科", "绿化": "城管科", "治安": "平安建设科", "违建": "城管科",
    ]

    /// Why a case was closed without being resolved: 非本级职责 and 无需处理 need a reason.
    static let closeReasons: [(outcome: String, reason: String)] = [
        ("not-our-duty", "属物业公司职责，已告知居民"), ("not-our-duty", "属供热公司职责，已转供热公司"),
        ("not-our-duty", "属区城管执法局职责，已告知居民"), ("no-further-action", "居民已自行解决"),
        ("no-further-action", "经核实问题已不存在"),
    ]

    /// One case's facts, its steps timed.
    struct Plan {
        var title: String, kind: String, category: String, urgency: String, status: String
        var created: Timestamp, respondDue: Timestamp, resolveDue: Timestamp
        var responded: Timestamp?, dispatched: Timestamp?, resolved: Timestamp?, closed: Timestamp?
        var satisfaction: String?
        /// How it was closed (结案方式), and why when it was not resolved.
        var outcome: String?, outcomeReason: String?
        /// An unsatisfied callback: when it came and when the case was resolved before it.
        var reopened: (at: Timestamp, resolvedBefore: Timestamp)?
        var updated: Timestamp { reopened?.at ?? closed ?? resolved ?? dispatched ?? responded ?? created }
    }

    /// A case created at `created`, with each step happening only if it falls before `end`
    /// (the moment the demo depicts). Deadlines are the shipped defaults: urgent — respond
    /// 2 h, resolve 24 h; normal — respond 24 h, resolve 7 days. `trouble` (‰, from the
    /// units' standings, given the category) makes a step late, a case stall unresolved and
    /// a callback unsatisfied more often. A good callback is followed by closing the case as
    /// resolved; a few cases are closed after the response as not the office's duty or
    /// needing nothing more, with the reason.
    static func plan(_ rng: inout DemoRandom, created: Timestamp, end: Timestamp, trouble: (String) -> Int) -> Plan {
        let category = rng.weighted(categories)
        let title = rng.pick(titles[category] ?? ["其他诉求"])
        let kind: String
        if title.hasSuffix("咨询") {
            kind = "consult"
        } else if category == "违建" {
            kind = "report"
        } else if category == "养老" {
            kind = "help"
        } else {
            kind = rng.weighted([("complaint", 55), ("help", 30), ("suggestion", 15)])
        }
        let urgent = category != "养老" && rng.chance(90)
        let t = trouble(category)
        let hour = 3600, day = 86400
        var p = Plan(
            title: title, kind: kind, category: category, urgency: urgent ? "urgent" : "normal", status: "received", created: created,
            respondDue: created.adding(seconds: urgent ? 2 * hour : 24 * hour), resolveDue: created.adding(seconds: urgent ? 24 * hour : 7 * day))
        let lateResponse = rng.chance(40 + t / 2)
        let respondAfter = urgent ? rng.within(lateResponse ? 7300...12000 : 300...7000) : rng.within(lateResponse ? 86500...120000 : 1200...80000)
        let lateResolve = rng.chance(100 + t / 2)
        let resolveAfter: Int? =
            rng.chance(20 + t / 2)
            ? nil
            : urgent
                ? rng.within(lateResolve ? 25 * hour...40 * hour : 3 * hour...24 * hour)
                : lateResolve ? rng.within(7 * day + hour...11 * day) : rng.within(20 * hour...7 * day)
        let closedEarly = rng.chance(15) ? rng.pick(closeReasons) : nil
        let responded = created.adding(seconds: respondAfter)
        guard responded < end else { return p }
        p.responded = responded
        p.status = "responded"
        if let early = closedEarly {
            let closed = responded.adding(seconds: rng.within(1800...6 * hour))
            guard closed < end else { return p }
            p.closed = closed
            p.status = "closed"
            p.outcome = early.outcome
            p.outcomeReason = early.reason
            return p
        }
        let dispatched = responded.adding(seconds: rng.within(1800...6 * hour))
        guard dispatched < end else { return p }
        p.dispatched = dispatched
        p.status = "dispatched"
        guard let after = resolveAfter else {
            if dispatched.adding(seconds: day) < end { p.status = "in-progress" }
            return p
        }
        let resolved = created.adding(seconds: max(after, respondAfter + 2 * hour))
        guard resolved < end else {
            if dispatched.adding(seconds: day) < end { p.status = "in-progress" }
            return p
        }
        p.resolved = resolved
        p.status = "resolved"
        let closed = resolved.adding(seconds: rng.within(day...3 * day))
        guard closed < end else { return p }
        let unsatisfied = min(10 + t, 900)
        p.satisfaction = rng.weighted([("satisfied", max(830 - unsatisfied, 0)), ("basic", 170), ("unsatisfied", unsatisfied)])
        if p.satisfaction == "unsatisfied", let resolvedBefore = p.resolved {
            // An unsatisfied callback reopens the case, as `case callback` does: it is being
            // handled again, with a fresh resolve deadline, and the callback is counted.
            p.reopened = (closed, resolvedBefore)
            p.resolved = nil
            p.status = "in-progress"
            p.resolveDue = closed.adding(seconds: urgent ? 24 * hour : 7 * day)
            return p
        }
        p.closed = closed
        p.status = "closed"
        p.outcome = "resolved"
        return p
    }
}

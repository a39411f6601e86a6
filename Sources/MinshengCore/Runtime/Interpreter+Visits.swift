/// `visit log`: one visit by one or two cadres (usually a pair) to one household,
/// enterprise, community unit or compound. Requests raised on it become cases that
/// name it (`case new … visit=V-1`).
extension Interpreter {
    static let visitHandlers: [CommandID: Handler] = [
        .visitLog: { try $0.logVisit($1) }, .visitPlan: { try $0.planVisits($1) }, .coverage: { try $0.coverage($1) },
        .campaignNew: { try $0.newCampaign($1) }, .campaignReport: { try $0.campaignReport($1) },
        .demoGenerate: { try $0.generateDemo($1) },
    ]

    func logVisit(_ inv: Invocation) throws -> [Output] {
        let today = session.now.day
        var day = today
        if case .day(let d)? = inv["date"]?.value { day = d }
        guard day <= today else {
            throw ScriptError.validation(
                "a visit cannot be logged before it happens: \(day.iso) is after today (\(today.iso))",
                "不能登记未发生的走访：\(day.iso) 晚于今天（\(today.iso)）", at: inv["date"]?.location,
                hint: Localized(en: "to schedule visits, use visit plan", zh: "排计划请用 visit plan"))
        }
        let (cadres, pairID) = try visitors(inv)
        let target = try visitTarget(inv, cadres: cadres)
        let content = inv.text("content") ?? "contact"
        var values = stamp
        values["day"] = .text(day.iso)
        values["half"] = .text(inv.text("half") ?? "am")
        values["cadre_id"] = .integer(cadres[0])
        values["partner_id"] = cadres.count > 1 ? .integer(cadres[1]) : .null
        values["pair_id"] = pairID.map { .integer($0) } ?? .null
        values["content"] = .text(content)
        values["note"] = inv.text("note").map { .text($0) } ?? .null
        values.merge(target.columns) { _, b in b }
        let id = try store.insert(.visit, values)
        let names = try cadres.map { try cadre($0).name }
        let half = ChoiceSet.half.resolve(inv.text("half") ?? "am")?.label.text(lang) ?? ""
        let what = ChoiceSet.visitContent.resolve(content)?.label.text(lang) ?? content
        try log(
            inv, "visit.log", .visit, id,
            [
                ("date", day.iso), ("half", inv.text("half") ?? "am"), ("by", names.joined(separator: ",")), ("target", target.label.en), ("content", content),
            ])
        session.lastID = RecordKind.visit.id(id)
        var out: [Output] = [
            .text(
                lang == .zh
                    ? "已登记走访 V-\(id)：\(day.iso) \(half)，\(names.joined(separator: "、")) → \(target.label.zh)（\(what)）"
                    : "logged visit V-\(id): \(day.iso) \(half), \(names.joined(separator: " and ")) → \(target.label.en) (\(what))")
        ]
        let calendar = try workCalendar()
        if WalkingDays.weekdays.contains(day.weekday), !calendar.isWorkingDay(day) {
            let name = calendar.mark(day)?.name.text(lang) ?? ""
            out.append(
                .text(
                    lang == .zh ? "注意：\(day.iso) 放假（\(name)），不是走访日" : "note: \(day.iso) is a holiday (\(name)), not a walking day"))
        } else if !WalkingDays.isWalkingDay(day, on: calendar) {
            let wd = WalkingDays.weekdayName(day, lang)
            out.append(
                .text(
                    lang == .zh ? "注意：\(day.iso) 是\(wd)，走访日为周二、周四" : "note: \(day.iso) is a \(wd); the walking office goes out on Tuesdays and Thursdays"))
        }
        return out
    }

    /// The cadres of a visit (one or two) and their pair, if they are one.
    func visitors(_ inv: Invocation) throws -> ([Int], Int?) {
        switch (inv["by"], inv["pair"]) {
        case (nil, nil):
            throw ScriptError.validation(
                "'visit log' needs by= or pair=", "'visit log' 需要 by= 或 pair=", at: inv.location,
                hint: Localized(en: "e.g. by=王强,李梅", zh: "例如 by=王强,李梅"))
        case (.some, .some):
            throw ScriptError.validation("give by= or pair=, not both", "by= 与 pair= 只能给一个", at: inv["pair"]?.location)
        case (nil, .some(let pb)):
            let p = try resolve(.pair, pb)
            let r = try row(.pair, p)
            if let ended = r?.text("ended_at").flatMap(Timestamp.parse) {
                throw ScriptError.runtime(
                    "\(r?.text("name") ?? pb.value.display) was unpaired at \(ended.display)", "\(r?.text("name") ?? pb.value.display) 已于 \(ended.display) 解除结对",
                    at: pb.location, hint: Localized(en: "log the visit with by=…", zh: "请用 by=… 登记走访人"))
            }
            return ([r?.int("office_id") ?? 0, r?.int("community_cadre_id") ?? 0], p)
        case (.some(let bb), nil):
            let ids = try refs(.cadre, bb)
            guard ids.count <= 2 else {
                throw ScriptError.validation(
                    "a visit is logged by one or two cadres, not \(ids.count)", "一次走访登记一至两名干部，不能是 \(ids.count) 名", at: bb.location,
                    hint: Localized(en: "log a visit for each pair", zh: "请按结对分别登记"))
            }
            var pair: Int?
            if ids.count == 2 {
                let names = try ids.map { try cadre($0).name }
                pair = try store.lookup(.pair, name: "\(names[0])+\(names[1])") ?? store.lookup(.pair, name: "\(names[1])+\(names[0])")
            }
            return (ids, pair)
        }
    }

    /// The one target of a visit and the columns it fills (compound and community follow it).
    func visitTarget(_ inv: Invocation, cadres: [Int]) throws -> (label: Localized, columns: [String: StoreValue]) {
        let given = ["household", "enterprise", "unit", "compound"].filter { inv[$0] != nil }
        guard given.count == 1 else {
            throw ScriptError.validation(
                given.isEmpty
                    ? "'visit log' needs what was visited: household=, enterprise=, unit= or compound="
                    : "a visit has one target, not \(given.joined(separator: " and "))",
                given.isEmpty ? "'visit log' 需要走访对象：household=、enterprise=、unit= 或 compound=" : "一次走访只有一个对象，不能同时给 \(given.joined(separator: " 和 "))",
                at: given.count > 1 ? inv[given[1]]?.location : inv.location,
                hint: Localized(en: "log one visit per household or unit", zh: "每户、每个单位分别登记"))
        }
        func ints(_ pairs: [String: Int?]) -> [String: StoreValue] { pairs.mapValues { $0.map { .integer($0) } ?? .null } }
        switch given[0] {
        case "household":
            guard let hb = inv["household"] else { break }
            let id = try resolveHousehold(hb)
            let h = try row(.household, id)
            let address = h?.text("address") ?? ""
            return (
                Localized(en: "household H-\(id) \(address)", zh: "住户 H-\(id) \(address)"),
                ints(["household_id": id, "compound_id": h?.int("compound_id"), "community_id": h?.int("community_id")])
            )
        case "enterprise":
            guard let eb = inv["enterprise"] else { break }
            let id = try resolve(.enterprise, eb)
            let e = try row(.enterprise, id)
            let name = e?.text("name") ?? ""
            return (
                Localized(en: "enterprise E-\(id) \(name)", zh: "企业 E-\(id) \(name)"),
                ints(["enterprise_id": id, "compound_id": e?.int("compound_id"), "community_id": e?.int("community_id")])
            )
        case "compound":
            guard let bb = inv["compound"] else { break }
            let id = try resolve(.compound, bb)
            let b = try row(.compound, id)
            let name = b?.text("name") ?? ""
            return (Localized(en: "compound B-\(id) \(name)", zh: "楼院 B-\(id) \(name)"), ints(["compound_id": id, "community_id": b?.int("community_id")]))
        default:
            let unit = try requiredText(inv, "unit")
            var community: Int?
            for c in cadres where community == nil { community = try cadre(c).community }
            var columns = ints(["community_id": community])
            columns["unit"] = .text(unit)
            return (Localized(en: "unit \(unit)", zh: "单位 \(unit)"), columns)
        }
        return (Localized(""), [:])
    }
}

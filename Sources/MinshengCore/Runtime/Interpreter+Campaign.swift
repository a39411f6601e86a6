/// Campaigns (大走访, 效果落实): a window, targets, and a report with the seed's totals —
/// "走访社区单位500余次，入户3300余家，收集诉求1000余个，解决800余个".
extension Interpreter {
    /// `campaign new NAME from=… to=… [visits=…] [households=…] [requests=…] [resolved=…]`
    func newCampaign(_ inv: Invocation) throws -> [Output] {
        let name = try requiredText(inv, "name")
        try requireNewName(.campaign, name, at: inv["name"]?.location)
        let window = try dayWindow(inv)
        var values = stamp
        values["name"] = .text(name)
        values["start_day"] = .text(window.from.iso)
        values["end_day"] = .text(window.to.iso)
        var shown: [String] = []
        for (key, column, en, zh) in Self.targets {
            guard case .integer(let n)? = inv[key]?.value else { continue }
            guard n >= 0 else {
                throw ScriptError.validation("\(key)= cannot be negative", "\(key)= 不能为负数", at: inv[key]?.location)
            }
            values[column] = .integer(n)
            shown.append(lang == .zh ? "\(zh) \(n)" : "\(n) \(en)")
        }
        let id = try store.insert(.campaign, values)
        try log(inv, "campaign.new", .campaign, id, [("name", name), ("from", window.from.iso), ("to", window.to.iso)])
        session.lastID = RecordKind.campaign.id(id)
        let targets = shown.isEmpty ? "" : (lang == .zh ? "；目标：" + shown.joined(separator: "，") : "; targets: " + shown.joined(separator: ", "))
        return [.text(lang == .zh ? "已新建大走访 K-\(id) \(name)：\(window.display)\(targets)" : "started campaign K-\(id) \(name): \(window.display)\(targets)")]
    }

    /// Option, column, and how each target reads.
    static let targets: [(String, String, String, String)] = [
        ("visits", "target_visits", "unit visits", "走访社区单位"), ("households", "target_households", "households", "入户"),
        ("requests", "target_requests", "requests", "收集诉求"), ("resolved", "target_resolved", "resolved", "解决诉求"),
    ]

    /// `campaign report [NAME] [community=…]`
    func campaignReport(_ inv: Invocation) throws -> [Output] {
        let (window, label, id) = try campaignWindow(inv)
        let campaign = try id.flatMap { try row(.campaign, $0) }
        let community = try optionalRef(.community, inv, "community")
        let totals = try orgStore.campaignTotals(window, community: community)
        let targets = Self.targets.map { campaign?.int($0.1) }
        let lines = CampaignProgress.lines(totals, targets: targets)
        let columns = [column("measure", "项目"), column("done", "完成", .integer), column("target", "目标", .integer), column("progress", "进度", .percent)]
        let rows: [[StoreValue]] = lines.map { l in
            [.text(l.label.text(lang)), .integer(l.done), l.target.map { .integer($0) } ?? .null, l.percent.map { .text("\($0)") } ?? .null]
        }
        let table = Output.table(ResultSet(columns: columns, rows: rows), kind: nil)
        guard session.format == .table || session.format == .markdown || session.format == .line else { return [table] }
        let place = community != nil ? (lang == .zh ? "，\(try title(.community, community))" : ", \(try title(.community, community))") : ""
        let deadline = CampaignProgress.deadline(window, today: session.now.day, lang)
        var out: [Output] = [.text("\(label)\(place)：\(window.display)，\(deadline)"), table, .text(CampaignProgress.sentence(totals, lang))]
        if lang == .en { out[0] = .text("\(label)\(place): \(window.display), \(deadline)") }
        out.append(
            .text(
                lang == .zh
                    ? "入户 \(totals.householdVisits) 次；走访中提出的诉求 \(totals.requestsFromVisits) 个；诉求按受理时间、解决按办结时间计入本期"
                    : "\(counted(totals.householdVisits, "household visit")); \(counted(totals.requestsFromVisits, "request")) raised on visits; requests count by created time, resolved by resolved time"
            ))
        if totals.offDayVisits > 0 {
            out.append(
                .text(
                    lang == .zh
                        ? "另有 \(totals.offDayVisits) 次走访不在周二、周四" : "\(counted(totals.offDayVisits, "visit")) logged on days other than Tuesday and Thursday"))
        }
        return out
    }
}

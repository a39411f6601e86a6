/// `coverage`: what nobody covers or nobody has visited in the campaign window.
///
/// "三个覆盖" in data: 困难群体 = households tagged as a special group (frequent-caller,
/// hardship, petitioner) visited in the window; 非公企业 = enterprises visited in the
/// window; 重点问题 = compounds with at least one open case (status neither resolved nor
/// closed; the case's compound, or its household's) visited in the window.
extension Interpreter {
    /// Case statuses that need no more visiting.
    static let finishedStatuses = ["resolved", "closed"]

    func coverage(_ inv: Invocation) throws -> [Output] {
        let (window, source, _) = try campaignWindow(inv)
        let community = try optionalRef(.community, inv, "community")
        let show = inv.text("show") ?? "all"
        let s = try orgStore
        let tags = HouseholdTags.special
        let prose = session.format == .table || session.format == .markdown || session.format == .line
        var out: [Output] = []
        let place = community != nil ? try title(.community, community) : (lang == .zh ? "全街道" : "the whole subdistrict")
        if prose {
            out.append(.text(lang == .zh ? "覆盖情况：\(place)，\(window.display)（\(source)）" : "coverage of \(place), \(window.display) (\(source))"))
        }
        if show == "all" || show == "summary" {
            let c = try s.coverageCounts(window, community: community, specialTags: tags, finished: Self.finishedStatuses)
            let items: [(Localized, Int, Int)] = [
                (Localized(en: "compounds with a named cadre", zh: "楼院有包片干部"), c.compounds, c.compoundsWithCadre),
                (Localized(en: "compounds visited", zh: "楼院已走访"), c.compounds, c.compoundsVisited),
                (Localized(en: "special groups visited (困难群体)", zh: "困难群体已走访"), c.special, c.specialVisited),
                (Localized(en: "special groups with a named cadre", zh: "困难群体有包片干部"), c.special, c.specialWithCadre),
                (Localized(en: "enterprises visited (非公企业)", zh: "非公企业已走访"), c.enterprises, c.enterprisesVisited),
                (Localized(en: "key-issue compounds visited (重点问题)", zh: "重点问题楼院已走访"), c.issueCompounds, c.issueCompoundsVisited),
            ]
            let columns = [
                column("item", "项目"), column("total", "总数", .integer), column("covered", "已覆盖", .integer), column("gaps", "未覆盖", .integer),
                column("rate", "覆盖率", .percent),
            ]
            let rows: [[StoreValue]] = items.map {
                [.text($0.0.text(lang)), .integer($0.1), .integer($0.2), .integer($0.1 - $0.2), Rate($0.2, of: $0.1).value]
            }
            out.append(.table(ResultSet(columns: columns, rows: rows), kind: nil))
            if prose {
                out.append(
                    .text(
                        lang == .zh
                            ? "特殊群体：标签为 12345高频、困难、信访 的住户；重点问题：有未办结诉求（非已办结、已关闭）的楼院"
                            : "special groups: households tagged frequent-caller, hardship or petitioner; key issues: compounds with open cases (not resolved or closed)"
                    ))
            }
        }
        let cadres = try s.cadresByCompound(community: community)
        func named(_ compound: Int?) -> StoreValue {
            guard let compound, let names = cadres[compound] else { return .text(lang == .zh ? "（无）" : "(none)") }
            return .text(names.joined(separator: lang == .zh ? "、" : ", "))
        }
        let visitedCol = column("last-visit", "上次走访")
        func list(_ key: String, _ heading: Localized, _ kind: RecordKind, _ columns: [FieldSpec], _ rows: [[StoreValue]]) {
            guard show == "all" || show == key else { return }
            if prose {
                out.append(
                    .text(heading.text(lang) + (lang == .zh ? "（\(rows.count)）：" : " (\(rows.count)):") + (rows.isEmpty ? (lang == .zh ? "无" : " none") : "")))
            }
            if !rows.isEmpty || !prose { out.append(.table(ResultSet(columns: columns, rows: rows), kind: kind)) }
        }
        let idCol = FieldSpec.id
        let sizeCols = [column("households", "住户", .integer), column("special", "特殊群体", .integer)]
        let unassigned = try s.compoundsWithoutCadre(community: community, specialTags: tags)
        list(
            "unassigned", Localized(en: "compounds with no assigned cadre", zh: "无人包片的楼院"), .compound,
            [idCol, column("name", "楼院"), column("community", "社区")] + sizeCols,
            unassigned.map { [$0["id"], $0["name"], $0["community"], $0["households"], $0["special"]] })
        let compounds = try s.unvisitedCompounds(window, community: community, specialTags: tags)
        list(
            "compounds", Localized(en: "compounds not visited", zh: "未走访的楼院"), .compound,
            [idCol, column("name", "楼院"), column("community", "社区")] + sizeCols + [column("cadres", "包片干部"), visitedCol],
            compounds.map { [$0["id"], $0["name"], $0["community"], $0["households"], $0["special"], named($0.int("id")), $0["last_visit"]] })
        let households = try s.unvisitedSpecialHouseholds(window, community: community, specialTags: tags)
        list(
            "households", Localized(en: "special-group households not visited", zh: "未走访的特殊群体住户"), .household,
            [
                idCol, column("address", "地址"), column("head", "户主"), FieldSpec("phone", ["电话"], .phone, label: Localized(en: "phone", zh: "电话")),
                FieldSpec("tags", ["标签"], .tags, label: Localized(en: "tags", zh: "标签")), column("cadres", "包片干部"), visitedCol,
            ],
            households.map { [$0["id"], $0["address"], $0["head"], $0["phone"], $0["tags"], named($0.int("compound_id")), $0["last_visit"]] })
        let enterprises = try s.unvisitedEnterprises(window, community: community)
        list(
            "enterprises", Localized(en: "enterprises not visited", zh: "未走访的非公企业"), .enterprise,
            [idCol, column("name", "企业"), column("community", "社区"), column("contact", "联系人"), visitedCol],
            enterprises.map { [$0["id"], $0["name"], $0["community"], $0["contact"], $0["last_visit"]] })
        let issues = try s.unvisitedIssueCompounds(window, community: community, finished: Self.finishedStatuses)
        list(
            "issues", Localized(en: "key-issue compounds not visited", zh: "未走访的重点问题楼院"), .compound,
            [idCol, column("name", "楼院"), column("community", "社区"), column("open-cases", "未办结诉求", .integer), column("cadres", "包片干部")],
            issues.map { [$0["id"], $0["name"], $0["community"], $0["open_cases"], named($0.int("id"))] })
        return out
    }

    /// The window of a coverage or report: `from=`/`to=`, else the campaign given, else the
    /// campaign under way today (the latest started if several), else the latest one.
    func campaignWindow(_ inv: Invocation) throws -> (DayWindow, String, Int?) {
        if inv["from"] != nil || inv["to"] != nil {
            return (try dayWindow(inv), lang == .zh ? "指定时间范围" : "window given", nil)
        }
        let id: Int
        if let cb = inv["campaign"] {
            id = try resolve(.campaign, cb)
        } else {
            let all = try store.select(.campaign, matching: [:], orderBy: ["start_day"])
            let today = session.now.day.iso
            guard let current = all.last(where: { ($0.text("start_day") ?? "") <= today && today <= ($0.text("end_day") ?? "") }) ?? all.last else {
                throw ScriptError.runtime(
                    "no campaign yet: give from= and to=", "还没有大走访：请给出 from= 和 to=", at: inv.location,
                    hint: Localized(en: "or start one: campaign new NAME from=… to=…", zh: "或先新建：campaign new 名称 from=… to=…"))
            }
            id = current.id
        }
        let c = try row(.campaign, id)
        guard let from = c?.text("start_day").flatMap(Day.parse), let to = c?.text("end_day").flatMap(Day.parse) else {
            throw ScriptError.runtime("campaign K-\(id) has no window", "大走访 K-\(id) 没有时间范围", at: inv.location)
        }
        let name = c?.text("name") ?? ""
        return (DayWindow(from: from, to: to), lang == .zh ? "大走访 K-\(id) \(name)" : "campaign K-\(id) \(name)", id)
    }
}

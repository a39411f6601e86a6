/// `merge KIND DUPLICATE into=KEPT reason=…` (合并): two records entered for one become one.
/// Every link of the duplicate moves to the record kept, in the command's one transaction;
/// the duplicate stays, marked merged into it, left out of lists, completion and queries,
/// and its name (or id) leads to the kept one from then on.
extension Interpreter {
    /// The kinds that can be merged: those whose records others link to by id.
    static let mergeableKinds: [RecordKind] = [.compound, .household, .enterprise, .cadre, .department, .community]

    /// `merge KIND DUPLICATE into=KEPT reason=…`: checks, moves every link (the store, in
    /// one go), then what follows a cadre's name (its pairs') and a household's tags.
    func merge(_ inv: Invocation) throws -> [Output] {
        guard case .kind(let kind)? = inv["kind"]?.value, let db = inv["record"], let kb = inv["into"] else { return [] }
        let reason = try requiredReason(inv)
        guard Self.mergeableKinds.contains(kind) else {
            throw ScriptError.validation(
                "\(kind.schema.plural.en) are not merged", "\(kind.schema.plural.zh)不能合并", at: inv["kind"]?.location, hint: Self.notMergedHint(kind))
        }
        let duplicate = try mergeRecord(kind, db)
        let named = try mergeRecord(kind, kb)
        let into = try kept(kind, named)
        let dupName = try title(kind, duplicate), keptName = try title(kind, into)
        let dupShown = "\(kind.id(duplicate)) \(dupName)", keptShown = "\(kind.id(into)) \(keptName)"
        if let r = try row(kind, duplicate), let was = r.int("merged_into") {
            let at = r.text("merged_at").flatMap(Timestamp.parse)?.display ?? ""
            throw ScriptError.runtime(
                "\(dupShown) was merged into \(kind.id(try kept(kind, was))) at \(at)", "\(dupShown) 已于 \(at) 合并到 \(kind.id(try kept(kind, was)))",
                at: db.location)
        }
        guard duplicate != into else {
            throw ScriptError.runtime(
                named == into ? "\(dupShown) is one record: nothing to merge" : "\(kind.id(named)) was merged into \(dupShown) already",
                named == into ? "\(dupShown) 是同一条记录，无可合并" : "\(kind.id(named)) 已合并到 \(dupShown)", at: kb.location)
        }
        try checkMergeable(kind, duplicate, into, names: (dupShown, keptShown), at: kb.location)
        let store = try orgStore
        // A row the kept record has a twin of stays with the duplicate when it is history
        // already (ended, merged); a row still in force is refused, with how to end it.
        var stays: [Localized] = []
        for clash in try store.mergeClashes(kind, duplicate: duplicate, into: into) {
            guard let r = try row(clash.kind, clash.duplicateRow) else { continue }
            let id = clash.kind.id(clash.duplicateRow)
            if r.text("ended_at") != nil || r.text("merged_at") != nil {
                stays.append(r.text("ended_at") != nil ? Localized(en: "\(id) (ended)", zh: "\(id)（已结束）") : Localized(en: "\(id) (merged)", zh: "\(id)（已合并）"))
                continue
            }
            throw try clashError(kind, clash, r, names: (dupShown, keptShown), at: db.location)
        }
        let dupTags = kind == .household ? try row(kind, duplicate)?.text("tags") ?? "" : ""
        let moved = try store.merge(kind, duplicate: duplicate, into: into, at: session.now, by: session.actor, reason: reason)
        var extra: [Localized] = []
        if kind == .cadre {
            let pairs = try renamePairs(of: into, from: dupName, to: keptName)
            if !pairs.isEmpty { extra.append(Localized(en: "pairs now \(pairs.joined(separator: ", "))", zh: "结对现为\(pairs.joined(separator: "、"))")) }
        }
        if kind == .household, let tags = try mergeTags(dupTags, into: into) {
            extra.append(Localized(en: "tags now \(HouseholdTags.display(tags, .en))", zh: "标签现为\(HouseholdTags.display(tags, .zh))"))
        }
        let counts = moved.map { m in
            // A case's dispatches are a table of their own, not a kind users name.
            let (label, plural) = m.kind == .caseDispatch ? (Localized(en: "dispatch", zh: "派单"), "dispatches") : (m.kind.schema.label, m.kind.schema.plural.en)
            return Localized(en: "\(m.rows) \(m.rows == 1 ? label.en : plural)", zh: "\(label.zh) \(m.rows)")
        }
        try log(
            inv, "\(kind.rawValue).merge", kind, duplicate,
            [
                ("into", kind.id(into)), ("was", dupShown), ("now", keptShown),
                ("moved", counts.map(\.en).joined(separator: ", ")), ("stays", stays.map(\.en).joined(separator: ", ")), ("reason", reason),
            ])
        let what =
            counts.isEmpty
            ? say("nothing was linked to it", "没有需移交的关联") : say("moved ", "移交") + counts.map { $0.text(lang) }.joined(separator: say(", ", "、"))
        var notes = extra.map { $0.text(lang) }
        if !stays.isEmpty {
            let rows = stays.map { $0.text(lang) }
            notes.append(
                say(
                    "\(rows.joined(separator: ", ")) \(rows.count == 1 ? "stays" : "stay") with \(kind.id(duplicate))",
                    "\(rows.joined(separator: "、"))留在 \(kind.id(duplicate))"))
        }
        let also = notes.map { say("; ", "；") + $0 }.joined()
        return [
            .text(
                masked(
                    say(
                        "merged \(dupShown) into \(keptShown) (reason: \(reason)): \(what)\(also); \(kind.id(duplicate)) stays, marked merged, and its name leads to \(kind.id(into))",
                        "已将 \(dupShown) 合并到 \(keptShown)（原因：\(reason)）：\(what)\(also)；\(kind.id(duplicate)) 保留，标记为已合并，按其名称即找到 \(kind.id(into))")))
        ]
    }

    /// What to do instead of merging records of a kind that is not merged.
    static func notMergedHint(_ kind: RecordKind) -> Localized {
        switch kind {
        case .pair: return Localized(en: "a pair is its two cadres: merge the cadre entered twice", zh: "结对由两名干部组成：请合并重复录入的干部")
        case .visit: return Localized(en: "a visit logged twice is voided: visit void V-2 reason=…", zh: "重复登记的走访请作废：走访 作废 V-2 原因=…")
        case .case:
            return Localized(
                en: "a case taken in twice is closed as a duplicate: case close C-2 outcome=duplicate of=C-1", zh: "重复受理的诉求按重复结案：诉求 结案 C-2 结案方式=重复 重复于=C-1")
        default:
            return Localized(
                en: "merged are: " + mergeableKinds.map { $0.schema.plural.en }.joined(separator: ", "),
                zh: "可合并：" + mergeableKinds.map { $0.schema.plural.zh }.joined(separator: "、"))
        }
    }

    /// A record to merge, given by id or name (a household by id or address), never followed
    /// to a record it was merged into; an id of another kind is refused as such.
    func mergeRecord(_ kind: RecordKind, _ b: BoundValue) throws -> Int {
        if let (other, _) = RecordKind.forID(b.value.display), other != kind {
            throw ScriptError.validation(
                "\(b.value.display) is \(article(other.schema.label.en)), not \(article(kind.schema.label.en)): only records of one kind are merged",
                "\(b.value.display) 是\(other.schema.label.zh)，不是\(kind.schema.label.zh)：只能合并同一种记录", at: b.location)
        }
        return kind == .household ? try resolveHousehold(b, followingMerges: false) : try resolve(kind, b, followingMerges: false)
    }

    func article(_ noun: String) -> String { ("aeiou".contains(noun.first ?? "x") ? "an " : "a ") + noun }

    /// Refuses two records that cannot be one: cadres of different roles, records of
    /// different communities (a compound, household, enterprise or community cadre: every
    /// count of a community would change under it), units of different subdistricts.
    func checkMergeable(_ kind: RecordKind, _ duplicate: Int, _ kept: Int, names: (String, String), at loc: SourceLocation?) throws {
        guard let a = try row(kind, duplicate), let b = try row(kind, kept) else { return }
        if kind == .cadre, a.text("role") != b.text("role") {
            throw ScriptError.runtime(
                "\(names.0) is \(roleNoun(a.text("role") ?? "").en), \(names.1) \(roleNoun(b.text("role") ?? "").en): they are not one record",
                "\(names.0) 是\(roleNoun(a.text("role") ?? "").zh)，\(names.1) 是\(roleNoun(b.text("role") ?? "").zh)：不是同一条记录", at: loc,
                hint: Localized(en: "two people with one name: keep both, and rename one", zh: "如为同名的两人，请保留两条，并更名其中一条"))
        }
        let column = kind == .department || kind == .community ? "subdistrict_id" : kind == .cadre && a.text("role") != "community" ? nil : "community_id"
        guard let column, a.int(column) != b.int(column) else { return }
        let unit: RecordKind = column == "subdistrict_id" ? .subdistrict : .community
        let was = try title(unit, a.int(column)), now = try title(unit, b.int(column))
        throw ScriptError.runtime(
            "\(names.0) is in \(was.isEmpty ? "no \(unit.schema.label.en)" : was), \(names.1) in \(now.isEmpty ? "none" : now): merging would move what \(unit.schema.plural.en) count",
            "\(names.0) 属于\(was.isEmpty ? "无\(unit.schema.label.zh)" : was)，\(names.1) 属于\(now.isEmpty ? "无\(unit.schema.label.zh)" : now)：合并会改变各\(unit.schema.label.zh)的统计",
            at: loc,
            hint: Localized(
                en: "a record entered twice is entered in one \(unit.schema.label.en): if these are two, keep both",
                zh: "重复录入的记录属于同一\(unit.schema.label.zh)；如确为两条，请都保留"))
    }

    /// The refusal of a merge that would give the kept record a second row where it may
    /// have one, with the correction that clears the way.
    func clashError(_ kind: RecordKind, _ clash: MergeClash, _ r: StoredRecord, names: (dup: String, kept: String), at loc: SourceLocation?) throws
        -> ScriptError
    {
        let rows = "(\(clash.kind.id(clash.duplicateRow)), \(clash.kind.id(clash.keptRow)))",
            rowsZh = "（\(clash.kind.id(clash.duplicateRow))、\(clash.kind.id(clash.keptRow))）"
        switch clash.kind {
        case .assignment:
            let cadre = try title(.cadre, r.int("cadre_id")), compound = try title(.compound, r.int("compound_id"))
            let both =
                kind == .cadre
                ? (en: "\(names.dup) and \(names.kept) are both assigned to \(compound)", zh: "\(names.dup) 和 \(names.kept) 都包片\(compound)")
                : (en: "\(cadre) is assigned to both \(names.dup) and \(names.kept)", zh: "\(cadre) 同时包片 \(names.dup) 和 \(names.kept)")
            return ScriptError.runtime(
                "\(both.en) \(rows): one assignment would be there twice", "\(both.zh)\(rowsZh)：合并后同一包片会有两条", at: loc,
                hint: Localized(
                    en: "end the duplicate's first: unassign \(cadre) compound=\(compound) reason=…", zh: "请先取消重复的包片：取消包片 \(cadre) 楼院=\(compound) 原因=…"))
        case .pair:
            let pair = r.text("name") ?? clash.kind.id(clash.duplicateRow)
            return ScriptError.runtime(
                "\(names.dup) and \(names.kept) are both in a pair with the same cadre \(rows)", "\(names.dup) 和 \(names.kept) 与同一名干部都有结对\(rowsZh)", at: loc,
                hint: Localized(
                    en: "end the duplicate's pair first: unpair \(clash.kind.id(clash.duplicateRow)) reason=… (\(pair))",
                    zh: "请先解除重复的结对：解除结对 \(clash.kind.id(clash.duplicateRow)) 原因=…（\(pair)）"))
        case .leaderLink:
            let leader = try title(.cadre, r.int("leader_id")), community = try title(.community, r.int("community_id"))
            return ScriptError.runtime(
                "\(kind == .cadre ? "\(names.dup) and \(names.kept) are both linked to \(community)" : "\(leader) is linked to both \(names.dup) and \(names.kept)") \(rows)",
                "\(kind == .cadre ? "\(names.dup) 和 \(names.kept) 都联系\(community)" : "\(leader) 同时联系 \(names.dup) 和 \(names.kept)")\(rowsZh)", at: loc,
                hint: Localized(
                    en: "end the duplicate's link first: leader unlink \(leader) community=\(community) reason=…",
                    zh: "请先取消重复的联系：领导 取消联系 \(leader) 社区=\(community) 原因=…"))
        default:
            let address = r.text("address") ?? ""
            return ScriptError.runtime(
                "\(names.dup) and \(names.kept) both have a household at \(address) \(rows)", "\(names.dup) 和 \(names.kept) 都有地址为 \(address) 的住户\(rowsZh)",
                at: loc,
                hint: Localized(
                    en: "merge the household first: merge household \(clash.kind.id(clash.duplicateRow)) into=\(clash.kind.id(clash.keptRow)) reason=…",
                    zh: "请先合并住户：合并 住户 \(clash.kind.id(clash.duplicateRow)) 合并到=\(clash.kind.id(clash.keptRow)) 原因=…"))
        }
    }

    /// A cadre's pairs named with `old` (`王方+李梅`), renamed with `new`; their new names.
    /// (A pair is named after its two cadres: `rename` and `merge` of a cadre rename it.)
    func renamePairs(of cadre: Int, from old: String, to new: String) throws -> [String] {
        var renamed: [String] = []
        for p in try store.select(.pair, matching: [:], orderBy: []) where p.int("office_id") == cadre || p.int("community_cadre_id") == cadre {
            guard let name = p.text("name") else { continue }
            let now = name.split(separator: "+").map(String.init).map { $0 == old ? new : $0 }.joined(separator: "+")
            guard now != name else { continue }
            try store.update(.pair, id: p.id, ["name": .text(now)])
            renamed.append(now)
        }
        return renamed
    }

    /// The kept household takes the duplicate's tags too; the tags it has then, when they grew.
    func mergeTags(_ tags: String, into kept: Int) throws -> String? {
        let before = try row(.household, kept)?.text("tags") ?? ""
        let after = HouseholdTags.encode(HouseholdTags.decode(before) + HouseholdTags.decode(tags))
        guard after != before else { return nil }
        try store.update(.household, id: kept, ["tags": .text(after)])
        return after
    }
}

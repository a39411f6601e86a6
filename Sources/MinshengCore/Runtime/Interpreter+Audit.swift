extension CommandID {
    public static let audit = CommandID("audit"), auditVerify = CommandID("audit-verify"), auditSeal = CommandID("audit-seal")
    public static let auditCorrections = CommandID("audit-corrections")
}

extension CommandTable {
    static let auditCommands: [CommandSpec] = [
        CommandSpec(
            .audit, ["audit"], aliases: [["审计"], ["历史记录"]],
            arguments: [ParameterSpec("id", ["编号"], .text, help: Localized(en: "a record id, e.g. C-1; none for the latest changes", zh: "记录编号，如 C-1；不填则列出最近的修改"))],
            options: [ParameterSpec("limit", ["限制"], .integer, help: Localized(en: "how many of the latest changes (default 20)", zh: "列出最近多少条（默认 20）"))],
            summary: Localized(en: "show who changed what and when, from the change log", zh: "查看修改记录：谁在何时做了什么"),
            example: "audit D-1", effect: .reads),
        CommandSpec(
            .auditVerify, ["audit", "verify"], aliases: [["审计", "校验"]],
            options: [
                ParameterSpec(
                    "head", ["链首"], .text,
                    help: Localized(
                        en: "a head printed by an earlier audit verify (kept in the minutes): the chain must still pass through it",
                        zh: "以前 audit verify 输出的链首（记在纪要里）：哈希链须仍经过它")),
                ParameterSpec(
                    "seal", ["封印"], .text,
                    help: Localized(
                        en: "a seal printed by audit seal (published): the log must still extend it", zh: "audit seal 输出并公布的封印：修改记录须仍延续它")),
            ],
            summary: Localized(
                en: "check the hash chain of the change log: any edited, deleted or inserted entry is reported",
                zh: "校验修改记录的哈希链：发现被改动、删除或插入的记录"),
            example: "audit verify", effect: .reads),
        CommandSpec(
            .auditCorrections, ["audit", "corrections"], aliases: [["审计", "更正"]],
            summary: Localized(
                en: "every correction in the change log, with what it changed and its reason", zh: "列出修改记录中的全部更正：改了什么、原因"),
            example: "audit corrections", effect: .reads),
        CommandSpec(
            .auditSeal, ["audit", "seal"], aliases: [["审计", "封印"]],
            summary: Localized(
                en: "print a seal over every chain's head, to publish (minutes, a notice, paper); audit verify seal=… proves the log still extends it",
                zh: "输出覆盖全部哈希链链首的封印，用于公布（纪要、通报、纸面）；audit verify seal=… 可证明修改记录仍延续它"),
            example: "audit seal", effect: .writes),
    ]
}

extension Interpreter {
    static let auditHandlers: [CommandID: Handler] = [
        .audit: { try $0.audit($1) }, .auditVerify: { try $0.auditVerify($1) }, .auditSeal: { try $0.auditSeal($1) },
        .auditCorrections: { try $0.auditCorrections($1) },
    ]

    /// What each kind of correction is called, by its log action.
    static let correctionActions: [String: Localized] = [
        "item.ballot-change": Localized(en: "ballot changed", zh: "更正选票"), "item.ballot-withdraw": Localized(en: "ballot withdrawn", zh: "撤销选票"),
        "meeting.attend-remove": Localized(en: "sign-in removed", zh: "撤销签到"),
        "meeting.attend-time": Localized(en: "sign-in time corrected", zh: "更正签到时间"), "case.move": Localized(en: "case moved", zh: "更正社区"),
        "case.edit": Localized(en: "case corrected", zh: "更正诉求"), "case.reopen": Localized(en: "close undone", zh: "撤销结案"),
        "case.undispatch": Localized(en: "dispatch undone", zh: "撤销派单"),
        "visit.void": Localized(en: "visit voided", zh: "作废走访"), "assignment.end": Localized(en: "assignment ended", zh: "取消包片"),
        "pair.end": Localized(en: "pair ended", zh: "解除结对"), "leader.unlink": Localized(en: "leader link ended", zh: "取消联系社区"),
        "case.deadlines": Localized(en: "deadlines recomputed", zh: "期限重算"), "calendar.set": Localized(en: "calendar day set", zh: "设置日历"),
    ]

    /// `audit corrections`: every correction, oldest first: when, who, the record, what
    /// changed (old → new) and the reason.
    func auditCorrections(_ inv: Invocation) throws -> [Output] {
        let events = try store.events(kind: nil, recordID: nil).filter { e in
            Self.correctionActions[e.action] != nil || (e.action == "item.motion" && e.details.contains { $0.0 == "reason" })
                || e.action.hasSuffix("rename") || e.action.hasSuffix("merge")
        }
        func col(_ name: String, _ en: String, _ zh: String, _ type: FieldType = .text) -> FieldSpec {
            FieldSpec(name, [], type, label: Localized(en: en, zh: zh), column: nil)
        }
        let columns = [
            col("at", "time", "时间", .dateTime), col("operator", "operator", "操作员"), col("record", "record", "记录"),
            col("correction", "correction", "更正"), col("change", "change", "内容"), col("reason", "reason", "原因"),
        ]
        let rows: [[StoreValue]] = events.map { e in
            let record = e.kind.flatMap { k in e.recordID.map { k.id($0) } } ?? ""
            func get(_ k: String) -> String? { e.details.first { $0.0 == k }?.1 }
            // A stored choice in the session's language (`resolved` → 已办结); other values as stored.
            func shown(_ set: ChoiceSet, _ value: String?) -> String {
                guard let value else { return "" }
                return lang == .zh ? set.resolve(value)?.chinese ?? value : value
            }
            let change: String
            switch e.action {
            case "item.ballot-change": change = "\(get("voter") ?? ""): \(choiceLabel(get("was") ?? "")) → \(choiceLabel(get("now") ?? ""))"
            case "item.ballot-withdraw": change = "\(get("voter") ?? ""): \(choiceLabel(get("was") ?? "")) → —"
            case "meeting.attend-remove": change = get("name") ?? ""
            case "meeting.attend-time": change = "\(get("name") ?? ""): \(get("was") ?? "") → \(get("now") ?? "")"
            case "case.move": change = "\(get("community-was") ?? "") → \(get("community") ?? "")"
            case "item.motion": change = say("round \(get("round") ?? ""): \(get("text") ?? "")", "第 \(get("round") ?? "") 轮：\(get("text") ?? "")")
            case _ where e.action.hasSuffix("rename") || e.action.hasSuffix("merge"): change = "\(get("was") ?? "") → \(get("now") ?? "")"
            case "visit.void": change = get("day") ?? ""
            case "assignment.end": change = "\(get("cadre") ?? "") – \(get("compound") ?? "")"
            case "pair.end": change = get("pair") ?? ""
            case "leader.unlink": change = "\(get("leader") ?? "") – \(get("community") ?? "")"
            case "case.undispatch": change = "\(get("dept") ?? "") → \(shown(.caseStatus, get("status")))"
            case "case.reopen":
                change = say("closed (\(get("outcome-was") ?? "")) → \(get("status") ?? "")", "已结案（\(shown(.caseOutcome, get("outcome-was")))）→ \(shown(.caseStatus, get("status")))")
            case "case.edit":
                change = e.details.filter { !$0.0.hasSuffix("-was") && $0.0 != "reason" && !$0.0.hasSuffix("-due") }.map { key, now in
                    // In Chinese the field by its Chinese name and a choice by its Chinese word.
                    let field = RecordKind.case.schema.fields.first { $0.name == key }
                    let was = e.details.first { $0.0 == key + "-was" }?.1 ?? ""
                    guard lang == .zh, let field else { return "\(key) \(was) → \(now)" }
                    if case .choice(let set) = field.type { return "\(field.label.zh) \(shown(set, was)) → \(shown(set, now))" }
                    return "\(field.label.zh) \(was) → \(now)"
                }.joined(separator: lang == .zh ? "；" : "; ")
            case "case.deadlines":
                change = [("resolve-due", say("resolve", "办结")), ("respond-due", say("respond", "响应"))].compactMap { key, word in
                    guard let was = get(key + "-was").flatMap(Timestamp.parse), let now = get(key).flatMap(Timestamp.parse) else { return nil }
                    return "\(word) \(was.display) → \(now.display)"
                }.joined(separator: "; ")
            default: change = "\(get("day") ?? ""): \(shown(.calendarDayKind, get("was"))) → \(shown(.calendarDayKind, get("kind")))"
            }
            let what =
                Self.correctionActions[e.action]?.text(lang)
                ?? (e.action == "item.motion"
                    ? say("voted again", "重新表决")
                    : e.action.hasSuffix("rename") ? say("renamed", "更名") : e.action.hasSuffix("merge") ? say("merged", "合并") : e.action)
            return [.text(e.at.storage), .text(e.operatorText(lang)), .text(record), .text(what), .text(masked(change)), .text(masked(get("reason") ?? ""))]
        }
        return [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
    }

    func audit(_ inv: Invocation) throws -> [Output] {
        var events: [Event]
        var kind: RecordKind?
        if let text = inv.text("id"), let loc = inv["id"]?.location {
            guard let (k, n) = RecordKind.forID(text) else {
                throw ScriptError.validation("'\(text)' is not a record id", "'\(text)' 不是记录编号", at: loc)
            }
            kind = k
            events = try store.events(kind: k, recordID: n)
            if events.isEmpty {
                throw ScriptError.runtime("no changes recorded for \(text)", "没有 \(text) 的修改记录", at: loc)
            }
        } else {
            events = try store.events(kind: nil, recordID: nil)
            let limit = max(1, Int(inv.text("limit") ?? "") ?? 20)
            events = Array(events.suffix(limit))
        }
        let columns = [
            FieldSpec("at", [], .dateTime, label: Localized(en: "time", zh: "时间"), column: "at"),
            FieldSpec("entered", [], .dateTime, label: Localized(en: "entered", zh: "录入于"), column: "wall"),
            FieldSpec("operator", [], .text, label: Localized(en: "operator", zh: "操作员"), column: "actor"),
            FieldSpec("record", [], .text, label: Localized(en: "record", zh: "记录"), column: "record"),
            FieldSpec("command", [], .text, label: Localized(en: "command", zh: "命令"), column: "command"),
        ]
        let rows: [[StoreValue]] = events.map { e in
            let record = e.kind.flatMap { k in e.recordID.map { k.id($0) } } ?? ""
            // The log holds each command as typed; phone numbers in it are masked unless revealed.
            let command = session.reveal ? e.command : PhoneMask.maskNumbers(in: e.command)
            // The clock in force, and the real time the entry was committed (none before it was kept).
            let entered = Timestamp.wall(e.wall).map { StoreValue.text($0.storage) } ?? .null
            return [.text(e.at.storage), entered, .text(e.operatorText(lang)), .text(record), .text(command)]
        }
        _ = kind
        return [.table(ResultSet(columns: columns, rows: rows), kind: nil)]
    }

    func auditVerify(_ inv: Invocation) throws -> [Output] {
        let v = try store.verifyLog()
        if v.isIntact {
            var out: [Output]
            if v.chains.count <= 1 {
                out = [.text(lang == .zh
                    ? "修改记录完好：已校验 \(v.checked) 条，哈希链首 \(v.head.prefix(16))"
                    : "change log intact: \(v.checked) entries verified, head \(v.head.prefix(16))")]
            } else {
                // One chain per subdistrict and one for the district: each head is noted on its own.
                let lines = v.chains.map { c in
                    lang == .zh
                        ? "  \(c.subdistrict ?? "区级")：\(c.entries) 条，链首 \(c.head.prefix(16))"
                        : "  \(c.subdistrict ?? "district"): \(c.entries) entries, head \(c.head.prefix(16))"
                }
                out = [.text((lang == .zh
                    ? "修改记录完好：已校验 \(v.checked) 条，共 \(v.chains.count) 条哈希链"
                    : "change log intact: \(v.checked) entries verified in \(v.chains.count) chains") + "\n" + lines.joined(separator: "\n"))]
            }
            if v.scoped {
                out.append(.text(lang == .zh
                    ? "（只校验了本人范围内的哈希链；记录与修改记录的核对须由全区范围的角色进行）"
                    : "(only the chains of your scope were verified; records are checked against the log by a district-wide role)"))
            }
            if let head = inv.text("head"), let loc = inv["head"]?.location {
                out.append(.text(try earlierHead(head.lowercased(), at: loc)))
            }
            if let seal = inv.text("seal"), let loc = inv["seal"]?.location {
                out.append(.text(try publishedSeal(seal.lowercased(), at: loc)))
            }
            return out
        }
        var lines = v.problems.map { p -> String in
            // Entries are numbered within their chain; a subdistrict's chain is named.
            let chain = p.chain.map { lang == .zh ? "\($0)链" : "\($0) chain, " } ?? ""
            switch p.problem {
            case .edited: return lang == .zh ? "  \(chain)第 \(p.seq) 条：内容被改动" : "  \(chain)entry \(p.seq): edited after it was written"
            case .brokenLink:
                return lang == .zh
                    ? "  \(chain)第 \(p.seq) 条：与前一条不衔接（前面有记录被删除或插入）" : "  \(chain)entry \(p.seq): does not follow the entry before it (an entry was deleted or inserted)"
            case .missing: return lang == .zh ? "  \(chain)第 \(p.seq) 条：缺失（被删除）" : "  \(chain)entry \(p.seq): missing (deleted)"
            case .imagesChanged:
                return lang == .zh
                    ? "  \(chain)第 \(p.seq) 条：它写入的记录内容副本被改动" : "  \(chain)entry \(p.seq): the images of the rows it wrote were changed"
            }
        }
        // Rows no longer as the log wrote them: edited behind the shell's back.
        lines += v.altered.map { a in
            let what = a.columns.map { c in
                lang == .zh ? "\(c.column) 记录为 \(auditValue(c.logged))，现为 \(auditValue(c.now))" : "\(c.column) logged \(auditValue(c.logged)), now \(auditValue(c.now))"
            }.joined(separator: lang == .zh ? "；" : "; ")
            // `C-1 (cases)`; a row with no id of its own is named by its table already (`ballot 3`).
            let name = a.record.hasPrefix(a.table + " ") ? a.record : lang == .zh ? "\(a.record)（\(a.table)）" : "\(a.record) (\(a.table))"
            return lang == .zh ? "  记录 \(name)：绕过本程序被改动：\(what)" : "  record \(name): edited behind the shell's back: \(what)"
        }
        if v.strayImages > 0 {
            lines.append(lang == .zh
                ? "  有 \(v.strayImages) 条记录内容副本不属于任何修改记录（绕过本程序添加）"
                : "  \(v.strayImages) row images belong to no entry (added behind the shell's back)")
        }
        // The chain is intact but the records disagree with it: rows added or deleted behind the shell's back.
        lines += v.unlogged.map {
            lang == .zh ? "  记录 \($0)：修改记录中没有它（绕过本程序添加）" : "  record \($0): not in the change log (added behind the shell's back)"
        }
        lines += v.vanished.map {
            lang == .zh ? "  记录 \($0)：修改记录中有它，但记录已不存在（绕过本程序删除）" : "  record \($0): in the change log but gone (deleted behind the shell's back)"
        }
        if v.recordsWithoutLog > 0 {
            lines.append(lang == .zh
                ? "  修改记录为空，但库中有 \(v.recordsWithoutLog) 条记录（记录被清空或绕过本程序写入）"
                : "  the change log is empty but \(v.recordsWithoutLog) records exist (the log was emptied, or they were written behind the shell's back)")
        }
        lines += v.damage.prefix(20).map { lang == .zh ? "  数据库文件损坏：\($0)" : "  the database file is damaged: \($0)" }
        let count = lines.count
        let head =
            !v.damage.isEmpty
            ? (lang == .zh ? "数据库文件已损坏，无法证明修改记录完好" : "the database file is damaged: the change log cannot be proven intact")
            : (lang == .zh ? "修改记录已被篡改：发现 \(count) 处问题（共 \(v.checked) 条）" : "change log tampered with: \(count) problems in \(v.checked) entries")
        throw ScriptError(.check, Localized(head + "\n" + lines.joined(separator: "\n")))
    }
}

extension Interpreter {
    /// A value from a row image, as `audit verify` shows it: phone numbers masked unless
    /// revealed, long text cut.
    func auditValue(_ json: String) -> String {
        let shown = session.reveal ? json : PhoneMask.maskNumbers(in: json)
        return shown.count > 40 ? String(shown.prefix(39)) + "…" : shown
    }

    /// A digest given back (`head=`, `seal=`) must be the hex digits a command printed: 8 to 64.
    /// (`zh` names it in the Chinese message: 链首, 封印.)
    func checkDigest(_ text: String, _ option: String, printedBy command: String, zh noun: String, at loc: SourceLocation) throws {
        guard text.count >= 8, text.count <= 64, text.allSatisfy({ $0.isHexDigit }) else {
            throw ScriptError.validation(
                "\(option) expects the hex digits \(command) printed (at least 8), not '\(text)'",
                "\(option) 应是 \(command) 输出的十六进制\(noun)（至少 8 位），而不是 '\(text)'", at: loc)
        }
    }

    /// Without a secret key anyone who can write the file could rewrite the log and every
    /// hash after the change; a head noted earlier, outside the file, catches that: a
    /// chain that verifies and still holds the noted hash is unchanged up to it.
    func earlierHead(_ head: String, at loc: SourceLocation) throws -> String {
        try checkDigest(head, "head=", printedBy: "audit verify", zh: "链首", at: loc)
        guard let (chain, seq) = try store.logEntry(hashPrefix: head) else {
            throw ScriptError(
                .check,
                Localized(
                    en: "the change log no longer passes through head \(head): it was rewritten up to that point, or this is another database",
                    zh: "修改记录已不再经过链首 \(head)：此前的记录被重写过，或者这不是同一个数据库"),
                at: loc)
        }
        let of = chain.map { lang == .zh ? "\($0)链" : " of \($0)'s chain" } ?? ""
        return lang == .zh
            ? "链首 \(head) 是\(of)第 \(seq) 条：到该条为止的记录未被改动"
            : "head \(head) is entry \(seq)\(of): the log up to it is unchanged"
    }
}

extension Interpreter {
    /// `audit seal`: the Merkle root over every chain's head, kept in the log (the heads it
    /// covers with it) and printed to be published.
    func auditSeal(_ inv: Invocation) throws -> [Output] {
        let heads = try store.chainHeads()
        guard !heads.isEmpty else {
            throw ScriptError.runtime("the change log is empty: there is nothing to seal", "修改记录为空，无可封印", at: inv.location)
        }
        let seal = try logSeal(inv, heads, of: nil, nil)
        let entries = heads.reduce(0) { $0 + $1.link }
        return [.text(lang == .zh
            ? "封印 \(seal)：覆盖 \(heads.count) 条哈希链（\(entries) 条记录），\(session.now.display)\n请公布；以后用 audit verify seal=\(seal) 证明修改记录仍延续它"
            : "seal \(seal) over \(counted(heads.count, "chain")) (\(counted(entries, "entry", "entries"))), \(session.now.display)\n"
                + "publish it; audit verify seal=\(seal) later proves the log still extends it")]
    }

    /// Logs the seal over `heads` (the record's, when a meeting is sealed at its close) and
    /// returns it as printed; `$_` is the seal.
    /// `keeping` adds text the seal entry holds (a meeting's minutes as printed at its close).
    func logSeal(_ inv: Invocation, _ heads: [ChainHead], of kind: RecordKind?, _ id: Int?, keeping: [(String, String)] = []) throws -> String {
        let root = Seal.root(heads)
        try log(inv, "audit.seal", kind, id, [("root", root), ("heads", Seal.encode(heads))] + keeping)
        let seal = String(root.prefix(Seal.shown))
        session.lastID = seal
        return seal
    }

    /// Whether the log still extends a published seal: the seal's entry is found, each head
    /// it covers is still where it was, and the root over them is the published one.
    func publishedSeal(_ seal: String, at loc: SourceLocation) throws -> String {
        try checkDigest(seal, "seal=", printedBy: "audit seal", zh: "封印", at: loc)
        let entries = try store.events(action: "audit.seal")
        guard let entry = entries.last(where: { e in e.details.first { $0.0 == "root" }?.1.hasPrefix(seal) == true }),
            let kept = entry.details.first(where: { $0.0 == "heads" }).map({ Seal.decode($0.1) })
        else {
            throw ScriptError(
                .check,
                Localized(
                    en: "no seal \(seal) in the change log: it was removed, or this is another database",
                    zh: "修改记录中没有封印 \(seal)：它被删除了，或者这不是同一个数据库"),
                at: loc)
        }
        var now: [ChainHead] = []
        var rewritten: [String] = []
        let names = Dictionary((try store.chainHeads()).map { ($0.chain, $0.subdistrict) }, uniquingKeysWith: { a, _ in a })
        for h in kept {
            let hash = try store.entryHash(chain: h.chain, link: h.link) ?? ""
            now.append(ChainHead(chain: h.chain, subdistrict: nil, link: h.link, hash: hash))
            if hash != h.hash {
                let name = (names[h.chain] ?? nil) ?? (h.chain == 0 ? (lang == .zh ? "区级" : "district") : "#\(h.chain)")
                rewritten.append(lang == .zh ? "\(name)链第 \(h.link) 条" : "\(name) chain up to entry \(h.link)")
            }
        }
        guard Seal.root(now).hasPrefix(seal) else {
            let which = rewritten.isEmpty ? "" : (lang == .zh ? "（改动：\(rewritten.joined(separator: "、"))）" : " (rewritten: \(rewritten.joined(separator: ", ")))")
            throw ScriptError(
                .check,
                Localized(
                    en: "the change log no longer extends seal \(seal): it was rewritten before it was sealed\(which)",
                    zh: "修改记录已不再延续封印 \(seal)：封印之前的记录被重写过\(which)"),
                at: loc)
        }
        return lang == .zh
            ? "封印 \(seal)（\(entry.at.display)，\(kept.count) 条哈希链）：修改记录仍延续它"
            : "seal \(seal) (\(entry.at.display), \(counted(kept.count, "chain"))): the log still extends it"
    }
}

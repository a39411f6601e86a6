extension CommandID {
    public static let audit = CommandID("audit"), auditVerify = CommandID("audit-verify")
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
                        zh: "以前 audit verify 输出的链首（记在纪要里）：哈希链须仍经过它"))
            ],
            summary: Localized(
                en: "check the hash chain of the change log: any edited, deleted or inserted entry is reported",
                zh: "校验修改记录的哈希链：发现被改动、删除或插入的记录"),
            example: "audit verify", effect: .reads),
    ]
}

extension Interpreter {
    static let auditHandlers: [CommandID: Handler] = [
        .audit: { try $0.audit($1) }, .auditVerify: { try $0.auditVerify($1) },
    ]

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
            FieldSpec("operator", [], .text, label: Localized(en: "operator", zh: "操作员"), column: "actor"),
            FieldSpec("record", [], .text, label: Localized(en: "record", zh: "记录"), column: "record"),
            FieldSpec("command", [], .text, label: Localized(en: "command", zh: "命令"), column: "command"),
        ]
        let rows: [[StoreValue]] = events.map { e in
            let record = e.kind.flatMap { k in e.recordID.map { k.id($0) } } ?? ""
            // The log holds each command as typed; phone numbers in it are masked unless revealed.
            let command = session.reveal ? e.command : PhoneMask.maskNumbers(in: e.command)
            return [.text(e.at.storage), .text(e.operatorText(lang)), .text(record), .text(command)]
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
            }
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
    /// Without a secret key anyone who can write the file could rewrite the log and every
    /// hash after the change; a head noted earlier, outside the file, catches that: a
    /// chain that verifies and still holds the noted hash is unchanged up to it.
    func earlierHead(_ head: String, at loc: SourceLocation) throws -> String {
        guard head.count >= 8, head.count <= 64, head.allSatisfy({ $0.isHexDigit }) else {
            throw ScriptError.validation(
                "head= expects the hex digits audit verify printed (at least 8), not '\(head)'", "head= 应是 audit verify 输出的十六进制链首（至少 8 位），而不是 '\(head)'",
                at: loc)
        }
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

extension Interpreter {
    /// `case export open311 [where …] [order by …] [limit N] out=FILE.json`: GeoReport v2
    /// request records as one JSON array, streamed to the file a row at a time.
    func caseExport(_ inv: Invocation) throws -> [Output] {
        var tokens = inv.rest
        guard let formatToken = tokens.first else {
            throw ScriptError.syntax(
                "'case export' needs a format: open311", "'诉求 导出' 需要格式：Open311", at: inv.location,
                hint: Localized(en: "case export open311 out=cases.json", zh: "例如 诉求 导出 open311 输出=诉求.json"))
        }
        let ctx = session.bindingContext
        _ = try ctx.value(of: formatToken, as: .choice(.exportFormat), named: "format", zhName: "格式")
        tokens.removeFirst()
        guard
            let i = tokens.indices.first(where: {
                ["out", "输出", "文件"].contains(tokens[$0].text?.lowercased() ?? "") && $0 + 1 < tokens.count && tokens[$0 + 1].kind == .equals
            }),
            i + 2 < tokens.count
        else {
            throw ScriptError.syntax(
                "'case export' needs out=FILE", "'诉求 导出' 需要 输出=文件", at: tokens.last.map { $0.location } ?? formatToken.location,
                hint: Localized(en: "case export open311 where status=closed out=cases.json", zh: "例如 诉求 导出 open311 条件 状态 = 已关闭 输出=诉求.json"))
        }
        let file = try ctx.text(of: tokens[i + 2])
        let fileLocation = tokens[i + 2].location
        tokens.removeSubrange(i...(i + 2))
        var overwrite = false
        if let j = tokens.indices.first(where: {
            ["overwrite", "覆盖"].contains(tokens[$0].text?.lowercased() ?? "") && $0 + 2 < tokens.count && tokens[$0 + 1].kind == .equals
        }) {
            overwrite = try ctx.value(of: tokens[j + 2], as: .choice(.onOff), named: "overwrite", zhName: "覆盖") == .choice("on")
            tokens.removeSubrange(j...(j + 2))
        }
        let kindToken = Token(.word("cases"), at: formatToken.location)
        let q = try parseQuery(inv, tokens: [kindToken] + tokens, groups: false)
        let writer = try openOutput(file, at: fileLocation, overwrite: overwrite)
        defer { writer.close() }
        var names: [String: String] = [:]
        func name(_ kind: RecordKind, _ id: Int?) throws -> String? {
            guard let id else { return nil }
            let key = "\(kind.rawValue)-\(id)"
            if let n = names[key] { return n }
            let n = try store.select(kind, matching: ["id": .integer(id)], orderBy: []).first?.text("name")
            names[key] = n
            return n
        }
        var buffer = "["
        var count = 0
        try store.scan(q, now: session.now) { row in
            let c = CaseRecord(row)
            let place = [try name(.community, c.int("community_id")), try name(.compound, c.int("compound_id")), c.text("address")].compactMap { $0 }
            let agency = try name(.department, c.int("department_id"))
            buffer += (count == 0 ? "\n  " : ",\n  ") + Open311Request(c, agency: agency, place: place).json
            count += 1
            if buffer.utf8.count > 65536 {
                writer.write(buffer)
                buffer = ""
            }
        }
        writer.write(buffer + (count == 0 ? "]\n" : "\n]\n"))
        return [
            .text(
                lang == .zh
                    ? "已导出 \(count) 条诉求到 \(file)（Open311 GeoReport v2）"
                    : "exported \(count) \(count == 1 ? "case" : "cases") to \(file) (Open311 GeoReport v2)")
        ]
    }
}

/// `demo generate [seed=N]`: the demo subdistrict, for trying the shell and for `scripts/run`.
extension Interpreter {
    func generateDemo(_ inv: Invocation) throws -> [Output] {
        var seed = 1
        if case .integer(let n)? = inv["seed"]?.value { seed = n }
        // On a district server each subdistrict gets its own demo; the database need not be empty.
        let subdistrict = try inv["subdistrict"].map { b -> (id: Int, name: String) in
            let id = try resolve(.subdistrict, b)
            return (id, try store.fetch(.subdistrict, id: id)?.rows.first?[1].text ?? b.value.display)
        }
        for kind in [RecordKind.compound, .household, .enterprise, .cadre, .visit, .case] where subdistrict == nil {
            let n = Int(try store.count(Query(kind: kind), now: session.now).rows.first?.first?.text ?? "0") ?? 0
            guard n == 0 else {
                throw ScriptError.runtime(
                    "the demo needs a database without \(kind.schema.plural.en): this one has \(n)", "演示数据需要空数据库：当前已有\(kind.schema.label.zh) \(n) 条",
                    at: inv.location, hint: Localized(en: "use a new file: minsheng --db demo.db", zh: "请换一个新文件：minsheng --db demo.db"))
            }
        }
        if let s = subdistrict, let c = try store.select(.community, matching: ["subdistrict_id": .integer(s.id)], orderBy: []).first {
            throw ScriptError.runtime(
                "\(s.name) already has communities (\(c.text("name") ?? "")): the demo fills an empty subdistrict",
                "\(s.name) 已有社区（\(c.text("name") ?? "")）：演示数据只能生成在空的街道", at: inv["subdistrict"]?.location)
        }
        var g = DemoGenerator(interpreter: self, command: inv.source, seed: seed, subdistrict: subdistrict)
        try g.run()
        try log(inv, "demo.generate", nil, nil, [("seed", String(seed))] + (subdistrict.map { [("subdistrict", RecordKind.subdistrict.id($0.id))] } ?? []))
        let n = { (k: RecordKind) in g.counts[k] ?? 0 }
        let october = g.octoberCases
        return [
            .text(
                lang == .zh
                    ? "已生成演示街道（种子 \(seed)）：社区 \(g.communities.count) 个，楼院 \(n(.compound)) 个，住户 \(n(.household)) 户，企业 \(n(.enterprise)) 家，干部 \(n(.cadre)) 名，结对 \(n(.pair)) 对；2019 年 10 月诉求 \(october) 个；11 月走访 \(n(.visit)) 次、诉求 \(n(.case) - october) 个"
                    : "generated the demo subdistrict (seed \(seed)): \(g.communities.count) communities, \(n(.compound)) compounds, \(n(.household)) households, \(n(.enterprise)) enterprises, \(n(.cadre)) cadres, \(n(.pair)) pairs; October 2019: \(october) cases; November 2019: \(n(.visit)) visits, \(n(.case) - october) cases"
            )
        ]
    }
}

import MinshengCore
import Testing

@testable import MinshengStore

/// Merging two records entered for one: every column that names a record is known as a
/// link, a merge moves them in one go, and the duplicate drops out of completion.
@Suite struct MergeLinkTests {
    /// Every `REFERENCES` to a table of a kind that is merged is a link of that kind, so a
    /// new migration's column cannot be forgotten by `merge`.
    @Test func everyReferenceIsALink() throws {
        let s = try freshStore(.sqlite)
        let kinds = Dictionary(SQLStore.mergeLinks.keys.map { ($0.schema.table, $0) }, uniquingKeysWith: { a, _ in a })
        var missing: [String] = []
        for table in try s.engine.recordTables() {
            let references = try s.withDatabase { db in try db.rows("PRAGMA foreign_key_list(\(table))") }
            for r in references {
                guard let target = r.text("table"), let column = r.text("from"), let kind = kinds[target] else { continue }
                if !(SQLStore.mergeLinks[kind] ?? []).contains(where: { $0.table == table && $0.column == column }) {
                    missing.append("\(table).\(column) → \(target)")
                }
            }
        }
        #expect(missing.isEmpty, "columns naming a merged kind that merge would not move: \(missing)")
    }

    /// The merge columns (and any a later migration adds) are granted to the server's logins
    /// by applying its security again: a new migration changes the stamp that decides it.
    @Test func aNewMigrationAppliesTheServersGrantsAgain() {
        let names = Migrations.sql.map(\.0)
        #expect(PostgresEngine.securityStamp(migrations: names) != PostgresEngine.securityStamp(migrations: names.dropLast()))
        #expect(PostgresEngine.securityStamp(migrations: names) == PostgresEngine.securityStamp(migrations: names))
    }

    func add(_ s: SQLStore, _ kind: RecordKind, _ values: [String: StoreValue]) throws -> Int {
        try s.insert(kind, values.merging(["created_at": .text("2019-10-01T09:00:00"), "created_by": .text("测试员")]) { a, _ in a })
    }

    /// A cadre entered twice: its visits and assignment move, the assignment the kept cadre
    /// has already is a clash and stays, and only the kept name is offered.
    @Test(arguments: TestEngine.allCases) func mergeMovesLinksAndLeavesClashes(_ engine: TestEngine) throws {
        let s = try freshStore(engine)
        let at = Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0)
        try s.transaction(.writes) {
            let c = try add(s, .community, ["name": .text("六里屯社区")])
            let b1 = try add(s, .compound, ["name": .text("B1"), "community_id": .integer(c)])
            let b2 = try add(s, .compound, ["name": .text("B2"), "community_id": .integer(c)])
            let kept = try add(s, .cadre, ["name": .text("王芳"), "role": .text("office")])
            let dup = try add(s, .cadre, ["name": .text("王方"), "role": .text("office")])
            _ = try add(s, .assignment, ["cadre_id": .integer(kept), "compound_id": .integer(b1), "community_id": .integer(c)])
            let twin = try add(s, .assignment, ["cadre_id": .integer(dup), "compound_id": .integer(b1), "community_id": .integer(c)])
            let own = try add(s, .assignment, ["cadre_id": .integer(dup), "compound_id": .integer(b2), "community_id": .integer(c)])
            let visit = try add(
                s, .visit,
                ["day": .text("2019-12-03"), "half": .text("am"), "cadre_id": .integer(dup), "compound_id": .integer(b2), "content": .text("contact")])
            let clashes = try s.mergeClashes(.cadre, duplicate: dup, into: kept)
            #expect(clashes == [MergeClash(kind: .assignment, duplicateRow: twin, keptRow: 1)])
            let moved = try s.merge(.cadre, duplicate: dup, into: kept, at: at, by: "测试员", reason: "重复录入")
            #expect(moved.map { "\($0.kind) \($0.rows)" } == ["visit 1", "assignment 1"])
            #expect(try s.select(.visit, matching: ["id": .integer(visit)], orderBy: []).first?.int("cadre_id") == kept)
            #expect(try s.select(.assignment, matching: ["id": .integer(own)], orderBy: []).first?.int("cadre_id") == kept)
            #expect(try s.select(.assignment, matching: ["id": .integer(twin)], orderBy: []).first?.int("cadre_id") == dup)
            let marked = try s.select(.cadre, matching: ["id": .integer(dup)], orderBy: []).first
            #expect(marked?.int("merged_into") == kept && marked?.text("merge_reason") == "重复录入")
            #expect(try s.names(.cadre, prefix: "王", limit: 10) == ["王芳"])
            #expect(try s.lookup(.cadre, name: "王方") == dup)
        }
    }
}

import MinshengCore

@testable import MinshengStore

/// SplitMix64: the same rows and the same queries on every run.
struct SeededRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ a: [T]) -> T { a[int(0...(a.count - 1))] }
}

/// A random database, kept twice: in the store, and here as plain rows for the reference.
struct QueryWorld {
    /// Each kind's rows by column (`id` included), in id order.
    var rows: [RecordKind: [[String: StoreValue]]] = [:]
    /// Every case_dispatch row.
    var dispatch: [[String: StoreValue]] = []
    let now = clock

    static let texts = ["物业", "物业管理", "停车", "Ab", "ab", "a b", "10", "9", "噪音扰民", "市政设施", "楼道灯不亮"]
    static let extraTags = ["custom"]

    /// The kinds in an order where every reference points at rows already there.
    static var kindsInOrder: [RecordKind] {
        var done: [RecordKind] = []
        func visit(_ k: RecordKind) {
            guard !done.contains(k) else { return }
            for f in k.schema.fields where f.fact == nil && f.through == nil && f.column != nil {
                if case .reference(let t) = f.type, t != k { visit(t) }
            }
            done.append(k)
        }
        RecordKind.allCases.forEach(visit)
        return done
    }

    /// Columns that must hold a value, and those in a unique index, as the migrations made them.
    static func constraints(_ store: SQLStore, _ table: String) throws -> (required: Set<String>, unique: Set<String>) {
        try store.withDatabase { db in
            let required = try db.rows("SELECT name FROM pragma_table_info(?) WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0", [.text(table)])
                .compactMap { $0[0].text }
            let unique = try db.rows(
                "SELECT ii.name FROM pragma_index_list(?) il, pragma_index_info(il.name) ii WHERE il.\"unique\" = 1", [.text(table)]
            ).compactMap { $0[0].text }
            return (Set(required), Set(unique))
        }
    }

    static func timestamp(_ r: inout SeededRandom) -> Timestamp {
        let start = Timestamp.parse("2019-10-01T00:00") ?? clock
        return start.adding(seconds: r.int(0...(92 * 24 * 60)) * 60)
    }

    /// Builds the world in `store`: a few rows of every kind, with merged, voided and ended
    /// ones, empty values and shared names.
    static func build(_ store: SQLStore, seed: UInt64, perKind: Int = 14) throws -> QueryWorld {
        let schemaStore = SQLStore(location: ":memory:")
        try schemaStore.open()
        var r = SeededRandom(state: seed)
        var w = QueryWorld()
        try store.transaction(.writes) {
            for kind in kindsInOrder {
                let s = kind.schema
                let (required, unique) = try constraints(schemaStore, s.table)
                let count = kind == .case ? perKind * 4 : perKind
                var made: [[String: StoreValue]] = []
                var attempts = 0
                while made.count < count && attempts < count * 4 {
                    attempts += 1
                    var v: [String: StoreValue] = [:]
                    for f in s.fields where f.fact == nil && f.through == nil && f.name != "id" && f.name != "merged-into" {
                        guard let c = f.column else { continue }
                        let nullable = !required.contains(c)
                        if nullable && r.chance(["merged", "voided", "ended", "revoked"].contains(f.name) ? 85 : 15) {
                            v[c] = .null
                            continue
                        }
                        switch f.type {
                        case .text:
                            let t = r.pick(texts + (nullable ? [""] : []))
                            v[c] = .text(unique.contains(c) ? t + String(made.count + attempts) : t)
                        case .integer: v[c] = .integer(r.int(0...4))
                        case .dateTime: v[c] = .text(timestamp(&r).storage)
                        case .date: v[c] = .text(timestamp(&r).day.iso)
                        case .choice(let set): v[c] = .text(r.pick(set.choices).value)
                        case .reference(let target):
                            let ids = (w.rows[target] ?? []).compactMap { $0["id"]?.int }
                            v[c] = ids.isEmpty ? .null : .integer(r.pick(ids))
                        case .tags:
                            let all = ChoiceSet.householdTag.choices.map(\.value) + extraTags
                            v[c] = .text(HouseholdTags.encode(all.filter { _ in r.chance(30) }))
                        case .phone: v[c] = .text("1380000\(r.int(1000...1003))")
                        default: continue
                        }
                    }
                    if v["merged_at"] != nil, v["merged_at"] != .null {
                        let earlier = made.compactMap { $0["id"]?.int }
                        v["merged_into"] = earlier.isEmpty ? .null : .integer(r.pick(earlier))
                        if earlier.isEmpty { v["merged_at"] = .null }
                    }
                    for c in required where v[c] == nil || v[c] == .null {
                        v[c] =
                            c.hasSuffix("_at") || c.hasSuffix("_due")
                            ? .text(timestamp(&r).storage) : c == "date" || c == "day" ? .text(timestamp(&r).day.iso) : .text("x")
                        if ["member_count", "named", "size", "population", "target_id", "reopen_count", "return_count"].contains(c) { v[c] = .integer(1) }
                    }
                    if kind == .case { v["updated_at"] = v["created_at"] }
                    let row = v
                    guard let id = try? store.transaction(.writes, { try store.insert(kind, row) }) else { continue }
                    v["id"] = .integer(id)
                    made.append(v)
                }
                w.rows[kind] = made
            }
            // Departments a case is dispatched to: its lead (the case's department) and maybe a
            // co-department, some returned.
            let depts = (w.rows[.department] ?? []).compactMap { $0["id"]?.int }
            for c in w.rows[.case] ?? [] {
                guard let id = c["id"]?.int, let lead = c["department_id"]?.int, let community = (w.rows[.community] ?? []).first?["id"] else { continue }
                var targets = [(lead, true)]
                if r.chance(40) { targets.append((r.pick(depts), false)) }
                for (dept, isLead) in targets {
                    let returned: StoreValue = !isLead && r.chance(40) ? .text(clock.storage) : .null
                    let row: [String: StoreValue] = [
                        "case_id": .integer(id), "department_id": .integer(dept), "community_id": community, "is_lead": .integer(isLead ? 1 : 0),
                        "dispatched_at": .text(clock.storage), "dispatched_by": .text("x"), "returned_at": returned,
                    ]
                    _ = try store.insert(RecordKind(rawValue: "case_dispatch"), row)
                    w.dispatch.append(row)
                }
            }
        }
        return w
    }
}

import MinshengCore
import Testing

@testable import MinshengStore

/// Every operator on every field of every kind, on random rows, against the reference
/// evaluation in Swift (`QueryReference`): the store must find exactly the records the
/// language's semantics say, on both engines. Seeded, so a failure repeats.
@Suite struct QueryPropertyTests {
    struct Condition {
        var text: String
        var field: FieldSpec
        var holds: ([String: StoreValue]) -> Bool
    }

    static func quoted(_ s: String) -> String {
        s.isEmpty || s.contains(" ") || s.contains(",") || s.contains("(") ? "\"\(s)\"" : s
    }

    /// A value worth asking `field op` about: one some row holds (or part of it), or none.
    static func sample(_ w: QueryWorld, _ kind: RecordKind, _ f: FieldSpec, _ op: String, _ r: inout SeededRandom) -> String {
        let ref = QueryReference(w: w)
        let held = (w.rows[kind] ?? []).map { ref.value($0, f, kind) }.filter { !QueryReference.isEmpty($0) }
        switch f.type {
        case .computed: return String(r.int(-40...40))
        case .integer where f.name == "id":
            let n = r.int(1...(held.count + 1))
            return r.chance(50) ? kind.id(n) : String(n)
        case .integer: return held.isEmpty || r.chance(20) ? String(r.int(0...5)) : held[r.int(0...(held.count - 1))].text ?? "0"
        case .choice(let set):
            if set == .caseStatus && r.chance(25) { return "open" }
            let c = r.pick(set.choices)
            return r.chance(50) ? c.value : c.aliases.first ?? c.value
        case .reference(let target):
            // A household's cadre: one of those assigned, so a compound's second cadre is asked about.
            let assigned = Set((w.rows[.assignment] ?? []).filter { $0["ended_at"] == .null }.compactMap { $0["cadre_id"]?.int })
            let names = (w.rows[target] ?? []).filter { f.fact != .cadre || assigned.contains($0["id"]?.int ?? 0) }
                .compactMap { $0[target.schema.titleColumn]?.text }.filter { !$0.isEmpty }
            let ids = (w.rows[target] ?? []).compactMap { $0["id"]?.int }
            if names.isEmpty || r.chance(15) { return "无此名" }
            let name = r.pick(names)
            if op == "~" { return String(name.prefix(r.int(1...2))) }
            return r.chance(30) && !ids.isEmpty ? target.id(r.pick(ids)) : name
        case .tags:
            let tags = ChoiceSet.householdTag.choices + [Choice("custom")]
            let c = r.pick(tags)
            if op == "~" && r.chance(30) { return String(c.value.prefix(4)) }
            return r.chance(50) ? c.value : c.aliases.first ?? c.value
        case .date, .dateTime:
            guard let stored = held.isEmpty ? nil : held[r.int(0...(held.count - 1))].text,
                let t = Timestamp.parse(stored) ?? Day.parse(stored).map({ Timestamp(day: $0) })
            else { return "2019-11" }
            let c = t.day.components
            switch r.int(0...3) {
            case 0: return t.day.iso
            case 1: return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)"
            case 2: return "2019-W\(r.int(40...52))"
            default: return f.type == .date ? t.day.iso : String(t.storage.prefix(16))
            }
        default:
            guard !held.isEmpty, !r.chance(10) else { return "无此值" }
            let s = held[r.int(0...(held.count - 1))].text ?? ""
            return op == "~" ? String(s.prefix(r.int(1...2))) : s
        }
    }

    static func conditions(_ w: QueryWorld, _ kind: RecordKind, _ r: inout SeededRandom) -> [Condition] {
        let ref = QueryReference(w: w)
        var out: [Condition] = []
        for f in kind.schema.fields {
            if case .computed(let c) = f.type, c == .overdue || c == .visited {
                let yes: ([String: StoreValue]) -> Bool = { ref.holds($0, kind, f, "=", "yes") }
                out.append(Condition(text: f.name, field: f, holds: yes))
                out.append(Condition(text: "not \(f.name)", field: f, holds: { !yes($0) }))
                out.append(Condition(text: "\(f.name) = no", field: f, holds: { !yes($0) }))
                out.append(Condition(text: "\(f.name) != no", field: f, holds: yes))
                continue
            }
            for op in ["=", "!=", "<", "<=", ">", ">=", "~"] {
                let v = sample(w, kind, f, op, &r)
                let c = Condition(text: "\(f.name) \(op) \(quoted(v))", field: f, holds: { ref.holds($0, kind, f, op, v) })
                out.append(r.chance(30) ? Condition(text: "not (\(c.text))", field: f, holds: { !c.holds($0) }) : c)
            }
            let values = [sample(w, kind, f, "=", &r), sample(w, kind, f, "=", &r)]
            let any: ([String: StoreValue]) -> Bool = { row in values.contains { ref.holds(row, kind, f, "=", $0) } }
            let list = values.map(quoted).joined(separator: ", ")
            out.append(Condition(text: "\(f.name) in (\(list))", field: f, holds: any))
            out.append(Condition(text: "\(f.name) not in (\(list))", field: f, holds: { !any($0) }))
            let empty: ([String: StoreValue]) -> Bool = { QueryReference.isEmpty(ref.value($0, f, kind)) }
            out.append(Condition(text: "\(f.name) is empty", field: f, holds: empty))
            out.append(Condition(text: "\(f.name) is not empty", field: f, holds: { !empty($0) }))
        }
        return out
    }

    @Test(arguments: TestEngine.allCases) func everyOperatorOnEveryFieldMatchesTheReference(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        let w = try QueryWorld.build(store, seed: 17)
        let ref = QueryReference(w: w)
        var r = SeededRandom(state: 2019)
        var compared = 0, differences = 0
        for kind in RecordKind.allCases {
            let rows = w.rows[kind] ?? []
            #expect(rows.count >= 5, "too few \(kind) rows were made: \(rows.count)")
            let plural = kind.schema.words.count > 1 ? kind.schema.words[1] : kind.schema.words[0]
            var fieldsCompared = Set<String>()
            for c in Self.conditions(w, kind, &r) {
                let query = "find \(plural) where \(c.text)"
                let found: ResultSet
                do {
                    found = try run(store, query)
                } catch let e as ScriptError {
                    _ = e  // an operator the field does not take: the parser says so
                    continue
                } catch {
                    differences += 1
                    Issue.record("\(engine): \(query) fails in the store: \(error)")
                    continue
                }
                compared += 1
                fieldsCompared.insert(c.field.name)
                let got = Set(found.rows.compactMap { $0.first?.int })
                let mentioned = c.field.name
                let expected = Set(rows.filter { !ref.hidden($0, kind, mentioned: mentioned) && c.holds($0) }.compactMap { $0["id"]?.int })
                if got != expected {
                    differences += 1
                    if differences <= 40 {
                        Issue.record(
                            "\(engine): \(query) found \(got.subtracting(expected).sorted().map(kind.id)) too many, \(expected.subtracting(got).sorted().map(kind.id)) missing"
                        )
                    }
                }
            }
            for f in kind.schema.fields where !fieldsCompared.contains(f.name) {
                Issue.record("\(engine): no condition on \(plural).\(f.name) was compared")
            }
        }
        #expect(differences == 0, "\(differences) of \(compared) queries differ from the reference")
        #expect(compared > 500)
    }
}

/// Facts about a household or a cadre that no column of its own holds: read from the
/// visits, assignments, pairs and cases that name it, when a query asks. Each has the type
/// of its value (a date, a cadre, a number), so `where`, `order by`, `count … by` and `find`
/// treat it as any stored field of that type; the store derives it (`SQLStore+Facts`).
public enum Fact: String, Sendable, Equatable, CaseIterable {
    /// A household's latest live visit (a voided visit is no visit).
    case lastVisit = "last-visit"
    /// The 包片 cadres of a household's compound (live assignments; an ended one is not): a
    /// condition holds when it holds for one of them, `count … by cadre` counts the household
    /// under each, `find` names them all and `order by` sorts by the one assigned first.
    case cadre
    /// How many cases name a household.
    case cases
    /// How many compounds a cadre is assigned to (live assignments).
    case compounds
    /// How many live pairs a cadre walks in, as the office cadre or the community cadre.
    case pairs
    /// How many live visits a cadre walked, as `by` or `with`.
    case visits
}

extension FieldSpec {
    /// A field derived from other records; it has no column here.
    static func fact(_ fact: Fact, _ zh: [String], _ type: FieldType, label: Localized) -> FieldSpec {
        var f = FieldSpec(fact.rawValue, zh, type, label: label, column: nil)
        f.column = nil
        f.fact = fact
        return f
    }

    /// The household facts, listed by `find households` after its own fields.
    static let householdFacts: [FieldSpec] = [
        .fact(.lastVisit, ["最近走访", "上次走访"], .date, label: Localized(en: "last visit", zh: "最近走访")),
        .fact(.cadre, ["包片干部"], .reference(.cadre), label: Localized(en: "cadre", zh: "包片干部")),
        .fact(.cases, ["诉求数"], .integer, label: Localized(en: "cases", zh: "诉求数")),
    ]

    /// The cadre facts, listed by `find cadres` after its own fields.
    static let cadreFacts: [FieldSpec] = [
        .fact(.compounds, ["包片楼院数", "楼院数"], .integer, label: Localized(en: "compounds", zh: "包片楼院数")),
        .fact(.pairs, ["结对数"], .integer, label: Localized(en: "pairs", zh: "结对数")),
        .fact(.visits, ["走访数"], .integer, label: Localized(en: "visits", zh: "走访数")),
    ]
}

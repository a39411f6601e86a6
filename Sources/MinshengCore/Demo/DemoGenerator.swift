/// Builds the demo subdistrict: ten communities, about 300 compounds and 3,400 households,
/// enterprises, units, cadres with pairs and assignments, the requests of October 2019 and
/// the visits and requests of November 2019, as the office would stand on 2019-12-02 08:30;
/// each unit works as well as its drawn standing (`DemoStanding`).
///
/// Deterministic: one seed gives the same rows in the same order. Records are written
/// through `Store.insert` (cached prepared statements) inside the command's one
/// transaction, each with its event.
struct DemoGenerator {
    let interpreter: Interpreter
    let command: String
    var rng: DemoRandom
    /// When the organisation was entered, before October's requests and the campaign.
    let setupTime = Timestamp(day: Day(year: 2019, month: 9, day: 27) ?? Day(ordinal: 0), hour: 9)
    /// The moment the demo depicts: case steps after it have not happened yet.
    let end = Timestamp(day: Day(year: 2019, month: 12, day: 2) ?? Day(ordinal: 0), hour: 8, minute: 30)
    let month = DayWindow(from: Day(year: 2019, month: 11, day: 1) ?? Day(ordinal: 0), to: Day(year: 2019, month: 11, day: 30) ?? Day(ordinal: 0))
    /// The month before, with requests and no campaign: the period `assess` compares with.
    let october = DayWindow(from: Day(year: 2019, month: 10, day: 1) ?? Day(ordinal: 0), to: Day(year: 2019, month: 10, day: 31) ?? Day(ordinal: 0))
    /// How well each community and department works (drawn in `run`).
    var standing = DemoStanding.Mix(communities: [:], departments: [:])

    var store: Store { interpreter.store }
    /// The requests taken in during October (the rest are November's).
    var octoberCases: Int { pending.filter { $0.created < Timestamp(day: month.from) }.count }
    var counts: [RecordKind: Int] = [:]

    struct Household { var id: Int, compound: Int, community: Int, address: String, head: String, phone: String?, tags: String }
    struct Community {
        var id: Int, name: String
        var compounds: [(id: Int, name: String)] = []
        var households: [Household] = []
        var enterprises: [(id: Int, name: String, compound: Int?)] = []
        var units: [String] = []
        var cadres: [(id: Int, name: String)] = []
    }
    struct PairInfo { var id: Int, office: (id: Int, name: String), local: (id: Int, name: String), community: Int, compounds: [Int] }
    /// A case waiting to be written once all are known, so ids follow creation time.
    struct PendingCase { var created: Timestamp, source: String, household: Household, visit: Int?, by: String }

    var communities: [Community] = []
    var pairs: [PairInfo] = []
    var pending: [PendingCase] = []
    var departments: [String: Int] = [:]
    /// On a district server: the subdistrict the demo fills, and the prefix its place and
    /// office names carry so several subdistricts fit in one database (`八里庄·城建科`).
    var subdistrict: (id: Int, name: String)?
    var prefix: String {
        guard let s = subdistrict?.name else { return "" }
        return (s.hasSuffix("街道") ? String(s.dropLast(2)) : s) + "·"
    }

    init(interpreter: Interpreter, command: String, seed: Int, subdistrict: (id: Int, name: String)? = nil) {
        self.interpreter = interpreter
        self.command = command
        self.rng = DemoRandom(seed: seed)
        self.subdistrict = subdistrict
    }

    /// Inserts one record and logs its event.
    mutating func add(_ kind: RecordKind, _ values: [String: StoreValue], at: Timestamp, by: String, _ action: String, _ details: [(String, String)]) throws
        -> Int
    {
        var v = values
        v["created_at"] = .text(at.storage)
        v["created_by"] = .text(by)
        let id = try store.insert(kind, v)
        try store.append(Event(at: at, actor: by, command: command, action: action, kind: kind, recordID: id, details: details))
        counts[kind, default: 0] += 1
        return id
    }

    /// A record by name, created if missing (departments and communities of `examples/demo.msh`).
    mutating func named(_ kind: RecordKind, _ name: String) throws -> Int {
        if let id = try store.lookup(kind, name: name) { return id }
        var values: [String: StoreValue] = ["name": .text(name)]
        var details = [("name", name)]
        if let s = subdistrict {
            values["subdistrict_id"] = .integer(s.id)
            details.append(("subdistrict", RecordKind.subdistrict.id(s.id)))
        }
        return try add(kind, values, at: setupTime, by: interpreter.session.actor, "\(kind.rawValue).add", details)
    }

    /// A cadre name nobody has yet (cadre names are unique, in the whole district too).
    mutating func newCadreName(_ taken: inout Set<String>) throws -> String {
        while true {
            let n = rng.personName()
            guard taken.insert(n).inserted else { continue }
            if subdistrict == nil { return n }
            if try store.lookup(.cadre, name: n) == nil { return n }
        }
    }

    mutating func run() throws {
        let actor = interpreter.session.actor
        for d in DemoNames.departments { departments[d] = try named(.department, prefix + d) }
        for (name, _) in DemoNames.communities { communities.append(Community(id: try named(.community, prefix + name), name: prefix + name)) }
        for i in communities.indices { try buildPlaces(i) }
        let mix = rng.shuffled(DemoStanding.communityMix)
        standing = DemoStanding.Mix(
            communities: Dictionary(uniqueKeysWithValues: communities.enumerated().map { ($0.element.id, mix[$0.offset % mix.count]) }),
            departments: DemoStanding.departments(&rng))
        var taken = Set<String>()
        // Division-level leaders, each linked to two or three communities.
        var next = 0
        for share in [3, 3, 2, 2] {
            let name = try newCadreName(&taken)
            let id = try add(
                .cadre, ["name": .text(name), "role": .text("leader"), "phone": .text(rng.phone())], at: setupTime, by: actor, "cadre.add",
                [("name", name), ("role", "leader")])
            for c in communities[next..<min(next + share, communities.count)] {
                _ = try add(
                    .leaderLink, ["leader_id": .integer(id), "community_id": .integer(c.id)], at: setupTime, by: actor, "leader.link",
                    [("leader", name), ("community", c.name)])
            }
            next += share
        }
        // Office cadres: six per department, spread over the communities three by three.
        var office: [(id: Int, name: String)] = []
        for d in DemoNames.departments {
            for _ in 0..<6 {
                let name = try newCadreName(&taken)
                let id = try add(
                    .cadre, ["name": .text(name), "role": .text("office"), "department_id": .integer(departments[d] ?? 0), "phone": .text(rng.phone())],
                    at: setupTime, by: actor, "cadre.add", [("name", name), ("role", "office"), ("unit", d)])
                office.append((id, name))
            }
        }
        // Community cadres (两委一站): four per community; the first three walk in pairs.
        for i in communities.indices {
            for _ in 0..<4 {
                let name = try newCadreName(&taken)
                let id = try add(
                    .cadre, ["name": .text(name), "role": .text("community"), "community_id": .integer(communities[i].id), "phone": .text(rng.phone())],
                    at: setupTime, by: actor, "cadre.add", [("name", name), ("role", "community"), ("unit", communities[i].name)])
                communities[i].cadres.append((id, name))
            }
        }
        try buildPairs(office: office)
        try buildVisits()
        callsAndWalkIns(october, hotline: 48, walkIn: 12)
        try writeCases()
    }
}

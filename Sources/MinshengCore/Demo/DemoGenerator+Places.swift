extension DemoGenerator {
    /// Compounds, households, enterprises and units of one community.
    mutating func buildPlaces(_ i: Int) throws {
        let actor = interpreter.session.actor
        let c = communities[i]
        let bases = DemoNames.communities[i].1
        let place = c.name.hasSuffix("社区") ? String(c.name.dropLast(2)) : c.name
        for k in 0..<30 {
            let base = bases[k % bases.count]
            let number = k / bases.count + 1
            let courtyard = rng.chance(120)
            let name = "\(prefix)\(base)\(number)号\(courtyard ? "院" : "楼")"
            let compound = try add(
                .compound, ["name": .text(name), "community_id": .integer(c.id)], at: setupTime, by: actor, "compound.add",
                [("name", name), ("community", c.name)])
            communities[i].compounds.append((compound, name))
            var used = Set<String>()
            for _ in 0..<rng.within(8...15) {
                var address: String
                repeat {
                    address = courtyard ? "\(name)\(rng.within(1...40))号" : "\(name)\(rng.within(1...3))单元\(rng.within(1...6))0\(rng.within(1...3))"
                } while !used.insert(address).inserted
                try addHousehold(i, compound: compound, address: address)
            }
        }
        var names = Set<String>()
        for _ in 0..<8 {
            var name: String
            repeat {
                name = (rng.chance(400) ? place : "") + rng.pick(DemoNames.businessPrefixes) + rng.pick(DemoNames.businessKinds)
            } while try !names.insert(name).inserted || store.lookup(.enterprise, name: name) != nil
            let compound = rng.chance(500) ? communities[i].compounds[rng.below(30)].id : nil
            let id = try add(
                .enterprise,
                [
                    "name": .text(name), "community_id": .integer(c.id), "compound_id": compound.map { .integer($0) } ?? .null,
                    "contact": .text(rng.personName()), "phone": .text(rng.phone()),
                ],
                at: setupTime, by: actor, "enterprise.add", [("name", name), ("community", c.name)])
            communities[i].enterprises.append((id, name, compound))
        }
        communities[i].units = DemoNames.unitKinds.map { place + $0 }
    }

    /// One household; about 5% are special groups, more are elderly.
    mutating func addHousehold(_ i: Int, compound: Int, address: String) throws {
        var tags: [String] = []
        if rng.chance(15) { tags.append("frequent-caller") }
        if rng.chance(25) { tags.append("hardship") }
        if rng.chance(10) { tags.append("petitioner") }
        if rng.chance(90) { tags.append("elderly") }
        if rng.chance(15) { tags.append("disabled") }
        let stored = HouseholdTags.encode(tags)
        let head = rng.personName()
        let phone: String? = rng.chance(40) ? nil : rng.phone()
        let c = communities[i]
        let id = try add(
            .household,
            [
                "address": .text(address), "compound_id": .integer(compound), "community_id": .integer(c.id), "head": .text(head),
                "phone": phone.map { .text($0) } ?? .null, "tags": .text(stored),
            ],
            at: setupTime, by: interpreter.session.actor, "household.add", [("address", address), ("head", head), ("tags", stored)])
        communities[i].households.append(Household(id: id, compound: compound, community: c.id, address: address, head: head, phone: phone, tags: stored))
    }

    /// Three pairs per community, each covering ten compounds; a few compounds are left
    /// without a cadre so `coverage` has something to report.
    mutating func buildPairs(office: [(id: Int, name: String)]) throws {
        let actor = interpreter.session.actor
        for (i, c) in communities.enumerated() {
            for k in 0..<3 {
                let o = office[(i * 3 + k) % office.count]
                let local = c.cadres[k]
                let name = "\(o.name)+\(local.name)"
                let id = try add(
                    .pair, ["name": .text(name), "office_id": .integer(o.id), "community_cadre_id": .integer(local.id), "community_id": .integer(c.id)],
                    at: setupTime, by: actor, "pair.add", [("office", o.name), ("community-cadre", local.name), ("community", c.name)])
                var mine: [Int] = []
                for (n, b) in c.compounds.enumerated() where n % 3 == k {
                    if n == 29 && i % 4 == 3 { continue }
                    mine.append(b.id)
                    for cadre in [o, local] {
                        _ = try add(
                            .assignment, ["cadre_id": .integer(cadre.id), "compound_id": .integer(b.id), "community_id": .integer(c.id)],
                            at: setupTime, by: actor, "assignment.add", [("cadre", cadre.name), ("compound", b.name)])
                    }
                }
                pairs.append(PairInfo(id: id, office: o, local: local, community: i, compounds: mine))
            }
        }
    }
}

/// How well each community and department of the demo works, drawn from the seed, so that
/// `assess` has something to show: some units 先进, some 进步 on October, some 整改 and one
/// 治理 under the default rules.
///
/// A unit's standing is a "trouble" in parts per thousand for October and for November;
/// a case's trouble is its community's times its department's over the month's mean, so
/// each side keeps its own spread whatever the other's is. Trouble makes a case respond
/// late, stall unresolved, resolve late and call back unsatisfied more often (`DemoCases`).
enum DemoStanding: CaseIterable {
    /// 先进 both months.
    case excellent
    /// Poor in October, fair in November: 进步.
    case improving
    /// Fair both months.
    case steady
    /// Good in October, poor in November: 整改 (not 治理, since October was above the line).
    case slipping
    /// Poor in October, bad in November: 治理.
    case failing

    /// Trouble (‰) in October and in November.
    var trouble: (october: Int, november: Int) {
        switch self {
        case .excellent: return (0, 0)
        case .improving: return (340, 100)
        case .steady: return (100, 100)
        case .slipping: return (60, 270)
        case .failing: return (340, 750)
        }
    }

    /// Trouble (‰) in October or in November.
    func trouble(october: Bool) -> Int { october ? trouble.october : trouble.november }

    /// The ten communities' standings, in an order drawn from the seed.
    static let communityMix: [DemoStanding] = [
        .excellent, .excellent, .improving, .improving, .steady, .steady, .slipping, .slipping, .slipping, .failing,
    ]

    /// The departments' standings. The two that take most cases are drawn 进步 and 整改, the
    /// two small ones 先进 and 治理: a department 治理 that handles half the cases would
    /// drag every community down with it, and none could be 先进. A department without
    /// cases (党群工作科) is steady and never ranked.
    static func departments(_ rng: inout DemoRandom) -> [String: DemoStanding] {
        var share: [String: Int] = [:]
        for (category, weight) in DemoCases.categories {
            if let d = DemoCases.department[category] { share[d, default: 0] += weight }
        }
        let bySize = share.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var out: [String: DemoStanding] = [:]
        let big = rng.shuffled([DemoStanding.improving, .slipping]), small = rng.shuffled([DemoStanding.excellent, .failing])
        for (i, d) in bySize.enumerated() { out[d] = i < 2 ? big[i] : i < 4 ? small[i - 2] : .steady }
        return out
    }

    /// A case's trouble in the month that `october` says, from its two units' standings.
    struct Mix {
        var communities: [Int: DemoStanding]
        var departments: [String: DemoStanding]

        func trouble(community: Int, department: String?, october: Bool) -> Int {
            let c = (communities[community] ?? .steady).trouble(october: october)
            let d = (department.flatMap { departments[$0] } ?? .steady).trouble(october: october)
            return min(900, c * d / max(mean(october: october), 1))
        }

        /// The case-weighted mean of both sides' trouble (communities weigh alike, departments
        /// by the share of categories they take).
        func mean(october: Bool) -> Int {
            let c = communities.values.map { $0.trouble(october: october) }.reduce(0, +) / max(communities.count, 1)
            var weighted = 0, total = 0
            for (category, weight) in DemoCases.categories {
                weighted += weight * (DemoCases.department[category].flatMap { departments[$0] } ?? .steady).trouble(october: october)
                total += weight
            }
            return (c + weighted / max(total, 1)) / 2
        }
    }
}

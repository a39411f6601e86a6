/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator whose output is the
/// same on every machine and every Swift version, which the standard library's promise
/// neither. A spot check names its seed, so anyone can draw the same sample again.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<n` without modulo bias (rejection sampling); 0 when n ≤ 1.
    public mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }
}

/// 随机抽查: a uniform random sample of a stream of case numbers, drawn with a seed.
///
/// Reservoir sampling (Vitter's algorithm R): the candidates arrive one at a time in a
/// fixed order (by case number), so memory is the sample, not the population, and the
/// same seed over the same candidates always gives the same sample.
public struct SpotCheckSampler: Sendable {
    public let size: Int
    private var rng: SplitMix64
    private var kept: [Int] = []
    /// How many candidates were offered.
    public private(set) var population = 0

    public init(size: Int, seed: UInt64) {
        self.size = max(0, size)
        rng = SplitMix64(seed: seed)
    }

    /// Offers the next candidate.
    public mutating func offer(_ id: Int) {
        population += 1
        if kept.count < size {
            kept.append(id)
            return
        }
        let j = rng.below(population)
        if j < size { kept[j] = id }
    }

    /// The sample, in case-number order.
    public var sample: [Int] { kept.sorted() }

    /// The sample of `ids` (in the order given) for `seed`.
    public static func sample(_ ids: [Int], size: Int, seed: UInt64) -> [Int] {
        var s = SpotCheckSampler(size: size, seed: seed)
        for id in ids { s.offer(id) }
        return s.sample
    }
}

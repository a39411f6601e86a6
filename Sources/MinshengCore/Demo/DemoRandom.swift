/// The demo's seeded choices, on the same SplitMix64 generator the spot checks use, so the
/// demo data is the same on every machine and every Swift version.
struct DemoRandom {
    private var source: SplitMix64

    /// The seed is hashed first: SplitMix64 started at `k` and at `k + 1` would give the same
    /// stream shifted by one draw, so seeds 5 and 6 built nearly the same subdistrict.
    init(seed: Int) {
        var mixer = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &+ 0x1234_5678)
        source = SplitMix64(seed: mixer.next())
    }

    mutating func next() -> UInt64 { source.next() }

    /// A whole number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { source.below(n) }

    /// A whole number in the closed range.
    mutating func within(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }

    /// True with the given chance in parts per thousand.
    mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks by weight: `[("物业", 22), ("停车", 10)]`.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var n = below(items.reduce(0) { $0 + $1.1 })
        for (item, w) in items {
            if n < w { return item }
            n -= w
        }
        return items[items.count - 1].0
    }

    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        guard a.count > 1 else { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, below(i + 1)) }
        return a
    }
}

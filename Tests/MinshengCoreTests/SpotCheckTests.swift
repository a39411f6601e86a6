import Testing

@testable import MinshengCore

@Suite struct SpotCheckTests {
    let ids = Array(1...1000)

    @Test func splitMixMatchesTheReferenceSequence() {
        // SplitMix64 seeded with 0: the first outputs of the reference implementation.
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func theSameSeedDrawsTheSameSample() {
        let a = SpotCheckSampler.sample(ids, size: 5, seed: 42)
        #expect(a == SpotCheckSampler.sample(ids, size: 5, seed: 42))
        #expect(a.count == 5 && Set(a).count == 5 && a == a.sorted())
        #expect(a.allSatisfy { ids.contains($0) })
        #expect(a != SpotCheckSampler.sample(ids, size: 5, seed: 43), "another seed, another sample")
    }

    @Test func fewerCandidatesThanAskedTakesThemAll() {
        #expect(SpotCheckSampler.sample([7, 3, 9], size: 5, seed: 1) == [3, 7, 9])
        #expect(SpotCheckSampler.sample([], size: 5, seed: 1) == [])
        var s = SpotCheckSampler(size: 2, seed: 9)
        for i in [4, 8, 15, 16, 23, 42] { s.offer(i) }
        #expect(s.population == 6 && s.sample.count == 2)
    }

    @Test func everyCandidateCanBeDrawn() {
        // Over many seeds each of 10 candidates is drawn about equally often (3 of 10 each time).
        var hits = [Int](repeating: 0, count: 11)
        for seed in 0..<3000 {
            for id in SpotCheckSampler.sample(Array(1...10), size: 3, seed: UInt64(seed)) { hits[id] += 1 }
        }
        // 900 expected each; far outside ±150 would mean a biased sampler.
        #expect(hits.dropFirst().allSatisfy { (750...1050).contains($0) }, "\(hits)")
    }

    @Test func belowHasNoModuloBias() {
        var g = SplitMix64(seed: 5)
        for n in [1, 2, 3, 7, 1000] {
            for _ in 0..<100 { #expect((0..<max(n, 1)).contains(g.below(n))) }
        }
        #expect(g.below(0) == 0)
    }
}

/// A seal: one short digest over the heads of every chain of the log, to publish outside
/// the database (the minutes, a notice, paper). A log that still holds each of those heads
/// at the same place gives the same digest; a rewrite of any chain up to its sealed head,
/// even with every hash after it recomputed, does not.
public enum Seal {
    /// How many hex digits a published seal has (64 bits: a forger would need about 2^64
    /// tries to find another log with the same one).
    public static let shown = 16

    /// The leaf of one chain: its number, its sealed entry and that entry's hash.
    static func leaf(_ h: ChainHead) -> String { SHA256.hex("minsheng-seal-leaf\n\(h.chain)\n\(h.link)\n\(h.hash)") }

    /// The Merkle root over the chains' leaves, in chain order (an odd node is carried up).
    public static func root(_ heads: [ChainHead]) -> String {
        var level = heads.sorted { $0.chain < $1.chain }.map(leaf)
        guard !level.isEmpty else { return SHA256.hex("minsheng-seal-empty") }
        while level.count > 1 {
            var next: [String] = []
            var i = 0
            while i < level.count {
                next.append(i + 1 < level.count ? SHA256.hex("minsheng-seal-node\n\(level[i])\n\(level[i + 1])") : level[i])
                i += 2
            }
            level = next
        }
        return level[0]
    }

    /// The heads as the seal's entry keeps them: `0:18:56abe586…,1:13240:7c8f2ba3…`.
    public static func encode(_ heads: [ChainHead]) -> String {
        heads.map { "\($0.chain):\($0.link):\($0.hash)" }.joined(separator: ",")
    }

    public static func decode(_ text: String) -> [ChainHead] {
        text.split(separator: ",").compactMap { part in
            let f = part.split(separator: ":")
            guard f.count == 3, let chain = Int(f[0]), let link = Int(f[1]) else { return nil }
            return ChainHead(chain: chain, subdistrict: nil, link: link, hash: String(f[2]))
        }
    }
}

import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// A small deterministic generator (SplitMix64): the same seed gives the same inputs on
/// every machine, so any finding can be regenerated from its seed and number.
public struct SeededRandom {
    private var source: SplitMix64

    public init(state: UInt64) { source = SplitMix64(seed: state) }

    public mutating func next() -> UInt64 { source.next() }

    /// A whole number in `0..<n`; 0 when n ≤ 1.
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(source.next() % UInt64(n)) }

    /// True with the given chance in percent.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Real scripts to start from: every `.msh` under the given folders, partials included.
public struct FuzzCorpus: Sendable {
    /// Each script, as lines of bytes.
    public var scripts: [[[UInt8]]]
    /// Every word of every script, to swap in elsewhere.
    public var words: [[UInt8]]

    public init(scripts texts: [[UInt8]]) {
        scripts = texts.map { $0.split(separator: 10, omittingEmptySubsequences: false).map(Array.init) }.filter { !$0.isEmpty }
        var seen = Set<[UInt8]>()
        words = texts.flatMap { $0.split(whereSeparator: { $0 == 32 || $0 == 10 || $0 == 61 }).map(Array.init) }.filter { seen.insert($0).inserted }
        if scripts.isEmpty { scripts = [[Array("dept add 城建科".utf8)]] }
        if words.isEmpty { words = [Array("find".utf8)] }
    }

    /// Loads every `.msh` below each root (a missing root is skipped).
    public static func load(roots: [String]) -> FuzzCorpus {
        var texts: [[UInt8]] = []
        for root in roots {
            for path in Files.find(under: root, suffix: ".msh") {
                if let bytes = Files.readBytes(path) { texts.append(bytes) }
            }
        }
        return FuzzCorpus(scripts: texts)
    }
}

/// Makes hostile variants of real command lines: byte flips, deletions, duplications,
/// token swaps, and insertions of the tokens most likely to confuse a lexer or a
/// number parser (every quote style, full-width punctuation, `$`, `\`, NUL, invalid
/// UTF-8, huge numbers, deep brackets, very long words).
public struct FuzzMutator {
    public var corpus: FuzzCorpus
    /// The longest word or bracket run an input may get (keeps the quick pass quick).
    public var maxRun: Int

    public init(corpus: FuzzCorpus, maxRun: Int = 3000) {
        self.corpus = corpus
        self.maxRun = maxRun
    }

    static let tricky: [[UInt8]] =
        [
            "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』", "(", ")", "（", "）", "＝", "，", "；", "、", "\u{3000}",
            "$", "$_", "$x", "$未定义", "\\", "\\\n", "#", ";", "=", "==", "!=", "！＝", "~", "～", "<=", ">", "＜", ",", " , ",
            "\0", "\r", "\n", "\t", "\u{00A0}", "-1", "0", "-0", "99999999999999999999", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "1e308", "NaN", "0x10", "１２３", "2019-02-30", "2019-13-01T25:61", "9999-12-31", "0000-00-00",
            "-2019-01-01", "2019-12-03T09:00:99", "99999h", "9223372036854775807d", "-5d", "0h", "C-0", "C-99999999999999999999",
            "M-9223372036854775807", "I--1", "H-", "D-1", "S-1", "C-1", "I-1", "M-1", "V-1", "limit", "where", "order by", "by",
            "and", "or", "not", "in", "desc", "\u{FFFD}", "\u{200B}", "\u{FEFF}", "e\u{301}", "🇨🇳", "👨‍👩‍👧", "\u{202E}",
            "%s%n", "'; DROP TABLE event; --", "NULL", "members=9223372036854775807", "limit 99999999999999999999",
            "satisfied=99999999999999999999", "yes=", "for=", "phone=13800001234", "=)", "(=", "\"\\", "“\\”",
            // Files in the fuzzer's sandbox, and control characters.
            "\nonce fuzz.db\n", "\nonce fuzz.db-wal overwrite=yes\n", "\noutput link.txt\n", "\nonce existing.txt\n",
            "\nonce existing.txt overwrite=yes\n", "\nsource nest.msh\n", "\nsource self.msh\n", "\nreplay nest2.msh step\n",
            "\nrecord on nest.msh\n", "\nminutes out=fuzz.db overwrite=yes\n", "\nimport depts depts.csv\n", " out=link.txt",
            " out=fuzz.db", " overwrite=yes", "\u{1B}[2J", "\u{1B}]0;x\u{07}", "\u{07}", "\u{08}", "\u{7F}", "\u{85}", "\u{2066}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF4, 0x90, 0x80, 0x80], [0x80]]

    /// One input: a few consecutive lines of a real script, mutated one to four times.
    public func input(_ rng: inout SeededRandom) -> [UInt8] {
        let script = rng.pick(corpus.scripts)
        let span = rng.chance(10) ? script.count : 1 + rng.below(min(6, script.count))
        let start = rng.below(script.count - span + 1)
        var lines = Array(script[start..<(start + span)])
        // Half the time, splice in a line from another script.
        if rng.chance(30) { lines.insert(rng.pick(rng.pick(corpus.scripts)), at: rng.below(lines.count + 1)) }
        var bytes = Array(lines.joined(separator: [10]))
        for _ in 0...rng.below(4) { mutate(&bytes, &rng) }
        return bytes
    }

    public func mutate(_ bytes: inout [UInt8], _ rng: inout SeededRandom) {
        let at = rng.below(bytes.count + 1)
        switch rng.below(11) {
        case 0:
            if at < bytes.count { bytes[at] ^= UInt8(1 << rng.below(8)) }
        case 1:
            if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
        case 2:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(8)))
        case 3:
            let end = min(bytes.count, at + 1 + rng.below(16))
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 4, 5, 6:
            bytes.insert(contentsOf: rng.pick(Self.tricky), at: characterBoundary(bytes, at))
        case 7:
            swapWords(&bytes, &rng)
        case 8:
            let n = 1 + rng.below(maxRun)
            let run =
                rng.chance(50)
                ? Array(repeating: rng.pick(["(", "（", ")"]), count: n).joined() : String(repeating: rng.pick(["9", "科", "a", "(", "\\"]), count: n)
            bytes.insert(contentsOf: Array(run.utf8), at: characterBoundary(bytes, at))
        case 9:
            // Every digit run becomes a huge number.
            let huge = Array(rng.pick(["99999999999999999999", "9223372036854775807", "18446744073709551616", "0000000000000000000001"]).utf8)
            if let i = bytes.indices.first(where: { bytes[$0] >= 48 && bytes[$0] <= 57 && $0 >= at }) {
                var j = i
                while j < bytes.count && bytes[j] >= 48 && bytes[j] <= 57 { j += 1 }
                bytes.replaceSubrange(i..<j, with: huge)
            }
        default:
            bytes.insert(contentsOf: rng.pick(corpus.words), at: characterBoundary(bytes, at))
        }
    }

    /// Moves back to the start of a UTF-8 character most of the time; sometimes splits one on purpose.
    func characterBoundary(_ bytes: [UInt8], _ at: Int) -> Int {
        var i = at
        while i > 0 && i < bytes.count && bytes[i] & 0xC0 == 0x80 && at % 7 != 0 { i -= 1 }
        return i
    }

    /// Swaps two space-separated words of the input.
    func swapWords(_ bytes: inout [UInt8], _ rng: inout SeededRandom) {
        var words = bytes.split(separator: 32, omittingEmptySubsequences: false).map(Array.init)
        guard words.count > 1 else { return }
        let a = rng.below(words.count), b = rng.below(words.count)
        words.swapAt(a, b)
        bytes = Array(words.joined(separator: [32]))
    }
}

extension Files {
    /// A file's bytes, or nil when it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    /// Every file below `root` whose name ends in `suffix`, sorted.
    public static func find(under root: String, suffix: String) -> [String] {
        var found: [String] = []
        func walk(_ dir: String) {
            guard let d = opendir(dir) else { return }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(dir + "/" + name)
                } else if name.hasSuffix(suffix) {
                    found.append(dir + "/" + name)
                }
            }
        }
        walk(root)
        return found.sorted()
    }
}

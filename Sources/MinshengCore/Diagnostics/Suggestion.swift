/// "Did you mean …?" — the closest known word by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        // A word this long is no typo of a name, and comparing it costs its length squared.
        guard w.count <= 64 else { return nil }
        var best: (String, Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if let b = best, b.1 <= d { continue }
            best = (c, d)
        }
        guard let (cand, d) = best else { return nil }
        let limit = max(1, min(w.count, cand.count) / 3)
        return d <= limit ? cand : nil
    }

    /// A hint "did you mean 'x'?" in both languages, or nil.
    public static func hint(for word: String, in candidates: [String]) -> Localized? {
        guard let s = closest(to: word, in: candidates) else { return nil }
        return Localized(en: "did you mean '\(s)'?", zh: "是不是要输入 '\(s)'？")
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

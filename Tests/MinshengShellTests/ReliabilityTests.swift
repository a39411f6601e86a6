import Dispatch
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small deterministic generator (SplitMix64), so every trial is reproducible.
struct SeededRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func sqlite(_ db: String, _ sql: String) -> String {
    let out = Files.temporaryDirectory() + "/sql.out"
    _ = system("sqlite3 '\(db)' \"\(sql)\" > '\(out)' 2>&1")
    return Files.read(out) ?? ""
}

@Suite(.serialized) struct ReliabilityTests {
    @Test func auditVerifyFindsEditedDeletedAndInsertedEntries() {
        let dir = Files.temporaryDirectory()
        let setup = runMinsheng("--db t.db --lang en --as 王强 -c 'dept add 城建科; dept add 城管科; community add 六里屯社区; dept add 民政科; audit verify'", in: dir)
        #expect(setup.status == 0)
        #expect(setup.stdout.contains("change log intact: 4 entries verified"))
        let history = runMinsheng("--db t.db --lang en -c 'audit D-2'", in: dir)
        #expect(history.stdout.contains("王强") && history.stdout.contains("dept add 城管科"))

        _ = sqlite(dir + "/t.db", "UPDATE event SET command = 'dept add 假科' WHERE seq = 2")
        let edited = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("change log tampered with: 1 problems in 4 entries") && edited.stderr.contains("entry 2: edited"))

        _ = sqlite(dir + "/t.db", "UPDATE event SET command = 'dept add 城管科' WHERE seq = 2; DELETE FROM event WHERE seq = 3")
        let deleted = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(deleted.stderr.contains("entry 3: missing (deleted)") && deleted.stderr.contains("entry 4: does not follow"))

        _ = sqlite(dir + "/t.db", "INSERT INTO event SELECT 99, at, actor, 'dept add 伪造', action, kind, record_id, details, hash, 'forged' FROM event WHERE seq = 4")
        let inserted = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(inserted.stderr.contains("entry 99: edited"))
    }

    /// `kill -9` at 50 seeded moments: the file stays sound, every command the shell
    /// reported as done is there, and no command is half-applied.
    @Test func killNineLosesNothingCommitted() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/long.msh", (1...4000).map { "dept add 科室\($0)\n" }.joined())
        var rng = SeededRandom(state: 20_191_203)
        var trials = 0, reportedTotal = 0
        for trial in 0..<50 {
            let db = "k\(trial).db"
            let delay = 30 + rng.below(200)
            // No `wait`: a child of a test thread may inherit a blocked SIGCHLD, and `wait` would hang.
            _ = system("cd '\(dir)' && { env -u LANG '\(binary)' --db \(db) --lang en long.msh > out\(trial).txt 2>&1 & p=$!; sleep \(delay / 1000).\(format3(delay % 1000)); kill -9 $p; sleep 0.05; }")
            // Only whole lines count as reported: the kill may cut the last one short.
            let printed = Files.read(dir + "/out\(trial).txt") ?? ""
            var lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
            lines.removeLast()
            let reported = lines.filter { $0.hasPrefix("added department") }
            let path = dir + "/" + db
            guard access(path, F_OK) == 0 else { continue }
            #expect(sqlite(path, "PRAGMA integrity_check").hasPrefix("ok"), "trial \(trial)")
            // Killed while the schema was being created: nothing was committed, nothing reported.
            if !sqlite(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'department'").hasPrefix("1") {
                #expect(reported.isEmpty, "trial \(trial): reported \(reported.count) with no schema")
                continue
            }
            let counts = sqlite(path, "SELECT (SELECT COUNT(*) FROM department) || ' ' || (SELECT COUNT(*) FROM event WHERE action = 'department.add')")
            let parts = counts.split(separator: " ").compactMap { Int($0.trimmingCharacters()) }
            #expect(parts.count == 2 && parts[0] == parts[1], "trial \(trial): departments and their events differ: \(counts)")
            #expect((parts.first ?? 0) >= reported.count, "trial \(trial): reported \(reported.count) but stored \(parts.first ?? 0)")
            if let last = reported.last, let name = last.split(separator: " ").last {
                #expect(sqlite(path, "SELECT COUNT(*) FROM department WHERE name = '\(name)'").hasPrefix("1"))
            }
            let verify = runMinsheng("--db \(db) --lang en -c 'audit verify'", in: dir)
            #expect(verify.status == 0, "trial \(trial): \(verify.stderr)")
            trials += 1
            reportedTotal += reported.count
        }
        #expect(trials >= 45)
    }

    /// Four shells writing to one database at once all succeed, with no lost update.
    @Test func fourShellsWriteAtOnce() {
        let dir = Files.temporaryDirectory()
        _ = runMinsheng("--db shared.db -c 'community add 六里屯社区'", in: dir)
        for w in 1...4 {
            Files.write(dir + "/w\(w).msh", (1...150).map { "dept add 科室\(w)-\($0)\n" }.joined())
        }
        // Four processes started together from four threads (no shell `wait`, see above).
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let w = i + 1
            _ = system("cd '\(dir)' && '\(binary)' --db shared.db w\(w).msh > w\(w).out 2> w\(w).err")
        }
        for w in 1...4 {
            #expect(Files.read(dir + "/w\(w).err") == "", "shell \(w) failed: \(Files.read(dir + "/w\(w).err") ?? "")")
        }
        #expect(sqlite(dir + "/shared.db", "SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT name) FROM department").hasPrefix("600|600|600"))
        let verify = runMinsheng("--db shared.db --lang en -c 'audit verify'", in: dir)
        #expect(verify.stdout.contains("change log intact: 601 entries verified"))
    }
}

func format3(_ ms: Int) -> String {
    let s = String(ms)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
}

extension Substring {
    func trimmingCharacters() -> String { String(self.filter { !$0.isWhitespace }) }
}

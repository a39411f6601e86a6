import Dispatch
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The departments, community and cadre every case script below needs.
let caseSetup = "dept add 城建科\ncommunity add 六里屯社区\ncadre add 李梅 community=六里屯社区\n"

/// Five commands per case, each touching the case row and the event log, and the
/// dispatch touching a third table: a half-applied one would leave them disagreeing.
func caseScript(_ cases: ClosedRange<Int>, tag: String = "") -> String {
    cases.map { i in
        """
        case new "诉求\(tag)\(i)" category=市政设施 source=hotline community=六里屯社区 resident=居民\(i) phone=138\(format8(i))
        case respond $_ by=李梅
        case dispatch $_ dept=城建科
        case resolve $_ note=已办结
        case callback $_ result=satisfied by=李梅

        """
    }.joined()
}

func format8(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 8 - s.count)) + s
}

/// Per case, what its events say must match its row and its dispatches; `bad` counts
/// the cases where they disagree, `orphans` the events of cases that do not exist, and
/// `short` the cases before the last that did not get all five steps.
let caseConsistencySQL = """
    WITH n AS (SELECT c.*, (SELECT COUNT(*) FROM event e WHERE e.kind = 'case' AND e.record_id = c.id) AS events,
                         (SELECT COUNT(*) FROM case_dispatch d WHERE d.case_id = c.id) AS dispatches FROM cases c)
    SELECT (SELECT COUNT(*) FROM event WHERE action LIKE 'case.%'), (SELECT COUNT(*) FROM cases),
      (SELECT COUNT(*) FROM n WHERE NOT CASE events
         WHEN 1 THEN status = 'received' AND responded_at IS NULL AND dispatches = 0
         WHEN 2 THEN status = 'responded' AND responded_at IS NOT NULL AND dispatches = 0
         WHEN 3 THEN status = 'dispatched' AND dispatches = 1 AND resolved_at IS NULL
         WHEN 4 THEN status = 'resolved' AND dispatches = 1 AND resolved_at IS NOT NULL AND satisfaction IS NULL
         WHEN 5 THEN status = 'resolved' AND dispatches = 1 AND satisfaction = 'satisfied'
         ELSE 0 END),
      (SELECT COUNT(*) FROM event e WHERE e.kind = 'case' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.record_id)),
      (SELECT COUNT(*) FROM n WHERE id < (SELECT MAX(id) FROM cases) AND events <> 5),
      (SELECT COUNT(*) FROM cases WHERE title <> '诉求' || id)
    """

@Suite(.serialized) struct CrashSafetyTests {
    /// `kill -9` at 50 seeded moments of a case script: the file stays sound, every
    /// command the shell reported as done is in it, and no command is half-applied.
    ///
    /// A moment is "after the shell printed K lines, plus D ms": counting lines rather
    /// than clock time keeps the moments spread over the work on a slow or busy machine.
    @Test func killNineLosesNothingCommittedAndHalfAppliesNothing() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/long.msh", caseSetup + caseScript(1...600))
        var rng = SeededRandom(state: 20_191_203)
        var trials = 0, killedMidway = 0, reportedTotal = 0
        for trial in 0..<50 {
            let db = "k\(trial).db", out = "out\(trial).txt"
            // A few moments right at the start (opening and migrating a new file).
            let lines = trial < 5 ? 0 : rng.below(400)
            let extra = rng.below(trial < 5 ? 40 : 15)
            // stdbuf -oL: each line is written as it is printed, so what the file holds is
            // exactly what the shell had reported when it died.
            // No `wait`: a child of a test thread may inherit a blocked SIGCHLD, and `wait` would hang.
            let script = """
                cd '\(dir)' && : > \(out) && { env -u LANG stdbuf -oL '\(binary)' --db \(db) --lang en long.msh > \(out) 2>&1 & p=$!; \
                n=0; while [ $n -lt 2000 ] && kill -0 $p 2>/dev/null && [ $(wc -l < \(out)) -lt \(lines) ]; do sleep 0.005; n=$((n+1)); done; \
                sleep 0.\(format3(extra)); kill -9 $p 2>/dev/null; sleep 0.05; }
                """
            _ = system(script)
            // Only whole lines count as reported: the kill may cut the last one short.
            var printed = (Files.read(dir + "/" + out) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            printed.removeLast()
            let reported = printed.filter { $0.hasPrefix("new case C-") || $0.hasPrefix("C-") }.count
            let path = dir + "/" + db
            guard access(path, F_OK) == 0 else {
                #expect(reported == 0)
                continue
            }
            #expect(sqlite(path, "PRAGMA integrity_check").hasPrefix("ok"), "trial \(trial)")
            let tables = sqlite(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'case_dispatch'")
            if !tables.hasPrefix("1") {
                // Killed before the schema was in place: then nothing can have been reported.
                #expect(reported == 0, "trial \(trial)")
                continue
            }
            let figures = sqlite(path, caseConsistencySQL).split(separator: "|").compactMap { Int($0.trimmingCharacters()) }
            guard figures.count == 6 else {
                Issue.record("trial \(trial): \(figures)")
                continue
            }
            let (committed, bad, orphans, short, misnamed) = (figures[0], figures[2], figures[3], figures[4], figures[5])
            #expect(committed >= reported, "trial \(trial): reported \(reported) commands done, but only \(committed) are stored")
            #expect(committed <= reported + 1, "trial \(trial): \(committed) stored, \(reported) reported: only the one in flight may be unreported")
            #expect(bad == 0 && orphans == 0 && short == 0 && misnamed == 0, "trial \(trial): half-applied: \(figures)")
            let verify = runMinsheng("--db \(db) --lang en -c 'audit verify'", in: dir)
            #expect(verify.status == 0, "trial \(trial): \(verify.stderr)")
            trials += 1
            reportedTotal += reported
            if committed > 0 && committed < 3000 { killedMidway += 1 }
        }
        print(
            "kill -9: \(trials) trials checked, \(killedMidway) in the middle of the work, \(reportedTotal) commands reported done, all stored, none half-applied"
        )
        #expect(trials >= 40, "most kills land after the schema exists")
        #expect(killedMidway >= 40, "most kills land in the middle of the work")
        #expect(reportedTotal > 2000)
    }

    /// Four shells create and carry cases through at once, on a file none of them has
    /// opened before: all succeed (busy timeout, immediate transactions, a migration
    /// race that retries), no update is lost, ids are unique and dense, the chain holds.
    @Test func fourShellsCarryCasesAtOnceOnANewFile() {
        let dir = Files.temporaryDirectory()
        for w in 1...4 {
            // Every shell may be first: each adds the setup it needs, tolerating the others'.
            Files.write(dir + "/w\(w).msh", "dept add 科室\(w)\ncommunity add 社区\(w)\n" + caseScript((w * 1000 + 1)...(w * 1000 + 60), tag: "").replacingDept(w))
        }
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let w = i + 1
            _ = system("cd '\(dir)' && '\(binary)' --db shared.db --lang en w\(w).msh > w\(w).out 2> w\(w).err")
        }
        for w in 1...4 {
            #expect(Files.read(dir + "/w\(w).err") == "", "shell \(w) failed: \(Files.read(dir + "/w\(w).err") ?? "")")
            let lines = (Files.read(dir + "/w\(w).out") ?? "").split(separator: "\n")
            #expect(lines.count == 2 + 60 * 5, "shell \(w) reported \(lines.count) lines")
        }
        let db = dir + "/shared.db"
        #expect(sqlite(db, "SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), COUNT(DISTINCT title) FROM cases").hasPrefix("240|240|1|240|240"))
        #expect(sqlite(db, "SELECT COUNT(*), MIN(seq), MAX(seq) FROM event").hasPrefix("1208|1|1208"))
        // Each case has exactly its own five events, in order, and one dispatch.
        let perCase = """
            SELECT COUNT(*) FROM cases c WHERE (SELECT group_concat(action, ' ') FROM (SELECT action FROM event e
              WHERE e.kind = 'case' AND e.record_id = c.id ORDER BY seq)) <> 'case.new case.respond case.dispatch case.resolve case.callback'
              OR (SELECT COUNT(*) FROM case_dispatch d WHERE d.case_id = c.id) <> 1 OR status <> 'resolved'
            """
        #expect(sqlite(db, perCase).hasPrefix("0"))
        // Each shell's cases went to its own department: no shell's `$_` saw another's case.
        let mixed = """
            SELECT COUNT(*) FROM cases c JOIN case_dispatch x ON x.case_id = c.id JOIN department d ON d.id = x.department_id
            WHERE d.name <> '科室' || substr(c.resident, 3, 1)
            """
        #expect(sqlite(db, mixed).hasPrefix("0"))
        let verify = runMinsheng("--db shared.db --lang en -c 'audit verify'", in: dir)
        #expect(verify.stdout.contains("change log intact: 1208 entries verified"), "\(verify.stdout)\(verify.stderr)")
    }

    /// Four shells adding departments to one existing file: all 600 land, once each.
    @Test func fourShellsWriteAtOnce() {
        let dir = Files.temporaryDirectory()
        _ = runMinsheng("--db shared.db -c 'community add 六里屯社区'", in: dir)
        for w in 1...4 {
            Files.write(dir + "/w\(w).msh", (1...150).map { "dept add 科室\(w)-\($0)\n" }.joined())
        }
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

extension String {
    /// The case script of shell `w`: its cases go to its own department and community.
    func replacingDept(_ w: Int) -> String {
        var s = ""
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            s +=
                line.replacing("community=六里屯社区", with: "community=社区\(w)").replacing("dept=城建科", with: "dept=科室\(w)")
                .replacing("by=李梅", with: "by=接线员\(w)") + "\n"
        }
        return String(s.dropLast())
    }
}

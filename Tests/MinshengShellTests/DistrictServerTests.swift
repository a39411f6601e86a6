import Dispatch
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The district server: many shells on one PostgreSQL database at once, on the throwaway
/// cluster `scripts/test` starts. Without the server these tests fail; they never skip.
@Suite(.serialized) struct DistrictServerTests {
    func psqlValue(_ location: String, _ sql: String) -> String {
        let out = Files.temporaryDirectory() + "/psql.out"
        _ = system("psql -X -A -t '\(location)' -c \"\(sql)\" > '\(out)' 2>&1")
        return (Files.read(out) ?? "").trimmingTrailingNewlines()
    }

    /// 16 shells × 200 case commands against one server: every command succeeds, ids are
    /// unique and dense, each case has exactly its own five events in order, and the one
    /// chain verifies.
    @Test func sixteenShellsCarryCasesAtOnce() throws {
        let (db, problem) = TestServer.freshDatabase()
        guard let db else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        let dir = Files.temporaryDirectory()
        let setup = runMinsheng("--db '\(db)' --lang en -c '" + (1...16).map { "dept add 科室\($0); community add 社区\($0)" }.joined(separator: "; ") + "'", in: dir)
        #expect(setup.status == 0, "\(setup.stderr)")
        for w in 1...16 {
            Files.write(dir + "/w\(w).msh", caseScript((w * 1000 + 1)...(w * 1000 + 40)).replacingDept(w))
        }
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let w = i + 1
            _ = system("cd '\(dir)' && '\(binary)' --db '\(db)' --lang en w\(w).msh > w\(w).out 2> w\(w).err")
        }
        for w in 1...16 {
            #expect(Files.read(dir + "/w\(w).err") == "", "shell \(w) failed: \(Files.read(dir + "/w\(w).err") ?? "")")
            let lines = (Files.read(dir + "/w\(w).out") ?? "").split(separator: "\n")
            #expect(lines.count == 40 * 5, "shell \(w) reported \(lines.count) lines")
        }
        #expect(psqlValue(db, "SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), COUNT(DISTINCT title) FROM cases") == "640|640|1|640|640")
        #expect(psqlValue(db, "SELECT COUNT(*), MIN(seq), MAX(seq) FROM event") == "3232|1|3232")
        let perCase = """
            SELECT COUNT(*) FROM cases c WHERE (SELECT string_agg(action, ' ' ORDER BY seq) FROM event e
              WHERE e.kind = 'case' AND e.record_id = c.id) <> 'case.new case.respond case.dispatch case.resolve case.callback'
              OR (SELECT COUNT(*) FROM case_dispatch d WHERE d.case_id = c.id) <> 1 OR status <> 'resolved'
            """
        #expect(psqlValue(db, perCase) == "0")
        let mixed = """
            SELECT COUNT(*) FROM cases c JOIN case_dispatch x ON x.case_id = c.id JOIN department d ON d.id = x.department_id
            WHERE d.name <> '科室' || substr(c.resident, 3, length(c.resident) - 5)
            """
        #expect(psqlValue(db, mixed) == "0")
        let verify = runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir)
        #expect(verify.stdout.hasPrefix("change log intact: 3232 entries verified"), "\(verify.stdout)\(verify.stderr)")
    }

    /// What a user types: a URI, a keyword string, and a server that is not there.
    @Test func connectionStringsAndAClearErrorWhenTheServerIsMissing() throws {
        let (db, problem) = TestServer.freshDatabase()
        guard let db, let host = TestServer.host else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        // postgresql://postgres@/NAME?host=…
        let name = String(db.split(separator: "@/", maxSplits: 1).last?.split(separator: "?").first ?? "")
        let dir = Files.temporaryDirectory()
        let uri = runMinsheng("--db '\(db)' --lang en -c 'dept add 城建科'", in: dir)
        #expect(uri.stdout == "added department D-1 城建科\n", "\(uri.stderr)")
        let keywords = runMinsheng("--db 'host=\(host) dbname=\(name) user=postgres' --lang en -c 'count depts'", in: dir)
        #expect(keywords.stdout == "1\n", "\(keywords.stderr)")
        let env = runMinsheng("--lang en -c 'count depts'", env: "MINSHENG_DB='postgresql:///\(name)?host=\(host)' PGUSER=postgres", in: dir)
        #expect(env.stdout == "1\n", "\(env.stderr)")
        let missing = runMinsheng("--db 'postgresql://postgres:secret@/nosuchdb?host=\(host)' --lang en -c 'count depts'", in: dir)
        #expect(missing.status == 1)
        // The server is reached at the first command that needs the database: the error points there.
        #expect(
            missing.stderr.hasPrefix("-c:1:1: error: cannot connect to the database 'postgresql://postgres:***@/nosuchdb?host=\(host)': "),
            "\(missing.stderr)")
        #expect(missing.stderr.contains("database \"nosuchdb\" does not exist"))
        #expect(!missing.stderr.contains("secret"))
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

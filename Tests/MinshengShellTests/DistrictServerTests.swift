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

    /// Runs an SQL script with psql (as the server's superuser, behind the shell's back);
    /// true when every statement succeeded.
    func psqlScript(_ location: String, _ sql: String) -> Bool {
        let file = Files.temporaryDirectory() + "/script.sql"
        Files.write(file, sql)
        return system("psql -X -q -v ON_ERROR_STOP=1 '\(location)' -f '\(file)' > /dev/null 2>&1") == 0
    }

    /// A new database on the test server; without the server the test fails here.
    func freshDatabase() -> String? {
        let (db, problem) = TestServer.freshDatabase()
        if db == nil { Issue.record("\(problem ?? "no server")") }
        return db
    }

    /// 16 shells × 200 case commands against one server: every command succeeds, ids are
    /// unique and dense, each case has exactly its own five events in order, and every
    /// subdistrict's chain and the district's verify.
    @Test func sixteenShellsCarryCasesAtOnce() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        // Four subdistricts of four communities each: five chains (one for the district).
        let org = (1...4).map { "subdistrict add 街道\($0)" } + (1...16).map { "dept add 科室\($0); community add 社区\($0) subdistrict=街道\(($0 - 1) / 4 + 1)" }
        let setup = runMinsheng("--db '\(db)' --lang en -c '" + org.joined(separator: "; ") + "'", in: dir)
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
        #expect(psqlValue(db, "SELECT COUNT(*), MIN(seq), MAX(seq) FROM event") == "3236|1|3236")
        // Each subdistrict's chain holds itself, its four communities and their cases (4 × 40 × 5 entries); the departments name none.
        #expect(psqlValue(db, "SELECT string_agg(chain || ':' || n, ' ' ORDER BY chain) FROM (SELECT chain, COUNT(*) AS n FROM event GROUP BY chain) x") == "0:16 1:805 2:805 3:805 4:805")
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
        #expect(
            verify.stdout.hasPrefix("change log intact: 3236 entries verified in 5 chains\n  district: 16 entries, head "), "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("\n  街道4: 805 entries, head "))
    }

    /// A writer holding one subdistrict's chain (a long import) stalls nobody in another
    /// subdistrict; a writer in the same subdistrict waits a few seconds, then is told to retry.
    @Test func oneSubdistrictsWriterNeverStallsAnother() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        let setup = runMinsheng(
            "--db '\(db)' --lang en -c 'subdistrict add 八里庄街道; subdistrict add 六里屯街道; community add 甲社区 subdistrict=八里庄街道; community add 乙社区 subdistrict=六里屯街道'",
            in: dir)
        #expect(setup.status == 0, "\(setup.stderr)")
        // A session holds 八里庄街道's chain (subdistrict 1) for 12 seconds, as an import would.
        let holder = "psql -X -q '\(db)' -c 'BEGIN' -c 'SELECT pg_advisory_xact_lock(7, 1)' -c 'SELECT pg_sleep(12)' -c 'COMMIT' > /dev/null 2>&1 &"
        _ = system(holder)
        usleep(1_500_000)
        let other = runMinsheng("--db '\(db)' --lang en -c 'case new 路灯不亮 community=乙社区 resident=陈静'", in: dir)
        #expect(other.status == 0 && other.stdout.hasPrefix("new case C-1 路灯不亮"), "\(other.stdout)\(other.stderr)")
        let same = runMinsheng("--db '\(db)' --lang en -c 'case new 供暖不热 community=甲社区 resident=李明'", in: dir)
        #expect(same.status == 1)
        #expect(same.stderr.contains("busy"), "\(same.stderr)")
        #expect(psqlValue(db, "SELECT COUNT(*) FROM cases") == "1")
    }

    /// A long import holds what it consulted — the policy, the calendar, the settings, the
    /// communities it names — until it commits. Others who only consult them (a `case new`
    /// in another subdistrict, another import) go on; what would change them (`policy set`)
    /// waits, and is told the database is busy.
    @Test func whatALongImportConsultsStallsNobodyElse() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        let setup = runMinsheng(
            "--db '\(db)' --lang en -c 'subdistrict add 八里庄街道; subdistrict add 六里屯街道; community add 六里屯社区 subdistrict=六里屯街道; "
                + "community add 甲社区 subdistrict=八里庄街道; dept add 城建科; policy set urgency=normal resolve=7d'",
            in: dir)
        #expect(setup.status == 0, "\(setup.stderr)")
        // A session reads what an import reads, locked as an import locks it, for 12 seconds.
        let consulted = ["case_policy", "calendar_day", "policy_setting", "community", "department"]
            .map { "-c 'SELECT count(*) FROM (SELECT id FROM \($0) FOR SHARE) x'" }.joined(separator: " ")
        _ = system("psql -X -q '\(db)' -c 'BEGIN' \(consulted) -c 'SELECT pg_sleep(12)' -c 'COMMIT' > /dev/null 2>&1 &")
        usleep(1_500_000)
        let other = runMinsheng("--db '\(db)' --lang en -c 'case new 路灯不亮 community=甲社区 resident=陈静'", in: dir)
        #expect(other.status == 0 && other.stdout.hasPrefix("new case C-1 路灯不亮"), "\(other.stdout)\(other.stderr)")
        Files.write(
            dir + "/orders.csv",
            "工单号,受理时间,标题,诉求内容,诉求类型,类别,紧急程度,社区,地址,诉求人,电话,承办单位\n"
                + "12345-1201-0001,2019-12-01 08:30,路灯不亮,西侧路灯不亮,投诉,市政设施,一般,六里屯社区,十里堡北里3号楼,刘洋,13700001111,城建科\n")
        let imported = runMinsheng("--db '\(db)' --lang en -c 'case import orders.csv'", in: dir)
        #expect(imported.status == 0 && imported.stdout.hasPrefix("imported 1 work order"), "\(imported.stdout)\(imported.stderr)")
        let change = runMinsheng("--db '\(db)' --lang en -c 'policy set urgency=normal resolve=5wd'", in: dir)
        #expect(change.status == 1 && change.stderr.contains("busy"), "\(change.stdout)\(change.stderr)")
        #expect(psqlValue(db, "SELECT COUNT(*) FROM cases") == "2")
    }

    /// What a user types: a URI, a keyword string, and a server that is not there.
    /// The log's inserts go out with COMMIT, in one round trip (`PostgresConnection.hold`):
    /// when one of them fails the command still fails whole, with the server's reason, and
    /// leaves nothing behind; the next command works as before.
    @Test func aHeldStatementThatFailsFailsItsCommandWhole() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        #expect(runMinsheng("--db '\(db)' --lang en -c 'dept add 城建科'", in: dir).status == 0)
        let trigger = """
            CREATE FUNCTION refuse_image() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              IF NEW.image LIKE '%城管科%' THEN RAISE EXCEPTION 'image refused by a test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_image BEFORE INSERT ON logged_row FOR EACH ROW EXECUTE FUNCTION refuse_image();
            """
        #expect(psqlScript(db, trigger))
        let refused = runMinsheng("--db '\(db)' --lang en -c 'dept add 城管科'", in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("image refused by a test trigger"), "\(refused.stderr)")
        #expect(psqlValue(db, "SELECT (SELECT COUNT(*) FROM department) || '|' || (SELECT COUNT(*) FROM event)") == "1|1")
        let after = runMinsheng("--db '\(db)' --lang en -c 'dept add 社会事务科; count depts; audit verify'", in: dir)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("\n2\n"), "\(after.stdout)")
        #expect(after.stdout.contains("change log intact"), "\(after.stdout)")
    }

    /// An import's rows go to the server by COPY while the shell goes on (`copyIn`); a COPY
    /// the server refuses fails the import whole, with the server's reason, whether it is
    /// the cases' or the log's; nothing of it remains, and the same shell goes on working.
    @Test func aCopyTheServerRefusesFailsItsImportWhole() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        #expect(runMinsheng("--db '\(db)' --lang en -c 'subdistrict add 六里屯街道; community add 六里屯社区 subdistrict=六里屯街道'", in: dir).status == 0)
        let triggers = """
            CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              IF NEW.title = '拒收' THEN RAISE EXCEPTION 'case refused by a test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_case BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION refuse_case();
            CREATE FUNCTION refuse_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
              IF NEW.details LIKE '%12345-9999%' THEN RAISE EXCEPTION 'entry refused by a test trigger'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_entry BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION refuse_entry();
            """
        #expect(psqlScript(db, triggers))
        let header = "工单号,受理时间,标题,诉求内容,诉求类型,类别,紧急程度,社区,地址,诉求人,电话,承办单位\n"
        func order(_ number: String, _ title: String) -> String {
            "\(number),2019-12-01 08:30,\(title),西侧路灯不亮,投诉,市政设施,一般,六里屯社区,十里堡北里3号楼,刘洋,13700001111,\n"
        }
        Files.write(dir + "/cases.csv", header + order("12345-0001", "路灯不亮") + order("12345-0002", "拒收") + order("12345-0003", "井盖缺失"))
        Files.write(dir + "/log.csv", header + order("12345-0004", "路灯不亮") + order("12345-9999", "井盖缺失"))
        Files.write(dir + "/good.csv", header + order("12345-0005", "路灯不亮"))
        // One shell: both imports fail, then a third goes in, and the log verifies.
        let run = runMinsheng(
            "--db '\(db)' --lang en --keep-going -c 'case import cases.csv; case import log.csv; case import good.csv; count cases; audit verify'", in: dir)
        #expect(run.stderr.contains("case refused by a test trigger"), "\(run.stderr)")
        #expect(run.stderr.contains("entry refused by a test trigger"), "\(run.stderr)")
        #expect(run.stdout.contains("imported 1 work order from good.csv as C-"), "\(run.stdout)")
        #expect(run.stdout.contains("change log intact"), "\(run.stdout)\(run.stderr)")
        #expect(psqlValue(db, "SELECT string_agg(work_order, ',') FROM cases") == "12345-0005")
        #expect(psqlValue(db, "SELECT COUNT(*) FROM event WHERE action = 'case.import'") == "1")
    }

    /// `scripts/district` builds its demo from `examples/district.msh` and binds its demo logins
    /// to cadres of that demo by name (`examples/district-roles.msh`): both must run, and the
    /// community cadre's login then sees her community's cases only. (The demo's names changed
    /// once and the logins' script failed without a test noticing.)
    @Test func theDistrictDemoAndItsLoginsBuild() throws {
        guard let db = freshDatabase() else { return }
        let dir = Files.temporaryDirectory()
        let built = runMinsheng("--db '\(db)' --norc --now 2019-12-02T08:30 --as 系统 '\(packageRoot)/examples/district.msh'", in: dir)
        #expect(built.status == 0, "\(built.stderr)")
        for name in ["mayinglin", "zhangjinghua", "balizhuang", "jijian", "shenji", "guanli"] {
            #expect(TestServer.runSQL(TestServer.host ?? "", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(name)') THEN CREATE ROLE \(name) LOGIN; END IF; END $$"))
        }
        let roles = runMinsheng("--db '\(db)' --norc --now 2019-12-02T08:30 '\(packageRoot)/examples/district-roles.msh'", in: dir)
        #expect(roles.status == 0, "\(roles.stderr)")
        let asCadre = db.replacingOccurrences(of: "postgres@", with: "mayinglin@")
        let seen = runMinsheng("--db '\(asCadre)' --norc --lang en -c 'count cases; count cases where community != 八里庄·六里屯社区'", in: dir)
        #expect(seen.status == 0, "\(seen.stderr)")
        let counts = seen.stdout.split(separator: "\n").map(String.init)
        #expect(counts.count == 2 && (Int(counts[0]) ?? 0) > 0 && counts[1] == "0", "\(seen.stdout)")
    }

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

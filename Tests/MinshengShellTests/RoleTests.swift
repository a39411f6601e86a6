import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Roles with real logins on the throwaway cluster: what each role may do, in the shell and
/// through psql with the same login. Without the server these tests fail; they never skip.
@Suite(.serialized) struct RoleTests {
    /// One login per role, named for this test process (logins belong to the whole cluster).
    static let tag = "r\(getpid())"
    static let community = "\(tag)_community", department = "\(tag)_department", subdistrict = "\(tag)_subdistrict"
    static let supervisor = "\(tag)_supervisor", auditor = "\(tag)_auditor", admin = "\(tag)_admin", nobody = "\(tag)_nobody"
    static let localAdmin = "\(tag)_localadmin"
    static let logins = [community, department, subdistrict, supervisor, auditor, admin]

    /// A database with two subdistricts, three communities and their cases, a meeting with
    /// an open poll in 十里堡社区, and one login granted each role. Nil (and the test fails) without a server.
    func district() -> String? {
        let (db, problem) = TestServer.freshDatabase()
        guard let db, let host = TestServer.host else {
            Issue.record("\(problem ?? "no server")")
            return nil
        }
        let create = (Self.logins + [Self.nobody, Self.localAdmin]).map {
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\($0)') THEN CREATE ROLE \"\($0)\" LOGIN; END IF; END $$;"
        }
        #expect(TestServer.runSQL(host, create.joined(separator: "\n")), "cannot create the logins")
        let script = """
            subdistrict add 八里庄街道
            subdistrict add 红庙街道
            community add 六里屯社区 subdistrict=八里庄街道
            community add 十里堡社区 subdistrict=八里庄街道
            community add 红庙社区 subdistrict=红庙街道
            dept add 城建科 subdistrict=八里庄街道
            dept add 城管科 subdistrict=八里庄街道
            cadre add 王芳 community=六里屯社区
            case new 楼道灯不亮 community=六里屯社区 phone=13800001234
            case respond C-1; case dispatch C-1 dept=城建科
            case new 垃圾满溢 community=十里堡社区
            case respond C-2; case dispatch C-2 dept=城管科
            case new 路灯不亮 community=红庙社区
            case new 井盖松动 community=六里屯社区
            case respond C-4
            case new 井盖松动 community=十里堡社区
            case respond C-5
            meeting new 楼栋长会 community=十里堡社区 date=2019-12-03 members=5
            propose 安装声控灯 by=王芳
            motion 每层安装声控灯
            meeting new 议事会 community=六里屯社区 date=2019-12-03 members=5
            role grant \(Self.community) community community=六里屯社区 cadre=王芳
            role grant \(Self.department) department dept=城建科
            role grant \(Self.subdistrict) subdistrict subdistrict=八里庄街道
            role grant \(Self.supervisor) supervisor subdistrict=八里庄街道
            role grant \(Self.auditor) auditor
            role grant \(Self.admin) admin
            role grant \(Self.localAdmin) admin subdistrict=八里庄街道
            """
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/setup.msh", script)
        let r = runMinsheng("--db '\(db)' --lang en --now 2019-12-03T09:00 setup.msh", in: dir)
        #expect(r.status == 0, "setup: \(r.stderr)")
        return db
    }

    func asLogin(_ login: String, _ db: String) -> String {
        let at = db.firstRange(of: "@/")!
        return "postgresql://\(login)" + db[at.lowerBound...]
    }

    /// Runs one command as `login`: nil when it ran, else the error it printed.
    func run(_ command: String, as login: String, _ db: String) -> String? {
        let r = runMinsheng("--db '\(asLogin(login, db))' --lang en --now 2019-12-04T09:00 -c '\(command)'", in: Files.temporaryDirectory())
        return r.status == 0 ? nil : r.stderr
    }

    @Test func eachRoleDoesWhatItMayAndNothingElse() throws {
        guard let db = district() else { return }
        let (c, d, s, v, a, m) = (Self.community, Self.department, Self.subdistrict, Self.supervisor, Self.auditor, Self.admin)
        // Command → the logins allowed; every other login is refused by the shell, naming the role.
        let matrix: [(String, Set<String>)] = [
            ("case new 又坏了 community=六里屯社区", [c, s]),
            ("case new 又坏了 community=红庙社区", []),
            ("case progress C-1 note=已联系物业", [d, s]),
            ("case progress C-2 note=已联系物业", [s]),
            ("meeting use M-2; attend 张伟", [c, s]),
            ("meeting use M-1; attend 张伟", [s]),
            ("case verify C-4 note=已核实", [c, s]),
            ("case verify C-5 note=已核实", [s]),
            ("notice commend 城建科 reason=按时办结 period=2019-11", [s, v]),
            ("audit verify", [s, v, a, m]),
            ("policy set urgency=urgent respond=2h resolve=24h", [m]),
            ("dept add 新科室\(getpid())", [m]),
            ("role grant \(Self.nobody) auditor", [m]),
            ("set reveal on", [c, d, s, v, m]),
            ("count cases", [c, d, s, v, a, m]),
        ]
        for (command, allowed) in matrix {
            for login in Self.logins {
                let error = run(command, as: login, db)
                // Allowed: it ran, or failed only for the record's own reason (a step already
                // taken by a login before). Refused: by the shell, naming the role, or the
                // record is not there for this login at all (the server hides it).
                let refusedHere = ["error: not allowed: '", "permission denied", "row-level security", "error: no case", "error: no meeting"].contains {
                    error?.contains($0) == true
                }
                if allowed.contains(login) {
                    #expect(!refusedHere, "\(login): \(command) was refused: \(error ?? "")")
                } else {
                    #expect(refusedHere, "\(login): \(command) should be refused: \(error ?? "it ran")")
                }
            }
        }
        // The refusal is located and names what is needed and what the login holds.
        let refused = run("case resolve C-2 note=修好了", as: c, db)
        #expect(
            refused == """
                -c:1:1: error: not allowed: 'case resolve' needs department staff or subdistrict cadre; \(c) is community cadre of 六里屯社区
                    case resolve C-2 note=修好了
                    ^
                hint: an admin grants roles: role grant LOGIN ROLE …

                """, "\(refused ?? "it ran")")
    }

    @Test func helpOffersWhatTheLoginMayDoAndAnAdminGrantsInItsScope() throws {
        guard let db = district() else { return }
        let help = runMinsheng("--db '\(asLogin(Self.department, db))' --lang en -c help", in: Files.temporaryDirectory())
        #expect(help.stdout.contains("  case resolve (诉求 办结)") && !help.stdout.contains("  case new (诉求 新建)"), "\(help.stdout)")
        #expect(help.stdout.hasSuffix("(only the commands \(Self.department) may use: department staff; role list shows the grants)\n"))
        // An admin of one subdistrict grants there only: not for the district, not in another subdistrict.
        let local = Self.localAdmin
        #expect(run("role grant \(Self.nobody) community community=六里屯社区", as: local, db) == nil)
        #expect(run("role grant \(Self.nobody) auditor", as: local, db)?.contains("error: not allowed: 'role grant' needs admin for the district") == true)
        #expect(run("role grant \(Self.nobody) community community=红庙社区", as: local, db)?.contains("error: not allowed: 'role grant' needs admin for S-3") == true)
        // Nor through psql: the server checks the scope too.
        #expect(
            psqlLines(db, "INSERT INTO role_grant (login, role, created_at, created_by) VALUES ('\(Self.nobody)', 'auditor', 'x', 'x')", as: local)
                == ["ERROR:  new row violates row-level security policy for table \"role_grant\""])
    }

    /// A seal over every chain on the server: a scoped supervisor checks it (the server lets
    /// it read the sealed heads); an edit to a subdistrict's sealed entry is named.
    @Test func aSealCoversEveryChainOnTheServer() throws {
        guard let db = district() else { return }
        let sealed = runMinsheng("--db '\(db)' --lang en -c 'audit seal'", in: Files.temporaryDirectory())
        #expect(sealed.stdout.contains(" over 3 chains ("), "\(sealed.stdout)\(sealed.stderr)")
        let seal = String(sealed.stdout.split(separator: " ").dropFirst().first ?? "")
        let checked = run("audit verify seal=\(seal)", as: Self.supervisor, db)
        #expect(checked == nil, "\(checked ?? "")")
        _ = psqlLines(db, "UPDATE event SET hash = 'x' || substr(hash, 2) WHERE chain = 1 AND link = (SELECT max(link) FROM event WHERE chain = 1)")
        let broken = runMinsheng("--db '\(db)' --lang en -c 'audit verify seal=\(seal)'", in: Files.temporaryDirectory())
        #expect(broken.status == 1 && broken.stderr.contains("八里庄街道 chain, entry "), "\(broken.stderr)")
    }

    /// Every table the shell keeps has row-level security: a new one cannot be left out.
    @Test func everyRecordTableHasRowLevelSecurity() throws {
        guard let db = district() else { return }
        let open = psqlLines(
            db,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                + "AND c.relkind = 'r' AND NOT c.relrowsecurity AND c.relname NOT IN ('minsheng_migrations', 'minsheng_reveal') ORDER BY 1")
        #expect(open == [])
    }

    @Test func eachLoginSeesItsScope() throws {
        guard let db = district() else { return }
        let expected: [(String, String)] = [
            (Self.community, "2"), (Self.department, "1"), (Self.subdistrict, "4"), (Self.supervisor, "4"), (Self.auditor, "5"), (Self.admin, "5"),
        ]
        for (login, count) in expected {
            let r = runMinsheng("--db '\(asLogin(login, db))' --lang en -c 'count cases'", in: Files.temporaryDirectory())
            #expect(r.stdout == count + "\n", "\(login) counts \(r.stdout) \(r.stderr)")
        }
        // Another community's case is not there for her, in the shell or in psql.
        let other = run("case show C-2", as: Self.community, db)
        #expect(other?.contains("no case C-2") == true, "\(other ?? "it ran")")
        #expect(psqlLines(db, "SELECT title FROM cases ORDER BY id", as: Self.community) == ["楼道灯不亮", "井盖松动"])
        // A login with no role reaches nothing.
        let none = run("count cases", as: Self.nobody, db)
        // (Refused by the shell when another test's grant made it a member of the group the
        // tables are granted to — membership is the cluster's — else by the server.)
        #expect(
            none?.contains("holds no role") == true || none?.contains("error: the login '\(Self.nobody)' has no role on this database") == true,
            "\(none ?? "it ran")")
    }

    @Test func theLogShowsTheRealLoginEvenWithAs() throws {
        guard let db = district() else { return }
        let c = Self.community
        // Her grant binds her to the cadre 王芳: she may act as herself or as 王芳, no one else.
        let refused = runMinsheng("--db '\(asLogin(c, db))' --lang en --as 王强 -c 'case respond C-1'", in: Files.temporaryDirectory())
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("-c:1:1: error: cannot act as '王强': the server authenticated you as '\(c)'"), "\(refused.stderr)")
        let ok = runMinsheng("--db '\(asLogin(c, db))' --lang en --as 王芳 --now 2019-12-04T09:00 -c 'case verify C-4 note=已核实'", in: Files.temporaryDirectory())
        #expect(ok.status == 0, "\(ok.stderr)")
        let plain = runMinsheng("--db '\(asLogin(c, db))' --lang en --now 2019-12-04T09:05 -c 'case progress C-1 note=x; set operator=李梅'", in: Files.temporaryDirectory())
        #expect(plain.stderr.contains("error: not allowed: 'case progress'"), "\(plain.stderr)")
        let audit = runMinsheng("--db '\(asLogin(c, db))' --lang en -c 'audit C-1'", in: Files.temporaryDirectory())
        let audit4 = runMinsheng("--db '\(asLogin(c, db))' --lang en -c 'audit C-4'", in: Files.temporaryDirectory())
        #expect(audit4.stdout.contains("| \(c) as 王芳 | C-4    | case verify C-4 note=已核实 "), "\(audit4.stdout)")
        #expect(audit.stdout.contains("| postgres "), "the owner's entries name the owner: \(audit.stdout)")
        #expect(psqlLines(db, "SELECT login || ' ' || actor FROM event WHERE command LIKE 'case verify%'") == ["\(c) 王芳"])
    }

    /// Row-level security passes over rows a login may read but not write without a word:
    /// a merge the server carries out only in part is refused whole. An admin alone writes
    /// the cadre, not the visits linked to it; with a subdistrict cadre's role too, it merges.
    @Test func aMergeTheServerAllowsOnlyInPartIsRefused() throws {
        guard let db = district() else { return }
        let owner = runMinsheng(
            "--db '\(db)' --lang en --now 2019-12-03T09:00 -c 'cadre add 王方 community=六里屯社区' -c 'visit log date=2019-12-03 half=am by=王方 unit=居委会'",
            in: Files.temporaryDirectory())
        #expect(owner.status == 0, "\(owner.stderr)")
        let merge = "merge cadre 王方 into=王芳 reason=重复录入"
        let refused = run(merge, as: Self.admin, db) ?? ""
        // (The server refuses the row it may not write, or passes over it and the store refuses.)
        #expect(refused.contains("error: not allowed by the server: "), "\(refused)")
        #expect(psqlLines(db, "SELECT g.name FROM visit v JOIN cadre g ON g.id = v.cadre_id") == ["王方"])
        #expect(psqlLines(db, "SELECT count(*) FROM cadre WHERE merged_into IS NOT NULL") == ["0"])
        #expect(runMinsheng("--db '\(db)' --lang en -c 'role grant \(Self.subdistrict) admin'", in: Files.temporaryDirectory()).status == 0)
        #expect(run(merge, as: Self.subdistrict, db) == nil)
        #expect(psqlLines(db, "SELECT g.name FROM visit v JOIN cadre g ON g.id = v.cadre_id") == ["王芳"])
    }

    @Test func phonesAreMaskedUnlessRevealedAndTheRevealIsKept() throws {
        guard let db = district() else { return }
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/r.msh", "case show C-1\nset reveal on\ncase show C-1\n")
        let r = runMinsheng("--db '\(asLogin(Self.community, db))' --lang en r.msh", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let shown = r.stdout.components(separatedBy: "timeline")
        #expect(shown.count == 3 && shown[0].contains("138****1234") && !shown[0].contains("13800001234"), "\(r.stdout)")
        #expect(shown.count == 3 && shown[1].contains("13800001234"), "\(r.stdout)")
        #expect(psqlLines(db, "SELECT login, reveal FROM minsheng_reveal") == ["\(Self.community)|t"])
    }

    @Test func psqlAttacksByACommunityCadreAreRefused() throws {
        guard let db = district() else { return }
        let c = Self.community
        func attack(_ sql: String) -> [String] { psqlLines(db, sql, as: c) }
        #expect(attack("UPDATE event SET actor = '王强'") == ["ERROR:  permission denied for table event"])
        #expect(attack("DELETE FROM event") == ["ERROR:  permission denied for table event"])
        #expect(attack("TRUNCATE event") == ["ERROR:  permission denied for table event"])
        #expect(attack("SELECT count(*) FROM cases WHERE community_id <> 1") == ["0"])
        #expect(attack("SELECT count(*) FROM event WHERE kind = 'case' AND record_id = 2") == ["0"])
        #expect(attack("UPDATE cases SET status = 'closed' WHERE id = 2") == [])
        #expect(psqlLines(db, "SELECT status FROM cases WHERE id = 2") == ["dispatched"])
        #expect(attack("SET ROLE postgres") == ["ERROR:  permission denied to set role \"postgres\""])
        // A ballot in another community's open poll, a grant raising her own role.
        #expect(
            attack("INSERT INTO ballot (motion_id, voter, choice, cast_at) VALUES (1, '王芳', 'yes', '2019-12-04T09:00')")
                == ["ERROR:  new row violates row-level security policy for table \"ballot\""])
        #expect(
            attack("INSERT INTO role_grant (login, role, created_at, created_by) VALUES ('\(c)', 'admin', 'x', 'x')")
                == ["ERROR:  new row violates row-level security policy for table \"role_grant\""])
        #expect(attack("SELECT minsheng_enrol('\(Self.nobody)')").first?.contains("ERROR:  only an admin grants roles") == true)
        // Phone numbers: not readable at all; through the server's function, masked, and
        // in full only after a reveal, which the server keeps (an auditor may not reveal).
        #expect(attack("SELECT phone FROM cases") == ["ERROR:  permission denied for table cases"])
        #expect(attack("SELECT minsheng_phone('cases', 1)") == ["138****1234"])
        #expect(attack("SELECT minsheng_phone('cases', 2)") == [], "another community's case gives nothing")
        #expect(attack("SELECT minsheng_reveal(true); SELECT minsheng_phone('cases', 1)") == ["13800001234"])
        #expect(attack("DELETE FROM minsheng_reveal") == ["ERROR:  permission denied for table minsheng_reveal"])
        #expect(psqlLines(db, "SELECT login, reveal FROM minsheng_reveal") == ["\(c)|t"])
        #expect(
            psqlLines(db, "SELECT minsheng_reveal(true)", as: Self.auditor).first
                == "ERROR:  phone numbers are never shown in full to this login (an auditor, or no role)")
        #expect(psqlLines(db, "SELECT count(*) FROM ballot") == ["0"])
        #expect(psqlLines(db, "SELECT count(*) FROM event") == psqlLines(db, "SELECT max(seq) FROM event"))
        #expect(psqlLines(db, "SELECT count(*) FROM role_grant WHERE login = '\(c)'") == ["1"])
    }
}

import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every table the shell keeps is bound to the log: a row edited, inserted or deleted with
/// sqlite3 or psql, behind the shell's back, is named by `audit verify` with its table, its
/// id and what differs — on both engines. A forger who also rewrites the row's image and
/// recomputes every hash passes `audit verify` alone, and is caught by a published seal.
@Suite(.serialized) struct TamperTests {
    /// A meeting as typed in the room (attendance, ballots, a secret poll, ratings), then
    /// households, a visit, a policy and a dispatched case.
    static let script: String = {
        let meeting = Files.read(packageRoot + "/examples/meeting.msh") ?? ""
        return meeting + """

            set now=2019-12-06T09:00
            compound add 六里屯北里1号楼 community=六里屯社区
            household add 1号楼1单元201 compound=六里屯北里1号楼 head=陈静 phone=13800005678
            cadre add 王强 dept=城建科
            cadre add 李梅 community=六里屯社区
            pair 王强 李梅
            visit log date=2019-12-06 half=am by=王强,李梅 household=H-1 content=摸排问题
            policy set urgency=normal resolve=5d
            case new "楼道灯不亮" community=六里屯社区 household=H-1
            case dispatch $_ dept=城建科
            audit seal

            """
    }()

    /// Each tampering: the SQL, and what `audit verify` must say about it.
    static let edits: [(sql: String, says: String)] = [
        ("UPDATE cases SET status = 'closed', title = '已办结' WHERE id = 3",
         #"record C-3 (cases): edited behind the shell's back: status logged "dispatched", now "closed"; title logged "楼道灯不亮", now "已办结""#),
        ("UPDATE case_dispatch SET department_id = 2 WHERE id = 1", "record case_dispatch 1: edited behind the shell's back: department_id logged 1, now 2"),
        ("UPDATE ballot SET choice = 'no' WHERE id = 3", "record ballot 3: edited behind the shell's back: choice logged"),
        ("UPDATE secret_count SET n = n + 5 WHERE id = 1", "record secret_count 1: edited behind the shell's back: n logged"),
        ("UPDATE attendance SET name = '王方' WHERE id = 1", #"record attendance 1: edited behind the shell's back: name logged "王芳", now "王方""#),
        ("UPDATE motion SET verdict = 'passed', yes = 40 WHERE id = 1", "record motion 1: edited behind the shell's back:"),
        ("UPDATE visit SET content = '其他' WHERE id = 1", "record V-1 (visit): edited behind the shell's back: content logged"),
        ("UPDATE household SET tags = 'hardship' WHERE id = 1", "record H-1 (household): edited behind the shell's back: tags logged"),
        ("UPDATE case_policy SET resolve_seconds = 86400 WHERE urgency = 'normal'",
         "record case_policy 1: edited behind the shell's back: resolve_seconds logged 432000, now 86400"),
        ("UPDATE evaluation SET satisfied = 40 WHERE id = 1", "record evaluation 1: edited behind the shell's back: satisfied logged 28, now 40"),
        ("UPDATE meeting_member SET name = '王五' WHERE id = 2", #"record meeting_member 2: edited behind the shell's back: name logged "张伟", now "王五""#),
        ("INSERT INTO ballot (motion_id, voter, choice, cast_at) VALUES (1, '外人', 'yes', '2019-12-05T19:40:00')",
         "not in the change log (added behind the shell's back)"),
        ("CREATE TEMP TABLE copied AS SELECT * FROM cases WHERE id = 3; UPDATE copied SET id = 99; INSERT INTO cases SELECT * FROM copied",
         "record C-99: not in the change log (added behind the shell's back)"),
        ("DELETE FROM attendance WHERE id = 2", "record attendance 2: in the change log but gone (deleted behind the shell's back)"),
        ("DELETE FROM case_dispatch WHERE id = 1", "record case_dispatch 1: in the change log but gone (deleted behind the shell's back)"),
        ("DELETE FROM logged_row WHERE id = 1", "entry 2: the images of the rows it wrote were changed"),
        ("UPDATE event SET wall = '2019-12-01T00:00:00Z' WHERE seq = 2", "entry 2: edited after it was written"),
    ]

    /// The database the script makes, built once (nil, and why, when it could not be).
    static let built: (path: String?, problem: String) = {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/setup.msh", script)
        let r = runMinsheng("--db f.db --lang en -f setup.msh", in: dir)
        guard r.status == 0 else { return (nil, "the setup script failed: \(r.stderr)") }
        _ = sqlite(dir + "/f.db", "PRAGMA wal_checkpoint(TRUNCATE)")
        return (dir + "/f.db", "")
    }()

    /// A copy of the built database in a folder of its own, as `t.db`.
    func copy() -> String? {
        guard let path = Self.built.path else {
            Issue.record("\(Self.built.problem)")
            return nil
        }
        let dir = Files.temporaryDirectory()
        _ = system("cp '\(path)' '\(dir)/t.db'")
        return dir
    }

    @Test func theUntouchedRecordVerifies() {
        guard let dir = copy() else { return }
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("change log intact: "))
    }

    @Test(arguments: 0..<edits.count) func anEditWithSQLite3IsNamed(_ i: Int) {
        let (sql, says) = Self.edits[i]
        guard let dir = copy() else { return }
        #expect(sqlite(dir + "/t.db", sql) == "", "\(sql)")
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 1, "\(sql): \(r.stdout)")
        #expect(r.stderr.contains("change log tampered with"), "\(sql): \(r.stderr)")
        #expect(r.stderr.contains(says), "\(sql) should say \(says):\n\(r.stderr)")
    }

    /// The forger's best: edit a row, rewrite its image, the entry's digest of images and every
    /// hash after it. `audit verify` alone cannot tell (there is no secret key); the seal
    /// published before can.
    @Test func aForgerWhoRewritesImagesAndHashesIsCaughtBySeal() {
        guard let dir = copy() else { return }
        let sealed = runMinsheng("--db t.db --lang en -c 'audit seal'", in: dir)
        let seal = sealed.stdout.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        #expect(seal.count == 16, "\(sealed.stdout)")
        _ = sqlite(dir + "/t.db", "UPDATE cases SET status = 'closed' WHERE id = 3")
        let caught = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(caught.status == 1 && caught.stderr.contains("record C-3 (cases)"))
        rewriteImagesAndChain(dir + "/t.db", table: "cases", id: 3, from: #""status":"dispatched""#, to: #""status":"closed""#)
        let alone = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(alone.status == 0, "the rewrite verifies on its own: \(alone.stderr)")
        let checked = runMinsheng("--db t.db --lang en -c 'audit verify seal=\(seal)'", in: dir)
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("the change log no longer extends seal \(seal)"), "\(checked.stderr)")
    }

    /// The same tampering with psql on the server, as its superuser, is named the same way.
    @Test func anEditWithPsqlIsNamed() throws {
        let (db, problem) = TestServer.freshDatabase()
        guard let db else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/setup.msh", Self.script)
        let setup = runMinsheng("--db '\(db)' --lang en -f setup.msh", in: dir)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir).status == 0)
        let tampering = [0, 2, 4, 7, 11, 13]
        let sql = tampering.map { Self.edits[$0].sql + ";" }.joined(separator: "\n")
        _ = psqlLines(db, sql)
        let r = runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 1)
        for i in tampering {
            #expect(r.stderr.contains(Self.edits[i].says), "\(Self.edits[i].sql) should say \(Self.edits[i].says):\n\(r.stderr)")
        }
        // A phone number edited on the server is named without showing the number: its image is a keyed digest.
        _ = psqlLines(db, "UPDATE household SET phone = '13900001111' WHERE id = 1")
        let phone = runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir)
        #expect(phone.stderr.contains("record H-1 (household): edited behind the shell's back: phone logged \""), "\(phone.stderr)")
        #expect(!phone.stderr.contains("13900001111") && !phone.stderr.contains("13800005678"), "\(phone.stderr)")
    }

    /// On the server the wall-clock time of an entry is the server's, whatever a login
    /// that is not privileged sets; on a file it is the machine's.
    @Test func theWallClockIsTheServersOwn() throws {
        let (db, problem) = TestServer.freshDatabase()
        guard let db else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        let login = "r\(getpid())_wall"
        _ = psqlLines(db, "DROP ROLE IF EXISTS \(login); CREATE ROLE \(login) LOGIN;")
        let dir = Files.temporaryDirectory()
        let owner = runMinsheng("--db '\(db)' --lang en -c 'community add 六里屯社区; role grant \(login) community community=六里屯社区'", in: dir)
        #expect(owner.status == 0, "\(owner.stderr)")
        guard let at = db.firstRange(of: "@/") else { return }
        let asLogin = "postgresql://\(login)" + db[at.lowerBound...]
        let r = runMinsheng("--db '\(asLogin)' --lang en -c 'case new 楼道灯不亮 community=六里屯社区'", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let walls = psqlLines(db, "SELECT substr(wall, 1, 4) FROM event WHERE action = 'case.new'")
        #expect(walls.count == 1 && walls.first != "2019", "a cadre's fixed clock is ignored: \(walls)")
        #expect(runMinsheng("--db '\(db)' --lang en -c 'audit verify'", in: dir).status == 0)
        // A cadre cannot change the time afterwards either: nobody but the owner updates the log.
        let forged = psqlLines(db, "UPDATE event SET wall = '2019-12-03T01:00:00Z'", as: login)
        #expect(forged.first?.contains("permission denied") == true, "\(forged)")
    }

    @Test func onAFileTheWallClockIsTheMachines() {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng("--db t.db --lang en --now 2019-12-03T09:00 -c 'dept add 城建科'", env: "MINSHENG_WALL_CLOCK=", in: dir)
        #expect(r.status == 0)
        let year = sqlite(dir + "/t.db", "SELECT substr(wall, 1, 4) FROM event WHERE action = 'department.add'")
        #expect(year != "2019\n" && year.count == 5, "\(year)")
    }
}

/// Rewrites a row's images in the log (every one holding `from`) and the row itself, then the
/// images' digests and every hash of the chain, as a forger with the file would.
func rewriteImagesAndChain(_ db: String, table: String, id: Int, from: String, to: String) {
    let script = """
        import sqlite3, hashlib, json, sys
        c = sqlite3.connect(sys.argv[1])
        c.execute("UPDATE logged_row SET image = replace(image, ?, ?) WHERE tbl = ? AND row_id = ?", (sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])))
        prev = ""
        for seq, chain, link, at, actor, command, action, kind, rid, details, login, wall in c.execute(
                "SELECT seq, chain, link, at, actor, command, action, kind, record_id, details, login, wall FROM event ORDER BY seq").fetchall():
            lines = ["%s\\t%d\\t%s" % r for r in c.execute("SELECT tbl, row_id, image FROM logged_row WHERE chain = ? AND link = ? ORDER BY id", (chain, link))]
            digest = hashlib.sha256("\\n".join(lines).encode()).hexdigest() if lines else ""
            fields = [at, actor, command, action, kind or "", "" if rid is None else str(rid), details, login, wall, digest]
            h = hashlib.sha256((prev + "\\n" + "\\t".join(json.dumps(f, ensure_ascii=False) for f in fields)).encode()).hexdigest()
            c.execute("UPDATE event SET row_digest = ?, prev_hash = ?, hash = ? WHERE seq = ?", (digest, prev, h, seq))
            prev = h
        c.commit()
        """
    let dir = Files.temporaryDirectory()
    Files.write(dir + "/forge.py", script)
    _ = system("python3 '\(dir)/forge.py' '\(db)' '\(from)' '\(to)' '\(table)' \(id)")
}

/// A file made before rows were imaged into the log is upgraded with a baseline: it still
/// verifies, and from then on an edit of one of its old rows is found.
@Suite(.serialized) struct ImageUpgradeTests {
    @Test func anOldFileGetsABaselineAndItsOldRowsAreBound() {
        let dir = Files.temporaryDirectory()
        let made = runMinsheng("--db t.db --lang en --now 2019-12-03T09:00 -c 'dept add 城建科; community add 六里屯社区; case new 楼道灯不亮 community=六里屯社区'", in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        // Back to the file as version 10 wrote it: no images, no wall-clock times, the old hashes.
        let downgrade = """
            import sqlite3, hashlib, json, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("DROP TABLE logged_row")
            c.execute("ALTER TABLE event DROP COLUMN wall")
            c.execute("ALTER TABLE event DROP COLUMN row_digest")
            c.execute("DELETE FROM grdb_migrations WHERE identifier LIKE 'v11:%'")
            c.execute("PRAGMA user_version = 10")
            prev = ""
            for seq, at, actor, command, action, kind, rid, details, login in c.execute(
                    "SELECT seq, at, actor, command, action, kind, record_id, details, login FROM event ORDER BY seq").fetchall():
                fields = [at, actor, command, action, kind or "", "" if rid is None else str(rid), details] + ([login] if login else [])
                h = hashlib.sha256((prev + "\\n" + "\\t".join(json.dumps(f, ensure_ascii=False) for f in fields)).encode()).hexdigest()
                c.execute("UPDATE event SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
                prev = h
            c.commit()
            """
        Files.write(dir + "/downgrade.py", downgrade)
        #expect(system("python3 '\(dir)/downgrade.py' '\(dir)/t.db'") == 0)
        #expect(sqlite(dir + "/t.db", "PRAGMA user_version") == "10\n")
        let upgraded = runMinsheng("--db t.db --lang en -c 'audit verify; audit limit=2'", in: dir)
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stdout.hasPrefix("change log intact: 7 entries verified"), "\(upgraded.stdout)")
        #expect(upgraded.stdout.contains("minsheng |        | (upgrade: rows imaged into the log)"), "\(upgraded.stdout)")
        #expect(sqlite(dir + "/t.db", "SELECT tbl || ' ' || row_id FROM logged_row ORDER BY id") == "cases 1\ncommunity 1\ndepartment 1\n")
        _ = sqlite(dir + "/t.db", "UPDATE cases SET status = 'closed' WHERE id = 1")
        let edited = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains(#"record C-1 (cases): edited behind the shell's back: status logged "received", now "closed""#), "\(edited.stderr)")
    }
}

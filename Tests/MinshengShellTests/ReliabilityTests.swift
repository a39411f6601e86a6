import Dispatch
import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

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

        _ = sqlite(dir + "/t.db", "INSERT INTO event (seq, chain, link, at, actor, command, action, kind, record_id, details, prev_hash, hash) SELECT 99, 0, 99, at, actor, 'dept add 伪造', action, kind, record_id, details, hash, 'forged' FROM event WHERE seq = 4")
        let inserted = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(inserted.stderr.contains("entry 99: edited"))
    }

    /// Each subdistrict's changes form a chain of their own, checked on its own: a tampered
    /// entry is named by its chain and its number there, and the other chains stay intact.
    @Test func eachSubdistrictHasItsOwnChain() {
        let dir = Files.temporaryDirectory()
        let org = "subdistrict add 八里庄街道; subdistrict add 六里屯街道; community add 甲社区 subdistrict=八里庄街道; "
            + "community add 乙社区 subdistrict=六里屯街道; case new 路灯不亮 community=甲社区; audit verify"
        let setup = runMinsheng("--db t.db --lang en -c '\(org)'", in: dir)
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(setup.stdout.contains("change log intact: 5 entries verified in 2 chains\n  八里庄街道: 3 entries, head "), "\(setup.stdout)")
        #expect(setup.stdout.contains("\n  六里屯街道: 2 entries, head "))
        #expect(sqlite(dir + "/t.db", "SELECT chain, link, action FROM event ORDER BY seq") == "1|1|subdistrict.add\n2|1|subdistrict.add\n1|2|community.add\n2|2|community.add\n1|3|case.new\n")
        _ = sqlite(dir + "/t.db", "UPDATE event SET command = 'case new 假的' WHERE action = 'case.new'")
        let edited = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("change log tampered with: 1 problems in 5 entries\n  八里庄街道 chain, entry 3: edited after it was written"), "\(edited.stderr)")
        let zh = runMinsheng("--db t.db --lang zh -c 'audit verify'", in: dir)
        #expect(zh.stderr.contains("八里庄街道链第 3 条：内容被改动"), "\(zh.stderr)")
    }

    /// A record added or deleted in a record table, with the log untouched, is reported too.
    @Test func auditVerifyFindsRecordsAddedOrDeletedBehindTheShellsBack() {
        let dir = Files.temporaryDirectory()
        let setup = runMinsheng("--db t.db --lang en -c 'dept add 城建科; dept add 城管科; community add 六里屯社区; audit verify'", in: dir)
        #expect(setup.stdout.contains("change log intact: 3 entries verified"))
        _ = sqlite(dir + "/t.db", "INSERT INTO department (name, created_at, created_by) VALUES ('假科', '2019-12-03T09:00:00', '王强'); DELETE FROM community WHERE id = 1")
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("change log tampered with: 2 problems in 3 entries"), "\(r.stderr)")
        #expect(r.stderr.contains("record D-3: not in the change log (added behind the shell's back)"))
        #expect(r.stderr.contains("record S-1: in the change log but gone (deleted behind the shell's back)"))
        let zh = runMinsheng("--db t.db --lang zh -c 'audit verify'", in: dir)
        #expect(zh.stderr.contains("记录 D-3：修改记录中没有它（绕过本程序添加）"))
    }

}

func format3(_ ms: Int) -> String {
    let s = String(ms)
    return String(repeating: "0", count: max(0, 3 - s.count)) + s
}

extension Substring {
    func trimmingCharacters() -> String { String(self.filter { !$0.isWhitespace }) }
}

/// A stray quote does not swallow the rest of a long script (re-lexed at every line, it
/// took minutes): past 500 lines the open statement is an error at the quote.
@Suite struct StrayQuoteTests {
    @Test func aStrayQuoteEndsItsStatementAfter500Lines() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/q.msh", "dept add \"未闭合\n" + (1...5000).map { "dept add 科室\($0)\n" }.joined())
        let r = runMinsheng("--db q.db --lang en --keep-going q.msh", in: dir)
        #expect(r.stderr.hasPrefix("q.msh:1:10: error: unterminated quote \""), "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains("a statement spans at most 500 lines"))
        #expect(sqlite(dir + "/q.db", "SELECT COUNT(*) FROM department").hasPrefix("4501"))
    }
}

/// What leaves the shell as a file — an Open311 export, minutes — carries no phone number.
@Suite struct PrivacyFileTests {
    @Test func exportsAndMinutesCarryNoPhoneNumber() {
        let dir = Files.temporaryDirectory()
        let script = """
            dept add 城建科; community add 六里屯社区
            case new 楼道灯不亮 community=六里屯社区 resident=王芳 phone=13800001234 address=3号楼
            case respond C-1 by=李梅; case dispatch C-1 dept=城建科; case resolve C-1 note=已修好
            case export open311 out=cases.json
            meeting new 楼门会 community=六里屯社区 date=2019-12-03 members=王芳,张伟,刘洋
            attend 王芳,张伟; 提 楼道灯 by=王芳; motion 修好楼道灯; 决 yes=王芳,张伟; tally
            minutes M-1 out=minutes.md
            """
        Files.write(dir + "/p.msh", script)
        let r = runMinsheng("--db p.db --lang en --now 2019-12-03T09:00 p.msh", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let json = Files.read(dir + "/cases.json") ?? "", minutes = Files.read(dir + "/minutes.md") ?? ""
        #expect(json.contains("\"service_request_id\"") && json.contains("楼道灯不亮"), "\(json)")
        #expect(minutes.contains("楼道灯"), "\(minutes)")
        for text in [json, minutes, r.stdout] {
            #expect(!text.contains("13800001234") && !text.contains("00001234"))
        }
    }
}

/// `history` shows what was typed, phone numbers masked unless revealed.
@Suite struct HistoryMaskingTests {
    @Test func historyMasksPhoneNumbersUnlessRevealed() {
        let out = CapturedOutput()
        var session = Session(language: .en, actor: "王强")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let interpreter = Interpreter(session: session, store: SQLStore(location: ":memory:"), out: out, diagnostics: out)
        interpreter.historyProvider = { ["household add 3号楼501 compound=3号楼 head=王芳 phone=13800001234", "find cases where created >= 2019-12-01"] }
        _ = interpreter.runScript(LineSource(text: "history\nset reveal on\nhistory", name: "h"))
        let lines = out.text.split(separator: "\n")
        #expect(lines.first == "1  household add 3号楼501 compound=3号楼 head=王芳 phone=138****1234", "\(out.text)")
        #expect(lines.dropFirst().first == "2  find cases where created >= 2019-12-01", "dates are not phone numbers")
        #expect(lines.last == "2  find cases where created >= 2019-12-01")
        #expect(out.text.contains("1  household add 3号楼501 compound=3号楼 head=王芳 phone=13800001234"))
    }
}

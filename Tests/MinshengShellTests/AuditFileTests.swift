import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `audit verify` proves the file as well as the chain: an emptied log is not an intact
/// one, and a damaged file is reported instead of passing or failing with a raw error.
@Suite(.serialized) struct AuditFileTests {
    @Test func anEmptiedLogWhileRecordsExistFails() {
        let dir = Files.temporaryDirectory()
        #expect(runMinsheng("--db t.db --lang en -c 'dept add 城建科; community add 六里屯社区'", in: dir).status == 0)
        _ = sqlite(dir + "/t.db", "DELETE FROM event")
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("-c:1:1: error: change log tampered with: 2 problems in 0 entries\n"))
        #expect(r.stderr.contains("  2 row images belong to no entry (added behind the shell's back)\n"))
        #expect(r.stderr.contains("  the change log is empty but 2 records exist (the log was emptied, or they were written behind the shell's back)\n"))
    }

    @Test func anEmptyDatabaseIsIntact() {
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'")
        #expect(r.status == 0)
        #expect(r.stdout == "change log intact: 0 entries verified, head \n")
    }

    @Test func aDamagedFileIsReportedAsDamaged() {
        let dir = Files.temporaryDirectory()
        let script = (1...300).map { "dept add 科室\($0)" }.joined(separator: "\n") + "\n"
        Files.write(dir + "/s.msh", script)
        #expect(runMinsheng("--db t.db --lang en s.msh", in: dir).status == 0)
        _ = sqlite(dir + "/t.db", "PRAGMA wal_checkpoint(TRUNCATE)")
        let page = Int(sqlite(dir + "/t.db", "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_department_1'").filter { !$0.isWhitespace }) ?? 0
        #expect(page > 1)
        // Overwrite the end of the index's root page, where its cells are.
        let fd = open(dir + "/t.db", O_WRONLY)
        #expect(fd >= 0)
        let junk = [UInt8](repeating: 0x41, count: 1500)
        #expect(pwrite(fd, junk, junk.count, off_t(page * 4096 - 1500)) == 1500)
        close(fd)
        let r = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("-c:1:1: error: the database file is damaged: the change log cannot be proven intact\n  the database file is damaged: "))
        #expect(!r.stderr.contains("database error"))
    }
}

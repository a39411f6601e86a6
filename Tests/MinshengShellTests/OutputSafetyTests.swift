import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A one-word typo (`once d.db`) used to truncate the open database; a shared script could
/// write through a symbolic link. Each refusal is located and changes nothing.
@Suite(.serialized) struct OutputSafetyTests {
    /// Two departments and one case step, so an emptied file or log shows at once.
    func seeded() -> String {
        let dir = Files.temporaryDirectory()
        let r = runMinsheng("--db d.db --lang en -c 'dept add 城建科; dept add 民政科'", in: dir)
        #expect(r.status == 0)
        return dir
    }

    func expectIntact(_ dir: String) {
        let r = runMinsheng("--db d.db --lang en -c 'count depts; audit verify'", in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("2\nchange log intact: 2 entries verified"))
    }

    @Test(arguments: [
        "once d.db", "once ./d.db", "output d.db", "once d.db-wal", "once d.db-shm", "once d.db-journal",
        "record on d.db", "minutes out=d.db", "case export open311 out=d.db-wal", "analysis week=2019-W48 out=d.db",
    ])
    func theDatabaseAndItsFilesAreNeverAnOutput(command: String) {
        let dir = seeded()
        let before = Files.read(dir + "/d.db")
        let r = runMinsheng("--db d.db --lang en -c '\(command); count depts'", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        // `minutes` names no meeting here: what matters is that the file was not touched.
        if !command.hasPrefix("minutes") {
            #expect(r.stderr.hasPrefix("-c:1:"))
            #expect(r.stderr.contains("error: refusing to write"))
            #expect(r.stderr.contains("it is the database"))
        }
        #expect(Files.read(dir + "/d.db") == before)
        expectIntact(dir)
    }

    @Test func anotherPathToTheSameFileIsRefusedByInode() {
        let dir = seeded()
        #expect(mkdir(dir + "/sub", 0o700) == 0)
        #expect(link(dir + "/d.db", dir + "/sub/alias.db") == 0)
        let r = runMinsheng("--db d.db --lang en -c 'once sub/alias.db; count depts'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("refusing to write 'sub/alias.db': it is the database (d.db)"))
        expectIntact(dir)
    }

    @Test(arguments: ["once link.txt", "output link.txt", "record on link.txt", "case export open311 out=link.txt"])
    func aSymbolicLinkIsNeverFollowed(command: String) {
        let dir = seeded()
        Files.write(dir + "/bashrc", "original\n")
        #expect(symlink(dir + "/bashrc", dir + "/link.txt") == 0)
        let r = runMinsheng("--db d.db --lang en -c '\(command); echo planted'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: refusing to write 'link.txt': it is a symbolic link"))
        #expect(Files.read(dir + "/bashrc") == "original\n")
        expectIntact(dir)
    }

    @Test func aDanglingSymbolicLinkCreatesNothing() {
        let dir = seeded()
        #expect(symlink(dir + "/planted", dir + "/link.txt") == 0)
        let r = runMinsheng("--db d.db --lang en -c 'once link.txt; count depts'", in: dir)
        #expect(r.status == 1)
        #expect(access(dir + "/planted", F_OK) != 0)
    }

    @Test func anOrdinaryFileStillWorks() {
        let dir = seeded()
        let r = runMinsheng("--db d.db --lang en -c 'once depts.txt; count depts'", in: dir)
        #expect(r.status == 0)
        #expect(Files.read(dir + "/depts.txt") == "2\n")
    }

    /// `once ~/.bashrc` from a shared script used to replace the file: an existing file is
    /// now replaced only with `overwrite=yes`, and the refusal says so.
    @Test(arguments: [
        "once bashrc", "output bashrc", "case export open311 out=bashrc", "analysis week=2019-W48 out=bashrc",
    ])
    func anExistingFileIsReplacedOnlyWithOverwrite(command: String) {
        let dir = seeded()
        Files.write(dir + "/bashrc", "original\n")
        let r = runMinsheng("--db d.db --lang en -c '\(command); echo planted'", in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("-c:1:"))
        #expect(r.stderr.contains("error: 'bashrc' already exists; add overwrite=yes to replace it"))
        #expect(Files.read(dir + "/bashrc") == "original\n")
        let forced = runMinsheng("--db d.db --lang en -c '\(command) overwrite=yes; echo replaced'", in: dir)
        #expect(forced.status == 0)
        #expect(Files.read(dir + "/bashrc") != "original\n")
        expectIntact(dir)
    }

    @Test func minutesRefuseAnExistingFileToo() {
        let dir = seeded()
        let setup = runMinsheng("--db d.db --lang en -c 'meeting new 议事会 members=张三,李四 date=2019-12-05'", in: dir)
        #expect(setup.status == 0)
        Files.write(dir + "/m.md", "original\n")
        let r = runMinsheng("--db d.db --lang en -c 'minutes M-1 out=m.md'", in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("-c:1:17: error: 'm.md' already exists; add overwrite=yes to replace it"))
        #expect(Files.read(dir + "/m.md") == "original\n")
        let forced = runMinsheng("--db d.db --lang en -c 'minutes M-1 out=m.md overwrite=yes'", in: dir)
        #expect(forced.status == 0)
        #expect((Files.read(dir + "/m.md") ?? "").hasPrefix("# 会议纪要：议事会"))
    }
}

import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The smaller findings of the attack on the shell: file modes, leftovers of a killed
/// creation, and scripts after an error.
@Suite(.serialized) struct HardeningTests {
    func mode(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o777 : nil
    }

    /// An existing 0644 database used to get 0644 -wal and -shm files (SQLite copies the
    /// mode): they hold the same data, so they are 0600 while a shell has them open.
    @Test func walAndShmArePrivateEvenBesideA0644Database() {
        let dir = Files.temporaryDirectory()
        #expect(runMinsheng("--db d.db -c 'dept add 城建科'", in: dir).status == 0)
        #expect(chmod(dir + "/d.db", 0o644) == 0)
        // A shell that keeps the database open (its script still arriving) while the modes are read.
        let modes = dir + "/modes"
        let status = system(
            "cd '\(dir)' && ( echo 'count depts'; sleep 2 ) | '\(binary)' --db d.db > out.txt & "
                + "sleep 1; stat -c '%a %n' '\(dir)/d.db-wal' '\(dir)/d.db-shm' > '\(modes)'; wait")
        #expect(status == 0)
        #expect(Files.read(modes) == "600 \(dir)/d.db-wal\n600 \(dir)/d.db-shm\n")
        #expect(Files.read(dir + "/out.txt") == "1\n")
        #expect(mode(dir + "/d.db") == 0o644, "the database file keeps the mode its owner gave it")
    }

    /// A shell killed while creating a database leaves `NAME.new-PID` files: the next open
    /// removes those of processes that are gone, and leaves a live one's alone.
    @Test func leftoversOfAKilledCreationAreRemovedAtTheNextOpen() {
        let dir = Files.temporaryDirectory()
        for name in ["d.db.new-999999", "d.db.new-999999-wal", "d.db.new-999999-journal", "d.db.new-1", "other.db.new-999999"] {
            Files.write(dir + "/" + name, "")
        }
        #expect(runMinsheng("--db d.db -c 'count depts'", in: dir).stdout == "0\n")
        for gone in ["d.db.new-999999", "d.db.new-999999-wal", "d.db.new-999999-journal"] {
            #expect(access(dir + "/" + gone, F_OK) != 0, "\(gone) should be removed")
        }
        // pid 1 is alive; another database's leftovers are not this one's to remove.
        #expect(access(dir + "/d.db.new-1", F_OK) == 0)
        #expect(access(dir + "/other.db.new-999999", F_OK) == 0)
    }

    /// `-c` runs first, then the scripts in order; after an error the scripts not run are
    /// named, never skipped silently.
    @Test func commandsThenScriptsAndWhatWasNotRunIsNamed() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/a.msh", "echo from a\n")
        Files.write(dir + "/b.msh", "echo from b\n")
        let ok = runMinsheng("--db d.db --lang en -c 'echo first' a.msh b.msh", in: dir)
        #expect(ok.status == 0)
        #expect(ok.stdout == "first\nfrom a\nfrom b\n")
        let failed = runMinsheng("--db d.db --lang en -c 'dept add 城建科; dept add 城建科' a.msh b.msh", in: dir)
        #expect(failed.status == 1)
        #expect(failed.stdout == "added department D-1 城建科\n")
        #expect(failed.stderr.hasSuffix("minsheng: not run after the error: a.msh, b.msh (--keep-going runs them anyway)\n"), "\(failed.stderr)")
        let going = runMinsheng("--db d.db --lang en --keep-going -c 'dept add 城建科' a.msh b.msh", in: dir)
        #expect(going.status == 1)
        #expect(going.stdout == "from a\nfrom b\n")
    }

    /// With reveal off no file but the database holds a full number: a recording, a CSV or
    /// JSON export, the analysis report. With reveal on (itself logged) a recording keeps
    /// them, for an exact replay.
    @Test func noFileButTheDatabaseHoldsAFullNumberWithRevealOff() {
        let dir = Files.temporaryDirectory()
        let script = "record on rec.msh; case new \"回电 010 6543 2109\" resident=王芳 phone=13800001234; record off; "
            + "set format csv; once cases.csv; find cases; set format json; once cases.json; find cases; "
            + "analysis week=2019-W49 out=report.html"
        let r = runMinsheng("--db d.db --lang en --now 2019-12-03T09:00 -c '\(script)'", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("recording to rec.msh (phone numbers are masked in it"), "\(r.stdout)")
        for file in ["rec.msh", "cases.csv", "cases.json", "report.html"] {
            let text = Files.read(dir + "/" + file) ?? ""
            #expect(!text.isEmpty, "\(file) was not written")
            for number in ["6543", "13800001234", "0000123"] {
                #expect(!text.contains(number), "\(file) holds '\(number)':\n\(text)")
            }
        }
        let revealed = runMinsheng("--db e.db --lang en -c 'set reveal on; record on full.msh; case new 漏水 phone=13800001234'", in: dir)
        #expect(revealed.status == 0)
        #expect(Files.read(dir + "/full.msh")?.contains("phone=13800001234") == true)
    }
}

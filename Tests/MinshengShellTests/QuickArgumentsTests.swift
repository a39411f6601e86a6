import MinshengCore
import MinshengShell
import MinshengTestSupport
import Testing

@Suite struct QuickArgumentsTests {
    @Test func readsTheUsualCommandLines() throws {
        let o = try #require(ShellOptions.quick(["--db", "x.db", "--now=2019-12-03T09:00", "--as", "王强", "-c", "count cases", "--norc", "a.msh"]))
        #expect(o.database == "x.db")
        #expect(o.now == Timestamp.parse("2019-12-03T09:00"))
        #expect(o.actor == "王强")
        #expect(o.inputs == [.commands("count cases"), .file("a.msh")])
        #expect(o.noRC && !o.keepGoing && !o.atomic)
        #expect(o.scripts == ["a.msh"])
        let p = try #require(ShellOptions.quick(["--keep-going", "--atomic", "--format", "json", "--lang", "zh"]))
        #expect(p.keepGoing && p.atomic && p.format == .json && p.language == .zh)
        #expect(ShellOptions.quick([])?.scripts == [])
    }

    /// Every `-c` and every script runs, in the order given (as psql's `-c` and `-f`).
    @Test func everyCommandAndScriptInOrder() throws {
        let o = try #require(ShellOptions.quick(["-c", "echo one", "a.msh", "-c", "echo two", "-f", "b.msh"]))
        #expect(o.inputs == [.commands("echo one"), .file("a.msh"), .commands("echo two"), .file("b.msh")])
        // What ArgumentParser read is put back in the same order.
        let args: ArraySlice = ["--db", "x.db", "b.msh", "-c", "echo one", "-f", "a.msh", "-c", "echo two"]
        #expect(
            ShellOptions.inputsInOrder(args, commands: ["echo one", "echo two"], files: ["a.msh"], scripts: ["b.msh"])
                == [.file("b.msh"), .commands("echo one"), .file("a.msh"), .commands("echo two")])
    }

    @Test func everyCommandRunsAndAnErrorStopsTheRest() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/a.msh", "echo from a\n")
        let both = runMinsheng("--db t.db --lang en -c 'echo one' a.msh -c 'echo two'", in: dir)
        #expect(both.status == 0 && both.stdout == "one\nfrom a\ntwo\n", "\(both.stdout)\(both.stderr)")
        let typo = runMinsheng("--db t.db --lang en -c 'cae' -c 'count depts'", in: dir)
        #expect(typo.status == 1 && typo.stdout == "", "\(typo.stdout)")
        #expect(typo.stderr.hasPrefix("-c:1:1: error: unknown command 'cae'"), "\(typo.stderr)")
        #expect(typo.stderr.hasSuffix("minsheng: not run after the error: -c 'count depts' (--keep-going runs them anyway)\n"), "\(typo.stderr)")
        let going = runMinsheng("--db t.db --lang en --keep-going -c 'cae' -c 'count depts'", in: dir)
        #expect(going.status == 1 && going.stdout == "0\n", "\(going.stdout)\(going.stderr)")
    }

    /// Everything unusual is left to ArgumentParser, which explains it.
    @Test func leavesTheRestToArgumentParser() {
        for args in [
            ["--help"], ["-h"], ["--version"], ["--db"], ["--db", "--norc"], ["--now", "tomorrow"], ["--as", ""], ["--format", "xml"],
            ["--lang", "fr"], ["--db", "a", "--db", "b"], ["--norc=1"], ["--"], ["-x"], ["-c", "-x"], ["--keepgoing"],
        ] {
            #expect(ShellOptions.quick(args) == nil, "\(args)")
        }
    }
}

/// The default database is never made in whatever folder the shell started from.
@Suite struct DefaultPathTests {
    @Test func withoutHomeTheAccountsHomeIsUsedNeverTheCurrentFolder() {
        #expect(Paths.dataDirectory(["XDG_DATA_HOME": "/x"]) == "/x/minsheng")
        #expect(Paths.dataDirectory(["HOME": "/h"]) == "/h/.local/share/minsheng")
        for env in [[:], ["HOME": ""], ["HOME": "relative"], ["XDG_DATA_HOME": "relative"]] {
            let db = Paths.defaultDatabase(env)
            #expect(db == nil || db?.hasPrefix("/") == true, "\(env): \(db ?? "nil")")
        }
        #expect(Paths.defaultDatabase(["MINSHENG_DB": "d.db"]) == "d.db")
    }
}

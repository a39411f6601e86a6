import MinshengCore
import MinshengShell
import Testing

@Suite struct QuickArgumentsTests {
    @Test func readsTheUsualCommandLines() throws {
        let o = try #require(ShellOptions.quick(["--db", "x.db", "--now=2019-12-03T09:00", "--as", "王强", "-c", "count cases", "--norc", "a.msh"]))
        #expect(o.database == "x.db")
        #expect(o.now == Timestamp.parse("2019-12-03T09:00"))
        #expect(o.actor == "王强")
        #expect(o.commands == "count cases")
        #expect(o.noRC && !o.keepGoing && !o.atomic)
        #expect(o.scripts == ["a.msh"])
        let p = try #require(ShellOptions.quick(["--keep-going", "--atomic", "--format", "json", "--lang", "zh"]))
        #expect(p.keepGoing && p.atomic && p.format == .json && p.language == .zh)
        #expect(ShellOptions.quick([])?.scripts == [])
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

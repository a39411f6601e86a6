import MinshengTestSupport
import Testing

/// `examples/demo.msh` (what `scripts/run` builds) runs cleanly and gives the seed's kind
/// of numbers; the generator gives the same data for the same seed.
@Suite struct DemoTests {
    func run(_ script: String, on database: String, in dir: String) -> String {
        let path = dir + "/script.msh"
        Files.write(path, script)
        return Transcript.run(path: path, displayName: "script.msh", database: database)
    }

    @Test func theExampleDemoBuildsTheSubdistrict() throws {
        let dir = Files.temporaryDirectory()
        let db = dir + "/demo.db"
        let built = Transcript.run(path: packageRoot + "/examples/demo.msh", displayName: "demo.msh", database: db)
        #expect(!built.contains("error"), "\(built)")
        #expect(built.contains("generated the demo subdistrict (seed 1): 10 communities, 300 compounds"))
        let checks = """
            check count depts = 5
            check count communities = 10
            check count compounds = 300
            check count households >= 3300
            check count households where tags ~ hardship or tags ~ petitioner or tags ~ frequent-caller >= 100
            check count enterprises >= 50
            check count pairs = 30
            check count cadres where role = community = 40
            check count visits where date = 2019-11 and (enterprise is not empty or unit is not empty) >= 500
            check count cases where created = 2019-11 >= 1000
            check count cases where created = 2019-10 >= 500
            check count cases where resolved = 2019-11 >= 700
            check count cases where status = closed and outcome is empty = 0
            check count cases where groups is not empty >= 100
            check count campaigns = 1
            """
        let out = run(checks, on: db, in: dir)
        #expect(out.isEmpty, "\(out)")
        // Assessment has something to show: every grade, and a change on October.
        for unit in ["community", "dept"] {
            let graded = run("assess \(unit) period=2019-11", on: db, in: dir)
            for grade in ["先进", "进步", "整改", "治理"] { #expect(graded.contains(grade), "\(unit): no \(grade) in \(graded)") }
            #expect(graded.contains("+"), "\(unit): no change on October")
        }
    }

    @Test func theSameSeedGivesTheSameData() {
        let dir = Files.temporaryDirectory()
        func script(_ seed: Int) -> String {
            """
            demo generate seed=\(seed)
            find households where id <= 15
            find cases where id <= 15
            count visits by content
            count cases by status, category
            """
        }
        let a = run(script(7), on: dir + "/a.db", in: dir)
        let b = run(script(7), on: dir + "/b.db", in: dir)
        #expect(a == b)
        #expect(a.contains("(seed 7)"))
        let other = run(script(8), on: dir + "/c.db", in: dir)
        #expect(other != a)
    }
}

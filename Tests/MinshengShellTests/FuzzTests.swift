import MinshengTestSupport
import Testing

/// A short seeded pass of the fuzzer: mutated real scripts through the whole path a
/// script takes, each in a rolled-back transaction. `scripts/fuzz` runs the long pass.
@Suite struct FuzzTests {
    @Test func twentyThousandMutatedScriptsNeitherCrashNorGoUnlocated() throws {
        let corpus = FuzzCorpus.load(roots: [packageRoot + "/Tests/Transcripts", packageRoot + "/examples"])
        #expect(corpus.scripts.count >= 30, "the corpus is every .msh under Tests/Transcripts and examples")
        let harness = try FuzzHarness()
        let report = harness.run(corpus: corpus, count: 20_000, seed: 20_191_203, maxRun: 300)
        #expect(report.inputs == 20_000)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map(\.description).joined(separator: "\n"))")
        // The pass must reach the handlers, not stop at the lexer.
        #expect(report.succeeded > 10_000 && report.rejected > 10_000)
    }

    /// The inputs that once crashed the shell or lost their location, kept as regressions.
    @Test(arguments: [
        "policy set urgency=normal resolve=9223372036854775807d",
        "科室 （（（（\n添加\n\n会议\n\u{FFFD}成员 添加 王芳, \\\n  徐丽, \\",
    ])
    func formerFindings(_ input: String) throws {
        let harness = try FuzzHarness()
        var report = FuzzReport()
        harness.run(Array(input.utf8), into: &report)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }
}

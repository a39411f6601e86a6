import Dispatch
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Collects the reports of fuzzing threads.
final class Reports: @unchecked Sendable {
    private var lock = pthread_mutex_t()
    private var all: [FuzzReport] = []
    init() { pthread_mutex_init(&lock, nil) }
    func add(_ r: FuzzReport) {
        pthread_mutex_lock(&lock)
        all.append(r)
        pthread_mutex_unlock(&lock)
    }
    var total: FuzzReport {
        var t = FuzzReport()
        for r in all {
            t.inputs += r.inputs
            t.succeeded += r.succeeded
            t.rejected += r.rejected
            t.skipped += r.skipped
            t.sandboxed += r.sandboxed
            t.findings += r.findings
        }
        return t
    }
}

/// A short seeded pass of the fuzzer: mutated real scripts through the whole path a
/// script takes, each in a rolled-back transaction. `scripts/fuzz` runs the long pass.
@Suite struct FuzzTests {
    @Test func twentyThousandMutatedScriptsNeitherCrashNorGoUnlocated() throws {
        let corpus = FuzzCorpus.load(roots: [packageRoot + "/Tests/Transcripts", packageRoot + "/examples"])
        #expect(corpus.scripts.count >= 30, "the corpus is every .msh under Tests/Transcripts and examples")
        // Two harnesses (each its own in-memory database) on two threads, 10,000 inputs each.
        let reports = Reports()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            guard let harness = try? FuzzHarness() else { return }
            reports.add(harness.run(corpus: corpus, count: 10_000, seed: 20_191_203 + UInt64(i), maxRun: 300))
        }
        let report = reports.total
        print(
            "fuzz: \(report.inputs) inputs, \(report.succeeded) commands ran, \(report.rejected) refused with a located error, \(report.skipped) skipped, \(report.sandboxed) inputs named files in the sandbox, \(report.findings.count) findings"
        )
        #expect(report.inputs == 20_000)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map(\.description).joined(separator: "\n"))")
        // The pass must reach the handlers, not stop at the lexer.
        #expect(report.succeeded > 10_000 && report.rejected > 10_000)
        // And it must reach the file commands (output paths, links, source chains) in the sandbox.
        #expect(report.sandboxed > 500, "only \(report.sandboxed) inputs ran a file command in the sandbox")
    }

    /// Every sample CSV under Tests/Transcripts, mutated 300 times, through its import.
    @Test func mutatedCSVFilesImportOrFailLocated() throws {
        let files = Files.find(under: packageRoot + "/Tests/Transcripts", suffix: ".csv")
        #expect(files.count >= 8)
        let harness = try FuzzHarness()
        let folder = Files.temporaryDirectory()
        var rng = SeededRandom(state: 20_191_203)
        var report = FuzzReport()
        for file in files {
            let bytes = Files.readBytes(file) ?? []
            let mutator = FuzzMutator(corpus: FuzzCorpus(scripts: [bytes]), maxRun: 300)
            let command = FuzzHarness.importCommand(for: file)
            harness.runImport(command, csv: bytes, folder: folder, into: &report)
            for _ in 0..<300 {
                var csv = bytes
                for _ in 0...rng.below(4) { mutator.mutate(&csv, &rng) }
                harness.runImport(command, csv: csv, folder: folder, into: &report)
            }
        }
        print("csv fuzz: \(report.inputs) imports, \(report.succeeded) imported, \(report.rejected) errors, \(report.findings.count) findings")
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map(\.description).joined(separator: "\n"))")
        #expect(report.succeeded > 100)
    }

    /// Every command's example with each option, in turn, at each extreme value.
    @Test func everyOptionAtEveryExtremeValue() throws {
        let harness = try FuzzHarness()
        var report = FuzzReport()
        let inputs = FuzzTableInputs.all()
        for input in inputs { harness.run(input, into: &report) }
        print(
            "table fuzz: \(report.inputs) inputs, \(report.succeeded) commands ran, \(report.rejected) refused with a located error, \(report.findings.count) findings"
        )
        #expect(inputs.count > 1000)
        #expect(report.succeeded > 300, "enough of them get past validation to reach the handlers")
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5).map(\.description).joined(separator: "\n"))")
    }

    /// The inputs that once crashed the shell or lost their location, kept as regressions.
    @Test(arguments: [
        // A duration that overflowed when turned into seconds.
        Array("policy set urgency=normal resolve=9223372036854775807d".utf8),
        // An unreadable line inside an open bracket: later lines were glued to the broken
        // statement and numbered wrongly, so the error pointed past the end of its line.
        Array("科室 （（（\n添加\n\n会议\n".utf8) + [0xFF] + Array("\n  徐丽, \\".utf8),
        // Found by libFuzzer: "needs by=" after a string that spans lines pointed past the
        // end of the string's first line instead of just after its closing quote.
        Array("propose \"楼道安装声控灯 一\n二三\"".utf8),
        // The same, found by the long seeded pass (input 6xx,xxx of seed 20191203).
        Array("case verify C-1 note=x\ncase dispatch \"' dept=城建科\ntoo,find depts where name = C-1 or 1=1 --\"".utf8),
    ])
    func formerFindings(_ input: [UInt8]) throws {
        let harness = try FuzzHarness()
        var report = FuzzReport()
        harness.run(input, into: &report)
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.rejected > 0)
    }
}

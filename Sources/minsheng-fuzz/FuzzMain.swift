import MinshengTestSupport

#if canImport(Glibc)
    import Glibc
#endif

#if LIBFUZZER
    /// libFuzzer's entry: each input runs like a script file, in a rolled-back transaction.
    /// A finding (an error not located in its input) aborts, so libFuzzer keeps the input.
    nonisolated(unsafe) var harness: FuzzHarness?

    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's own `main`, so libFuzzer's is not used: this one
    /// hands the command line to libFuzzer's driver.
    @main struct FuzzMain {
        static func main() {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
        }
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        if harness == nil { harness = try? FuzzHarness() }
        var report = FuzzReport()
        harness?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [], into: &report)
        if let finding = report.findings.first {
            complain("minsheng-fuzz: \(finding)")
            abort()
        }
        return 0
    }
#else
    /// `minsheng-fuzz [N] [SEED] [--max-run N] [--corpus DIR]… | --input FILE`: runs N
    /// mutated real scripts through the lexer, parser, validator and handlers.
    @main struct FuzzMain {
        static func main() {
            var numbers: [UInt64] = []
            var roots: [String] = []
            var single: String?
            var maxRun = 20_000
            var args = CommandLine.arguments.dropFirst().makeIterator()
            while let a = args.next() {
                switch a {
                case "--corpus": roots.append(args.next() ?? ".")
                case "--input": single = args.next()
                case "--max-run": maxRun = Int(args.next() ?? "") ?? maxRun
                default:
                    guard let n = UInt64(a.filter { $0 != "_" }) else {
                        complain("usage: minsheng-fuzz [N] [SEED] [--max-run N] [--corpus DIR]… | --input FILE")
                        exit(2)
                    }
                    numbers.append(n)
                }
            }
            let harness: FuzzHarness
            do {
                harness = try FuzzHarness()
            } catch {
                complain("minsheng-fuzz: \(error)")
                exit(2)
            }
            if let single {
                var report = FuzzReport()
                harness.run(Files.readBytes(single) ?? [], into: &report)
                print("1 input: \(report.succeeded) commands ran, \(report.rejected) refused, \(report.skipped) skipped, \(report.findings.count) findings")
                for f in report.findings { print(f) }
                exit(report.findings.isEmpty ? 0 : 1)
            }
            let count = Int(numbers.first ?? 1_000_000), seed = numbers.dropFirst().first ?? 20_191_203
            let corpus = FuzzCorpus.load(roots: roots.isEmpty ? ["Tests/Transcripts", "examples"] : roots)
            FuzzCrashReporter.install(file: "fuzz-crash-\(seed).msh")
            let started = time(nil)
            print("fuzzing \(count) inputs from \(corpus.scripts.count) scripts, seed \(seed)")
            let report = harness.run(corpus: corpus, count: count, seed: seed, maxRun: maxRun) { r in
                if r.inputs % 100_000 == 0 { print("  \(r.inputs) inputs, \(r.findings.count) findings, \(Int(time(nil) - started)) s") }
            }
            print(
                "\(report.inputs) inputs, 0 crashes, \(report.findings.count) findings; commands: \(report.succeeded) ran, "
                    + "\(report.rejected) refused with a located error, \(report.skipped) skipped (files); "
                    + "slowest input \(Int(report.slowestMilliseconds)) ms; \(Int(time(nil) - started)) s")
            for (i, f) in report.findings.prefix(20).enumerated() {
                let file = "fuzz-finding-\(seed)-\(i + 1).msh"
                var bytes = f.input
                if let out = fopen(file, "wb") {
                    fwrite(&bytes, 1, bytes.count, out)
                    fclose(out)
                }
                print("\(file): \(f.problem)")
            }
            exit(report.findings.isEmpty ? 0 : 1)
        }
    }
#endif

/// Writes a line to standard error.
func complain(_ text: String) {
    let line = text + "\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
}

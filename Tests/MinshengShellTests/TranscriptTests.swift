import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

let packageRoot = Files.packageRoot(from: #filePath)
let transcriptRoot = packageRoot + "/Tests/Transcripts"

/// Every `Tests/Transcripts/**/*.msh` runs on a fresh database and must print exactly
/// its `.out`. `RECORD_GOLDEN=1 swift test` rewrites the `.out` files instead.
@Suite struct TranscriptTests {
    @Test(arguments: Transcript.discover(under: transcriptRoot))
    func transcript(_ name: String) throws {
        // Run in a copy of the folder, so files the script writes stay out of the tree.
        // (Relative paths resolve against the script, so no chdir is needed: tests run in parallel.)
        let work = Files.temporaryDirectory()
        defer { Files.removeTemporary(work) }
        Files.copyTree(transcriptRoot, work)
        let actual = Transcript.run(path: work + "/" + name, displayName: name)
        let golden = transcriptRoot + "/" + String(name.dropLast(4)) + ".out"
        if getenv("RECORD_GOLDEN") != nil {
            Files.write(golden, actual)
            return
        }
        let expected = Files.read(golden)
        #expect(expected != nil, "missing \(golden): run RECORD_GOLDEN=1 swift test")
        #expect(actual == expected ?? "", "\(name) differs from its .out")
    }
}

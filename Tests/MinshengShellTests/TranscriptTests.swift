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

/// The conformance suite: every transcript again, on the PostgreSQL server `scripts/test`
/// started, each on a database of its own, and it must print the same `.out` — the same
/// language, the same answers and the same messages on both engines. Without the server
/// the suite fails; it never skips.
@Suite struct PostgresTranscriptTests {
    /// Transcripts whose output names the engine itself: the query plan of `explain`.
    static let engineSpecific: Set<String> = []

    @Test(arguments: Transcript.discover(under: transcriptRoot))
    func transcriptOnPostgres(_ name: String) throws {
        let (location, problem) = TestServer.freshDatabase()
        guard let location else {
            Issue.record("\(problem ?? "no server")")
            return
        }
        let work = Files.temporaryDirectory()
        defer { Files.removeTemporary(work) }
        Files.copyTree(transcriptRoot, work)
        // Logged in as the transcript's operator, so the log names the same login on both engines.
        let actor = Transcript.header(path: work + "/" + name).actor
        guard let login = TestServer.asLogin(actor, location) else {
            Issue.record("cannot create the login \(actor) on the test server")
            return
        }
        let actual = Transcript.run(path: work + "/" + name, displayName: name, database: login)
        let golden = transcriptRoot + "/" + String(name.dropLast(4)) + ".out"
        let expected = Files.read(golden) ?? ""
        #expect(actual == expected, "\(name) on PostgreSQL differs from its .out")
    }
}

import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

/// Every change is logged: across every transcript and example, whenever a command
/// changed any record table, the change log grew in the same command.
@Suite struct EventCoverageTests {
    static let scripts =
        Transcript.discover(under: transcriptRoot).map { "Tests/Transcripts/" + $0 }
        + Transcript.discover(under: packageRoot + "/examples").map { "examples/" + $0 }

    @Test(arguments: scripts)
    func everyChangeIsLogged(_ name: String) throws {
        // Run in a copy of the folder: scripts write files (output, minutes, exports).
        let work = Files.temporaryDirectory()
        let folder = name.hasPrefix("examples/") ? "examples" : "Tests/Transcripts"
        Files.copyTree(packageRoot + "/" + folder, work)
        let path = work + "/" + name.dropFirst(folder.count + 1)
        var session = Session(language: .en, actor: "测试员")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let store = SQLStore(location: ":memory:")
        try store.open()
        let captured = CapturedOutput()
        let interpreter = Interpreter(session: session, store: store, out: captured, diagnostics: captured)
        interpreter.openTable = CSVFile.open
        interpreter.outputFolder = path.lastIndex(of: "/").map { String(path[..<$0]) }
        var digest = try store.recordsDigest(), events = try store.eventCount()
        var commands = 0, changing = 0
        var unlogged: [String] = []
        interpreter.afterCommand = { inv in
            commands += 1
            guard let d = try? store.recordsDigest(), let e = try? store.eventCount() else { return }
            if d != digest {
                changing += 1
                if e == events { unlogged.append("\(inv.location): \(inv.source)") }
            }
            digest = d
            events = e
        }
        let source = try LineSource(path: path, displayName: name)
        _ = interpreter.runScript(source, options: RunOptions(keepGoing: true), canonicalName: path)
        #expect(commands > 0 && changing > 0, "\(name) ran \(commands) commands, \(changing) changing records")
        #expect(unlogged.isEmpty, "changed records without an event: \(unlogged)")
        // Every record is named by the log, so `audit verify` can tell one added behind the shell's back;
        // every row a command wrote is imaged as it is (a merge moves many at once).
        let v = try store.verifyLog()
        #expect(v.problems.isEmpty && v.unlogged.isEmpty && v.vanished.isEmpty, "\(v.unlogged) \(v.vanished)")
        #expect(v.altered.isEmpty && v.strayImages == 0, "rows not as the log imaged them: \(v.altered.map(\.record))")
    }
}

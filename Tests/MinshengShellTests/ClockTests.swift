import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The clock in force beside the real time: at the prompt the clock only goes forward, a
/// script or a replay may set it back, and every clock set by hand is logged.
@Suite struct ClockTests {
    /// An interpreter as the prompt drives it, on a fresh database, its clock at 2019-12-03 09:00.
    func prompt() throws -> (Interpreter, CapturedOutput, SQLStore) {
        _ = TestClock.fixed
        var session = Session(language: .en, actor: "李梅")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let store = SQLStore(location: ":memory:")
        try store.open()
        let captured = CapturedOutput()
        let interpreter = Interpreter(session: session, store: store, out: captured, diagnostics: captured)
        interpreter.interactive = true
        return (interpreter, captured, store)
    }

    @Test func atThePromptTheClockDoesNotGoBack() throws {
        let (i, out, _) = try prompt()
        _ = i.runStatement(["set now=2019-12-02T17:00"], file: "<stdin>", firstLine: 1, atEnd: true)
        #expect(out.text.contains("<stdin>:1:9: error: the clock cannot go back at the prompt: it is 2019-12-03 09:00, not 2019-12-02 17:00"), "\(out.text)")
        #expect(out.text.contains("hint: to enter past work, write it in a script and run it with source or replay"))
        #expect(i.session.now == Timestamp.parse("2019-12-03T09:00"))
        _ = i.runStatement(["set now=2019-12-04T10:00"], file: "<stdin>", firstLine: 2, atEnd: true)
        #expect(i.session.now == Timestamp.parse("2019-12-04T10:00"), "forward is allowed")
    }

    @Test func aScriptMaySetTheClockBack() throws {
        let (i, out, _) = try prompt()
        let ok = i.runScript(LineSource(text: "set now=2019-12-01T09:00\necho ok", name: "past.msh"))
        #expect(ok && out.text == "ok\n", "\(out.text)")
        #expect(i.session.now == Timestamp.parse("2019-12-01T09:00"))
    }

    @Test func aClockSetByHandIsLoggedBeforeTheFirstChangeUnderIt() throws {
        let (i, out, store) = try prompt()
        i.interactive = false
        let script = """
            set now=2019-12-05T10:00
            count depts
            set now=2019-12-04T08:00
            dept add 城建科
            dept add 城管科
            set now=system
            """
        #expect(i.runScript(LineSource(text: script, name: "s.msh")), "\(out.text)")
        let log = try store.events(kind: nil, recordID: nil).map { "\($0.action) \($0.details.map { "\($0.0)=\($0.1)" }.joined(separator: " "))" }
        // Nothing was written under the first clock: it is not logged; the one in force is, once.
        #expect(log == ["clock.set clock=2019-12-04T08:00:00 previous=system", "department.add name=城建科", "department.add name=城管科"], "\(log)")
        // Back to the system clock: logged with the next change.
        #expect(i.runScript(LineSource(text: "dept add 社会事务科", name: "t.msh")))
        #expect(try store.events(kind: nil, recordID: nil).suffix(2).map(\.action) == ["clock.set", "department.add"])
        #expect(try store.events(kind: nil, recordID: nil).dropLast().last?.details.first?.1 == "system")
    }
}

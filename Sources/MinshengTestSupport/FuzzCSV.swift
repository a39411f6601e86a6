import MinshengCore
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

extension FuzzHarness {
    /// The import command each sample CSV feeds, by the start of its file name.
    public static func importCommand(for file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        for (prefix, command) in [
            ("workorders", "case import"), ("assignments", "import assignments"), ("cadres", "import cadres"),
            ("compounds", "import compounds"), ("pairs", "import pairs"),
        ] where name.hasPrefix(prefix) {
            return command
        }
        return "import households"
    }

    /// Imports a (mutated) CSV file written to `folder`, in a rolled-back transaction.
    /// Every problem — thrown, or reported row by row — must be a `ScriptError` located in
    /// the CSV file (a line it has) or in the command.
    public func runImport(_ command: String, csv: [UInt8], folder: String, into report: inout FuzzReport) {
        report.inputs += 1
        let path = folder + "/fuzz.csv"
        guard let f = fopen(path, "wb") else { return }
        var bytes = csv
        fwrite(&bytes, 1, bytes.count, f)
        fclose(f)
        let sink = ErrorSink()
        let interpreter = Interpreter(session: base, store: store, out: sink, diagnostics: sink)
        interpreter.openTable = CSVFile.open
        let line = command + " " + path
        do {
            try store.transaction(.writes) { () throws -> Void in
                do {
                    if case .complete(let lines) = try Lexer(file: Self.name).lex(line), let first = lines.first {
                        try interpreter.execute(first)
                        report.succeeded += 1
                    }
                } catch {
                    sink.thrown.append(error)
                }
                throw Rollback()
            }
        } catch is Rollback {
        } catch {
            sink.thrown.append(error)
        }
        // Lines as a CSV reader counts them: LF, CR LF or a lone CR ends one.
        let csvLines = csv.split(separator: 10, omittingEmptySubsequences: false).count + csv.filter { $0 == 13 }.count
        for error in sink.thrown + sink.reported.map({ $0 as Error }) {
            report.rejected += 1
            guard let e = error as? ScriptError, let loc = e.location else {
                report.findings.append(FuzzFinding(input: csv, problem: "\(command): unlocated: \(error)"))
                continue
            }
            let inFile = loc.file == path && loc.line >= 1 && loc.line <= csvLines + 1
            let inCommand = loc.file == Self.name && loc.line == 1 && loc.column >= 1 && loc.column <= line.count + 1
            if !(inFile || inCommand) || e.message.en.hasPrefix("internal error") {
                report.findings.append(FuzzFinding(input: csv, problem: "\(command): \(loc): \(e.message.en)"))
            }
        }
    }
}

/// Keeps every error an import reports.
final class ErrorSink: OutputSink, DiagnosticSink {
    var thrown: [Error] = []
    var reported: [ScriptError] = []
    func write(_ s: String) {}
    var terminalWidth: Int? { nil }
    func report(_ error: ScriptError, sourceLine: String?, language: Language) { reported.append(error) }
}

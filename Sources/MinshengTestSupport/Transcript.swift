import MinshengCore
import MinshengShell
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// Collects what a script printed and the errors it reported, in order, as one text.
public final class CapturedOutput: OutputSink, DiagnosticSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ s: String) { text += s }

    public var terminalWidth: Int? { nil }

    public func report(_ error: ScriptError, sourceLine: String?, language: Language) {
        text += DiagnosticFormatter(color: false).format(error, sourceLine: sourceLine, language: language)
    }
}

/// Runs a `.msh` transcript and returns what it printed, errors included.
///
/// The first line may pin options, as a comment:
/// `# minsheng: --lang zh --now 2019-12-03T09:00 --keep-going --as 王强 --format json`.
/// Defaults: English, clock fixed at 2019-12-03T09:00, operator 测试员, fresh in-memory database.
public enum Transcript {
    /// What a transcript's first line (`# minsheng: --lang zh --as 王强 …`) asks for.
    public struct Header {
        public var language = Language.en
        public var now = Timestamp.parse("2019-12-03T09:00")
        public var actor = "测试员"
        public var options = RunOptions()
        public var format = OutputFormat.table
        /// `--echo`: each command is printed (`> …`) before what it printed.
        public var echo = false
    }

    public static func header(path: String) -> Header {
        var h = Header()
        if let source = try? LineSource(path: path), let first = try? source.next(), first.hasPrefix("# minsheng:") {
            let words = first.dropFirst("# minsheng:".count).split(separator: " ").map(String.init)
            var i = 0
            while i < words.count {
                let value = i + 1 < words.count ? words[i + 1] : ""
                switch words[i] {
                case "--lang": h.language = Language(rawValue: value) ?? h.language; i += 1
                case "--now": h.now = Timestamp.parse(value); i += 1
                case "--as": h.actor = value; i += 1
                case "--format": h.format = OutputFormat(rawValue: value) ?? h.format; i += 1
                case "--keep-going": h.options.keepGoing = true
                case "--atomic": h.options.atomic = true
                case "--echo": h.echo = true
                default: break
                }
                i += 1
            }
        }
        return h
    }

    /// Runs the transcript at `path` on `database` and returns what it printed.
    public static func run(path: String, displayName: String, database: String = ":memory:") -> String {
        _ = TestClock.fixed
        let h = header(path: path)
        let (language, now, actor, options, format) = (h.language, h.now, h.actor, h.options, h.format)
        let captured = CapturedOutput()
        var session = Session(language: language, actor: actor)
        session.fixedNow = now
        session.format = format
        // The login is the operator's: on a file given so, on the test server the role of
        // that name (`TestServer.location(_:host:user:)`), so both engines print the same log.
        let store = SQLStore(location: database, login: actor)
        let interpreter = Interpreter(session: session, store: store, out: captured, diagnostics: captured)
        interpreter.openTable = CSVFile.open
        // The files it writes land beside it, in the test's copy of the transcripts.
        interpreter.outputFolder = path.lastIndex(of: "/").map { String(path[..<$0]) }
        if h.echo { interpreter.beforeCommand = { captured.write("> " + $0.source + "\n") } }
        do {
            let source = try LineSource(path: path, displayName: displayName)
            let ok = interpreter.runScript(source, options: options, canonicalName: path)
            captured.write(ok ? "" : "[exit 1]\n")
        } catch {
            captured.write("cannot read \(path)\n")
        }
        return captured.text
    }

    /// Every `.msh` under `root`, as paths relative to it, sorted; files named `_*.msh` are
    /// partials that transcripts `source`, not transcripts themselves.
    public static func discover(under root: String) -> [String] {
        var found: [String] = []
        func walk(_ dir: String, _ rel: String) {
            guard let d = opendir(dir) else { return }
            defer { closedir(d) }
            while let entry = readdir(d) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let full = dir + "/" + name, relative = rel.isEmpty ? name : rel + "/" + name
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    walk(full, relative)
                } else if name.hasSuffix(".msh") && !name.hasPrefix("_") {
                    found.append(relative)
                }
            }
        }
        walk(root, "")
        return found.sorted()
    }
}

import ArgumentParser
import MinshengCore
import MinshengShell

#if canImport(Glibc)
    import Glibc
#endif

/// The `minsheng` command: parses the command line and hands over to the shell.
struct Minsheng: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minsheng",
        abstract: "民声 — a shell for residents' requests, visits and consultation meetings.",
        discussion: """
            With no script and a terminal on standard input, opens the interactive shell.
            Standard input that is not a terminal is read as a script.
            """,
        version: "minsheng 0.1.0")

    @Option(help: "The database file (default: $MINSHENG_DB, else minsheng.db in the XDG data folder).", completion: .file())
    var db: String?

    @Option(name: .customShort("c"), help: "Run these commands (again for more: each -c and script runs in the order given) and exit.")
    var commands: [String] = []

    @Option(name: .customShort("f"), help: "Run this script file (like a script named without -f).", completion: .file(extensions: ["msh"]))
    var files: [String] = []

    @Flag(help: "Go on after an error instead of stopping at the first.")
    var keepGoing = false

    @Flag(help: "Run each script as one transaction: all or nothing.")
    var atomic = false

    @Option(help: "Fix the clock, e.g. 2019-12-03T09:00 (deterministic scripts and tests).")
    var now: String?

    @Option(name: .customLong("as"), help: "The operator recorded with every change.")
    var actor: String?

    @Option(help: "Output format: table, json, jsonl, csv, markdown or line.", completion: .list(OutputFormat.allCases.map(\.rawValue)))
    var format: String?

    @Flag(help: "CSV for Excel: a UTF-8 byte order mark and CRLF line ends (as 'set csv-bom on').")
    var bom = false

    @Option(help: "Language of help and messages: zh or en (default: from the locale).", completion: .list(["zh", "en"]))
    var lang: String?

    @Flag(help: "Do not run ~/.minshengrc.")
    var norc = false

    @Flag(help: "Safe mode, for scripts from elsewhere: refuse every command that writes outside the database.")
    var safe = false

    @Argument(help: "Script files to run, in order.", completion: .file(extensions: ["msh"]))
    var scripts: [String] = []

    mutating func validate() throws {
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now: '\(now)' is not a date; write e.g. 2019-12-03T09:00")
        }
        if let format, OutputFormat(rawValue: format) == nil {
            throw ValidationError("--format: '\(format)' is not one of table, json, jsonl, csv, markdown, line")
        }
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang: '\(lang)' is not zh or en")
        }
        if let actor, actor.isEmpty {
            throw ValidationError("--as needs a name")
        }
    }

    func run() throws {
        var options = ShellOptions()
        options.database = db
        options.inputs = ShellOptions.inputsInOrder(CommandLine.arguments.dropFirst(), commands: commands, files: files, scripts: scripts)
        options.keepGoing = keepGoing
        options.atomic = atomic
        options.now = now.flatMap(Timestamp.parse)
        options.actor = actor
        options.format = format.flatMap(OutputFormat.init(rawValue:))
        options.language = lang.flatMap(Language.init(rawValue:))
        options.noRC = norc
        options.safe = safe
        options.csvBOM = bom
        let status = Shell.run(options, environment: environmentVariables())
        if status != 0 { throw ExitCode(status) }
    }
}

/// The process environment, read without Foundation.
func environmentVariables() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
        let s = String(cString: entry)
        if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
        p += 1
    }
    return env
}

// The usual, well-formed command lines skip ArgumentParser's reflection (half the start-up);
// anything else — help, version, a mistake — goes through it.
if let options = ShellOptions.quick(Array(CommandLine.arguments.dropFirst())) {
    exit(Shell.run(options, environment: environmentVariables()))
}
Minsheng.main()

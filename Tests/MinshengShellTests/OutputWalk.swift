import Foundation
import MinshengCore
import MinshengStore
import MinshengTestSupport

/// One session that runs lines and collects every output line in the wrong language,
/// named by the command that printed it.
final class OutputWalk {
    let language: Language
    let check: OutputLanguageCheck
    let captured = CapturedOutput()
    let interpreter: Interpreter
    /// Every word typed so far, as typed and lowercased: a value the user gave comes back.
    private(set) var typed: Set<String> = []
    /// Every line typed so far, for Chinese values that come back in part.
    private(set) var typedText = ""
    private(set) var findings: [String] = []
    private var lineNumber = 0

    init(_ language: Language, table: CommandTable = .standard, folder: String) {
        self.language = language
        check = OutputLanguageCheck(table: table)
        var session = Session(language: language, actor: "李梅")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        interpreter = Interpreter(session: session, store: SQLStore(location: ":memory:", login: "李梅"), out: captured, diagnostics: captured)
        interpreter.openTable = CSVFile.open
        interpreter.outputFolder = folder
    }

    /// Runs one line and checks what it printed, errors and hints included.
    func run(_ line: String) {
        lineNumber += 1
        note(typedLine: line)
        let start = captured.text.utf8.count
        _ = interpreter.runStatement([line], file: "walk", firstLine: lineNumber, atEnd: true, keepGoing: true)
        let printed = String(decoding: captured.text.utf8.dropFirst(start), as: UTF8.self)
        // An example may switch the language (`set lang=zh`): the walk stays in its own.
        interpreter.session.language = language
        let words = OutputLanguageCheck.words(line)
        if language == .en, let (spec, _) = interpreter.table.match(words), Self.chineseDocuments.contains(spec.id) { return }
        checkOutput(printed, of: line)
    }

    /// Adds the words of a line the user typed (a command, or a whole transcript).
    func note(typedLine line: String) {
        typedText += line + "\n"
        for w in OutputLanguageCheck.words(line) {
            typed.insert(w)
            typed.insert(w.lowercased())
            // `$x` typed comes back as `x`; `dept=城建科,城管科` as each name.
            typed.insert(String(w.drop { $0 == "$" }))
        }
    }

    /// Checks each line of `printed`, which `command` printed.
    func checkOutput(_ printed: String, of command: String) {
        for out in printed.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            let stray = language == .zh ? check.strayLatin(in: out, typed: typed, typedText: typedText) : check.strayHan(in: out, typedText: typedText)
            let known = ChineseOutputTests.knownElsewhere.contains { out.range(of: $0.pattern, options: .regularExpression) != nil }
            guard !stray.isEmpty, !known else { continue }
            findings.append("\(command)\n    → \(out)\n    stray: \(stray.joined(separator: " "))")
        }
    }

    /// The command table walked: each command bare, as its example shows it, with a wrong
    /// option, with a wrong value for each typed parameter, and with unknown ids.
    func walkTable(_ table: CommandTable) {
        let zh = language == .zh
        let bogus = zh ? "乱写" : "bogus"
        // Roles last: a grant turns on enforcement, which would refuse the rest.
        let specs = table.commands.filter { !$0.id.rawValue.hasPrefix("role") } + table.commands.filter { $0.id.rawValue.hasPrefix("role") }
        for spec in specs where !Self.notWalked.contains(spec.id) {
            let name = spec.name(language)
            run(name)
            run(name + " \(bogus)=1")
            if Self.examplesNotRun.contains(spec.id) { continue }
            let example = spec.example(language)
            run(example)
            run(example + " \(bogus)=1")
            let tokens = CommandSpec.split(example)
            for p in spec.arguments + spec.options where Self.checked(p.type) {
                let key = p.name(language)
                if let i = tokens.firstIndex(where: { $0.hasPrefix(key + "=") }) {
                    var t = tokens
                    t[i] = key + "=" + bogus
                    run(t.joined(separator: " "))
                } else if spec.options.contains(where: { $0.name == p.name }) {
                    run(example + " \(key)=\(bogus)")
                }
            }
            let unknownIDs = tokens.map { RecordKind.forID($0) != nil ? String($0.prefix { $0 != "-" }) + "-999" : $0 }
            if unknownIDs != tokens { run(unknownIDs.joined(separator: " ")) }
        }
    }

    /// A typed value the command checks (a choice, a number, a date, a reference, a kind).
    static func checked(_ type: ValueType) -> Bool {
        switch type {
        case .text, .path, .name: return false
        default: return true
        }
    }

    /// Commands whose output is a Chinese document in either session (docs/MEETINGS.md: the minutes).
    static let chineseDocuments: Set<CommandID> = [.minutes]

    /// `quit` would end the walk and `demo generate` fills the database with a thousand cases.
    static let notWalked: Set<CommandID> = [.quit, .demoGenerate]
    /// Examples that would send all later output to a file or record it: run bare only.
    static let examplesNotRun: Set<CommandID> = [.output, .once, .record]
}

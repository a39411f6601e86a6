import MinshengCore
import MinshengStore

/// Runs the examples of a Markdown document: every ```msh block is run, in order, in one
/// session on a fresh database, and must print exactly the ```out block that follows it.
public enum DocExamples {
    public struct Example: Sendable {
        public var line: Int
        public var script: String
        public var expected: String
        public var actual: String
    }

    public static func run(markdown: String, language: Language = .en) -> [Example] {
        _ = TestClock.fixed
        var blocks: [(kind: String, line: Int, text: String)] = []
        var current: (kind: String, line: Int, lines: [String])?
        for (i, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let c = current {
                    blocks.append((c.kind, c.line, c.lines.map { $0 + "\n" }.joined()))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), i + 1, [])
                }
            } else if current != nil {
                current?.lines.append(String(line))
            }
        }
        let captured = CapturedOutput()
        var session = Session(language: language, actor: "王强")
        session.fixedNow = Timestamp.parse("2019-12-03T09:00")
        let interpreter = Interpreter(session: session, store: SQLStore(location: ":memory:", login: session.actor), out: captured, diagnostics: captured)
        interpreter.openTable = CSVFile.open
        // The files the examples write go to a folder of their own, never the checkout.
        interpreter.outputFolder = Files.temporaryDirectory()
        var examples: [Example] = []
        var i = 0
        while i < blocks.count {
            defer { i += 1 }
            guard blocks[i].kind == "msh" else { continue }
            let expected = i + 1 < blocks.count && blocks[i + 1].kind == "out" ? blocks[i + 1].text : ""
            let before = captured.text.count
            _ = interpreter.runScript(LineSource(text: String(blocks[i].text.dropLast()), name: "example"), options: RunOptions(keepGoing: true))
            let actual = String(captured.text.dropFirst(before))
            examples.append(Example(line: blocks[i].line, script: blocks[i].text, expected: expected, actual: actual))
        }
        return examples
    }

    /// The document with every ```out block replaced by what its example prints
    /// (an ```out block is added where one is missing). For `RECORD_GOLDEN=1`.
    public static func rewrite(markdown: String, language: Language = .en) -> String {
        let examples = run(markdown: markdown, language: language)
        var byLine: [Int: String] = [:]
        for e in examples { byLine[e.line] = e.actual }
        var out: [String] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            out.append(line)
            i += 1
            guard line == "```msh", let actual = byLine[i] else { continue }
            while i < lines.count && lines[i] != "```" {
                out.append(lines[i])
                i += 1
            }
            if i < lines.count { out.append(lines[i]); i += 1 }
            // Skip an existing out block that follows.
            if i < lines.count && lines[i] == "```out" {
                i += 1
                while i < lines.count && lines[i] != "```" { i += 1 }
                i += 1
            }
            out.append("```out")
            out.append(contentsOf: actual.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            out.append("```")
        }
        return out.joined(separator: "\n")
    }
}

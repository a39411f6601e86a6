import MinshengCore
import MinshengStore
import MinshengTestSupport
import Testing

/// `help find` teaches the query language from the schemas: every kind's every field is
/// listed, and every example it prints runs, in English and in Chinese, on a small database.
@Suite struct QueryHelpTests {
    static let dataset = packageRoot + "/Tests/Transcripts/queries/_facts.msh"

    func session(_ language: Language) throws -> CaseSession {
        let s = try CaseSession()
        if language == .zh { s.run("set lang zh") }
        let setup = s.run("source \(Self.dataset)")
        #expect(!setup.contains("error"), "the dataset does not load:\n\(setup)")
        return s
    }

    @Test(arguments: [Language.en, .zh]) func everyExampleRuns(_ language: Language) throws {
        let s = try session(language)
        let examples = Interpreter.generalExamples + RecordKind.allCases.flatMap { Interpreter.queryExamples(for: $0) }
        #expect(examples.count > 2 * RecordKind.allCases.count)
        for e in examples {
            let printed = s.run(e.text(language))
            #expect(!printed.contains("error") && !printed.contains("错误") && !printed.isEmpty, "\(e.text(language)) printed:\n\(printed)")
        }
    }

    @Test(arguments: [Language.en, .zh]) func helpListsEveryKindFieldAndExample(_ language: Language) throws {
        let s = try session(language)
        for verb in language == .zh ? ["查找", "统计"] : ["find", "count"] {
            let general = s.run("help \(verb)")
            for kind in RecordKind.allCases {
                #expect(general.contains(kind.schema.zhWords[0]) && general.contains(kind.schema.words[1]), "help \(verb) misses \(kind)")
            }
            let counting = verb == "count" || verb == "统计"
            for e in Interpreter.generalExamples where e.en.hasPrefix(counting ? "count" : "find") {
                #expect(general.contains(e.text(language)), "help \(verb) misses \(e.text(language))")
            }
            for keywords in QueryParser.keywordSpellings.values { #expect(keywords.allSatisfy { general.contains($0) }, "help \(verb) misses \(keywords)") }
        }
        for kind in RecordKind.allCases {
            let word = language == .zh ? kind.schema.zhWords[0] : kind.schema.words[1]
            let help = s.run("help find \(word)")
            for f in kind.schema.fields {
                #expect(help.contains(f.name) && f.aliases.allSatisfy { help.contains($0) }, "help find \(word) misses the field \(f.name)")
            }
            for e in Interpreter.queryExamples(for: kind) { #expect(help.contains(e.text(language))) }
        }
    }

    @Test func anUnknownKindIsAnErrorWithASuggestion() throws {
        let s = try session(.en)
        let printed = s.run("help find casez")
        #expect(printed.contains("error: no kind 'casez'") && printed.contains("did you mean 'case"))
    }
}

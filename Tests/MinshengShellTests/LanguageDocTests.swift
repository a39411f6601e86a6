import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every example in docs/LANGUAGE.md runs and prints exactly what the document says.
@Suite struct LanguageDocTests {
    @Test func examplesInLanguageDocRun() throws {
        let path = packageRoot + "/docs/LANGUAGE.md"
        let text = Files.read(path)
        #expect(text != nil, "docs/LANGUAGE.md is missing")
        if getenv("RECORD_GOLDEN") != nil, let text {
            Files.write(path, DocExamples.rewrite(markdown: text))
            return
        }
        let examples = DocExamples.run(markdown: text ?? "")
        #expect(examples.count >= 10)
        for e in examples {
            #expect(e.actual == e.expected, "docs/LANGUAGE.md:\(e.line): the example prints\n\(e.actual)")
        }
    }
}

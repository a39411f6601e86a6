import Foundation
import MinshengCore

/// Decides which words of an output line are in the wrong language (issue 20): in a
/// Chinese session a Latin word that is not an id, a value the user typed, a name with no
/// Chinese word, or a command example she may type; in an English session a Chinese word
/// that is not a value she typed or a Chinese spelling she may type.
///
/// What a user may type is read from the command table, the choice sets, the record
/// schemas and the query language, never listed by hand: command words, option keys, choice
/// values, kind and field names, query keywords, buckets, aggregates and date words, and the
/// words of the table's examples. Such a word passes in Chinese only
/// where it stands as an example: `key=`, `=value`, beside a Chinese word (`紧急（urgent）`,
/// `consult/咨询`), suggested in quotes (`是不是要输入 'lead'？`), or in a run of text that starts
/// with a command (`help case new`, `诉求 派单 C-1 科室=…`).
struct OutputLanguageCheck {
    /// Latin words a user may type, case kept (`TITLE` is a placeholder, `title` a key).
    var latin: Set<String> = []
    /// First words of English command spellings: a Latin run starting with one is a command example.
    var commandWords: Set<String> = []
    /// Chinese words a user may type: command aliases, option keys, choice spellings, kind and field names.
    var han: Set<String> = []
    /// Whole Chinese command spellings (`诉求 派单`, `查找`): what follows one is a command example too.
    var hanCommands: [[Character]] = []

    /// Names that have no Chinese word and that a Chinese user reads as they are: file
    /// formats, systems and this program's own name.
    static let names: Set<String> = [
        "CSV", "JSON", "JSONL", "SQL", "Excel", "Windows", "Open311", "open311", "GeoReport", "v2", "PostgreSQL", "SQLite",
        "UTF-8", "utf-8", "GB18030", "gb18030", "GBK", "gbk", "HTML", "Markdown", "A4", "minsheng",
        // The key that leaves the meeting display: typed, like a command.
        "q",
    ]

    init(table: CommandTable) {
        func add(_ word: String) {
            if word.unicodeScalars.contains(where: Self.isHan) { han.insert(word) } else if !word.isEmpty { latin.insert(word) }
        }
        func add(_ set: ChoiceSet) {
            for c in set.choices {
                add(c.value)
                c.aliases.forEach(add)
                add(c.label.zh)
            }
        }
        for spec in table.commands {
            for spelling in spec.spellings {
                spelling.forEach(add)
                if let first = spelling.first {
                    if first.unicodeScalars.contains(where: Self.isHan) {
                        hanCommands.append(Array(spelling.joined(separator: " ")))
                    } else {
                        commandWords.insert(first)
                    }
                }
            }
            for p in spec.arguments + spec.options {
                if spec.options.contains(where: { $0.name == p.name }) { add(p.name) }
                p.aliases.forEach(add)
                if case .choice(let set) = p.type { add(set) }
            }
            for word in Self.words(spec.example) { add(word) }
        }
        for set in [ChoiceSet.onOff, .expanded, .pager, .encoding, .format, .language] { add(set) }
        for setting in CommandTable.settings {
            add(setting.name)
            setting.zh.forEach(add)
        }
        // The query language: its keywords, time buckets, aggregates and date words, each spelling.
        QueryParser.keywordSpellings.values.flatMap { $0 }.forEach(add)
        TimeBucket.allCases.flatMap(\.words).forEach(add)
        AggregateFunction.allCases.flatMap(\.words).forEach(add)
        RelativeDay.allCases.flatMap(\.words).forEach(add)
        RelativePeriod.allCases.flatMap(\.words).forEach(add)
        for schema in RecordSchema.all {
            schema.words.forEach(add)
            schema.zhWords.forEach(add)
            for f in schema.fields {
                add(f.name)
                f.aliases.forEach(add)
                add(f.label.zh)
                if case .choice(let set) = f.type { add(set) }
            }
        }
    }

    static func isHan(_ u: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(u.value) || (0xF900...0xFAFF).contains(u.value) || (0x20000...0x2FFFF).contains(u.value)
    }

    /// The words of a typed line: split at spaces, `=`, commas, quotes and brackets, both widths.
    static func words(_ line: String) -> [String] {
        let cuts = Set(" \t\n=＝,，、;；\"“”「」'‘’()（）[]".unicodeScalars.map { $0 })
        return String(line.unicodeScalars.map { cuts.contains($0) ? " " : Character($0) })
            .split(separator: " ").map(String.init)
    }

    /// The Latin words of a Chinese-session line that should have been Chinese.
    /// `typed` holds every word typed so far (ids and values the user gave come back).
    func strayLatin(in line: String, typed: Set<String>, typedText: String) -> [String] {
        let chars = Array(stripLocation(line))
        var stray: [String] = []
        var runHasCommand = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.unicodeScalars.contains(where: Self.isHan) {
                // A whole Chinese spelling standing alone (`诉求 派单 C-1`), not a noun inside a sentence (`没有诉求`).
                let startsWord = i == 0 || !chars[i - 1].unicodeScalars.contains(where: Self.isHan)
                let spelling = hanCommands.first { sp in
                    i + sp.count <= chars.count && Array(chars[i..<i + sp.count]) == sp
                        && (i + sp.count == chars.count || !chars[i + sp.count].unicodeScalars.contains(where: Self.isHan))
                }
                if startsWord, let spelling {
                    runHasCommand = true
                    i += spelling.count
                    continue
                }
                var j = i
                while j < chars.count && chars[j].unicodeScalars.contains(where: Self.isHan) { j += 1 }
                runHasCommand = false
                i = j
                continue
            }
            if "，。：；（）、“”？！《》【】".contains(c) {
                runHasCommand = false
                i += 1
                continue
            }
            guard Self.isChunk(c) else { i += 1; continue }
            var j = i
            while j < chars.count && Self.isChunk(chars[j]) { j += 1 }
            var word = String(chars[i..<j])
            while let last = word.last, ".:-/".contains(last) { word.removeLast() }
            let before = i > 0 ? chars[i - 1] : " "
            let after = j < chars.count ? chars[j] : " "
            let slashAfter = j > i && chars[j - 1] == "/"
            i = j
            guard word.contains(where: { $0.isASCII && $0.isLetter }) else { continue }
            if commandWords.contains(word) { runHasCommand = true }
            // A path the user typed, cut where a Chinese file name begins.
            if passes(word, typed: typed) || (word.contains("/") && typedText.contains(word)) { continue }
            // `key=`, `=value`, beside a Chinese word, a suggestion in quotes ('lead'), or after a command.
            let quoted = before == "'" && after == "'"
            let asExample = after == "=" || before == "=" || "（(/".contains(before) || "）)".contains(after) || slashAfter || quoted || runHasCommand
            let parts = word.split(whereSeparator: { "/|,".contains($0) }).map(String.init)
            if asExample && parts.allSatisfy({ latin.contains($0) || passes($0, typed: typed) }) { continue }
            stray.append(word)
        }
        return stray
    }

    /// The Chinese words of an English-session line that are neither typed, nor a spelling a
    /// user may type, nor a gloss in brackets beside the English (`dispatch (双向派单)`).
    func strayHan(in line: String, typedText: String) -> [String] {
        var stray: [String] = []
        var depth = 0
        for chunk in stripLocation(line).split(separator: " ", omittingEmptySubsequences: true) {
            let opens = chunk.filter { $0 == "(" }.count, closes = chunk.filter { $0 == ")" }.count
            let inBrackets = depth > 0 || opens > 0
            depth = max(0, depth + opens - closes)
            guard chunk.unicodeScalars.contains(where: Self.isHan), !inBrackets else { continue }
            for part in Self.words(String(chunk)).flatMap({ $0.split(separator: "/").map(String.init) }) {
                let word = part.trimmingCharacters(in: CharacterSet(charactersIn: "[],.;:|—-…"))
                let runs = word.split(whereSeparator: { !$0.unicodeScalars.contains(where: Self.isHan) }).map(String.init)
                if runs.isEmpty || han.contains(word) || typedText.contains(word) { continue }
                if runs.allSatisfy({ han.contains($0) || typedText.contains($0) }) { continue }
                stray.append(word)
            }
        }
        return stray
    }

    /// Ids, dates and times, durations, file names, names and typed words pass anywhere.
    func passes(_ word: String, typed: Set<String>) -> Bool {
        if typed.contains(word) || typed.contains(word.lowercased()) || Self.names.contains(word) { return true }
        let patterns = [
            #"^[A-Z]{1,3}-\d+$"#,  // an id: C-12, SC-1
            #"^\d{4}-\d{2}(-\d{2})?(T\d{2}:\d{2}(:\d{2})?)?$"#,  // a date or a time
            #"^\d{4}-(W\d{1,2}|Q[1-4])$"#,  // a week or a quarter
            #"^[0-9a-f]{8,}$"#,  // a digest (a seal, a script's hash)
            #"^\d+(\.\d+)?(wd|[smhd])$"#,  // a duration as typed: 2h, 15wd
            #"^[^/]*(/[^/]+)*\.(msh|csv|json|jsonl|md|html|db|txt)$"#,  // a file
            #"^/[^ ]*$"#,  // an absolute path (a folder the shell writes in, cut where a Chinese name begins)
        ]
        return patterns.contains { word.range(of: $0, options: .regularExpression) != nil }
    }

    /// `file:1:5: ` before a diagnostic names the script, which the user chose.
    func stripLocation(_ line: String) -> String {
        guard let r = line.range(of: #"^\S*:\d+:\d+: "#, options: .regularExpression) else { return line }
        return String(line[r.upperBound...])
    }

    static func isChunk(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "_-./:$+".contains(c))
    }
}

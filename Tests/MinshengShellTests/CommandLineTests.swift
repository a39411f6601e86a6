import MinshengCore
import MinshengShell
import MinshengTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct CommandLineTests {
    func options(_ args: [String]) throws -> ShellOptions {
        guard case .run(let o) = try CommandLineSpec.parse(args) else {
            Issue.record("\(args) did not ask to run")
            return ShellOptions()
        }
        return o
    }

    @Test func readsTheUsualCommandLines() throws {
        let o = try options(["--db", "x.db", "--now=2019-12-03T09:00", "--as", "王强", "-c", "count cases", "--norc", "a.msh"])
        #expect(o.database == "x.db")
        #expect(o.now == Timestamp.parse("2019-12-03T09:00"))
        #expect(o.actor == "王强")
        #expect(o.inputs == [.commands("count cases"), .file("a.msh")])
        #expect(o.noRC && !o.keepGoing && !o.atomic)
        #expect(o.scripts == ["a.msh"])
        let p = try options(["--keep-going", "--atomic", "--format", "json", "--lang", "zh", "--bom", "--safe"])
        #expect(p.keepGoing && p.atomic && p.format == .json && p.language == .zh && p.csvBOM && p.safe)
        #expect(try options([]) == ShellOptions())
        // After `--` every word is a script, even one that starts with `-`.
        #expect(try options(["--norc", "--", "-x.msh", "--db"]).inputs == [.file("-x.msh"), .file("--db")])
        #expect(try CommandLineSpec.parse(["--db", "x", "--help", "--bogus"]) == .help)
        #expect(try CommandLineSpec.parse(["-h"]) == .help)
        #expect(try CommandLineSpec.parse(["--version"]) == .version)
        #expect(try CommandLineSpec.parse(["--man", "--lang", "zh"]) == .manPage)
        #expect(try CommandLineSpec.parse(["--completion", "fish"]) == .completion(.fish))
    }

    /// Every `-c` and every script runs, in the order given (as psql's `-c` and `-f`).
    @Test func everyCommandAndScriptInOrder() throws {
        let o = try options(["-c", "echo one", "a.msh", "--command", "echo two", "-f", "b.msh", "--file=c.msh"])
        #expect(o.inputs == [.commands("echo one"), .file("a.msh"), .commands("echo two"), .file("b.msh"), .file("c.msh")])
    }

    @Test func everyCommandRunsAndAnErrorStopsTheRest() {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/a.msh", "echo from a\n")
        let both = runMinsheng("--db t.db --lang en -c 'echo one' a.msh -c 'echo two'", in: dir)
        #expect(both.status == 0 && both.stdout == "one\nfrom a\ntwo\n", "\(both.stdout)\(both.stderr)")
        let typo = runMinsheng("--db t.db --lang en -c 'cae' -c 'count depts'", in: dir)
        #expect(typo.status == 1 && typo.stdout == "", "\(typo.stdout)")
        #expect(typo.stderr.hasPrefix("-c:1:1: error: unknown command 'cae'"), "\(typo.stderr)")
        #expect(typo.stderr.hasSuffix("minsheng: not run after the error: -c 'count depts' (--keep-going runs them anyway)\n"), "\(typo.stderr)")
        let going = runMinsheng("--db t.db --lang en --keep-going -c 'cae' -c 'count depts'", in: dir)
        #expect(going.status == 1 && going.stdout == "0\n", "\(going.stdout)\(going.stderr)")
    }

    /// Each mistake is named, in the session's language, and nothing runs (exit status 64).
    @Test func mistakesAreExplainedInBothLanguages() {
        let cases: [(args: String, en: String, zh: String)] = [
            ("--keepgoing", "unknown option '--keepgoing'\nhint: did you mean --keep-going? (minsheng --help lists the options)",
             "未知选项 '--keepgoing'\n提示：是不是 --keep-going？（minsheng --help 列出全部选项）"),
            ("-x", "unknown option '-x'\nhint: minsheng --help lists the options", "未知选项 '-x'\n提示：minsheng --help 列出全部选项"),
            ("--as", "--as needs a value: NAME\nhint: e.g. --as=VALUE for a value that starts with -", "--as 需要一个值：姓名\n提示：以 - 开头的值请写成 --as=值"),
            ("--db a.db --db b.db", "--db is given twice\nhint: give it once; only -c and -f may be given again",
             "--db 给了两次\n提示：只给一次；只有 -c 和 -f 可以多次给出"),
            ("--db --norc", "--db needs a value: FILE|URI\nhint: e.g. --db=VALUE for a value that starts with -",
             "--db 需要一个值：文件|URI\n提示：以 - 开头的值请写成 --db=值"),
            ("-c", "-c needs a value: COMMANDS", "-c 需要一个值：命令"),
            ("--norc=1", "--norc takes no value", "--norc 不带值"),
            ("--now tomorrow", "--now: 'tomorrow' is not a time; write e.g. 2019-12-03T09:00", "--now：'tomorrow' 不是时间，应写作如 2019-12-03T09:00"),
            ("--as ''", "--as needs a name", "--as 需要一个姓名"),
            ("--format xml", "--format: 'xml' is not one of table, json, jsonl, csv, markdown, line",
             "--format：'xml' 不是 table、json、jsonl、csv、markdown、line 之一"),
            ("--completion tcsh", "--completion: 'tcsh' is not bash, zsh or fish", "--completion：'tcsh' 不是 bash、zsh 或 fish"),
        ]
        let dir = Files.temporaryDirectory()
        for c in cases {
            let en = runMinsheng("-c 'dept add 城建科' \(c.args)", in: dir)
            #expect(en.status == 64 && en.stdout == "", "\(c.args): \(en.status) \(en.stdout)")
            #expect(en.stderr == "minsheng: error: \(c.en)\n", "\(c.args)")
            // From the locale, or from --lang wherever it stands.
            let zh = runMinsheng("-c 'dept add 城建科' \(c.args)", env: "LANG=zh_CN.UTF-8", in: dir)
            #expect(zh.status == 64 && zh.stderr == "minsheng: 错误：\(c.zh)\n", "\(c.args): \(zh.stderr)")
            let lang = runMinsheng("\(c.args) --lang zh", in: dir)
            #expect(lang.status == 64 && lang.stderr == "minsheng: 错误：\(c.zh)\n", "\(c.args) --lang zh: \(lang.stderr)")
        }
        #expect(Files.read(dir + "/data/minsheng/minsheng.db") == nil, "a wrong command line ran something")
        let fr = runMinsheng("--lang fr", in: dir)
        #expect(fr.status == 64 && fr.stderr == "minsheng: error: --lang: 'fr' is not zh or en\n", "\(fr.stderr)")
    }

    /// `--help` in the session's language lists every option of the one table.
    @Test func helpInTheSessionsLanguage() {
        let en = runMinsheng("--help")
        #expect(en.status == 0 && en.stdout.hasPrefix("minsheng — 民声: a shell for requests, visits"), "\(en.stdout)")
        #expect(en.stdout.contains("\nusage: minsheng [options] [SCRIPT…]\n"))
        let zh = runMinsheng("-h", env: "LANG=zh_CN.UTF-8")
        #expect(zh.status == 0 && zh.stdout.contains("\n用法：minsheng [选项] [脚本…]\n"), "\(zh.stdout)")
        #expect(runMinsheng("--help --lang zh").stdout == zh.stdout)
        // The text is wrapped to 80 columns: compared without its spaces and line breaks.
        func flat(_ s: String) -> String { String(s.filter { $0 != " " && $0 != "\n" }) }
        #expect(en.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(zh.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        for o in CommandLineSpec.options {
            let spelled = o.names.joined(separator: ", ")
            #expect(en.stdout.contains("  \(spelled)\(o.value.map { " " + $0.en } ?? "")") && flat(en.stdout).contains(flat(o.help.en)), "\(o.name)")
            #expect(zh.stdout.contains("  \(spelled)\(o.value.map { " " + $0.zh } ?? "")") && flat(zh.stdout).contains(flat(o.help.zh)), "\(o.name)")
        }
        #expect(runMinsheng("--version").stdout == "minsheng 0.1.0\n")
    }

    /// The man page has every option and every command of the command table, and groff reads
    /// it without a warning.
    @Test func manPageFromTheCommandTable() throws {
        let dir = Files.temporaryDirectory()
        for (lang, env) in [(Language.en, ""), (.zh, "LANG=zh_CN.UTF-8")] {
            let r = runMinsheng("--man", env: env, in: dir)
            #expect(r.status == 0 && r.stdout.hasPrefix(".TH MINSHENG 1 "), "\(r.stdout.prefix(80))")
            for o in CommandLineSpec.options { #expect(r.stdout.contains(".B " + o.name.replacingAll("-", with: "\\-")), "\(o.name)") }
            for c in CommandTable.standard.commands {
                #expect(r.stdout.contains(".B " + c.usage(lang).replacingAll("\\", with: "\\e").replacingAll("-", with: "\\-")), "\(c.displayName)")
            }
            Files.write(dir + "/minsheng.1", r.stdout)
            let groff = runShell("groff -K utf8 -man -Tutf8 -ww -Wbreak -z minsheng.1", in: dir)
            #expect(groff.status == 0 && groff.stderr == "", "\(lang): \(groff.stderr)")
            let shown = runShell("MANWIDTH=100 man -l minsheng.1 | col -b", in: dir)
            #expect(shown.stdout.contains(lang == .zh ? "选项" : "OPTIONS") && shown.stdout.contains(lang == .zh ? "诉求 新建 标题" : "case new TITLE"), "\(shown.stdout.prefix(300))")
        }
    }

    /// The completion scripts complete options, their values and scripts, and offer nothing
    /// that does not exist (no `help` subcommand).
    @Test func completionScripts() throws {
        let dir = Files.temporaryDirectory()
        Files.write(dir + "/走访.msh", "echo\n")
        Files.write(dir + "/notes.txt", "x\n")
        Files.write(dir + "/bash.sh", runMinsheng("--completion bash").stdout)
        func bash(_ words: String) -> String {
            let script = """
                source ./bash.sh; COMP_WORDS=(\(words)); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _minsheng; printf '%s\\n' "${COMPREPLY[@]}" | sort
                """
            Files.write(dir + "/run.sh", script)
            return runShell("bash run.sh", in: dir).stdout
        }
        #expect(bash("minsheng --for") == "--format\n")
        #expect(bash("minsheng --format j") == "json\njsonl\n")
        #expect(bash("minsheng --lang ''") == "en\nzh\n")
        #expect(bash("minsheng ''") == "走访.msh\n", "scripts: only .msh files and folders")
        #expect(bash("minsheng --db ''").contains("notes.txt\n"), "--db takes any file")
        #expect(bash("minsheng -f ''") == "走访.msh\n")
        #expect(bash("minsheng -c ''") == "\n")
        #expect(bash("minsheng h") == "\n", "no help subcommand")
        #expect(bash("minsheng --").split(separator: "\n").sorted() == CommandLineSpec.options.flatMap(\.names).filter { $0.hasPrefix("--") }.sorted().map { Substring($0) })

        Files.write(dir + "/minsheng.fish", runMinsheng("--completion fish").stdout)
        func fish(_ line: String) -> String {
            runShell("fish --no-config -c 'source minsheng.fish; complete -C \"\(line)\"' | cut -f1 | sort", in: dir).stdout
        }
        #expect(fish("minsheng --for") == "--format\n")
        #expect(fish("minsheng --format j") == "json\njsonl\n")
        #expect(fish("minsheng --lang ") == "en\nzh\n")
        #expect(fish("minsheng -f 走").contains("走访.msh"))

        Files.write(dir + "/_minsheng", runMinsheng("--completion zsh --lang zh").stdout)
        let zsh = runShell("zsh -n _minsheng", in: dir)
        #expect(zsh.status == 0 && zsh.stderr == "", "\(zsh.stderr)")
        for o in CommandLineSpec.options { #expect(Files.read(dir + "/_minsheng")?.contains(o.name) == true, "\(o.name)") }
    }
}

/// The default database is never made in whatever folder the shell started from.
@Suite struct DefaultPathTests {
    @Test func withoutHomeTheAccountsHomeIsUsedNeverTheCurrentFolder() {
        #expect(Paths.dataDirectory(["XDG_DATA_HOME": "/x"]) == "/x/minsheng")
        #expect(Paths.dataDirectory(["HOME": "/h"]) == "/h/.local/share/minsheng")
        for env in [[:], ["HOME": ""], ["HOME": "relative"], ["XDG_DATA_HOME": "relative"]] {
            let db = Paths.defaultDatabase(env)
            #expect(db == nil || db?.hasPrefix("/") == true, "\(env): \(db ?? "nil")")
        }
        #expect(Paths.defaultDatabase(["MINSHENG_DB": "d.db"]) == "d.db")
    }
}

/// Runs a shell command in a folder; its status and what it printed.
func runShell(_ command: String, in dir: String) -> ProcessResult {
    let cmd = "cd '\(dir)' && (\(command)) > .sh-out 2> .sh-err"
    let status = system(cmd)
    return ProcessResult(status: (status >> 8) & 0xff, stdout: Files.read(dir + "/.sh-out") ?? "", stderr: Files.read(dir + "/.sh-err") ?? "")
}

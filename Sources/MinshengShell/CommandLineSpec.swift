import MinshengCore

/// One option of the `minsheng` command line.
public struct CommandLineOption: Sendable {
    /// How it is spelled, the usual spelling first: `["-c", "--command"]`.
    public var names: [String]
    /// What its value is called in help (`FILE`, `文件`); nil for a flag.
    public var value: Localized?
    public var help: Localized
    public var completion: Completion
    /// `-c` and `-f` may be given again: each runs, in order.
    public var repeatable = false

    public enum Completion: Sendable, Equatable {
        case none, files, scripts
        case words([String])
    }

    public var name: String { names[0] }
    public var takesValue: Bool { value != nil }
}

/// What the command line asks for.
public enum CommandLineRequest: Sendable, Equatable {
    case run(ShellOptions)
    case help
    case version
    case completion(CompletionShell)
    case manPage
}

public enum CompletionShell: String, Sendable, CaseIterable {
    case bash, zsh, fish
}

/// The one definition of the command line: the parser, `--help`, the man page and the
/// completion scripts all read `options`; there is no second list. It reads arguments in one
/// pass without reflection (the shell starts in a few milliseconds; docs/PERFORMANCE.md) and
/// explains every mistake in the session's language.
public enum CommandLineSpec {
    public static let version = "minsheng 0.1.0"

    public static let options: [CommandLineOption] = [
        CommandLineOption(
            names: ["--db"], value: Localized(en: "FILE|URI", zh: "文件|URI"),
            help: Localized(
                en: "the database: a SQLite file, or a district server's postgres:// URI (default: $MINSHENG_DB, else minsheng.db in the XDG data folder)",
                zh: "数据库：SQLite 文件，或区级服务器的 postgres:// 连接串（默认：$MINSHENG_DB，否则为 XDG 数据目录下的 minsheng.db）"),
            completion: .files),
        CommandLineOption(
            names: ["-c", "--command"], value: Localized(en: "COMMANDS", zh: "命令"),
            help: Localized(
                en: "run these commands and exit; again for more: every -c and script runs in the order given",
                zh: "执行这些命令后退出；可多次给出：每个 -c 和脚本按给出的顺序执行"),
            completion: .none, repeatable: true),
        CommandLineOption(
            names: ["-f", "--file"], value: Localized(en: "SCRIPT", zh: "脚本"),
            help: Localized(en: "run this script file (as a script named without -f)", zh: "执行这个脚本文件（与不带 -f 给出的脚本相同）"),
            completion: .scripts, repeatable: true),
        CommandLineOption(
            names: ["--keep-going"],
            help: Localized(en: "go on after an error instead of stopping at the first", zh: "出错后继续执行，而不是在第一个错误处停止"),
            completion: .none),
        CommandLineOption(
            names: ["--atomic"], help: Localized(en: "run each script as one transaction: all or nothing", zh: "每个脚本作为一个事务执行：要么全部生效，要么都不生效"),
            completion: .none),
        CommandLineOption(
            names: ["--now"], value: Localized(en: "TIME", zh: "时间"),
            help: Localized(
                en: "fix the clock, e.g. 2019-12-03T09:00 (deterministic scripts and tests)", zh: "固定时钟，如 2019-12-03T09:00（用于可重复的脚本和测试）"),
            completion: .none),
        CommandLineOption(
            names: ["--as"], value: Localized(en: "NAME", zh: "姓名"),
            help: Localized(en: "the operator recorded with every change", zh: "每项变更记录的操作人"), completion: .none),
        CommandLineOption(
            names: ["--format"], value: Localized(en: "FORMAT", zh: "格式"),
            help: Localized(en: "how results print: table, json, jsonl, csv, markdown or line", zh: "结果的输出格式：table、json、jsonl、csv、markdown 或 line"),
            completion: .words(OutputFormat.allCases.map(\.rawValue))),
        CommandLineOption(
            names: ["--bom"],
            help: Localized(
                en: "CSV for Excel: a UTF-8 byte order mark and CRLF line ends (as 'set csv-bom on')",
                zh: "给 Excel 用的 CSV：写入 UTF-8 字节序标记和 CRLF 换行（同 set csv-bom on）"),
            completion: .none),
        CommandLineOption(
            names: ["--lang"], value: Localized(en: "zh|en", zh: "zh|en"),
            help: Localized(en: "language of help and messages (default: from the locale)", zh: "帮助和提示的语言（默认按系统区域设置）"),
            completion: .words(Language.allCases.map(\.rawValue))),
        CommandLineOption(
            names: ["--norc"], help: Localized(en: "do not run ~/.minshengrc", zh: "不执行 ~/.minshengrc"), completion: .none),
        CommandLineOption(
            names: ["--safe"],
            help: Localized(
                en: "safe mode, for scripts from elsewhere: refuse every command that writes outside the database",
                zh: "安全模式，用于来自别处的脚本：拒绝一切写到数据库以外的命令"),
            completion: .none),
        CommandLineOption(
            names: ["-h", "--help"], help: Localized(en: "show this help and exit", zh: "显示本帮助后退出"), completion: .none),
        CommandLineOption(
            names: ["--version"], help: Localized(en: "show the version and exit", zh: "显示版本后退出"), completion: .none),
        CommandLineOption(
            names: ["--completion"], value: Localized(en: "SHELL", zh: "SHELL"),
            help: Localized(
                en: "print the completion script for bash, zsh or fish (see the README)", zh: "输出 bash、zsh 或 fish 的补全脚本（见 README）"),
            completion: .words(CompletionShell.allCases.map(\.rawValue))),
        CommandLineOption(
            names: ["--man"], help: Localized(en: "print the man page (roff) and exit", zh: "输出手册页（roff 格式）后退出"),
            completion: .none),
    ]

    static func option(named name: String) -> CommandLineOption? { options.first { $0.names.contains(name) } }

    /// A mistake on the command line, in both languages.
    public struct Mistake: Error, Equatable {
        public var message: Localized
        public var hint: Localized?
    }

    /// The language to explain the command line in: `--lang` when it is given (and valid),
    /// else the locale's.
    public static func language(_ arguments: [String], environment env: [String: String]) -> Language {
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            let a = arguments[i]
            if a == "--lang", i + 1 < arguments.count, let l = Language(rawValue: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(rawValue: String(a.dropFirst(7))) { return l }
            i += 1
        }
        return Language.fromEnvironment(env)
    }

    /// Reads the command line (without the program's name).
    public static func parse(_ arguments: [String]) throws(Mistake) -> CommandLineRequest {
        // `-h` anywhere before `--` asks for help, whatever else is wrong.
        let end = arguments.firstIndex(of: "--") ?? arguments.count
        if arguments[..<end].contains(where: { $0 == "-h" || $0 == "--help" }) { return .help }
        var o = ShellOptions()
        var seen = Set<String>()
        var request: CommandLineRequest?
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "--" {
                o.inputs += arguments[i...].map { .file($0) }
                break
            }
            guard arg.hasPrefix("-"), arg != "-" else {
                o.inputs.append(.file(arg))
                continue
            }
            var name = arg
            var value: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            guard let option = option(named: name) else { throw unknown(name) }
            guard option.repeatable || seen.insert(option.name).inserted else {
                throw Mistake(
                    message: Localized(en: "\(option.name) is given twice", zh: "\(option.name) 给了两次"),
                    hint: Localized(en: "give it once; only -c and -f may be given again", zh: "只给一次；只有 -c 和 -f 可以多次给出"))
            }
            guard let placeholder = option.value else {
                if value != nil {
                    throw Mistake(message: Localized(en: "\(option.name) takes no value", zh: "\(option.name) 不带值"), hint: nil)
                }
                switch option.name {
                case "--keep-going": o.keepGoing = true
                case "--atomic": o.atomic = true
                case "--safe": o.safe = true
                case "--bom": o.csvBOM = true
                case "--norc": o.noRC = true
                case "--version": request = request ?? .version
                case "--man": request = request ?? .manPage
                default: break
                }
                continue
            }
            if value == nil {
                // A word that starts with `-` is the next option, not this one's value
                // (`--db --norc` forgot the file); `--db=-x` gives such a value.
                guard i < arguments.count, !(arguments[i].hasPrefix("-") && arguments[i].count > 1) else {
                    throw Mistake(
                        message: Localized(en: "\(option.name) needs a value: \(placeholder.en)", zh: "\(option.name) 需要一个值：\(placeholder.zh)"),
                        hint: option.name.hasPrefix("--")
                            ? Localized(en: "e.g. \(option.name)=VALUE for a value that starts with -", zh: "以 - 开头的值请写成 \(option.name)=值") : nil)
                }
                value = arguments[i]
                i += 1
            }
            guard let v = value else { continue }
            try set(option.name, v, in: &o, request: &request)
        }
        return request ?? .run(o)
    }

    static func set(_ name: String, _ v: String, in o: inout ShellOptions, request: inout CommandLineRequest?) throws(Mistake) {
        func invalid(_ en: String, _ zh: String) -> Mistake { Mistake(message: Localized(en: en, zh: zh), hint: nil) }
        switch name {
        case "--db":
            guard !v.isEmpty else { throw invalid("--db needs a file or a URI", "--db 需要文件或连接串") }
            o.database = v
        case "-c": o.inputs.append(.commands(v))
        case "-f":
            guard !v.isEmpty else { throw invalid("-f needs a file", "-f 需要一个文件") }
            o.inputs.append(.file(v))
        case "--now":
            guard let t = Timestamp.parse(v) else {
                throw invalid("--now: '\(v)' is not a time; write e.g. 2019-12-03T09:00", "--now：'\(v)' 不是时间，应写作如 2019-12-03T09:00")
            }
            o.now = t
        case "--as":
            guard !v.isEmpty else { throw invalid("--as needs a name", "--as 需要一个姓名") }
            o.actor = v
        case "--format":
            guard let f = OutputFormat(rawValue: v) else {
                throw invalid(
                    "--format: '\(v)' is not one of table, json, jsonl, csv, markdown, line",
                    "--format：'\(v)' 不是 table、json、jsonl、csv、markdown、line 之一")
            }
            o.format = f
        case "--lang":
            guard let l = Language(rawValue: v) else { throw invalid("--lang: '\(v)' is not zh or en", "--lang：'\(v)' 不是 zh 或 en") }
            o.language = l
        case "--completion":
            guard let s = CompletionShell(rawValue: v) else {
                throw invalid("--completion: '\(v)' is not bash, zsh or fish", "--completion：'\(v)' 不是 bash、zsh 或 fish")
            }
            request = request ?? .completion(s)
        default: break
        }
    }

    static func unknown(_ name: String) -> Mistake {
        let every = options.flatMap(\.names)
        // A one-letter option has too few letters to guess from.
        let near = name.hasPrefix("--") ? Suggestion.closest(to: name, in: every.filter { $0.hasPrefix("--") }) : nil
        return Mistake(
            message: Localized(en: "unknown option '\(name)'", zh: "未知选项 '\(name)'"),
            hint: near.map { Localized(en: "did you mean \($0)? (minsheng --help lists the options)", zh: "是不是 \($0)？（minsheng --help 列出全部选项）") }
                ?? Localized(en: "minsheng --help lists the options", zh: "minsheng --help 列出全部选项"))
    }
}

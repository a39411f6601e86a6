import CEditLine
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

extension Shell {
    /// The `minsheng` command: reads the command line, then runs the shell or prints what
    /// was asked for; returns the exit status (64, EX_USAGE, for a mistake on the line).
    public static func main(_ arguments: [String], environment env: [String: String]) -> Int32 {
        let language = CommandLineSpec.language(arguments, environment: env)
        let request: CommandLineRequest
        do {
            request = try CommandLineSpec.parse(arguments)
        } catch {
            prepareLocale()
            let text = DiagnosticFormatter(color: Terminal.useColor(2, environment: env))
                .format(ScriptError(.validation, error.message, hint: error.hint), sourceLine: nil, language: language)
            fputs("minsheng: " + text, minsheng_stderr())
            return 64
        }
        switch request {
        case .run(let options): return run(options, environment: env)
        case .help: return print(CommandLineSpec.help(language))
        case .version: return print(CommandLineSpec.version + "\n")
        case .manPage: return print(CommandLineSpec.manPage(language))
        case .completion(let shell): return print(CommandLineSpec.completionScript(shell, language))
        }
    }

    static func print(_ text: String) -> Int32 {
        fputs(text, minsheng_stdout())
        return fflush(minsheng_stdout()) == 0 ? 0 : 1
    }
}

import MinshengCore
import MinshengShell

#if canImport(Glibc)
    import Glibc
#endif

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

// The command line is defined once, in CommandLineSpec (MinshengShell): it is read here,
// and --help, the man page and the completion scripts are written from the same table.
let arguments = Array(CommandLine.arguments.dropFirst())
let environment = environmentVariables()
exit(Shell.main(arguments, environment: environment))

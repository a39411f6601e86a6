import MinshengCore

extension ShellOptions {
    /// The command line read without ArgumentParser, when it is plainly well formed.
    ///
    /// ArgumentParser finds a command's options by reflection, which costs about half of
    /// the shell's start-up (some 2.5 ms of 6 on the bench machine; see
    /// docs/PERFORMANCE.md) — paid again by every `minsheng -c …` a script runs. This
    /// reads the usual forms (`--db X`, `--db=X`, `-c X`, the flags, script files) and
    /// returns nil for anything else (`--help`, `--version`, an unknown or repeated
    /// option, a missing or invalid value, `--`): ArgumentParser, which stays the
    /// definition of the command line, then parses it and says what is wrong.
    public static func quick(_ arguments: [String]) -> ShellOptions? {
        var o = ShellOptions()
        var seen = Set<String>()
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            guard arg.hasPrefix("-") else {
                o.scripts.append(arg)
                continue
            }
            var name = arg
            var value: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--keep-going", "--atomic", "--norc", "--safe":
                guard value == nil else { return nil }
                switch name {
                case "--keep-going": o.keepGoing = true
                case "--atomic": o.atomic = true
                case "--safe": o.safe = true
                default: o.noRC = true
                }
                continue
            case "--db", "-c", "--now", "--as", "--format", "--lang":
                break
            default:
                return nil
            }
            if value == nil {
                guard i < arguments.count, !arguments[i].hasPrefix("-") else { return nil }
                value = arguments[i]
                i += 1
            }
            guard let v = value else { return nil }
            switch name {
            case "--db": o.database = v
            case "-c": o.commands = v
            case "--now":
                guard let t = Timestamp.parse(v) else { return nil }
                o.now = t
            case "--as":
                guard !v.isEmpty else { return nil }
                o.actor = v
            case "--format":
                guard let f = OutputFormat(rawValue: v) else { return nil }
                o.format = f
            default:
                guard let l = Language(rawValue: v) else { return nil }
                o.language = l
            }
        }
        return o
    }
}

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
    /// The `-c` commands and script files ArgumentParser read, put back in the order the
    /// command line gave them (it keeps each kind in order, not the two together).
    public static func inputsInOrder(
        _ arguments: ArraySlice<String>, commands: [String], files: [String], scripts: [String]
    ) -> [Input] {
        var c = commands[...], f = files[...], s = scripts[...]
        var out: [Input] = []
        var i = arguments.startIndex
        let valued: Set<String> = ["--db", "--now", "--as", "--format", "--lang"]
        while i < arguments.endIndex {
            let arg = arguments[i]
            i += 1
            if arg == "-c", let next = c.first, i < arguments.endIndex, arguments[i] == next {
                out.append(.commands(next))
                c = c.dropFirst()
                i += 1
            } else if arg == "-f", let next = f.first, i < arguments.endIndex, arguments[i] == next {
                out.append(.file(next))
                f = f.dropFirst()
                i += 1
            } else if valued.contains(arg) {
                i += 1
            } else if let next = s.first, arg == next {
                out.append(.file(next))
                s = s.dropFirst()
            }
        }
        // Whatever the walk could not place (an unusual spelling) still runs, after.
        return out + c.map { .commands($0) } + f.map { .file($0) } + s.map { .file($0) }
    }

    public static func quick(_ arguments: [String]) -> ShellOptions? {
        var o = ShellOptions()
        var seen = Set<String>()
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            guard arg.hasPrefix("-") else {
                o.inputs.append(.file(arg))
                continue
            }
            var name = arg
            var value: String?
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                value = String(arg[arg.index(after: eq)...])
            }
            // `-c` and `-f` may be given again: each runs, in order.
            guard name == "-c" || name == "-f" || seen.insert(name).inserted else { return nil }
            switch name {
            case "--keep-going", "--atomic", "--norc", "--safe", "--bom":
                guard value == nil else { return nil }
                switch name {
                case "--keep-going": o.keepGoing = true
                case "--atomic": o.atomic = true
                case "--safe": o.safe = true
                case "--bom": o.csvBOM = true
                default: o.noRC = true
                }
                continue
            case "--db", "-c", "-f", "--now", "--as", "--format", "--lang":
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
            case "-c": o.inputs.append(.commands(v))
            case "-f": o.inputs.append(.file(v))
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

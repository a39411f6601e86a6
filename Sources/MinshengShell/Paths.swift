#if canImport(Glibc)
    import Glibc
#endif

/// Where minsheng keeps its files, following the XDG base directories.
public enum Paths {
    /// `$XDG_DATA_HOME/minsheng`, else `~/.local/share/minsheng`.
    public static func dataDirectory(_ env: [String: String]) -> String {
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { return x + "/minsheng" }
        return (env["HOME"] ?? ".") + "/.local/share/minsheng"
    }

    /// `$MINSHENG_DB`, else `minsheng.db` in the data directory.
    public static func defaultDatabase(_ env: [String: String]) -> String {
        if let p = env["MINSHENG_DB"], !p.isEmpty { return p }
        return dataDirectory(env) + "/minsheng.db"
    }

    public static func historyFile(_ env: [String: String]) -> String { dataDirectory(env) + "/history" }

    public static func rcFile(_ env: [String: String]) -> String { (env["HOME"] ?? ".") + "/.minshengrc" }

    /// Creates a directory and its parents, private to the user.
    @discardableResult
    public static func makeDirectory(_ path: String) -> Bool {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if access(built, F_OK) != 0 && mkdir(built, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

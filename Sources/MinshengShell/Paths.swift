#if canImport(Glibc)
    import Glibc
#endif

/// Where minsheng keeps its files, following the XDG base directories.
public enum Paths {
    /// The home folder: `$HOME`, else the account's (cron, containers); nil when neither is
    /// an absolute path — never the current folder by accident.
    public static func home(_ env: [String: String]) -> String? {
        if let h = env["HOME"], h.hasPrefix("/") { return h }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir {
            let d = String(cString: dir)
            if d.hasPrefix("/") { return d }
        }
        return nil
    }

    /// `$XDG_DATA_HOME/minsheng`, else `~/.local/share/minsheng`; nil when there is no home.
    public static func dataDirectory(_ env: [String: String]) -> String? {
        if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") { return x + "/minsheng" }
        return home(env).map { $0 + "/.local/share/minsheng" }
    }

    /// `$MINSHENG_DB`, else `minsheng.db` in the data directory; nil when neither is known.
    public static func defaultDatabase(_ env: [String: String]) -> String? {
        if let p = env["MINSHENG_DB"], !p.isEmpty { return p }
        return dataDirectory(env).map { $0 + "/minsheng.db" }
    }

    public static func historyFile(_ env: [String: String]) -> String? { dataDirectory(env).map { $0 + "/history" } }

    public static func rcFile(_ env: [String: String]) -> String? { home(env).map { $0 + "/.minshengrc" } }

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

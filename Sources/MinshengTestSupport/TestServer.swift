#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway PostgreSQL server `scripts/test` starts for the conformance suite: its
/// Unix-socket folder is in `MINSHENG_TEST_PGHOST`. Each test gets a database of its own,
/// copied from a migrated template, so tests run in parallel and start from nothing.
public enum TestServer {
    /// The socket folder, or nil when no server was started (the tests that need one fail).
    public static var host: String? {
        guard let p = getenv("MINSHENG_TEST_PGHOST") else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }

    /// The connection string of database `name` on the test server, as `user` (the
    /// superuser unless given; the name is percent-encoded, as a URI needs).
    public static func location(_ name: String, host: String, user: String = "postgres") -> String {
        "postgresql://\(percentEncoded(user))@/\(name)?host=\(host)"
    }

    /// `text` with every byte but ASCII letters, digits and `-._~` written `%XX`.
    public static func percentEncoded(_ text: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for b in text.utf8 {
            if plain.contains(b) {
                out.append(Character(Unicode.Scalar(b)))
            } else {
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out
    }

    /// Makes sure the test server has a login role `name` (a superuser: the transcripts are
    /// about the language, not about privileges) and returns where the database at
    /// `location` is reached as it.
    public static func asLogin(_ name: String, _ location: String) -> String? {
        guard let host, let at = location.firstRange(of: "@/") else { return nil }
        _ = lockOnce
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        if !logins.contains(name) {
            let literal = name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''")
            let identifier = name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
            let sql = """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(literal)') THEN CREATE ROLE "\(identifier)" LOGIN SUPERUSER; END IF;
                END $$;
                """
            guard runSQL(host, sql) else { return nil }
            logins.insert(name)
        }
        return "postgresql://\(percentEncoded(name))" + location[at.lowerBound...]
    }

    /// Runs SQL text as the server's superuser, from a file (no shell quoting); true when it succeeded.
    public static func runSQL(_ host: String, _ sql: String, database: String = "postgres") -> Bool {
        let dir = Files.temporaryDirectory()
        defer { Files.removeTemporary(dir) }
        Files.write(dir + "/run.sql", sql)
        return system("psql -q -X -v ON_ERROR_STOP=1 '\(location(database, host: host))' -f '\(dir)/run.sql' > /dev/null 2>&1") == 0
    }

    nonisolated(unsafe) private static var logins: Set<String> = []

    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    nonisolated(unsafe) private static var counter = 0
    nonisolated(unsafe) private static var templateReady = false
    private static let lockOnce: Void = { pthread_mutex_init(&lock, nil) }()

    /// A new, empty database with minsheng's schema; nil (and why) when the server is missing.
    public static func freshDatabase() -> (location: String?, problem: String?) {
        _ = TestClock.fixed
        guard let host else {
            return (nil, "no PostgreSQL test server: MINSHENG_TEST_PGHOST is not set (scripts/test starts one)")
        }
        _ = lockOnce
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let prefix = "t\(getpid())"
        if !templateReady {
            // The template is migrated by minsheng itself, then every test's database copies it.
            guard psql(host, "DROP DATABASE IF EXISTS \(prefix)_template", "CREATE DATABASE \(prefix)_template") else {
                return (nil, "cannot create a database on the test server at \(host)")
            }
            let status = system(
                "'\(minshengBinary())' --db '\(location("\(prefix)_template", host: host))' -c 'count depts' > /dev/null 2>&1")
            guard status == 0 else { return (nil, "cannot migrate the template database on \(host)") }
            templateReady = true
        }
        counter += 1
        let name = "\(prefix)_\(counter)"
        guard psql(host, "DROP DATABASE IF EXISTS \(name)", "CREATE DATABASE \(name) TEMPLATE \(prefix)_template") else {
            return (nil, "cannot create database \(name) on the test server at \(host)")
        }
        return (location(name, host: host), nil)
    }

    /// Runs statements as the server's superuser; true when all succeeded.
    @discardableResult
    public static func psql(_ host: String, _ statements: String...) -> Bool {
        let commands = statements.map { "-c \"\($0)\"" }.joined(separator: " ")
        return system("psql -q -X -v ON_ERROR_STOP=1 'postgresql://postgres@/postgres?host=\(host)' \(commands) > /dev/null 2>&1") == 0
    }

    /// The built `minsheng` beside the test bundle (it migrates the template as a user would).
    static func minshengBinary() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return "minsheng" }
        let exe = String(decoding: buffer[..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // …/debug/minshengPackageTests.xctest → …/debug/minsheng
        guard let slash = exe.lastIndex(of: "/") else { return "minsheng" }
        return String(exe[..<slash]) + "/minsheng"
    }
}

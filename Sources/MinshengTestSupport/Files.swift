#if canImport(Glibc)
    import Glibc
#endif

/// Small file helpers for tests, without Foundation.
public enum Files {
    public static func read(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func write(_ path: String, _ text: String) {
        guard let f = fopen(path, "wb") else { return }
        var bytes = Array(text.utf8)  // every byte, a NUL included (fputs stops at one)
        fwrite(&bytes, 1, bytes.count, f)
        fclose(f)
    }

    /// A new empty directory under /tmp.
    public static func temporaryDirectory(_ prefix: String = "minsheng-test") -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buf in
            guard let base = buf.baseAddress, let p = mkdtemp(base) else { return "/tmp" }
            return String(cString: p)
        }
    }

    /// Copies every regular file of `from` (recursively) into `to`.
    public static func copyTree(_ from: String, _ to: String) {
        mkdir(to, 0o700)
        guard let d = opendir(from) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) {
                copyTree(from + "/" + name, to + "/" + name)
            } else if var bytes = readBytes(from + "/" + name), let f = fopen(to + "/" + name, "wb") {
                // Byte for byte: a fixture in GB18030 is not UTF-8.
                fwrite(&bytes, 1, bytes.count, f)
                fclose(f)
            }
        }
    }

    /// Removes a temporary directory and everything in it (only under /tmp).
    public static func removeTemporary(_ path: String) {
        guard path.hasPrefix("/tmp/minsheng-"), !path.contains("'") else { return }
        _ = system("rm -rf '\(path)'")
    }

    /// The package root, found from a test file's `#filePath`.
    public static func packageRoot(from filePath: String) -> String {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }
}

/// The wall clock every test runs under: fixed, as git's tests fix `GIT_COMMITTER_DATE`, so
/// hashes and seals print the same in every run (09:00 Beijing time on the transcripts' day).
/// A test of the real clock clears it for its process (`MINSHENG_WALL_CLOCK=`).
public enum TestClock {
    public static let wall = "2019-12-03T01:00:00Z"
    public static let fixed: Void = { setenv("MINSHENG_WALL_CLOCK", wall, 1) }()
}

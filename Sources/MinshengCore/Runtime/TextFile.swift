#if canImport(Glibc)
    import Glibc
#endif

/// Reads a text file line by line without loading it whole.
///
/// Lines are checked for valid UTF-8 one at a time, so a bad byte is reported
/// with its line and column instead of crashing or being silently replaced.
public final class LineSource {
    private var file: UnsafeMutablePointer<FILE>?
    private let ownsFile: Bool
    private var memory: [String] = []
    public let name: String
    public private(set) var lineNumber = 0

    /// Opens `path`; throws a located-free error when it cannot be read.
    public init(path: String, displayName: String? = nil) throws {
        name = displayName ?? path
        guard let f = fopen(path, "r") else {
            let reason = SystemError.reason(errno)
            throw ScriptError(.io, Localized(en: "cannot read '\(name)': \(reason.en)", zh: "无法读取 '\(name)'：\(reason.zh)"))
        }
        file = f
        ownsFile = true
    }

    /// Reads from an already open stream (standard input).
    public init(stream: UnsafeMutablePointer<FILE>, name: String) {
        file = stream
        ownsFile = false
        self.name = name
    }

    /// Reads lines already in memory (`-c 'cmds'`).
    public init(text: String, name: String) {
        file = nil
        ownsFile = false
        self.name = name
        memory = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).reversed()
    }

    deinit {
        if ownsFile, let file { fclose(file) }
    }

    /// The next line without its newline, nil at the end.
    public func next() throws -> String? {
        guard let file else {
            guard let line = memory.popLast() else { return nil }
            lineNumber += 1
            return line
        }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let n = getline(&buffer, &capacity, file)
        guard n >= 0, let buffer else { return nil }
        lineNumber += 1
        var bytes = UnsafeRawBufferPointer(start: buffer, count: n).bindMemory(to: UInt8.self)
        if bytes.last == 10 { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        if bytes.last == 13 { bytes = UnsafeBufferPointer(rebasing: bytes.dropLast()) }
        if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        throw invalidUTF8(bytes)
    }

    func invalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> ScriptError {
        // The column is the number of characters decoded before the first bad byte, plus one.
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let u): scalars.append(u)
            case .emptyInput, .error: break decoding
            }
        }
        let column = String(scalars).count + 1
        return ScriptError(
            .lexical, Localized(en: "invalid UTF-8 in the script", zh: "脚本中有无效的 UTF-8 字节"),
            at: SourceLocation(file: name, line: lineNumber, column: column),
            hint: Localized(en: "save the file as UTF-8", zh: "请把文件另存为 UTF-8 编码"))
    }
}

/// Writes text to a file, flushing each write so nothing is lost on a crash.
public final class TextFileWriter {
    private var file: UnsafeMutablePointer<FILE>?
    public let path: String
    /// Whether the file holds nothing yet (a CSV for Excel then starts with a BOM).
    public private(set) var isEmpty = true

    /// Opens `path` for writing (`append` keeps what is there).
    ///
    /// Refuses, changing nothing: any of `protected` (the database) or its `-wal`, `-shm`
    /// and `-journal` files, compared by device and inode and, for a file not there yet,
    /// by its resolved folder and name; and a path that is a symbolic link (opened with
    /// `O_NOFOLLOW`, so a link planted between the check and the open is refused too).
    /// Unless `append` or `overwrite`, a file that is already there is refused too
    /// (`O_EXCL`): replacing one takes an explicit `overwrite=yes`.
    public init(path: String, append: Bool, overwrite: Bool = false, protected: [String] = []) throws {
        self.path = path
        try OutputGuard(protected: protected).check(path)
        let mode = append ? O_APPEND : overwrite ? O_TRUNC : O_EXCL
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | mode, 0o666)
        guard fd >= 0, let f = fdopen(fd, append ? "a" : "w") else {
            let code = errno
            if code == EEXIST {
                throw ScriptError(.io, Localized(
                    en: "'\(path)' already exists; add overwrite=yes to replace it",
                    zh: "'\(path)' 已存在；如要覆盖，请加 覆盖=是"))
            }
            let reason = SystemError.reason(code)
            throw ScriptError(.io, Localized(en: "cannot write '\(path)': \(reason.en)", zh: "无法写入 '\(path)'：\(reason.zh)"))
        }
        file = f
        if append {
            var st = stat()
            isEmpty = fstat(fd, &st) == 0 && st.st_size == 0
        }
    }

    deinit { close() }

    public func write(_ text: String) {
        guard let file else { return }
        var bytes = Array(text.utf8)  // every byte: fputs would stop at a NUL in exact CSV
        if !bytes.isEmpty { isEmpty = false }
        fwrite(&bytes, 1, bytes.count, file)
        fflush(file)
    }

    public func close() {
        if let file { fclose(file) }
        file = nil
    }
}

/// Nanoseconds from a monotonic clock, for `set timer on`.
func monotonicNanoseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// The absolute path with links resolved, or the path itself when it does not exist.
func canonicalPath(_ path: String) -> String {
    guard let p = realpath(path, nil) else { return path }
    defer { free(p) }
    return String(cString: p)
}

/// Whether a file exists.
func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// `path` made relative to the directory of `base` (a script), unless absolute.
func resolvePath(_ path: String, relativeTo base: String?) -> String {
    guard !path.hasPrefix("/"), let base, let slash = base.lastIndex(of: "/") else { return path }
    return String(base[...slash]) + path
}

/// What an output file may not be: the open database and the files SQLite keeps beside it.
struct OutputGuard {
    let protected: [String]

    static let sidecars = ["", "-wal", "-shm", "-journal"]

    func check(_ path: String) throws {
        var st = stat()
        if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
            throw ScriptError(
                .io, Localized(en: "refusing to write '\(path)': it is a symbolic link", zh: "拒绝写入 '\(path)'：它是符号链接"),
                hint: Localized(en: "name the file itself, not a link to it", zh: "请直接写出文件本身的路径，而不是链接"))
        }
        let target = Self.identity(path)
        for db in protected where db != ":memory:" {
            for suffix in Self.sidecars {
                let other = db + suffix
                let same: Bool
                if let a = target.inode, let b = Self.identity(other).inode {
                    same = a == b
                } else {
                    same = target.name == Self.identity(other).name
                }
                if same {
                    throw ScriptError(
                        .io,
                        Localized(
                            en: "refusing to write '\(path)': it is the database\(suffix.isEmpty ? "" : "'s \(suffix.dropFirst()) file") (\(db))",
                            zh: "拒绝写入 '\(path)'：这是数据库\(suffix.isEmpty ? "" : "的 \(suffix.dropFirst()) 文件")（\(db)）"),
                        hint: Localized(en: "choose another file name, e.g. result.csv", zh: "请换一个文件名，例如 结果.csv"))
                }
            }
        }
    }

    /// A file's device and inode when it exists, and its name in its resolved folder.
    static func identity(_ path: String) -> (inode: [UInt64]?, name: String) {
        var st = stat()
        let inode: [UInt64]? = stat(path, &st) == 0 ? [UInt64(st.st_dev), UInt64(st.st_ino)] : nil
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (inode, canonicalPath(folder) + "/" + base)
    }
}

/// Why the system refused a file, in both languages: `strerror` speaks only English.
enum SystemError {
    static func reason(_ code: Int32) -> Localized {
        let zh: [Int32: String] = [
            ENOENT: "没有这个文件或目录", EACCES: "没有权限", EPERM: "不允许的操作", EISDIR: "这是一个目录",
            ENOTDIR: "路径中有一项不是目录", ENOSPC: "磁盘已满", EROFS: "只读文件系统", ENAMETOOLONG: "文件名太长",
            EEXIST: "文件已存在", EMFILE: "打开的文件太多", EIO: "读写错误",
        ]
        let en = code == ELOOP ? "it is a symbolic link" : String(cString: strerror(code))
        return Localized(en: en, zh: code == ELOOP ? "这是一个符号链接" : zh[code] ?? "系统错误 \(code)")
    }
}

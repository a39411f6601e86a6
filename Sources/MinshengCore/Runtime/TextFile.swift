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
            let reason = String(cString: strerror(errno))
            throw ScriptError(.io, Localized(en: "cannot read '\(name)': \(reason)", zh: "无法读取 '\(name)'：\(reason)"))
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

    /// Opens `path` for writing (`append` keeps what is there).
    public init(path: String, append: Bool) throws {
        self.path = path
        guard let f = fopen(path, append ? "a" : "w") else {
            let reason = String(cString: strerror(errno))
            throw ScriptError(.io, Localized(en: "cannot write '\(path)': \(reason)", zh: "无法写入 '\(path)'：\(reason)"))
        }
        file = f
    }

    deinit { close() }

    public func write(_ text: String) {
        guard let file else { return }
        fputs(text, file)
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

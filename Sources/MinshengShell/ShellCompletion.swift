import MinshengCore
import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// Connects the core's `Completer` to the line editor, with names from the store.
final class ShellCompletion: CompletionSource {
    let completer: Completer

    init(table: CommandTable, store: SQLStore, permits: @escaping (CommandSpec) -> Bool = { _ in true }) {
        let limit = Completer.sourceLimit
        completer = Completer(
            table: table,
            names: { kind, prefix in (try? store.names(kind, prefix: prefix, limit: limit)) ?? [] },
            values: { kind, field, prefix in (try? store.distinctValues(kind, field: field, prefix: prefix, limit: limit)) ?? [] },
            files: { FileNames.completing($0, limit: limit) },
            permits: permits)
    }

    func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String], partial: Bool) {
        completer.complete(line: line, cursor: cursor)
    }
}

/// File names for completion: the entries of the folder the typed path names (the current
/// one when it names none) that start with its last part; folders end in `/`. Hidden files
/// only when the part typed starts with a dot.
enum FileNames {
    static func completing(_ typed: String, limit: Int) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let start = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var expanded = folder
        if folder.hasPrefix("~/"), let home = getenv("HOME") { expanded = String(cString: home) + folder.dropFirst() }
        guard let d = opendir(expanded.isEmpty ? "." : expanded) else { return [] }
        defer { closedir(d) }
        var out: [String] = []
        while let entry = readdir(d), out.count < limit {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != "..", name.hasPrefix(start), !name.hasPrefix(".") || start.hasPrefix(".") else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var st = stat()
                isFolder = stat((expanded.isEmpty ? "" : expanded) + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            out.append(folder + name + (isFolder ? "/" : ""))
        }
        return out
    }
}

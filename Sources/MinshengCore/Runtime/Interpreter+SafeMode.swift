/// Safe mode (`--safe`, `replay FILE safe`), for scripts from elsewhere: like sqlite3's
/// `-safe`, the script may change the database but nothing outside it.
///
/// Refused: every command that writes a file (`once`, `output FILE`, `record on`,
/// `minutes out=`, `analysis out=`, `case export`), and any file named by an absolute path,
/// `~` or a `..` step (a script may still `source` or import files in its own folder).
extension Interpreter {
    /// Throws, located at the command, when safe mode is on and `inv` would reach outside.
    func refuseOutsideDatabase(_ inv: Invocation) throws {
        guard safe, let what = outsideReach(inv) else { return }
        throw ScriptError(
            .runtime,
            Localized(
                en: "refused in safe mode: \(what.en); nothing was run",
                zh: "安全模式下拒绝执行：\(what.zh)；未做任何操作"),
            at: inv.location,
            hint: Localized(
                en: "safe mode refuses once, output, record on, out=, case export, and files outside the script's folder; run without --safe only a script you trust",
                zh: "安全模式拒绝 once、output、record on、out=、case export 及脚本目录以外的文件；只有可信的脚本才可不加 --safe 运行"))
    }

    /// What `inv` would write or read outside the database, if anything.
    func outsideReach(_ inv: Invocation) -> Localized? {
        let name = inv.spec.displayName
        switch inv.spec.id {
        case .once, .caseExport:
            return Localized(en: "'\(name)' writes a file", zh: "'\(name)' 会写入文件")
        case .output:
            let path = inv.text("file") ?? "-"
            if path == "-" || path == "stdout" { return nil }
            return Localized(en: "'\(name)' writes a file", zh: "'\(name)' 会写入文件")
        case .record where inv.text("state") == "on":
            return Localized(en: "'record on' writes a file", zh: "'record on' 会写入文件")
        default:
            break
        }
        if inv.values["out"] != nil {
            return Localized(en: "out= writes a file", zh: "out= 会写入文件")
        }
        for p in inv.spec.arguments + inv.spec.options where p.type == .path {
            guard let path = inv.text(p.name), Self.reachesOutside(path) else { continue }
            return Localized(en: "'\(path)' is outside the script's folder", zh: "'\(path)' 不在脚本所在目录内")
        }
        return nil
    }

    /// An absolute path, a home-folder path or one that climbs with `..`.
    public static func reachesOutside(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~") || path.split(separator: "/").contains("..")
    }
}

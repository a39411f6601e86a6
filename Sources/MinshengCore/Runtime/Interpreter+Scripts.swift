/// Appends each successful command to a script, with the clock in force.
final class Recorder {
    let writer: TextFileWriter
    var path: String { writer.path }
    /// The file as the user named it, for messages.
    let shown: String
    private var lastClock: Timestamp?

    init(path: String, shown: String, protected: [String]) throws {
        writer = try TextFileWriter(path: path, append: true, protected: protected)
        self.shown = shown
    }

    /// Writes `set now=…` when the clock moved, then the command, so a replay is deterministic.
    func record(_ inv: Invocation, session: Session) throws {
        switch inv.spec.id {
        case .record, .history, .help, .replay, .source, .quit: return
        default: break
        }
        if inv.spec.effect != .session {
            let now = session.now
            if now != lastClock {
                writer.write("set now=\(now.storage)\n")
                lastClock = now
            }
        }
        if inv.spec.id == .set, let first = inv.rest.first, case .word(let w) = first.kind, w.lowercased() == "now" {
            lastClock = session.fixedNow
        }
        // With reveal off the recording, a file outside the database, holds no full number.
        writer.write((session.reveal ? inv.source : PhoneMask.maskNumbers(in: inv.source)) + "\n")
    }
}

extension Interpreter {
    func record(_ inv: Invocation) throws -> [Output] {
        if inv.text("state") == "off" {
            guard let r = recorder else {
                throw ScriptError.runtime("not recording", "当前没有在录制", at: inv.location)
            }
            r.writer.close()
            recorder = nil
            return [.text(lang == .zh ? "已停止录制：\(r.shown)" : "stopped recording to \(r.shown)")]
        }
        guard let path = inv.text("file") else {
            throw ScriptError.validation("'record on' needs a file", "'record on' 需要文件名", at: inv.location,
                hint: Localized(en: "record on session.msh", zh: "例如 record on 会议.msh"))
        }
        guard recorder == nil else {
            throw ScriptError.runtime("already recording to \(recorder?.shown ?? "")", "已经在录制：\(recorder?.shown ?? "")", at: inv.location,
                hint: Localized(en: "record off first", zh: "请先 record off"))
        }
        let full = outputPath(path)
        if scriptStack.contains(canonicalPath(full)) {
            throw ScriptError.runtime(
                "'\(path)' is being run: recording into it would replay forever", "'\(path)' 正在执行：录制到它会无休止地重放",
                at: inv["file"]?.location, hint: Localized(en: "record into another file", zh: "请录制到另一个文件"))
        }
        do {
            recorder = try Recorder(path: full, shown: path, protected: protectedFiles)
        } catch let e as ScriptError {
            throw e.located(at: inv["file"]?.location)
        }
        var said = lang == .zh ? "开始录制到 \(path)" : "recording to \(path)"
        if !session.reveal {
            said += say(
                " (phone numbers are masked in it, and a replay refuses a masked number: set reveal on first to record them in full)",
                "（其中的电话号码会被隐藏，重放时隐藏的号码无效；如需完整录制，请先 设置 显示号码=开）")
        }
        return [.text(said)]
    }

    func sourceFile(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file") else { return [] }
        try runNested(path, at: inv["file"]?.location, step: false)
        return []
    }

    func replay(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file") else { return [] }
        let savedSafe = safe, savedKeep = replayKeepsFiles
        defer { (safe, replayKeepsFiles) = (savedSafe, savedKeep) }
        if inv.text("mode") == "safe" { safe = true }
        // What a session once replaced (its minutes, with overwrite=yes) a replay does not
        // replace again unless it is told to.
        if !inv.isOn("overwrite") { replayKeepsFiles = true }
        try runNested(path, at: inv["file"]?.location, step: inv.text("mode") == "step")
        return []
    }

    /// How deep `source` and `replay` may nest: far more than any real script, and far
    /// below the depth at which the interpreter's recursion would overflow the stack.
    static let maximumScriptDepth = 64

    /// Runs another script inside this one; its errors are reported where they happen.
    func runNested(_ path: String, at loc: SourceLocation?, step: Bool) throws {
        let full = resolvePath(path, relativeTo: scriptStack.last)
        if let r = recorder, canonicalPath(r.path) == canonicalPath(full) {
            throw ScriptError.runtime(
                "'\(path)' is being recorded: running it would read what it writes", "'\(path)' 正在录制：执行它会读到自己写入的内容",
                at: loc, hint: Localized(en: "record off first", zh: "请先 record off"))
        }
        if scriptStack.count >= Self.maximumScriptDepth {
            throw ScriptError.runtime(
                "scripts are nested \(Self.maximumScriptDepth) deep: '\(path)' would go deeper",
                "脚本已嵌套 \(Self.maximumScriptDepth) 层：不能再执行 '\(path)'", at: loc,
                hint: Localized(en: "a script may source others at most \(Self.maximumScriptDepth) levels deep", zh: "脚本嵌套执行最多 \(Self.maximumScriptDepth) 层"))
        }
        if scriptStack.contains(canonicalPath(full)) {
            let chain = displayStack + [resolvePath(path, relativeTo: displayStack.last)]
            throw ScriptError.runtime(
                "'\(path)' is already running: a script cannot source itself", "'\(path)' 正在执行中：脚本不能循环引用自身", at: loc,
                hint: Localized(en: "chain: " + chain.joined(separator: " → "), zh: "引用链：" + chain.joined(separator: " → ")))
        }
        let source: LineSource
        do {
            source = try LineSource(path: full, displayName: resolvePath(path, relativeTo: displayStack.last))
        } catch let e as ScriptError {
            throw e.located(at: loc)
        }
        let savedStepper = stepper, savedStepping = stepping
        if !step { stepper = nil }
        stepping = step
        defer {
            stepper = savedStepper
            stepping = savedStepping
        }
        let ok = runScript(source, canonicalName: canonicalPath(full))
        if step {
            quitRequested = false
        }
        if !ok { throw ScriptAbort() }
    }

    func output(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file") else { return [] }
        redirect?.close()
        redirect = nil
        if path == "-" || path == "stdout" { return [] }
        redirect = try openOutput(path, at: inv["file"]?.location, overwrite: inv.isOn("overwrite"))
        return []
    }

    func once(_ inv: Invocation) throws -> [Output] {
        guard let path = inv.text("file") else { return [] }
        pendingOnce = try openOutput(path, at: inv["file"]?.location, overwrite: inv.isOn("overwrite"))
        return []
    }

    /// A relative output path from the working directory (or the fuzzer's sandbox).
    func outputPath(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = outputFolder else { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// Opens a file the user named for output (relative to the working directory), refusing
    /// the database, symbolic links and, without `overwrite`, a file already there; the
    /// error points at the file name.
    func openOutput(_ path: String, at loc: SourceLocation?, overwrite: Bool) throws -> TextFileWriter {
        let full = outputPath(path)
        if overwrite, replayKeepsFiles, fileExists(full) {
            throw ScriptError.runtime(
                "'\(path)' already exists: a replay does not replace it", "'\(path)' 已存在：重放不会覆盖它", at: loc,
                hint: Localized(
                    en: "move it away, or replay with overwrite=yes to replace what the script writes",
                    zh: "请先移走它，或用 重放 文件 覆盖=是 允许覆盖脚本写出的文件"))
        }
        do {
            return try TextFileWriter(path: full, append: false, overwrite: overwrite, protected: protectedFiles)
        } catch let e as ScriptError {
            throw e.located(at: loc)
        }
    }
}

import CEditLine
import MinshengCore
import Foundation

/// Interactive line editing on a terminal, through libedit.
///
/// Use it only when standard input is a terminal: libedit assumes one. The reader
/// owns one `EditLine` and one `History`; libedit calls back into it (prompt, Tab)
/// through `EL_CLIENTDATA`, which holds an unretained pointer to `self`. That is
/// safe because `deinit` calls `el_end` before the object goes away.
public final class EditLineReader: LineReader {
    /// libedit's handle. `nil` only if `el_init` failed (no usable terminal).
    let editLine: OpaquePointer?
    private let history: OpaquePointer?
    private let historyFile: String?
    /// Shell-specific completion; `nil` makes Tab beep.
    let completion: CompletionSource?
    /// The language of the reader's own questions ("显示全部 N 项？").
    public var language: Language = .en
    /// More candidates than this are listed only when the user says so.
    static let askBeyond = 50
    /// The prompt as a C string owned by the reader: libedit keeps the pointer the
    /// prompt callback returns and may redraw with it at any time during `el_gets`.
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    /// The prompt being shown, for a redraw of our own (Ctrl-R's accepted line).
    var promptText: String? { promptBuffer.map { String(cString: $0) } }
    /// False only on a system without any UTF-8 locale. libedit then cannot take
    /// non-ASCII input, and a non-ASCII prompt makes it dereference NULL (seen with
    /// 3.1-20221030), so prompts are reduced to ASCII.
    private let hasUTF8Locale: Bool
    /// The line as libedit had it at its previous read of a key; `nil` before the first read of
    /// a line. This and the three below belong to `EditLineReader+Redisplay.swift`.
    var lineSeen: LineState?
    /// Keys fed to libedit before the user's next one (the redraw's further steps).
    var pendingKeys: [wchar_t] = []
    /// Where the cursor goes after a redraw, in turn; and whether to clear below the line first.
    var cursorSteps: [Int] = []
    var clearBelowLine = false

    /// How many entries libedit keeps, in memory and in the file.
    static let historySize: Int32 = 1000
    /// The name Tab is bound to; also usable from `~/.editrc` (`bind ^I minsheng-complete`).
    static let completeFunctionName = "minsheng-complete"

    /// - Parameters:
    ///   - programName: the name `~/.editrc` lines may be prefixed with (`minsheng:bind …`).
    ///   - historyFile: where history is loaded from now and saved by `saveHistory()`;
    ///     `nil` keeps history in memory only.
    ///   - completion: what Tab asks for candidates.
    public init(programName: String, historyFile: String?, completion: CompletionSource?) {
        self.hasUTF8Locale = minsheng_setup_locale() != 0
        Interrupts.shared.install()
        self.historyFile = historyFile
        self.completion = completion
        self.promptBuffer = strdup("")
        self.history = history_init()
        self.editLine = el_init(programName, minsheng_stdin(), minsheng_stdout(), minsheng_stderr())

        if let history {
            _ = minsheng_history_setsize(history, Self.historySize)
            _ = minsheng_history_setunique(history, 1)
            if let historyFile {
                Self.prepareHistoryFile(historyFile)
                _ = minsheng_history_load(history, historyFile)
                maskLoadedHistory()
            }
        }
        guard let editLine else { return }
        // Client data first: nothing may call back before it is in place.
        _ = minsheng_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = minsheng_el_set_editor_emacs(editLine)
        // Lets libedit restore the terminal on SIGTSTP/SIGCONT and follow SIGWINCH.
        _ = minsheng_el_set_signal(editLine, 1)
        _ = minsheng_el_set_prompt(editLine, { el in
            guard let el, let reader = EditLineReader.from(el) else { return minsheng_empty_prompt() }
            return reader.promptBuffer ?? minsheng_empty_prompt()
        })
        if let history { _ = minsheng_el_set_hist(editLine, history) }
        _ = minsheng_el_addfn(editLine, Self.completeFunctionName, "Complete the word before the cursor", { el, _ in
            guard let el, let reader = EditLineReader.from(el) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor(el)
        })
        _ = minsheng_el_bind_tab(editLine, Self.completeFunctionName)
        _ = minsheng_el_addfn(editLine, Self.searchFunctionName, "Search the history backwards as you type", { el, _ in
            guard let el, let reader = EditLineReader.from(el) else { return UInt8(CC_ERROR) }
            return reader.reverseSearch(el)
        })
        _ = minsheng_el_bind_key(editLine, "^R", Self.searchFunctionName)
        installRedisplay(editLine)
        // After our own bindings, so that ~/.editrc can override them.
        _ = el_source(editLine, nil)
    }

    deinit {
        if let editLine { el_end(editLine) }
        if let history { history_end(history) }
        free(promptBuffer)
    }

    /// The reader behind a libedit handle, from `EL_CLIENTDATA`.
    static func from(_ el: OpaquePointer) -> EditLineReader? {
        guard let raw = minsheng_el_get_clientdata(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(raw).takeUnretainedValue()
    }

    // MARK: Reading

    public func readLine(prompt: String) -> LineReadResult {
        guard let editLine else { return .endOfInput }
        let shown = hasUTF8Locale ? prompt : String(prompt.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
        if let fresh = strdup(shown) {
            free(promptBuffer)
            promptBuffer = fresh
        }
        lineSeen = nil
        pendingKeys = []
        var count: Int32 = 0
        let (got, interrupted) = Interrupts.shared.whileReading { el_gets(editLine, &count) }
        guard let raw = got else {
            // With our SIGINT handler (no SA_RESTART) the blocked read fails with EINTR
            // and el_gets gives up with count -1; the flag says it really was Ctrl-C.
            if interrupted || (count == -1 && minsheng_errno() == EINTR) {
                // Ctrl-C: drop what was typed and leave the cursor on a fresh line, below the
                // whole of a line that wraps (the next prompt must not land on its second row).
                let below = rowsBelowCursor(editLine)
                el_reset(editLine)
                writeToTerminal(String(repeating: "\n", count: below + 1))
                return .interrupted
            }
            writeToTerminal("\n")
            return .endOfInput
        }
        // The buffer belongs to libedit and changes on the next call: copy it now.
        // strlen rather than `count`: older libedits count characters, not bytes.
        var line = String(cString: raw)
        if count == 0 && line.isEmpty {
            writeToTerminal("\n")
            return .endOfInput
        }
        while let last = line.last, last == "\n" || last == "\r\n" || last == "\r" {
            line.removeLast()
        }
        return .line(line)
    }

    /// Writes to the terminal libedit draws on, flushed so it lands before libedit redraws.
    func writeToTerminal(_ text: String) {
        let out = minsheng_stdout()
        fputs(text, out)
        fflush(out)
    }

    // MARK: History

    /// Blank lines are not worth recalling with Up-arrow, so they are not added.
    /// Keeps a line for recall and for the history file, with phone numbers masked: the
    /// file on disk never holds a resident's number (`138****1234` is kept instead).
    public func addHistory(_ line: String) {
        guard let history, line.contains(where: { !$0.isWhitespace }) else { return }
        _ = minsheng_history_enter(history, PhoneMask.maskNumbers(in: line))
    }

    /// A history file written before numbers were masked is masked as it is read, so the
    /// next save rewrites it without them.
    func maskLoadedHistory() {
        guard let history else { return }
        let entries = historyEntries()
        let masked = entries.map { PhoneMask.maskNumbers(in: $0) }
        guard masked != entries else { return }
        _ = minsheng_history_clear(history)
        for line in masked { _ = minsheng_history_enter(history, line) }
    }

    public func historyEntries() -> [String] {
        guard let history else { return [] }
        var entries: [String] = []
        var entry = minsheng_history_oldest(history)
        while let text = entry {
            entries.append(String(cString: text))
            entry = minsheng_history_newer(history)
        }
        return entries
    }

    /// Failure is reported on stderr but is not fatal: losing history must not
    /// stop the shell from exiting cleanly.
    public func saveHistory() {
        guard let history, let historyFile else { return }
        Self.prepareHistoryFile(historyFile)
        if minsheng_history_save(history, historyFile) < 0 {
            let reason = String(cString: strerror(minsheng_errno()))
            fflush(minsheng_stdout())
            fputs("minsheng: cannot save history to \(historyFile): \(reason)\n", minsheng_stderr())
        }
    }

    /// Makes the history file's directory (0700) and the file itself (0600) if missing.
    /// Creating the file ourselves means it is never briefly world-readable, which it
    /// would be if libedit's `fopen` created it under a permissive umask.
    private static func prepareHistoryFile(_ path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd) }
    }
}

import CEditLine
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Shows a long result through a pager, as psql does: `$MINSHENG_PAGER`, else `$PAGER`,
/// else `less -RSFX` when it is installed (`-F`: a result that fits quits at once, `-X`: it
/// stays on the screen after, `-S`: long lines are not folded, `-R`: colours pass). A
/// variable set but empty means no pager. Used only when standard output is a terminal.
struct Pager {
    /// The shell command that pages (run by `/bin/sh -c`), or nil for none.
    let command: String?

    init(environment env: [String: String]) {
        if let p = env["MINSHENG_PAGER"] {
            command = p.trimmingCharacters().isEmpty ? nil : p
        } else if let p = env["PAGER"] {
            command = p.trimmingCharacters().isEmpty ? nil : p
        } else {
            let path = env["PATH"] ?? "/usr/bin:/bin"
            command = path.split(separator: ":").contains { access("\($0)/less", X_OK) == 0 } ? "less -RSFX" : nil
        }
    }

    /// Whether `text` takes more rows than a screen of `rows` × `columns` holds (a line
    /// wider than the screen takes several); counts no further than it needs to.
    static func isLonger(_ text: String, rows: Int, columns: Int) -> Bool {
        var used = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let w = DisplayWidth.of(String(line))
            used += max(1, (w + columns - 1) / max(1, columns))
            // The prompt needs the last row.
            if used > rows - 1 { return true }
        }
        return false
    }

    /// Runs the pager with `text` on its standard input and waits until it quits. Writes in
    /// chunks and stops early at `stop` (Ctrl-C) or when the pager has quit (`q` in less).
    /// Returns false when the pager could not be started (the caller prints the text).
    func show(_ text: String, stop: () -> Bool) -> Bool {
        guard let command else { return false }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        // The shell keeps SIGINT blocked on its own thread (Interrupts): the pager starts
        // with nothing blocked and the default actions, as if started from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGPIPE, SIGQUIT] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv = words.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        fflush(minsheng_stdout())
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv + [nil], environ)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        // A pager that quits before reading everything closes the pipe: EPIPE, not SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var open = true
        writeInChunks(text, stop: { stop() || !open }) { chunk in
            let bytes = Array(chunk.utf8)
            var offset = 0
            while offset < bytes.count && open {
                let n = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return write(writeEnd, base + offset, buffer.count - offset)
                }
                if n > 0 {
                    offset += n
                } else if n < 0 && errno != EINTR {
                    open = false
                }
            }
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return true
    }
}

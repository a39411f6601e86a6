import CEditLine
import Foundation
import MinshengCore
import Synchronization

/// Ctrl-C, for the whole process.
///
/// The SIGINT handler (C, async-signal-safe) only raises a flag and writes a byte down a
/// pipe. A watcher thread reads the pipe and, while a command runs, marks it cancelled and
/// asks the store to stop the statement in progress (`Store.interrupt`: SQLite's interrupt,
/// libpq's cancel request) — from a thread, never from the handler. The command then fails
/// as cancelled and its transaction is rolled back; loops that run no statement (an import's
/// rows, printing results) look at `isRequested`. At the idle prompt a Ctrl-C belongs to the
/// line reader, which drops the line being typed, as before.
///
/// The main thread keeps SIGINT blocked except while it reads a line (`whileReading`), so a
/// Ctrl-C never breaks off a write to the terminal half-way; the watcher takes it instead.
/// A third Ctrl-C during one command that has not stopped ends the process (status 130), as
/// the sqlite3 shell does: nothing uncommitted survives that (SQLite rolls the file back at
/// the next open, a server when the connection drops).
///
/// One per process, because a signal has one handler: `Interrupts.shared`.
final class Interrupts: Sendable {
    static let shared = Interrupts()

    private struct State {
        var installed = false
        var running = false
        var presses = 0
        var stop: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    /// Exit status after Ctrl-C stopped a script, by the convention of shells (128 + SIGINT).
    static let exitStatus: Int32 = 130

    /// Installs the handler and starts the watcher (once); from then on the calling thread
    /// keeps SIGINT blocked but while it reads a line.
    func install() {
        let first = state.withLock { s in
            defer { s.installed = true }
            return !s.installed
        }
        guard first else { return }
        _ = minsheng_sigint_install()
        Thread.detachNewThread { Interrupts.shared.watch() }
        _ = minsheng_sigint_block(1)
    }

    private func watch() {
        // A thread starts with its creator's mask: this one must be the one that takes SIGINT.
        _ = minsheng_sigint_block(0)
        while minsheng_sigint_wait() > 0 {
            let (stop, presses) = state.withLock { s -> ((@Sendable () -> Void)?, Int) in
                guard s.running else { return (nil, 0) }
                s.presses += 1
                return (s.stop, s.presses)
            }
            if presses >= 3 {
                fputs("\n", minsheng_stderr())
                _exit(Self.exitStatus)
            }
            stop?()
        }
    }

    /// A command (or a whole script) starts: a Ctrl-C from now on cancels it, through `stop`
    /// and `isRequested`.
    func begin(stopping store: Store) {
        let target = InterruptTarget(store: store)
        state.withLock { s in
            s.running = true
            s.presses = 0
            s.stop = { target.store.interrupt() }
        }
    }

    /// The command is over: a Ctrl-C is the prompt's again.
    func end() {
        state.withLock { s in
            s.running = false
            s.presses = 0
            s.stop = nil
        }
    }

    /// Whether Ctrl-C was pressed since `begin`.
    var isRequested: Bool { state.withLock { $0.running && $0.presses > 0 } }

    /// Reads a line with SIGINT unblocked, so the read fails with EINTR at Ctrl-C; returns
    /// what `body` returned and whether Ctrl-C was pressed meanwhile.
    func whileReading<T>(_ body: () -> T) -> (result: T, interrupted: Bool) {
        let installed = state.withLock { $0.installed }
        minsheng_sigint_reset()
        if installed { _ = minsheng_sigint_block(0) }
        let result = body()
        if installed { _ = minsheng_sigint_block(1) }
        return (result, minsheng_sigint_was_raised() != 0)
    }
}

/// The store, handed to the watcher thread for `interrupt()` alone: the one method of a store
/// that may be called from another thread while a command runs.
private struct InterruptTarget: @unchecked Sendable {
    let store: Store
}

import Foundation
import Testing

/// Drives the real `minsheng` binary on a real terminal (a tmux pane), because
/// what matters here — Chinese surviving libedit with LANG unset, Tab, history,
/// Ctrl-C, Ctrl-D — only happens on a terminal and cannot be faked with pipes.
@Suite(
    "Interactive shell in tmux", .serialized)
struct InteractiveTmuxTests {
    @Test("Chinese input, Tab completion, history, Ctrl-C and Ctrl-D")
    func interactiveSession() throws {
        guard let binary = TmuxPane.minshengBinary() else {
            Issue.record("minsheng binary not found next to the test bundle or in .build/debug; build it first")
            return
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("minsheng-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let statusFile = scratch.appendingPathComponent("exit-status").path
        let pane = try TmuxPane(scratch: scratch, command: [
            // The shell only records minsheng's exit status. It traps SIGINT (a handler,
            // not "ignore", so minsheng starts with the default) because Ctrl-C reaches
            // the whole foreground process group and would otherwise kill this shell.
            "/bin/sh", "-c", "trap : INT; \"$@\"; echo $? > \"$0\"", statusFile,
            // LANG unset on purpose: CI, cron and containers run that way, and it is
            // where libedit drops every CJK byte unless the reader fixes the locale.
            "env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE",
            "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data",
            binary.path, "--db", scratch.appendingPathComponent("t.db").path, "--norc",
        ])
        defer { pane.killServer() }

        // A debug build opening a fresh database can be slow on a loaded machine.
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng") } }

        // Typed text is echoed exactly, Chinese included.
        pane.typeLiteral("dept add 城建科")
        try pane.waitFor("the Chinese command line echoed") { lastLine($0).contains("dept add 城建科") }
        pane.press("Enter")
        try pane.waitFor("a prompt after `dept add`") { promptAfter("dept add 城建科", in: $0) }

        // Tab completes the second word of `find de`.
        pane.typeLiteral("find de")
        pane.press("Tab")
        try pane.waitFor("Tab to complete `find de` to `find depts`") { lastLine($0).contains("find depts") }
        pane.press("Enter")
        let afterFind = try pane.waitFor("a prompt after `find depts`") { promptAfter("find depts", in: $0) }
        let findLine = afterFind.lastIndex { $0.contains("find depts") } ?? 0
        let below = afterFind[(findLine + 1)...]
        let output = below[..<(below.firstIndex { $0.contains("minsheng") } ?? below.endIndex)]
        #expect(output.contains { $0.contains("城建科") }, "find depts should list 城建科:\n\(screenText(afterFind))")

        // Up twice goes back past `find depts` to `dept add 城建科`.
        pane.press("Up")
        pane.press("Up")
        try pane.waitFor("history to recall `dept add 城建科`") {
            let line = lastLine($0)
            return line.contains("minsheng") && line.contains("dept add 城建科")
        }

        // Ctrl-C discards the recalled line and gives a fresh prompt; the shell lives on.
        pane.press("C-c")
        try pane.waitFor("a fresh prompt after Ctrl-C") { promptAfter("dept add 城建科", in: $0) }
        #expect(pane.sessionExists(), "Ctrl-C must not end the shell")

        // Ctrl-D on the empty line ends the shell, cleanly.
        pane.press("C-d")
        let deadline = Date().addingTimeInterval(10)
        while pane.sessionExists() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!pane.sessionExists(), "Ctrl-D should end the session:\n\(screenText(pane.capture()))")
        var status = try? String(contentsOfFile: statusFile, encoding: .utf8)
        while status == nil && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            status = try? String(contentsOfFile: statusFile, encoding: .utf8)
        }
        #expect(status?.trimmingCharacters(in: .whitespacesAndNewlines) == "0",
                "minsheng should exit with status 0 after Ctrl-D")

        // What was typed (the history) and the database are the operator's alone: 0600.
        // (The -wal and -shm files, gone once the shell closes, are checked while one runs
        // in HardeningTests.)
        for file in ["data/minsheng/history", "t.db"] {
            let path = scratch.appendingPathComponent(file).path
            let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
            #expect(mode == 0o600, "\(file) should be private (0600), is \(mode.map { String($0, radix: 8) } ?? "missing")")
        }
    }
}

extension InteractiveTmuxTests {
    @Test("~/.minshengrc runs first; Chinese values complete; the prompt names the meeting")
    func rcFileCompletionAndMeetingPrompt() throws {
        guard let binary = TmuxPane.minshengBinary() else {
            Issue.record("minsheng binary not found; build it first")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "set lang=zh\necho 启动脚本已运行\n".write(
            to: scratch.appendingPathComponent(".minshengrc"), atomically: true, encoding: .utf8)
        let pane = try TmuxPane(scratch: scratch, command: [
            "env", "-u", "LANG", "-u", "LC_ALL", "-u", "LC_CTYPE", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data",
            binary.path, "--db", scratch.appendingPathComponent("t.db").path, "--now", "2019-12-03T09:00",
        ])
        defer { pane.killServer() }
        try pane.waitFor("the rc file's echo", timeout: 20) { $0.contains { $0.contains("启动脚本已运行") } }

        pane.typeLiteral("社区 添加 六里屯社区")
        pane.press("Enter")
        try pane.waitFor("the community added") { $0.contains { $0.contains("已添加社区 S-1 六里屯社区") } }

        // A Chinese option value completes from the database.
        pane.typeLiteral("会议 新建 楼门会 社区=六")
        pane.press("Tab")
        try pane.waitFor("社区=六 to complete to 六里屯社区") { lastLine($0).contains("社区=六里屯社区") }
        pane.typeLiteral("日期=2019-12-03 成员=5")
        pane.press("Enter")
        try pane.waitFor("the prompt to name the meeting") { lastLine($0).contains("M-1") }
        pane.press("C-d")
    }
}

/// A new folder for one tmux test (its socket, database and files); the caller removes it.
func tmuxScratch() throws -> URL {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tmux-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    return scratch
}

/// The built binary, or the test fails (it never passes without running).
func tmuxBinary() throws -> URL {
    try #require(TmuxPane.minshengBinary(), "minsheng binary not found next to the test bundle or in .build/debug; build it first")
}

/// The last line of the screen that is not blank.
func lastLine(_ screen: [String]) -> String {
    screen.last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
}

/// True when a prompt line appears below the last line containing `command`.
func promptAfter(_ command: String, in screen: [String]) -> Bool {
    guard let commandLine = screen.lastIndex(where: { $0.contains(command) }) else { return false }
    return screen[(commandLine + 1)...].contains { $0.contains("minsheng") }
}

func screenText(_ screen: [String]) -> String { screen.joined(separator: "\n") }

/// One detached tmux session on a private server whose socket lives in the test's
/// scratch directory: parallel runs and a developer's own tmux are never touched,
/// and nothing is left behind in /tmp/tmux-UID.
struct TmuxPane {
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The `minsheng` executable: beside the test bundle (the build products
    /// directory), else in the package's `.build/debug`.
    static func minshengBinary() -> URL? {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
        }
        if let argument = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("minsheng") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    let session = "minsheng"
    /// Holds the server socket and tmux's output files.
    private let scratch: URL
    private var socket: String { scratch.appendingPathComponent("tmux.sock").path }

    /// Starts `command` (argv, run without a shell by tmux) in a pane, 120×30 unless told. The
    /// session ends when the program does. (Not remain-on-exit + #{pane_dead_status}:
    /// tmux 3.3a here often never reaps the pane's process, so the status stays empty.)
    init(scratch: URL, command: [String], columns: Int = 120, rows: Int = 30) throws {
        self.scratch = scratch
        let started = run(["new-session", "-d", "-s", session, "-x", String(columns), "-y", String(rows)] + command)
        guard started.status == 0 else {
            killServer()
            throw TmuxError(message: "tmux new-session failed: \(started.output)")
        }
    }

    func typeLiteral(_ text: String) { _ = run(["send-keys", "-t", session, "-l", text]) }
    func press(_ key: String) { _ = run(["send-keys", "-t", session, key]) }
    /// Several keys in one tmux call, in order.
    func press(_ keys: [String]) { if !keys.isEmpty { _ = run(["send-keys", "-t", session] + keys) } }
    func killServer() { _ = run(["kill-server"]) }
    func resize(columns: Int, rows: Int) { _ = run(["resize-window", "-t", session, "-x", String(columns), "-y", String(rows)]) }

    func capture() -> [String] {
        run(["capture-pane", "-p", "-t", session]).output
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The screen and the terminal's own cursor (`#{cursor_x}`, `#{cursor_y}`, from 0), read in
    /// one tmux call so the two belong together; nil if tmux did not answer.
    func captureWithCursor() -> (screen: [String], x: Int, y: Int)? {
        var lines = run(["capture-pane", "-p", "-t", session, ";", "display-message", "-p", "-t", session, "#{cursor_x} #{cursor_y}"])
            .output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        guard let last = lines.popLast() else { return nil }
        let numbers = last.split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 2 else { return nil }
        return (lines, numbers[0], numbers[1])
    }

    func sessionExists() -> Bool { run(["has-session", "-t", session]).status == 0 }

    /// Polls the screen until `condition` holds; throws with the screen if it never does.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            guard Date() < deadline else {
                throw TmuxError(message: "timed out waiting for \(what); screen:\n\(screenText(screen))")
            }
            Thread.sleep(forTimeInterval: 0.1)
            screen = capture()
        }
        return screen
    }

    /// Runs one tmux client command and returns its exit status and output.
    ///
    /// Not Foundation's `Process`: on Linux it hands every child a socket that it
    /// watches to learn when the child is gone, and the tmux server that `new-session`
    /// forks inherits that socket, so `waitUntilExit` would wait for the server to
    /// die. `posix_spawn` closing every other descriptor leaks nothing (glibc ignores
    /// a close of a descriptor that is already gone; `addclosefrom_np` is not
    /// visible from Swift).
    /// `-u`: the tmux client treats text as UTF-8 whatever the test's own locale is;
    /// `-f /dev/null`: a developer's ~/.tmux.conf must not change what the test sees.
    private func run(_ arguments: [String]) -> (status: Int32, output: String) {
        guard let tmux = Self.tmuxPath else { return (-1, "tmux not found") }
        let outputFile = scratch.appendingPathComponent("tmux-output-\(UUID().uuidString)").path
        defer { unlink(outputFile) }
        let argv = ([tmux, "-u", "-S", socket, "-f", "/dev/null"] + arguments).map { strdup($0) }
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let inherited = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in inherited.compactMap({ Int32($0) }) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        // Tests run on worker threads that block signals, and posix_spawn passes the
        // mask on: the tmux server, and through it minsheng, would never see Ctrl-C,
        // nor kill-server's SIGHUP. Start the child with a clean mask and defaults.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGPIPE, SIGTSTP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv + [nil], envp + [nil])
        guard spawned == 0 else { return (-1, "posix_spawn failed: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros Swift cannot see.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : -1, output)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension InteractiveTmuxTests {
    @Test("the history file keeps no phone number and no refused secret-poll choice")
    func historyFileIsMasked() throws {
        guard let binary = TmuxPane.minshengBinary() else {
            Issue.record("minsheng binary not found; build it first")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("data/minsheng"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let history = scratch.appendingPathComponent("data/minsheng/history").path
        // A history file from before: its number is masked when it is next saved.
        try "_HiStOrY_V2_\nhousehold\\040add\\040X\\040phone=13911112222\n".write(toFile: history, atomically: true, encoding: .utf8)
        let pane = try TmuxPane(scratch: scratch, command: [
            "env", "HOME=\(scratch.path)", "XDG_DATA_HOME=\(scratch.path)/data",
            binary.path, "--db", scratch.appendingPathComponent("t.db").path, "--norc", "--lang", "en", "--now", "2019-12-05T19:00",
        ])
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng") } }
        for line in [
            "case new \"回电 010 6543 2109\"", "meeting new 议事会 members=王芳,张伟 date=2019-12-05",
            "sign-in 王芳,张伟", "提 \"修缮车棚\" by=张伟", "motion \"修缮车棚\" ballot=secret", "决 no=王芳",
        ] {
            pane.typeLiteral(line)
            pane.press("Enter")
        }
        try pane.waitFor("the refused choice") { $0.contains { $0.contains("is a secret poll") } }
        pane.press("C-d")
        let deadline = Date().addingTimeInterval(10)
        while pane.sessionExists() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(saved.contains("010\\040****2109") || saved.contains("010****2109"), "\(saved)")
        #expect(saved.contains("139****2222"), "\(saved)")
        #expect(saved.contains("ballot=secret"), "\(saved)")
        for leak in ["6543", "13911112222", "no=王芳"] {
            #expect(!saved.contains(leak), "the history file keeps '\(leak)':\n\(saved)")
        }
    }
}

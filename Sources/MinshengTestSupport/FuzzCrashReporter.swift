#if canImport(Glibc)
    import Glibc
#endif

/// Saves the input that crashed the fuzzer, from inside the signal handler.
///
/// A Swift trap (`!`, overflow, index out of range) raises SIGILL or SIGTRAP; a stack
/// overflow raises SIGSEGV, so the handler runs on its own stack. It uses only
/// async-signal-safe calls (open, write, close, raise) on memory set up beforehand.
public enum FuzzCrashReporter {
    nonisolated(unsafe) static var buffer: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var capacity = 0
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var number = 0
    nonisolated(unsafe) static var path: UnsafeMutablePointer<CChar>?

    /// From now on a crash writes the current input to `file` and says so on stderr.
    public static func install(file: String) {
        path = strdup(file)
        capacity = 1 << 20
        buffer = .allocate(capacity: capacity)
        let stackSize = 1 << 16
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
        stack.ss_size = stackSize
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in FuzzCrashReporter.crashed(sig) }
            action.sa_flags = Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }

    /// Remembers the input about to run.
    static func current(_ input: [UInt8], number n: Int) {
        guard let buffer else { return }
        length = min(input.count, capacity)
        number = n
        input.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { buffer.update(from: base, count: length) }
        }
    }

    static func crashed(_ sig: Int32) {
        if let path, let buffer {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if fd >= 0 {
                _ = write(fd, buffer, length)
                close(fd)
            }
            say("minsheng-fuzz: crash on input #")
            sayNumber(number)
            say(", saved to ")
            _ = write(2, path, strlen(path))
            say("\n")
        }
        raise(sig)
    }

    static func say(_ s: StaticString) {
        _ = write(2, s.utf8Start, s.utf8CodeUnitCount)
    }

    static func sayNumber(_ n: Int) {
        var digits:
            (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { raw in
            var v = max(0, n), i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(48 + v % 10)
                v /= 10
            } while v > 0 && i > 0
            if let base = raw.baseAddress { _ = write(2, base + i, raw.count - i) }
        }
    }
}

import CEditLine
import MinshengCore

#if canImport(Glibc)
    import Glibc
#endif

/// `meeting display` at a terminal: the board redrawn whenever another shell commits, each
/// second for the speaker's clock, and at once on a resize; q, Esc or Ctrl-C leaves it.
/// It only reads. The board is drawn on the terminal's alternate screen, so the session's
/// scrollback is as it was afterwards.
enum MeetingDisplay {
    static func follow(_ interpreter: Interpreter, meeting id: Int) {
        let zh = interpreter.session.language == .zh
        var saved = termios()
        let raw = tcgetattr(0, &saved) == 0
        if raw {
            var t = saved
            t.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
            withUnsafeMutableBytes(of: &t.c_cc) { cc in
                cc[Int(VMIN)] = 0
                cc[Int(VTIME)] = 0
            }
            tcsetattr(0, TCSANOW, &t)
        }
        let out = minsheng_stdout()
        fputs("\u{1B}[?1049h\u{1B}[?25l", out)
        defer {
            fputs("\u{1B}[?25h\u{1B}[?1049l", out)
            fflush(out)
            if raw { tcsetattr(0, TCSANOW, &saved) }
        }
        var mark = -1, lastSize = (rows: 0, columns: 0), lastDraw = 0
        while true {
            let size = Terminal.size(1) ?? (24, 80)
            let now = Int(time(nil))
            let changed = (try? interpreter.changeMark()) ?? mark
            if changed != mark || size != lastSize || now != lastDraw {
                draw(interpreter, id, size: size, zh: zh, to: out)
                (mark, lastSize, lastDraw) = (changed, size, now)
            }
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 250) > 0 {
                var byte: UInt8 = 0
                let n = read(0, &byte, 1)
                // q, Esc, Ctrl-C, Ctrl-D, or the input gone: leave the board.
                if n <= 0 || byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") || byte == 27 || byte == 3 || byte == 4 { return }
            }
        }
    }

    static func draw(_ interpreter: Interpreter, _ id: Int, size: (rows: Int, columns: Int), zh: Bool, to out: UnsafeMutablePointer<FILE>?) {
        var lines: [String]
        do {
            lines = try interpreter.board(meeting: id, width: size.columns - 1)
        } catch let e as ScriptError {
            lines = [e.message.text(interpreter.session.language)]
        } catch {
            lines = ["\(error)"]
        }
        let footer = zh ? "按 q 退出" : "q to quit"
        lines = Array(lines.prefix(max(1, size.rows - 2)))
        var frame = "\u{1B}[H"
        for line in lines { frame += line + "\u{1B}[K\r\n" }
        frame += "\u{1B}[J\u{1B}[\(size.rows);1H\u{1B}[2m\(footer)\u{1B}[0m"
        fputs(frame, out)
        fflush(out)
    }
}

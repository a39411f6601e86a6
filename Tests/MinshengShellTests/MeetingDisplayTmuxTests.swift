import Foundation
import MinshengTestSupport
import Testing

/// `meeting display` in one terminal follows the meeting another shell records (issue 18):
/// it redraws on each commit and on a resize, shows how many have voted (never who chose
/// what) and the verdict in large type, and q gives the prompt back.
@Suite("The meeting display in tmux", .serialized)
struct MeetingDisplayTmuxTests {
    @Test("a second terminal follows the meeting live")
    func followsTheMeeting() throws {
        let binary = try tmuxBinary()
        let scratch = try tmuxScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dir = scratch.path
        func record(_ commands: String) throws {
            let r = runMinsheng("--db t.db --norc --as 李梅 --lang zh --now 2019-12-05T19:00 \(commands)", in: dir)
            guard r.status == 0 else { throw TmuxError(message: "the recording shell failed: \(r.stderr)") }
        }
        try record(
            "-c 'dept add 城建科' -c 'community add 六里屯社区' -c 'meeting new 十二月会商会 community=六里屯社区 date=2019-12-05 members=5' "
                + "-c 'attend 王芳,张伟,刘洋' -c '提 南门夜间停车难 by=张伟'")
        let pane = try TmuxPane(
            scratch: scratch,
            command: [
                "env", "HOME=\(dir)", "XDG_DATA_HOME=\(dir)/data", "LANG=zh_CN.UTF-8", binary.path, "--db", "\(dir)/t.db", "--norc",
                "--now", "2019-12-05T19:07",
            ], columns: 70, rows: 20)
        defer { pane.killServer() }
        try pane.waitFor("the prompt", timeout: 20) { $0.contains { $0.contains("minsheng(t.db)>") } }
        pane.typeLiteral("会议 大屏 M-1")
        pane.press("Enter")
        try pane.waitFor("the board") { screen in
            screen.contains { $0.hasPrefix("M-1 十二月会商会 · 六里屯社区 · 2019-12-05") } && screen.contains { $0 == "议题 I-1 南门夜间停车难 · 已提出" }
                && screen.last { !$0.isEmpty } == "按 q 退出"
        }

        // Another shell commits: the board follows.
        try record("-c 'queue add 刘洋,王芳 item=I-1' -c 'set now=2019-12-05T19:05' -c 'queue next item=I-1 limit=3m'")
        try pane.waitFor("the speaker and the time left") { screen in
            screen.contains { $0 == "正在发言：刘洋  还剩 1:00" } && screen.contains { $0 == "等候发言：王芳" }
        }
        try record("-c 'motion I-1 南门外划定临时车位 rule=majority' -c '决 I-1 yes=王芳,张伟'")
        let voting = try pane.waitFor("the count of ballots") { screen in screen.contains { $0.contains("已 投 票  2 / 出 席  3") } }
        #expect(!voting.contains { $0.contains("王芳") || $0.contains("张伟") }, "the board names a voter:\n\(screenText(voting))")
        try record("-c 'tally I-1'")
        pane.resize(columns: 50, rows: 16)
        let result = try pane.waitFor("the verdict in large type, at the new width") { screen in
            screen.contains { $0.contains("通 过") } && screen.contains { $0 == "赞成 2 · 反对 0 · 弃权 0" }
                && screen.contains { $0 == String(repeating: "─", count: 49) }
        }
        #expect(result.contains { $0.hasPrefix("╔") && $0.hasSuffix("╗") })

        // q leaves the board; the session is as it was.
        pane.typeLiteral("q")
        try pane.waitFor("the prompt again") { screen in screen.last { !$0.isEmpty }?.hasPrefix("minsheng(t.db)>") == true }
    }
}

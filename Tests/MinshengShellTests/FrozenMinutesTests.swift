import MinshengTestSupport
import Testing

/// The minutes printed at the close are the minutes ever after (issue 18): a 办 the next
/// day and a 评 at the next month's meeting leave them byte for byte as they were.
@Suite struct FrozenMinutesTests {
    @Test func minutesAtTheCloseNeverChange() {
        let dir = Files.temporaryDirectory()
        Files.write(
            dir + "/meeting.msh",
            """
            dept add 城建科
            community add 六里屯社区
            set now=2019-12-05T19:00
            meeting new 十二月会商会 community=六里屯社区 date=2019-12-05 members=3
            attend 王芳,张伟,刘洋
            提 南门夜间停车难 by=张伟
            motion I-1 南门外划定临时车位 rule=majority
            决 I-1 yes=王芳,张伟,刘洋
            tally I-1
            set now=2019-12-05T20:30
            meeting close
            minutes M-1 out=at-close.md

            """)
        Files.write(
            dir + "/later.msh",
            """
            set now=2019-12-06T09:00
            decide I-1 dept=城建科 due=2019-12-20
            set now=2020-01-10T09:00
            meeting new 一月会商会 community=六里屯社区 date=2020-01-10 members=3
            评 I-1 satisfied=2 unsatisfied=1
            minutes M-1 out=later.md
            minutes M-2 out=january.md
            agenda M-1

            """)
        let first = runMinsheng("--db t.db --lang en meeting.msh", in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let later = runMinsheng("--db t.db --lang en later.msh", in: dir)
        #expect(later.status == 0, "\(later.stderr)")
        let atClose = Files.read(dir + "/at-close.md") ?? "", after = Files.read(dir + "/later.md") ?? ""
        #expect(!atClose.isEmpty && atClose == after, "the minutes of M-1 changed after the close")
        #expect(atClose.contains("- 闭会时步骤：已通过") && !atClose.contains("转办") && !atClose.contains("评价"))
        // The evaluation is in January's minutes, referring back; the agenda shows where I-1 stands.
        let january = Files.read(dir + "/january.md") ?? ""
        #expect(january.contains("## 对以往议题的评价（1 项）\n\n- I-1 南门夜间停车难（M-1 十二月会商会，2019-12-05）\n"), "\(january)")
        #expect(later.stdout.contains("evaluated"), "\(later.stdout)")
        // The kept minutes are in the log: tampering with them breaks the chain.
        let verify = runMinsheng("--db t.db --lang en -c 'audit verify'", in: dir)
        #expect(verify.status == 0 && verify.stdout.hasPrefix("change log intact"), "\(verify.stdout)\(verify.stderr)")
    }
}

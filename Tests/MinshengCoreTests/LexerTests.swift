import Testing

@testable import MinshengCore

/// Tokens of `text`, spelled back, one array per command.
func spell(_ text: String) throws -> [[String]] {
    guard case .complete(let lines) = try Lexer(file: "t").lex(text) else { return [["<incomplete>"]] }
    return lines.map { $0.tokens.map(\.spelling) }
}

@Suite struct LexerTests {
    @Test(arguments: [
        ("dept add 城建科", [["dept", "add", "城建科"]]),
        ("case new “楼道灯不亮” urgency＝normal", [["case", "new", "\"楼道灯不亮\"", "urgency", "=", "normal"]]),
        ("attend 王芳，张伟、刘洋", [["attend", "王芳", ",", "张伟", ",", "刘洋"]]),
        ("a；b ; c", [["a"], ["b"], ["c"]]),
        ("echo 「南门，夜间」 ‘x’ 'y'", [["echo", "\"南门，夜间\"", "\"x\"", "\"y\""]]),
        ("find cases where status!=open and age>=3", [["find", "cases", "where", "status", "!=", "open", "and", "age", ">=", "3"]]),
        ("count x where a == 3", [["count", "x", "where", "a", "==", "3"]]),
        ("household add 3#楼501 # a comment", [["household", "add", "3#楼501"]]),
        ("set x=1\u{3000}; echo $x $_", [["set", "x", "=", "1"], ["echo", "$x", "$_"]]),
        ("in （物业，环境卫生）", [["in", "(", "物业", ",", "环境卫生", ")"]]),
        ("echo \"a \\\"b\\\" c\"", [["echo", "\"a \"b\" c\""]]),
        ("a \\\n b", [["a", "b"]]),
        ("# only a comment", []),
        ("", []),
    ])
    func tokens(_ input: String, _ expected: [[String]]) throws {
        #expect(try spell(input) == expected)
    }

    @Test func quotedTextIsKeptExactly() throws {
        guard case .complete(let lines) = try Lexer(file: "t").lex("echo “南门外，划定；20个（临时）车位”") else {
            Issue.record("incomplete")
            return
        }
        #expect(lines[0].tokens[1].kind == .string("南门外，划定；20个（临时）车位"))
    }

    @Test func columnsCountCharacters() throws {
        guard case .complete(let lines) = try Lexer(file: "f.msh", firstLine: 7).lex("提 “南门” by=张伟") else { return }
        let locs = lines[0].tokens.map { "\($0.location.line):\($0.location.column)" }
        #expect(locs == ["7:1", "7:3", "7:8", "7:10", "7:11"])
    }

    @Test(arguments: [
        ("echo \"open", "\""), ("echo “开", "“"), ("find x where (a=1", "("), ("dept add \\", "\\"), ("echo 「x", "「"),
    ])
    func incomplete(_ input: String, _ opener: String) throws {
        guard case .incomplete(let o, _) = try Lexer(file: "t").lex(input) else {
            Issue.record("expected incomplete for \(input)")
            return
        }
        #expect(o == opener)
    }

    @Test(arguments: [
        ("a )", "unmatched ')'", 3), ("echo ”x", "closing quote '”' without an opening one", 6), ("echo $ x", "'$' must be followed by a variable name", 6),
        ("(a; b)", "';' inside brackets", 3),
    ])
    func errors(_ input: String, _ message: String, _ column: Int) {
        #expect(throws: ScriptError.self) { try Lexer(file: "t").lex(input) }
        do {
            _ = try Lexer(file: "t").lex(input)
        } catch {
            #expect(error.message.en == message)
            #expect(error.location?.column == column)
        }
    }

    /// A full-width word reads as ASCII and keeps what was typed; an ASCII word keeps nothing.
    @Test func fullWidthWordsReadAsASCII() throws {
        guard case .complete(let lines) = try Lexer(file: "t").lex("诉求 查看 Ｃ－１０１１ ｌｉｍｉｔ ５ （x） Ｃ座") else {
            Issue.record("incomplete")
            return
        }
        let t = lines[0].tokens
        #expect(t[0].kind == .word("诉求") && t[0].typed == nil)
        #expect(t[2].kind == .word("C-1011") && t[2].typed == "Ｃ－１０１１")
        #expect(t[3].kind == .word("limit") && t[4].kind == .word("5"))
        #expect(t[5].kind == .leftParen && t[5].asTyped == "（" && t[7].asTyped == "）")
        #expect(t[8].kind == .word("C座") && t[8].spelling == "Ｃ座")
    }

    @Test func bracketHintQuotesTheWordAroundIt() {
        do {
            _ = try Lexer(file: "t").lex("case verify C-1 备注＝3至5层）灯坏")
            Issue.record("expected an error")
        } catch {
            #expect(error.hint?.zh == "含括号的文字请加引号：备注=\"3至5层）灯坏\"")
        }
    }
}

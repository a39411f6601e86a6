import Testing

@testable import MinshengCore

func parse(_ text: String, variables: [String: String] = [:]) throws -> Invocation {
    guard case .complete(let lines) = try Lexer(file: "t").lex(text), let line = lines.first else {
        throw ScriptError(.syntax, Localized("incomplete"))
    }
    let ctx = BindingContext(variables: variables, lastID: "S-1", now: Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0))
    return try Parser(table: .standard, context: ctx).parse(line)
}

@Suite struct ParserTests {
    @Test func chineseAliasesNameTheSameCommand() throws {
        #expect(try parse("科室 添加 城建科").spec.id == .deptAdd)
        #expect(try parse("dept add 城建科").spec.id == .deptAdd)
        #expect(try parse("社区 新增 六里屯社区").spec.id == .communityAdd)
        #expect(try parse("DEPT ADD x").spec.id == .deptAdd)
    }

    @Test func bindsPositionalAndVariables() throws {
        let inv = try parse("dept add $name", variables: ["name": "城管科"])
        #expect(inv.text("name") == "城管科")
        #expect(try parse("show $_").text("id") == "S-1")
    }

    /// Free text keeps full-width letters and brackets as typed; ids, numbers, dates and
    /// choices are read with them folded.
    @Test func inputMethodText() throws {
        #expect(try parse("case new Ｃ座漏水 ｕｒｇｅｎｃｙ=ｕｒｇｅｎｔ").text("title") == "Ｃ座漏水")
        #expect(try parse("case new x urgency=ｕｒｇｅｎｔ").text("urgency") == "urgent")
        #expect(try parse("case show Ｃ－１０１１").text("id") == "C-1011")
        #expect(try parse("case show Ａ座").text("id") == "Ａ座")
        #expect(try parse("case verify C-1 备注＝（2单元）3至5层灯坏").text("note") == "（2单元）3至5层灯坏")
        #expect(try parse("case new 灯坏（2单元） 社区＝x").text("title") == "灯坏（2单元）")
    }

    /// Error table: input, message, column, hint.
    @Test(arguments: [
        ("exho hi", "unknown command 'exho'", 1, "did you mean 'echo'?"),
        ("zzzz", "unknown command 'zzzz'", 1, "type 'help' for the list of commands"),
        ("fnd depts", "unknown command 'fnd'", 1, "did you mean 'find'?"),
        ("dept ad x", "unknown verb 'ad' for 'dept'", 6, "did you mean 'add'?"),
        ("dept", "'dept' needs a verb", 5, "verbs: add"),
        ("dept add", "'dept add' needs NAME", 9, "usage: dept add NAME [subdistrict=…]"),
        ("dept add a b", "unexpected b after 'dept add'", 12, "usage: dept add NAME [subdistrict=…]"),
        ("dept add x colour=red", "unknown option 'colour' for 'dept add'", 12, "options: subdistrict"),
        ("subdistrict add x colour=red", "unknown option 'colour' for 'subdistrict add'", 19, "it takes no options"),
        ("dept add $nope", "unknown variable '$nope'", 10, "set it first: set nope=…"),
        ("record maybe", "'maybe' is not a valid state; expected one of: on (开), off (关)", 8, ""),
        ("= x", "expected a command, found =", 1, ""),
    ])
    func errors(_ input: String, _ message: String, _ column: Int, _ hint: String) {
        do {
            _ = try parse(input)
            Issue.record("no error for \(input)")
        } catch let e as ScriptError {
            #expect(e.message.en == message)
            #expect(e.location?.column == column)
            #expect((e.hint?.en ?? "") == hint)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

import Testing

@testable import MinshengCore

/// The command table is the one source of truth: it must be complete and consistent.
@Suite struct CommandTableTests {
    @Test func everyCommandHasAHandlerAndEveryHandlerACommand() {
        let ids = Set(CommandTable.standard.commands.map(\.id))
        for id in ids { #expect(Interpreter.handlers[id] != nil, "no handler for \(id.rawValue)") }
        for id in Interpreter.handlers.keys { #expect(ids.contains(id), "handler without a command: \(id.rawValue)") }
    }

    @Test func everyExampleParsesAsItsOwnCommand() throws {
        for spec in CommandTable.standard.commands {
            let inv = try parse(spec.example, variables: ["x": "1"])
            #expect(inv.spec.id == spec.id, "example of \(spec.displayName) parses as \(inv.spec.displayName)")
        }
    }

    /// Every command that writes names the permission it needs: none falls to the default.
    @Test func everyWritingCommandDeclaresItsPermission() {
        let undeclared = CommandTable.standard.commands.filter { $0.effect == .writes && CommandTable.permissions[$0.id] == nil }
        #expect(undeclared.map(\.displayName) == [])
        // And no role but an admin's carries organisation work; an auditor's writes nothing.
        #expect(Permission.admin.roles == [.admin])
        #expect(AccessRole.auditor.permissions == [.read, .verify])
    }

    @Test func noTwoCommandsShareASpelling() {
        var seen: [String: String] = [:]
        for spec in CommandTable.standard.commands {
            for s in spec.spellings {
                let key = s.joined(separator: " ").lowercased()
                #expect(seen[key] == nil, "'\(key)' names both \(seen[key] ?? "") and \(spec.displayName)")
                seen[key] = spec.displayName
            }
        }
    }

    @Test func everyKindHasUniqueWordsAndPrefix() {
        var words: Set<String> = [], prefixes: Set<String> = []
        for s in RecordSchema.all {
            #expect(prefixes.insert(s.idPrefix).inserted, "prefix \(s.idPrefix) used twice")
            for w in s.words + s.zhWords { #expect(words.insert(w).inserted, "kind word \(w) used twice") }
            #expect(s.fields.first?.name == "id")
        }
    }
}

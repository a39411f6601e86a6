import MinshengCore
import MinshengStore

/// Connects the core's `Completer` to the line editor, with names from the store.
final class ShellCompletion: CompletionSource {
    let completer: Completer

    init(table: CommandTable, store: SQLStore, permits: @escaping (CommandSpec) -> Bool = { _ in true }) {
        completer = Completer(
            table: table,
            names: { kind, prefix in (try? store.names(kind, prefix: prefix, limit: 200)) ?? [] },
            values: { kind, field, prefix in (try? store.distinctValues(kind, field: field, prefix: prefix, limit: 200)) ?? [] },
            permits: permits)
    }

    func complete(line: String, cursor: Int) -> (wordStart: Int, candidates: [String]) {
        completer.complete(line: line, cursor: cursor)
    }
}

import Foundation
import MinshengCore
import Synchronization
import Testing

@testable import MinshengStore

/// `Store.interrupt()` (Ctrl-C) stops the statement running and the command fails as
/// cancelled, with its transaction rolled back.
@Suite struct InterruptTests {
    /// A statement that runs for a long time unless stopped: a million rows counted the
    /// slow way on SQLite, a sleep of a minute on the server.
    static func slowStatement(_ engine: TestEngine) -> String {
        switch engine {
        case .sqlite:
            return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) SELECT count(*) FROM n"
        case .postgres: return "SELECT pg_sleep(60)"
        }
    }

    @Test(arguments: TestEngine.allCases) func interruptFromAnotherThreadCancelsAndRollsBack(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        let done = Mutex(false)
        let target = UncheckedStore(store: store)
        // The watcher thread of the shell, pressing Ctrl-C until the statement has stopped
        // (a press that lands before the statement starts does nothing, as documented).
        let watcher = Thread {
            while !done.withLock({ $0 }) {
                target.store.interrupt()
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        watcher.start()
        defer { done.withLock { $0 = true } }
        var thrown: ScriptError?
        do {
            try store.transaction(.writes) {
                _ = try store.insert(.department, ["name": .text("城建科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
                try store.withDatabase { db in _ = try db.rows(Self.slowStatement(engine)) }
            }
        } catch let e as ScriptError {
            thrown = e
        }
        done.withLock { $0 = true }
        #expect(thrown == ScriptError.cancelled)
        #expect(try store.lookup(.department, name: "城建科") == nil, "the cancelled command's insert must be rolled back")
        // The connection is usable again at once.
        try store.transaction(.writes) {
            _ = try store.insert(.department, ["name": .text("城管科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
        }
        #expect(try store.lookup(.department, name: "城管科") != nil)
    }

    @Test func anInterruptWithNothingRunningIsForgotten() throws {
        let store = try freshStore(.sqlite)
        store.interrupt()
        try store.transaction(.writes) {
            _ = try store.insert(.department, ["name": .text("城建科"), "created_at": .text(clock.storage), "created_by": .text("王强")])
        }
        #expect(try store.lookup(.department, name: "城建科") == 1)
    }
}

private struct UncheckedStore: @unchecked Sendable {
    let store: SQLStore
}

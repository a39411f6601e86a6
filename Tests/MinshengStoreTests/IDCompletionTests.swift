import MinshengCore
import Testing

@testable import MinshengStore

/// Ids offered for completion: those whose number starts with the digits typed, smallest
/// first, read range by range through the key (1, 10–19, 100–199 …), so the answer is right
/// and cheap however many records there are.
@Suite struct IDCompletionTests {
    @Test(arguments: TestEngine.allCases) func idsStartingWithTheDigitsTyped(_ engine: TestEngine) throws {
        let store = try freshStore(engine)
        try store.transaction(.writes) {
            try store.withDatabase { db in
                for id in Array(1...250) + [1_000_000, 1_234_567] {
                    try db.execute(
                        "INSERT INTO department (id, name, created_at, created_by) VALUES (?, ?, ?, ?)",
                        [.integer(id), .text("科\(id)"), .text(clock.storage), .text("王强")])
                }
            }
        }
        func ids(_ digits: String, limit: Int = 200) throws -> [Int] {
            try store.withDatabase { db in try store.idsStarting(with: digits, in: "department", limit: limit, db) }
        }
        #expect(try ids("1") == [1] + Array(10...19) + Array(100...199) + [1_000_000, 1_234_567])
        #expect(try ids("12") == [12] + Array(120...129) + [1_234_567])
        #expect(try ids("25") == [25] + Array(250...250))
        #expect(try ids("1", limit: 5) == [1, 10, 11, 12, 13])
        #expect(try ids("0").isEmpty && ids("1a").isEmpty && ids("99999999999999999999").isEmpty)
        #expect(try ids("") == [1_234_567, 1_000_000] + Array((51...250).reversed()).prefix(198), "nothing typed: the newest")
    }
}

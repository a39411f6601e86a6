import GRDB
import MinshengCore
import Testing

@testable import MinshengStore

/// The chain has no secret key: whoever can write the file can rewrite an entry and
/// recompute every hash after it. A head noted earlier, outside the file, catches that.
@Suite struct ChainRewriteTests {
    @Test func aRecomputedChainPassesVerifyButNotANotedHead() throws {
        let dir = temporaryFolder()
        let db = dir + "/c.db"
        #expect(runMeeting(["dept add 城建科", "dept add 城管科"], database: db).errors.isEmpty)
        let noted = String(try SQLStore(location: db).verifyLog().head.prefix(16))
        #expect(runMeeting(["community add 六里屯社区"], database: db).errors.isEmpty)

        // The forger edits the first entry and recomputes the whole chain after it.
        try forgeFirstEntry(db)
        let v = try SQLStore(location: db).verifyLog()
        #expect(v.problems.isEmpty, "a recomputed chain verifies on its own")

        let plain = runMeeting(["audit verify"], database: db)
        #expect(plain.errors.isEmpty && plain.text.contains("change log intact: 5 entries verified"))
        let checked = runMeeting(["audit verify head=\(noted)"], database: db)
        #expect(checked.errors == ["the change log no longer passes through head \(noted): it was rewritten up to that point, or this is another database"])
    }

    /// A published seal catches the same forger: the heads it covers are no longer there.
    @Test func aRecomputedChainDoesNotExtendAPublishedSeal() throws {
        let dir = temporaryFolder()
        let db = dir + "/s.db"
        let sealed = runMeeting(["dept add 城建科", "dept add 城管科", "audit seal"], database: db)
        #expect(sealed.errors.isEmpty)
        let seal = String(sealed.text.split(separator: "\n").first { $0.hasPrefix("seal ") }?.split(separator: " ")[1] ?? "")
        #expect(seal.count == 16, "\(sealed.text)")
        #expect(runMeeting(["community add 六里屯社区", "audit verify seal=\(seal)"], database: db).text.contains("seal \(seal) ("))

        // The forger edits the first entry and recomputes every hash after it, the seal's entry included.
        try forgeFirstEntry(db)
        #expect(runMeeting(["audit verify"], database: db).errors.isEmpty, "a recomputed chain verifies on its own")
        let checked = runMeeting(["audit verify seal=\(seal)"], database: db)
        #expect(
            checked.errors == [
                "the change log no longer extends seal \(seal): it was rewritten before it was sealed (rewritten: district chain up to entry 3)"
            ])
        // Removing the seal's entry does not help either: the chain then has a gap.
        let q2 = try DatabaseQueue(path: db)
        try q2.write { try $0.execute(sql: "DELETE FROM event WHERE action = 'audit.seal'") }
        try q2.close()
        #expect(runMeeting(["audit verify seal=\(seal)"], database: db).errors.last?.hasPrefix("change log tampered with") == true)
    }

    @Test func anUntouchedLogStillPassesThroughItsNotedHead() throws {
        let dir = temporaryFolder()
        let db = dir + "/u.db"
        _ = runMeeting(["dept add 城建科", "dept add 城管科"], database: db)
        let noted = String(try SQLStore(location: db).verifyLog().head.prefix(16))
        let later = runMeeting(["community add 六里屯社区", "audit verify head=\(noted)"], database: db)
        #expect(later.errors.isEmpty)
        #expect(later.text.contains("head \(noted) is entry 3: the log up to it is unchanged"), "\(later.text)")
    }
}

/// The forger's move: edit the first entry, then recompute every hash after it.
func forgeFirstEntry(_ path: String) throws {
    let q = try DatabaseQueue(path: path)
    try q.write { db in
        try db.execute(sql: "UPDATE event SET command = 'dept add 假科' WHERE seq = 1")
        var prev = ""
        for row in try Row.fetchAll(db, sql: "SELECT seq, at, actor, command, action, kind, record_id, details, login, wall, row_digest FROM event ORDER BY seq") {
            let recordID: Int? = row["record_id"]
            let fields = SQLStore.hashedFields(
                at: row["at"], actor: row["actor"], command: row["command"], action: row["action"], kind: row["kind"] ?? "",
                record: recordID.map(String.init) ?? "", details: row["details"], login: row["login"], wall: row["wall"], rows: row["row_digest"])
            let hash = SQLStore.chainHash(prev: prev, fields)
            try db.execute(sql: "UPDATE event SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [prev, hash, row["seq"] as Int])
            prev = hash
        }
    }
    try q.close()
}

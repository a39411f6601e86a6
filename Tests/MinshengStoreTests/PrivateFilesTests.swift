import MinshengCore
import Testing

@testable import MinshengStore

#if canImport(Glibc)
    import Glibc
#endif

/// The database and the files SQLite keeps beside it are private even when the process
/// that opens them has a permissive umask (the shell sets 077, but the store must not
/// rely on it).
@Suite struct PrivateFilesTests {
    @Test func theDatabaseItsWALAndItsSharedMemoryAre0600() throws {
        let dir = temporaryFolder()
        let old = umask(0o022)
        defer { umask(old) }
        let store = SQLStore(location: dir + "/p.db")
        try store.transaction(.writes) {
            _ = try store.insert(.department, ["name": .text("城建科"), "created_at": .text("2019-12-03T09:00:00"), "created_by": .text("王强")])
        }
        // Checked while the store is open, so the WAL and shared-memory files exist.
        for suffix in ["", "-wal", "-shm"] {
            var st = stat()
            #expect(stat(dir + "/p.db" + suffix, &st) == 0, "p.db\(suffix) should exist while the store is open")
            #expect(st.st_mode & 0o777 == 0o600, "p.db\(suffix) is \(String(st.st_mode & 0o777, radix: 8))")
        }
        #expect(try store.eventCount() == 0)
    }
}

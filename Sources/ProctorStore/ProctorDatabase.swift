import Foundation
public import ProctorCore
import GRDB

/// The run store: one SQLite database (WAL) that owns its connection, its schema migrations and
/// every write. Runners see it as a ``RunStore``; rows never leave this target except the
/// per-result values that exports write.
///
/// ```swift
/// let store = try ProctorDatabase(path: "proctor.db")
/// try await store.insert(run)
/// ```
public final class ProctorDatabase: Sendable {
    /// The connection (a pool for files, a queue in memory); only this type's extensions use it.
    let writer: any DatabaseWriter
    /// Where the database lives, or `:memory:`.
    public let path: String

    /// Opens (creating if needed) the database at `path` in WAL mode and migrates it.
    public init(path: String) throws(StoreError) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(10)
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.fault(error, path: path) ?? StoreError("cannot open the store at \(path): \(error)")
        }
        self.path = path
        try migrate()
    }

    /// An empty in-memory database, for tests.
    public init() throws(StoreError) {
        do {
            writer = try DatabaseQueue()
        } catch {
            throw StoreError("cannot open an in-memory store: \(error)")
        }
        path = ":memory:"
        try migrate()
    }

    /// Migrates the store. Another process may be migrating the same new store at this moment
    /// (`proctor serve` beside a first `proctor eval`): each migration is one transaction, so a
    /// clash ("already exists", "database is locked") means the other applied it, and trying
    /// again, up to about 2 s, finds it done.
    private func migrate() throws(StoreError) {
        var attempt = 0
        while true {
            do {
                try Self.migrator.migrate(writer)
                return
            } catch let error as DatabaseError where attempt < 40 && [.SQLITE_ERROR, .SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                attempt += 1
                usleep(50_000)
            } catch {
                throw StoreError.fault(error, path: path) ?? StoreError("cannot migrate the store at \(path): \(error)")
            }
        }
    }
}

/// A store operation that failed: which database, and why.
public struct StoreError: ProctorFailure, Sendable {
    /// What failed.
    public var message: String
    /// ``ErrorCode/storeFailed``.
    public var code: ErrorCode { .storeFailed }
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension ProctorDatabase {
    /// SQLite's journal mode (`wal` for a file store), for diagnostics.
    public func journalMode() async throws -> String? {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    /// SQLite's own check of the file: `["ok"]`, or what it found wrong. Used after faults (a
    /// process killed mid-write, a full disk) to show the store is intact.
    public func integrityCheck() async throws -> [String] {
        try await writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

import Foundation
import GRDB

extension ProctorDatabase {
    /// Adds a new run.
    public func insert(_ run: RunRecord) async throws {
        try await writer.write { db in try run.insert(db) }
    }

    /// Replaces a run's row (status, model id, wall time …).
    public func update(_ run: RunRecord) async throws {
        try await writer.write { db in try run.update(db) }
    }

    /// The run with `id`, or `nil`.
    public func run(id: String) async throws -> RunRecord? {
        try await writer.read { db in try RunRecord.fetchOne(db, key: id) }
    }

    /// Runs, newest first.
    public func runs(limit: Int = 50) async throws -> [RunRecord] {
        try await writer.read { db in
            try RunRecord.order(RunRecord.Columns.createdAt.desc).limit(limit).fetchAll(db)
        }
    }

    /// Deletes a run and its results; returns whether it existed.
    @discardableResult
    public func deleteRun(id: String) async throws -> Bool {
        try await writer.write { db in try RunRecord.deleteOne(db, key: id) }
    }
}

import Foundation
import GRDB
public import ProctorCore

extension ProctorDatabase {
    /// Adds a new run.
    public func insert(_ run: Run) async throws {
        let row = try RunRow(run)
        try await writer.write { db in try row.insert(db) }
    }

    /// Replaces a run's row (status, model id, wall time, specification).
    public func update(_ run: Run) async throws {
        let row = try RunRow(run)
        try await writer.write { db in try row.update(db) }
    }

    /// The run with `id`, or `nil`.
    ///
    /// - Throws: ``RunSpecificationError`` or ``StoreError`` when the stored run cannot be read.
    public func run(id: String) async throws -> Run? {
        try await writer.read { db in try RunRow.fetchOne(db, key: id) }?.run()
    }

    /// Runs, newest first.
    public func runs(limit: Int = 50) async throws -> [Run] {
        try await writer.read { db in
            try RunRow.order(RunRow.Columns.createdAt.desc).limit(limit).fetchAll(db)
        }.map { try $0.run() }
    }

    /// Deletes a run and its results; returns whether it existed.
    @discardableResult
    public func deleteRun(id: String) async throws -> Bool {
        try await writer.write { db in try RunRow.deleteOne(db, key: id) }
    }
}

extension ProctorDatabase: RunStore {}

import GRDB

extension ProctorDatabase {
    /// Stores one sample's result, replacing an earlier result for the same sample and turn.
    public func save(_ result: SampleResultRecord) async throws {
        try await writer.write { db in try result.upsert(db) }
    }

    /// Every stored result of a run, in dataset order.
    public func results(runId: String) async throws -> [SampleResultRecord] {
        try await writer.read { db in
            try SampleResultRecord
                .filter(SampleResultRecord.Columns.runId == runId)
                .order(SampleResultRecord.Columns.sampleIndex)
                .fetchAll(db)
        }
    }

    /// Ids of the samples of a run whose request succeeded; resuming skips exactly these.
    public func answeredSampleIds(runId: String) async throws -> Set<String> {
        try await writer.read { db in
            let ids = try String.fetchAll(
                db,
                SampleResultRecord
                    .select(SampleResultRecord.Columns.sampleId)
                    .filter(SampleResultRecord.Columns.runId == runId && SampleResultRecord.Columns.errorKind == nil))
            return Set(ids)
        }
    }
}

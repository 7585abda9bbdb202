import GRDB
public import ProctorCore

extension ProctorDatabase {
    /// Stores one sample's result, replacing an earlier result for the same sample and turn.
    public func save(_ result: SampleResultRecord) async throws {
        try await writer.write { db in try result.insert(db, onConflict: .replace) }
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

extension ProctorDatabase {
    /// The columns a summary needs, without prompts and responses.
    private struct OutcomeRow: Decodable, FetchableRecord {
        var extractions: [ExtractorOutput]?
        var errorKind: String?
        var promptTokens: Int?
        var completionTokens: Int?
        var timings: RequestTimings?
        var groups: [String: String]?
    }

    /// Every stored result of a run reduced to what a summary needs, read without the prompts
    /// and responses.
    public func outcomes(runId: String) async throws -> [SampleOutcome] {
        try await writer.read { db in
            try OutcomeRow.fetchAll(
                db,
                sql: """
                    SELECT extractions, errorKind, promptTokens, completionTokens, timings, groups
                    FROM sample_result WHERE runId = ? ORDER BY sampleIndex
                    """,
                arguments: [runId]
            ).map { row in
                SampleOutcome(
                    score: row.extractions.map(SampleScore.init(outputs:)),
                    errorKind: row.errorKind.map(CompletionError.Kind.init(rawValue:)),
                    usage: row.promptTokens.map { TokenUsage(promptTokens: $0, completionTokens: row.completionTokens ?? 0) },
                    timings: row.timings, groups: row.groups ?? [:])
            }
        }
    }
}

import GRDB
public import ProctorCore

extension ProctorDatabase {
    /// Stores one turn's result, replacing an earlier result for the same sample and turn.
    public func record(_ turn: TurnResult) async throws {
        let row = SampleResultRecord(turn)
        try await writer.write { db in try row.insert(db, onConflict: .replace) }
    }

    /// Every stored result of a run, in dataset and turn order.
    public func results(runId: String) async throws -> [SampleResultRecord] {
        try await writer.read { db in
            try SampleResultRecord
                .filter(SampleResultRecord.Columns.runId == runId)
                .order(SampleResultRecord.Columns.sampleIndex, SampleResultRecord.Columns.turn)
                .fetchAll(db)
        }
    }

    /// What each sample of a run already has: the text of every answered turn, and whether its
    /// final turn is among them. Failed turns are left out, so a resumed run sends them again.
    public func storedConversations(runId: String) async throws -> [String: StoredConversation] {
        try await writer.read { db in
            var conversations: [String: StoredConversation] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT sampleId, turn, response, isFinal FROM sample_result WHERE runId = ? AND errorKind IS NULL",
                arguments: [runId])
            while let row = try rows.next() {
                let sampleId: String = row["sampleId"]
                let isFinal: Bool = row["isFinal"]
                conversations[sampleId, default: StoredConversation()].answers[row["turn"]] = row["response"] ?? ""
                if isFinal { conversations[sampleId, default: StoredConversation()].isFinished = true }
            }
            return conversations
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
        var isCached: Bool
        var sampleId: String
    }

    /// Every stored turn of a run reduced to what a summary needs, read without the prompts and
    /// responses, in dataset and turn order.
    public func outcomes(runId: String) async throws -> [SampleOutcome] {
        try await writer.read { db in
            try OutcomeRow.fetchAll(
                db,
                sql: """
                    SELECT extractions, errorKind, promptTokens, completionTokens, timings, groups, isCached, sampleId
                    FROM sample_result WHERE runId = ? ORDER BY sampleIndex, turn
                    """,
                arguments: [runId]
            ).map { row in
                SampleOutcome.stored(
                    extractions: row.extractions, errorKind: row.errorKind, promptTokens: row.promptTokens,
                    completionTokens: row.completionTokens, timings: row.timings, groups: row.groups, isCached: row.isCached,
                    sampleId: row.sampleId)
            }
        }
    }
}

extension SampleResultRecord {
    /// The stored turn reduced to what a summary needs, as ``ProctorDatabase/outcomes(runId:)``
    /// reads it: for callers that already hold the whole rows.
    public var outcome: SampleOutcome {
        SampleOutcome.stored(
            extractions: extractions, errorKind: errorKind, promptTokens: promptTokens, completionTokens: completionTokens,
            timings: timings, groups: groups, isCached: isCached, sampleId: sampleId)
    }
}

extension SampleOutcome {
    /// An outcome from a stored row's columns: the one place a row becomes an outcome.
    fileprivate static func stored(
        extractions: [ExtractorOutput]?, errorKind: String?, promptTokens: Int?, completionTokens: Int?, timings: RequestTimings?,
        groups: [String: String]?, isCached: Bool, sampleId: String
    ) -> SampleOutcome {
        var outcome = SampleOutcome(
            score: extractions.map(SampleScore.init(outputs:)), errorKind: errorKind.map(CompletionError.Kind.init(rawValue:)),
            usage: promptTokens.map { TokenUsage(promptTokens: $0, completionTokens: completionTokens ?? 0) }, timings: timings,
            groups: groups ?? [:])
        outcome.isCached = isCached
        outcome.sampleId = sampleId
        return outcome
    }
}

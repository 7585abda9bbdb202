public import Foundation
import GRDB
public import ProctorCore

extension ProctorDatabase {
    /// Stores one judgment, replacing an earlier one with the same key.
    public func record(_ judgment: Judgment) async throws {
        let row = JudgmentRecord(judgment)
        try await writer.write { db in try row.insert(db, onConflict: .replace) }
    }

    /// Every judgment about runs `runIds` (as the judged run or its opponent), in run, sample,
    /// turn, game and repeat order.
    public func judgments(runIds: [String]) async throws -> [Judgment] {
        guard !runIds.isEmpty else { return [] }
        return try await writer.read { db in
            let marks = Array(repeating: "?", count: runIds.count).joined(separator: ",")
            return try JudgmentRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM judgment WHERE runId IN (\(marks)) OR opponentRunId IN (\(marks))
                    ORDER BY runId, opponentRunId, CAST(sampleId AS INTEGER), sampleId, turn, game, repeatIndex
                    """,
                arguments: StatementArguments(runIds + runIds)
            ).map(\.judgment)
        }
    }

    /// Every judgment whose judged run is `runId` (pairwise: as assistant A of game 1), as JSON
    /// Lines with sorted keys: the prompt, raw output, rating or winner, and parse rule of each.
    public func exportJudgments(runId: String) async throws -> Data {
        let rows = try await writer.read { db in
            try JudgmentRecord.fetchAll(
                db, sql: "SELECT * FROM judgment WHERE runId = ? ORDER BY CAST(sampleId AS INTEGER), sampleId, turn, opponentRunId, game, repeatIndex",
                arguments: [runId])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = Data()
        for row in rows {
            data.append(try encoder.encode(row))
            data.append(0x0A)
        }
        return data
    }

    /// A stored answer to a request with `key`, from any run.
    public func cachedAnswer(key: String) async throws -> Completion? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT response, finishReason, promptTokens, completionTokens, timings, model FROM sample_result
                        WHERE cacheKey = ? AND errorKind IS NULL AND response IS NOT NULL LIMIT 1
                        """,
                    arguments: [key])
            else { return nil }
            let timings = (row["timings"] as String?).flatMap { try? JSONDecoder().decode(RequestTimings.self, from: Data($0.utf8)) }
            let promptTokens: Int? = row["promptTokens"]
            return Completion(
                text: row["response"], finishReason: row["finishReason"],
                usage: promptTokens.map { TokenUsage(promptTokens: $0, completionTokens: row["completionTokens"] ?? 0) },
                timings: timings ?? RequestTimings(chunkArrivals: [], completed: 0), model: row["model"], attempts: 0)
        }
    }

    /// Copies every answered turn of run `source` into run `target`, marked as reused.
    public func copyAnswers(from source: String, to target: String) async throws {
        let columns = """
            sampleId, sampleIndex, turn, isFinal, startedAt, prompt, reference, groups, response, finishReason, extractions,
            correct, errorKind, errorMessage, httpStatus, attempts, promptTokens, completionTokens, ttft, e2el, timings, model,
            cacheKey
            """
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO sample_result (runId, isCached, \(columns))
                    SELECT ?, 1, \(columns) FROM sample_result WHERE runId = ? AND errorKind IS NULL
                    """,
                arguments: [target, source])
        }
    }
}

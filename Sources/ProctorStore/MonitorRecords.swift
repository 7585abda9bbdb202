public import Foundation
import GRDB
public import ProctorCore

/// Writes and reads monitor recordings: one `monitor_sample` row per interval, keyed by the
/// recording's run and the sample's number, with its end time (Unix seconds) indexed so that the
/// recordings overlapping any run are found by time.
extension ProctorDatabase {
    /// Stores samples of recording `runId`, numbered after those already stored.
    public func record(_ samples: [ResourceSample], runId: String) async throws {
        guard !samples.isEmpty else { return }
        let encoder = JSONEncoder()
        let encoded = try samples.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await writer.write { db in
            let next = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM monitor_sample WHERE runId = ?", arguments: [runId]) ?? 0
            let statement = try db.cachedStatement(
                sql: "INSERT INTO monitor_sample (runId, idx, time, duration, sample) VALUES (?, ?, ?, ?, ?)")
            for (offset, sample) in samples.enumerated() {
                try statement.execute(arguments: [runId, next + offset, sample.time.timeIntervalSince1970, sample.duration, encoded[offset]])
            }
        }
    }

    /// The samples of recording `runId`, in time order.
    public func resourceSamples(runId: String) async throws -> [ResourceSample] {
        let rows = try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT sample FROM monitor_sample WHERE runId = ? ORDER BY idx", arguments: [runId])
        }
        let decoder = JSONDecoder()
        return try rows.map { try decoder.decode(ResourceSample.self, from: Data($0.utf8)) }
    }

    /// The monitor recordings with samples between `from` and `to` — those that watched a run in
    /// that window — oldest first.
    public func monitorRuns(from: Date, to: Date) async throws -> [Run] {
        let ids = try await writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT s.runId FROM monitor_sample s JOIN run r ON r.id = s.runId
                    WHERE s.time > ? AND s.time - s.duration < ? ORDER BY r.createdAt
                    """,
                arguments: [from.timeIntervalSince1970, to.timeIntervalSince1970])
        }
        var runs: [Run] = []
        for id in ids { if let run = try await run(id: id) { runs.append(run) } }
        return runs
    }
}

/// A load request reduced to what energy attribution needs, read without its chunk arrivals.
public struct LoadRequestSpan: Sendable, Hashable {
    /// The level.
    public var level: Int
    /// Sent, seconds from the level's start.
    public var sent: Double
    /// Ended, seconds from the level's start.
    public var ended: Double
    /// Output tokens (0 when unknown).
    public var outputTokens: Int
    /// Whether it succeeded (no error, at least one chunk).
    public var succeeded: Bool
    /// Whether its answer was right, when scored.
    public var correct: Bool?
}

extension ProctorDatabase {
    /// A load run's requests as spans of time, in one pass without parsing chunk arrivals: a
    /// 100,000-request run's resources are summarised in a few megabytes.
    public func loadRequestSpans(runId: String) async throws -> [LoadRequestSpan] {
        try await writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT level, sent, ended, outputTokens, errorKind IS NULL AND completed IS NOT NULL AS ok, correct
                    FROM load_request WHERE runId = ? ORDER BY level, idx
                    """,
                arguments: [runId])
            var spans: [LoadRequestSpan] = []
            while let row = try rows.next() {
                spans.append(
                    LoadRequestSpan(
                        level: row[0], sent: row[1], ended: row[2], outputTokens: row[3] ?? 0, succeeded: row[4], correct: row[5]))
            }
            return spans
        }
    }
}

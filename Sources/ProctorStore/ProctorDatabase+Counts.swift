import GRDB

/// Counts over the whole store, for the dashboard's `/metrics`.
public struct StoreCounts: Sendable, Hashable {
    /// Runs by kind and status: `["eval"]["completed"] = 3`.
    public var runs: [String: [String: Int]]
    /// Evaluation turns stored.
    public var turns: Int
    /// Evaluation turns that failed in transport.
    public var failedTurns: Int
    /// Load requests stored.
    public var loadRequests: Int
    /// Load requests that failed.
    public var failedLoadRequests: Int
    /// Judgments stored.
    public var judgments: Int
    /// Judgments without a verdict (unparsed or failed).
    public var judgmentsWithoutVerdict: Int
}

extension ProctorDatabase {
    /// Runs by kind and status, and the rows under them.
    public func counts() async throws -> StoreCounts {
        try await writer.read { db in
            var runs: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, status, COUNT(*) AS n FROM run GROUP BY kind, status") {
                let kind: String = row["kind"]
                let status: String = row["status"]
                runs[kind, default: [:]][status] = row["n"]
            }
            func pair(_ sql: String) throws -> (Int, Int) {
                let row = try Row.fetchOne(db, sql: sql)
                return (row?["total"] ?? 0, row?["failed"] ?? 0)
            }
            let turns = try pair("SELECT COUNT(*) AS total, COUNT(errorKind) AS failed FROM sample_result")
            let requests = try pair("SELECT COUNT(*) AS total, COUNT(errorKind) AS failed FROM load_request")
            let judgments = try pair(
                "SELECT COUNT(*) AS total, SUM(rating IS NULL AND winner IS NULL AND criteria IS NULL AND grade IS NULL) AS failed FROM judgment")
            return StoreCounts(
                runs: runs, turns: turns.0, failedTurns: turns.1, loadRequests: requests.0, failedLoadRequests: requests.1,
                judgments: judgments.0, judgmentsWithoutVerdict: judgments.1)
        }
    }

    /// How far run `runId` has come: turns (or load requests) stored, and how many failed.
    public func progress(runId: String) async throws -> (stored: Int, failed: Int) {
        try await writer.read { db in
            let sql = """
                SELECT (SELECT COUNT(*) FROM sample_result WHERE runId = ?) + (SELECT COUNT(*) FROM load_request WHERE runId = ?) AS total,
                       (SELECT COUNT(errorKind) FROM sample_result WHERE runId = ?) + (SELECT COUNT(errorKind) FROM load_request WHERE runId = ?) AS failed
                """
            let row = try Row.fetchOne(db, sql: sql, arguments: [runId, runId, runId, runId])
            return (row?["total"] ?? 0, row?["failed"] ?? 0)
        }
    }
}

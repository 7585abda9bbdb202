public import Foundation
public import GRDB
public import ProctorCore

/// One row of `load_level`: a step of a load run with its metrics.
public struct LoadLevelRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "load_level"

    /// The run.
    public var runId: String
    /// The step's position in the run (0-based).
    public var level: Int
    /// What the step was: `closed` or `open`, or `baseline`/`ceiling` in a sweep.
    public var phase: String
    /// The offered load (users or requests per second).
    public var load: Double
    /// `users` or `req/s`.
    public var unit: String
    /// When the step started (UTC).
    public var startedAt: Date
    /// What was measured.
    public var metrics: LoadLevelMetrics

    /// Creates a record.
    public init(runId: String, level: Int, phase: String, load: Double, unit: String, startedAt: Date, metrics: LoadLevelMetrics) {
        self.runId = runId
        self.level = level
        self.phase = phase
        self.load = load
        self.unit = unit
        self.startedAt = startedAt
        self.metrics = metrics
    }

    /// The level as reports draw it (without when it started).
    public var reportLevel: LoadReport.Level {
        LoadReport.Level(level: level, phase: phase, load: load, unit: unit, metrics: metrics)
    }
}

/// One row of `load_request`: a request of a load run as measured.
public struct LoadRequestRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "load_request"

    /// The run.
    public var runId: String
    /// The measured request.
    public var sample: LoadRequestSample

    /// Creates a record.
    public init(runId: String, sample: LoadRequestSample) {
        self.runId = runId
        self.sample = sample
    }

    /// Reads a row.
    public init(row: Row) throws {
        runId = row["runId"]
        let arrivals: String? = row["chunkArrivals"]
        let completed: Double? = row["completed"]
        var timings: RequestTimings?
        if let completed {
            timings = RequestTimings(chunkArrivals: arrivals.map(Self.arrivals) ?? [], completed: completed)
        }
        sample = LoadRequestSample(
            level: row["level"], index: row["idx"], scheduled: row["scheduled"], sent: row["sent"], ended: row["ended"],
            timings: timings, promptTokens: row["promptTokens"], outputTokens: row["outputTokens"],
            httpStatus: row["httpStatus"], errorKind: row["errorKind"], errorMessage: row["errorMessage"], correct: row["correct"])
    }

    /// Chunk arrivals from their stored form, `0.1,0.25,1e-05`: parsed in one pass with `strtod`
    /// (a report reads millions of them; splitting into Swift substrings took most of its time).
    static func arrivals(_ text: String) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(text.utf8.count / 6)
        text.withCString { start in
            var cursor = start
            while cursor.pointee != 0 {
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(cursor, &end)
                guard let end, UnsafePointer(end) != cursor else { break }
                values.append(value)
                cursor = UnsafePointer(end)
                while cursor.pointee == CChar(44) || cursor.pointee == CChar(32) { cursor += 1 }  // "," and " "
            }
        }
        return values
    }

    /// The columns a row is written with, in the order of ``databaseValues``.
    static let columnNames = [
        "runId", "level", "idx", "scheduled", "sent", "ended", "ttft", "e2el", "completed", "chunkArrivals",
        "promptTokens", "outputTokens", "httpStatus", "errorKind", "errorMessage", "correct",
    ]

    /// The statement that writes one row, replacing an earlier row for the same request.
    static let insertSQL =
        "INSERT OR REPLACE INTO load_request (\(columnNames.joined(separator: ", "))) VALUES (\(columnNames.map { _ in "?" }.joined(separator: ", ")))"

    /// The row's values in the order of ``columnNames``; chunk arrivals as comma-separated seconds
    /// (compact, and cheap to render).
    var databaseValues: [(any DatabaseValueConvertible)?] {
        [
            runId, sample.level, sample.index, sample.scheduled, sample.sent, sample.ended,
            sample.timings?.timeToFirstToken, sample.timings?.endToEndLatency, sample.timings?.completed,
            sample.timings.map { $0.chunkArrivals.map { String($0) }.joined(separator: ",") },
            sample.promptTokens, sample.outputTokens, sample.httpStatus, sample.errorKind, sample.errorMessage, sample.correct,
        ]
    }

    /// Writes a row.
    public func encode(to container: inout PersistenceContainer) throws {
        for (column, value) in zip(Self.columnNames, databaseValues) { container[column] = value }
    }
}

extension ProctorDatabase {
    /// Stores a finished level's metrics, replacing an earlier row for the same level.
    public func record(_ level: LoadReport.Level, startedAt: Date, runId: String) async throws {
        let row = LoadLevelRecord(
            runId: runId, level: level.level, phase: level.phase, load: level.load, unit: level.unit, startedAt: startedAt,
            metrics: level.metrics)
        try await writer.write { db in try row.insert(db, onConflict: .replace) }
    }

    /// Stores measured requests in one transaction, through one cached statement.
    public func record(_ requests: [LoadRequestSample], runId: String) async throws {
        guard !requests.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: LoadRequestRecord.insertSQL)
            for request in requests {
                try statement.execute(arguments: StatementArguments(LoadRequestRecord(runId: runId, sample: request).databaseValues))
            }
        }
    }

    /// A load run's levels, in order, as reports draw them.
    public func loadLevels(runId: String) async throws -> [LoadReport.Level] {
        try await loadLevelRecords(runId: runId).map(\.reportLevel)
    }

    /// A load run's level rows, in order, with when each started (for exports).
    public func loadLevelRecords(runId: String) async throws -> [LoadLevelRecord] {
        try await writer.read { db in
            try LoadLevelRecord.filter(Column("runId") == runId).order(Column("level")).fetchAll(db)
        }
    }

    /// A load run's requests, by level and number.
    public func loadRequests(runId: String) async throws -> [LoadRequestRecord] {
        try await writer.read { db in
            try LoadRequestRecord.filter(Column("runId") == runId).order(Column("level"), Column("idx")).fetchAll(db)
        }
    }
}

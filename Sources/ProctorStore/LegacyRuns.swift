import Foundation
import GRDB
import ProctorCore

/// Migration v4: the `run` table of releases up to v3 (eval-shaped columns, load criteria squeezed
/// into `taskDefinition`) rebuilt as shared columns plus a typed ``RunSpecification``.
///
/// What the old rows did not record is said, not invented: an old load run's mode survives only
/// as the protocol name it was stored under (``LoadMode/recorded(_:)``), and an old eval run's
/// dataset size is its sample count.
enum LegacyRuns {
    /// Rebuilds the `run` table; the results tables keep referring to it by name.
    static func migrate(_ db: Database) throws {
        try db.create(table: "run_v4") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull()
            t.column("createdAt", .datetime).notNull().indexed()
            t.column("finishedAt", .datetime)
            t.column("target", .text).notNull()
            t.column("endpointURL", .text).notNull()
            t.column("modelName", .text).notNull()
            t.column("modelId", .text)
            t.column("host", .text).notNull()
            t.column("os", .text).notNull()
            t.column("cpu", .text).notNull()
            t.column("proctorVersion", .text).notNull()
            t.column("gitCommit", .text)
            t.column("configHash", .text).notNull()
            t.column("wallSeconds", .double).notNull()
            t.column("specification", .jsonText).notNull()
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM run") {
            let id: String = row["id"]
            let specification = try specification(of: row, id: id)
            try db.execute(
                sql: """
                    INSERT INTO run_v4 (id, kind, status, createdAt, finishedAt, target, endpointURL, modelName, modelId,
                        host, os, cpu, proctorVersion, gitCommit, configHash, wallSeconds, specification)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, specification.kind.rawValue, row["status"] as String, row["createdAt"] as Date,
                    row["finishedAt"] as Date?, row["target"] as String, row["endpointURL"] as String,
                    row["modelName"] as String, row["modelId"] as String?, row["host"] as String, row["os"] as String,
                    row["cpu"] as String, row["proctorVersion"] as String, row["gitCommit"] as String?,
                    row["configHash"] as String, row["wallSeconds"] as Double,
                    String(decoding: try specification.encoded(), as: UTF8.self),
                ])
        }
        try db.drop(table: "run")
        try db.rename(table: "run_v4", to: "run")
    }

    /// What an old run's columns say, typed.
    static func specification(of row: Row, id: String) throws -> RunSpecification {
        let kind: String = row["kind"]
        let parameters = try decode(GenerationParameters.self, row["parameters"], field: "parameters", id: id)
        let sampleIds = try decode([String].self, row["sampleIds"], field: "sampleIds", id: id)
        let extractorNames = try decode([String].self, row["extractorNames"], field: "extractorNames", id: id)
        let taskDefinition: String? = row["taskDefinition"]
        switch kind {
        case "eval":
            return .eval(
                EvalSpecification(
                    benchmark: row["benchmark"], promptProtocol: row["promptProtocol"],
                    dataset: DatasetInfo(name: row["datasetName"], sha256: row["datasetSHA256"], count: sampleIds.count),
                    parameters: parameters, streaming: row["streaming"], concurrency: row["concurrency"],
                    sampleSeed: row["sampleSeed"], sampleLimit: row["sampleLimit"], sampleIds: sampleIds,
                    extractorNames: extractorNames,
                    task: try taskDefinition.map { try decode(JSONLTaskDefinition.self, $0, field: "taskDefinition", id: id) }))
        case "load":
            let protocolName: String = row["promptProtocol"]
            let datasetName: String = row["datasetName"]
            let mode: LoadMode =
                protocolName == "load:jtl-import" ? .imported(format: "jtl", file: datasetName) : .recorded(protocolName)
            let seed: Int? = row["sampleSeed"]
            return .load(
                LoadSpecification(
                    mode: mode,
                    workload: WorkloadDescription(
                        name: row["benchmark"], dataset: DatasetInfo(name: datasetName, sha256: row["datasetSHA256"], count: 0),
                        parameters: parameters, scoredBy: extractorNames.first),
                    streaming: row["streaming"], concurrencyBound: row["concurrency"],
                    criteria: try taskDefinition.map { try decode(LoadCriteria.self, $0, field: "taskDefinition", id: id) }
                        ?? .standard,
                    seed: UInt64(bitPattern: Int64(seed ?? 0))))
        default:
            throw StoreError("run \(id) has kind '\(kind)', which no release of Proctor wrote; the store is damaged")
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ text: String?, field: String, id: String) throws -> Value {
        guard let text else { throw StoreError("run \(id): column \(field) is empty; the store is damaged") }
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError("run \(id): column \(field) does not decode (\(error)); the store is damaged")
        }
    }
}

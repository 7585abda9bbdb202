import Foundation
import GRDB
import ProctorCore

/// One row of the `run` table (migration v4 on): the columns every run kind shares, and the
/// kind's specification as versioned JSON.
struct RunRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run"

    var id: String
    var kind: String
    var status: String
    var createdAt: Date
    var finishedAt: Date?
    var target: String
    var endpointURL: String
    var modelName: String
    var modelId: String?
    var host: String
    var os: String
    var cpu: String
    var proctorVersion: String
    var gitCommit: String?
    var configHash: String
    var wallSeconds: Double
    var specification: String

    enum Columns {
        static let createdAt = Column(CodingKeys.createdAt)
    }

    init(_ run: Run) throws {
        id = run.id
        kind = run.kind.rawValue
        status = run.status.rawValue
        createdAt = run.createdAt
        finishedAt = run.finishedAt
        target = run.target
        endpointURL = run.endpointURL
        modelName = run.modelName
        modelId = run.modelId
        host = run.machine.host
        os = run.machine.os
        cpu = run.machine.cpu
        proctorVersion = run.proctorVersion
        gitCommit = run.gitCommit
        configHash = run.configHash
        wallSeconds = run.wallSeconds
        specification = String(decoding: try run.specification.encoded(), as: UTF8.self)
    }

    /// The run this row holds.
    ///
    /// - Throws: ``StoreError`` for an unknown kind or status, ``RunSpecificationError`` for a
    ///   specification that does not decode; each names the run.
    func run() throws -> Run {
        guard let kind = RunKind(rawValue: kind) else {
            throw StoreError("run \(id) has kind '\(self.kind)', which this Proctor does not know; open the store with the Proctor that wrote it")
        }
        guard let status = RunStatus(rawValue: status) else {
            throw StoreError("run \(id) has status '\(self.status)', which this Proctor does not know; open the store with the Proctor that wrote it")
        }
        return Run(
            id: id, status: status, createdAt: createdAt, finishedAt: finishedAt, target: target, endpointURL: endpointURL,
            modelName: modelName, modelId: modelId, machine: MachineInfo(host: host, os: os, cpu: cpu),
            proctorVersion: proctorVersion, gitCommit: gitCommit, configHash: configHash, wallSeconds: wallSeconds,
            specification: try RunSpecification.decode(Data(specification.utf8), runId: id, kind: kind))
    }
}

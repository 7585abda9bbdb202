public import Foundation
public import GRDB
public import ProctorCore

/// One row of the `run` table: what was run, against what, with which settings, on which machine.
public struct RunRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "run"

    /// Short unique id, e.g. `r7f3a9c21`.
    public var id: String
    /// `eval` (later also `load`).
    public var kind: String
    /// `running`, `completed` or `interrupted`.
    public var status: String
    /// When the run was created (UTC).
    public var createdAt: Date
    /// When the run last finished or stopped.
    public var finishedAt: Date?
    /// Benchmark name, e.g. `gsm8k`.
    public var benchmark: String
    /// Prompt protocol name, e.g. `gsm8k_cot`.
    public var promptProtocol: String
    /// Dataset name, e.g. `gsm8k/test`.
    public var datasetName: String
    /// SHA-256 of the dataset file.
    public var datasetSHA256: String
    /// What `--model` named: `local`, a config name, or a URL; resuming resolves it again.
    public var target: String
    /// The API root the requests went to.
    public var endpointURL: String
    /// The model name requested.
    public var modelName: String
    /// The model id the server reported (from `/v1/models` or its responses).
    public var modelId: String?
    /// Generation parameters sent with every request.
    public var parameters: GenerationParameters
    /// Whether responses were streamed.
    public var streaming: Bool
    /// Requests in flight at once.
    public var concurrency: Int
    /// Seed that chose the sample subset, if one did.
    public var sampleSeed: Int?
    /// The `--limit` asked for, if any.
    public var sampleLimit: Int?
    /// Ids of the selected samples, in run order.
    public var sampleIds: [String]
    /// Extractor names, primary first.
    public var extractorNames: [String]
    /// Host name of the machine that ran it.
    public var host: String
    /// Operating system and version.
    public var os: String
    /// CPU model and core count.
    public var cpu: String
    /// Proctor's version.
    public var proctorVersion: String
    /// The git commit Proctor was built from, if known.
    public var gitCommit: String?
    /// SHA-256 of the canonical run configuration, to tell identical set-ups apart from others.
    public var configHash: String
    /// Wall-clock seconds spent running, summed over resumed sessions.
    public var wallSeconds: Double
    /// For a user's JSONL task, its definition as JSON (file, fields, scorer), so it can be resumed.
    public var taskDefinition: String?

    /// Column names.
    public enum Columns {
        /// `id`.
        public static let id = Column(CodingKeys.id)
        /// `createdAt`.
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    /// Creates a record.
    public init(
        id: String, kind: String, status: String, createdAt: Date, finishedAt: Date?, benchmark: String,
        promptProtocol: String, datasetName: String, datasetSHA256: String, target: String, endpointURL: String, modelName: String,
        modelId: String?, parameters: GenerationParameters, streaming: Bool, concurrency: Int, sampleSeed: Int?,
        sampleLimit: Int?, sampleIds: [String], extractorNames: [String], host: String, os: String, cpu: String,
        proctorVersion: String, gitCommit: String?, configHash: String, wallSeconds: Double,
        taskDefinition: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.benchmark = benchmark
        self.promptProtocol = promptProtocol
        self.datasetName = datasetName
        self.datasetSHA256 = datasetSHA256
        self.target = target
        self.endpointURL = endpointURL
        self.modelName = modelName
        self.modelId = modelId
        self.parameters = parameters
        self.streaming = streaming
        self.concurrency = concurrency
        self.sampleSeed = sampleSeed
        self.sampleLimit = sampleLimit
        self.sampleIds = sampleIds
        self.extractorNames = extractorNames
        self.host = host
        self.os = os
        self.cpu = cpu
        self.proctorVersion = proctorVersion
        self.gitCommit = gitCommit
        self.configHash = configHash
        self.wallSeconds = wallSeconds
        self.taskDefinition = taskDefinition
    }
}

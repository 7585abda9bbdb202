public import Foundation

/// A stored run of any kind: what it measured (its typed ``specification``), against which
/// endpoint, on which machine and build, and where it stands.
///
/// ```swift
/// if case .eval(let eval) = run.specification { print(eval.benchmark, eval.sampleIds.count) }
/// ```
public struct Run: Sendable, Hashable {
    /// Short unique id, e.g. `r7f3a9c21`.
    public var id: String
    /// Where the run stands.
    public var status: RunStatus
    /// When the run was created (UTC).
    public var createdAt: Date
    /// When the run last finished or stopped.
    public var finishedAt: Date?
    /// What `--model` named: `local`, a config name, or a URL; resuming resolves it again.
    public var target: String
    /// The API root the requests went to.
    public var endpointURL: String
    /// The model name requested.
    public var modelName: String
    /// The model id the server reported (from `/v1/models` or its responses).
    public var modelId: String?

    /// The model as people read it: the server's id, shortened to its file name where the server
    /// reports a path (llama.cpp reports the model file it loaded), else the requested name.
    public var modelLabel: String {
        guard let modelId else { return modelName }
        return modelId.hasPrefix("/") ? modelId.split(separator: "/").last.map(String.init) ?? modelId : modelId
    }
    /// The machine that ran it.
    public var machine: MachineInfo
    /// Proctor's version.
    public var proctorVersion: String
    /// The git commit Proctor was built from, if known.
    public var gitCommit: String?
    /// SHA-256 of the canonical run configuration, to tell identical set-ups apart from others.
    public var configHash: String
    /// Wall-clock seconds spent running, summed over resumed sessions.
    public var wallSeconds: Double
    /// What the run measures, typed per kind.
    public var specification: RunSpecification

    /// Creates a run.
    public init(
        id: String, status: RunStatus, createdAt: Date, finishedAt: Date? = nil, target: String, endpointURL: String,
        modelName: String, modelId: String?, machine: MachineInfo, proctorVersion: String, gitCommit: String?,
        configHash: String, wallSeconds: Double = 0, specification: RunSpecification
    ) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.finishedAt = finishedAt
        self.target = target
        self.endpointURL = endpointURL
        self.modelName = modelName
        self.modelId = modelId
        self.machine = machine
        self.proctorVersion = proctorVersion
        self.gitCommit = gitCommit
        self.configHash = configHash
        self.wallSeconds = wallSeconds
        self.specification = specification
    }

    /// The run's kind, from its specification.
    public var kind: RunKind { specification.kind }

    /// The evaluation specification, or `nil` for other kinds.
    public var eval: EvalSpecification? {
        if case .eval(let eval) = specification { return eval }
        return nil
    }

    /// The load specification, or `nil` for other kinds.
    public var load: LoadSpecification? {
        if case .load(let load) = specification { return load }
        return nil
    }

    /// The fine-tuning specification, or `nil` for other kinds.
    public var finetune: FinetuneSpecification? {
        if case .finetune(let finetune) = specification { return finetune }
        return nil
    }

    /// The monitor specification, or `nil` for other kinds.
    public var monitor: MonitorSpecification? {
        if case .monitor(let monitor) = specification { return monitor }
        return nil
    }
}

extension Run: Codable {}

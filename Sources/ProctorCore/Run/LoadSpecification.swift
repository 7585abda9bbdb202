/// What a load run asks: its levels, what it sends, and what its levels are judged by.
public struct LoadSpecification: Codable, Sendable, Hashable {
    /// How the levels are chosen.
    public var mode: LoadMode
    /// What is sent.
    public var workload: WorkloadDescription
    /// Whether responses are streamed.
    public var streaming: Bool
    /// The most requests the run can have in flight.
    public var concurrencyBound: Int
    /// What each level is judged by.
    public var criteria: LoadCriteria
    /// Seed of the arrival schedules and synthetic prompts.
    public var seed: UInt64

    /// Creates a specification.
    public init(
        mode: LoadMode, workload: WorkloadDescription, streaming: Bool, concurrencyBound: Int, criteria: LoadCriteria,
        seed: UInt64
    ) {
        self.mode = mode
        self.workload = workload
        self.streaming = streaming
        self.concurrencyBound = concurrencyBound
        self.criteria = criteria
        self.seed = seed
    }

    /// A short name for the mode, shown where an eval shows its protocol: `closed`, `open`,
    /// `sweep`, `jtl` or what an old store recorded.
    public var modeName: String {
        switch mode {
        case .steps(let steps): steps.first.map { if case .closed = $0 { "closed" } else { "open" } } ?? "steps"
        case .sweep: "sweep"
        case .imported(let format, _): format
        case .recorded(let name): name
        }
    }
}

/// How a load run's levels are chosen.
public enum LoadMode: Codable, Sendable, Hashable {
    /// The given steps, in order.
    case steps([LoadStep])
    /// Find the saturation point: a one-user baseline, a ceiling at `maxUsers`, then closed-loop
    /// levels between them, each `stepDuration` seconds, stopping once past saturation.
    case sweep(stepDuration: Double, maxUsers: Int)
    /// Levels imported from another tool's results (`format` such as `jtl`, from `file`).
    case imported(format: String, file: String)
    /// A run stored before specifications were typed: only the name of its mode was kept
    /// (`load:closed`, `load:open`, `load:sweep`); its levels are in the store.
    case recorded(String)

    /// The most requests the mode can have in flight; an uncapped open loop is bounded by 1,024.
    public var concurrencyBound: Int {
        switch self {
        case .steps(let steps): steps.map { $0.concurrencyBound ?? 1024 }.max() ?? 1
        case .sweep(_, let maxUsers): maxUsers
        case .imported, .recorded: 0
        }
    }
}

/// What a load run sends, as stored: a name, the dataset, the parameters, whether answers are scored.
public struct WorkloadDescription: Codable, Sendable, Hashable {
    /// A short name, e.g. `gsm8k` or `synthetic-512x128`.
    public var name: String
    /// The prompts' dataset.
    public var dataset: DatasetInfo
    /// Generation parameters for every request.
    public var parameters: GenerationParameters
    /// The extractor whose verdict is reported per level, when answers are scored.
    public var scoredBy: String?

    /// Creates a description.
    public init(name: String, dataset: DatasetInfo, parameters: GenerationParameters, scoredBy: String?) {
        self.name = name
        self.dataset = dataset
        self.parameters = parameters
        self.scoredBy = scoredBy
    }
}

/// What a load run's levels are judged by: goodput objectives, the error budget, and the
/// percentile an objective must hold at.
public struct LoadCriteria: Codable, Sendable, Hashable {
    /// Goodput and saturation objectives.
    public var objectives: ServiceLevelObjectives
    /// The largest error rate a level may have and still hold.
    public var maxErrorRate: Double
    /// The percentile an SLO is judged at (50, 90, 95 or 99).
    public var sloPercentile: Double

    /// Creates criteria.
    public init(objectives: ServiceLevelObjectives = .init(), maxErrorRate: Double = 0.01, sloPercentile: Double = 90) {
        self.objectives = objectives
        self.maxErrorRate = maxErrorRate
        self.sloPercentile = sloPercentile
    }

    /// The defaults `proctor load` uses: no objectives, a 1% error budget, p90.
    public static let standard = LoadCriteria()
}

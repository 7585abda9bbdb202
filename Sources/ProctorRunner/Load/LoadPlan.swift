public import ProctorClient
public import ProctorCore

/// Everything that defines a load run.
public struct LoadPlan: Sendable {
    /// How the levels are chosen.
    public enum Mode: Sendable {
        /// The given steps, in order.
        case steps([LoadStep])
        /// Find the saturation point: a one-user baseline, a ceiling at `maxUsers`, then closed-loop
        /// levels between them, each `stepDuration` seconds, stopping once past saturation.
        case sweep(stepDuration: Double, maxUsers: Int)
    }

    /// What is sent.
    public var workload: LoadWorkload
    /// What `--model` named.
    public var target: String
    /// The resolved endpoint.
    public var endpoint: Endpoint
    /// The levels.
    public var mode: Mode
    /// Goodput and saturation objectives.
    public var objectives: ServiceLevelObjectives
    /// The largest error rate a level may have and still hold.
    public var maxErrorRate: Double
    /// The percentile an SLO is judged at (50, 90, 95 or 99).
    public var sloPercentile: Double
    /// Whether responses are streamed.
    public var streaming: Bool
    /// Seed of the arrival schedules.
    public var seed: UInt64

    /// Creates a plan.
    public init(
        workload: LoadWorkload, target: String, endpoint: Endpoint, mode: Mode, objectives: ServiceLevelObjectives,
        maxErrorRate: Double, sloPercentile: Double, streaming: Bool, seed: UInt64
    ) {
        self.workload = workload
        self.target = target
        self.endpoint = endpoint
        self.mode = mode
        self.objectives = objectives
        self.maxErrorRate = maxErrorRate
        self.sloPercentile = sloPercentile
        self.streaming = streaming
        self.seed = seed
    }

    /// The most requests the plan can have in flight (sizes the client's connection pool).
    public var concurrencyBound: Int { Self.concurrencyBound(of: mode) }

    /// The most requests `mode` can have in flight; an uncapped open loop is bounded by 1,024.
    public static func concurrencyBound(of mode: Mode) -> Int {
        switch mode {
        case .steps(let steps): steps.map { $0.concurrencyBound ?? 1024 }.max() ?? 1
        case .sweep(_, let maxUsers): maxUsers
        }
    }
}

/// The outcome of a load run: every level and the saturation point.
public struct LoadReport: Codable, Sendable {
    /// One measured level.
    public struct Level: Codable, Sendable {
        /// Position in the run.
        public var level: Int
        /// `closed`, `open`, `baseline`, `ceiling` or `sweep`.
        public var phase: String
        /// The offered load.
        public var load: Double
        /// `users` or `req/s`.
        public var unit: String
        /// What was measured.
        public var metrics: LoadLevelMetrics
    }

    /// The run's id.
    public var runId: String
    /// Every level, in the order run.
    public var levels: [Level]
    /// The saturation point among the levels of increasing load (the ceiling probe excluded).
    public var saturation: SaturationAnalysis
    /// The load at the saturation point, if one held.
    public var saturationLoad: Double?
    /// The highest request throughput measured at any level.
    public var peakThroughput: Double
}

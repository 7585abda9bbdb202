public import ProctorClient
public import ProctorCore

/// Everything that defines a new load run.
public struct LoadPlan: Sendable {
    /// What is sent.
    public var workload: LoadWorkload
    /// What `--model` named.
    public var target: String
    /// The resolved endpoint.
    public var endpoint: Endpoint
    /// The levels.
    public var mode: LoadMode
    /// What each level is judged by.
    public var criteria: LoadCriteria
    /// Whether responses are streamed.
    public var streaming: Bool
    /// Seed of the arrival schedules.
    public var seed: UInt64

    /// Creates a plan.
    public init(
        workload: LoadWorkload, target: String, endpoint: Endpoint, mode: LoadMode, criteria: LoadCriteria, streaming: Bool,
        seed: UInt64
    ) {
        self.workload = workload
        self.target = target
        self.endpoint = endpoint
        self.mode = mode
        self.criteria = criteria
        self.streaming = streaming
        self.seed = seed
    }

    /// The run's stored specification.
    public var specification: LoadSpecification {
        LoadSpecification(
            mode: mode, workload: workload.description, streaming: streaming, concurrencyBound: mode.concurrencyBound,
            criteria: criteria, seed: seed)
    }
}

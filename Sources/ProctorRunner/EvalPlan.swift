public import ProctorBenchmarks
public import ProctorClient
public import ProctorCore

/// Everything that defines a new evaluation run.
public struct EvalPlan: Sendable {
    /// The benchmark and protocol.
    public var benchmark: any Benchmark
    /// What `--model` named (`local`, a config name or a URL).
    public var target: String
    /// The resolved endpoint.
    public var endpoint: Endpoint
    /// Generation parameters for every request.
    public var parameters: GenerationParameters
    /// Whether responses are streamed.
    public var streaming: Bool
    /// Requests in flight at once.
    public var concurrency: Int
    /// At most this many samples.
    public var limit: Int?
    /// Seed that shuffles the samples before the limit is applied.
    public var seed: Int?
    /// Only samples whose `category` group is one of these (all when empty), before the limit.
    public var categories: Set<String> = []

    /// Creates a plan.
    public init(
        benchmark: any Benchmark, target: String, endpoint: Endpoint, parameters: GenerationParameters, streaming: Bool,
        concurrency: Int, limit: Int?, seed: Int?
    ) {
        self.benchmark = benchmark
        self.target = target
        self.endpoint = endpoint
        self.parameters = parameters
        self.streaming = streaming
        self.concurrency = concurrency
        self.limit = limit
        self.seed = seed
    }
}

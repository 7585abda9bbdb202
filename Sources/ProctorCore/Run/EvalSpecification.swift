/// What an evaluation run asks: which benchmark and protocol over which dataset, which samples,
/// with which generation settings. Enough to resume the run and to tell two runs apart.
public struct EvalSpecification: Codable, Sendable, Hashable {
    /// Benchmark name, e.g. `gsm8k`.
    public var benchmark: String
    /// Prompt protocol name, e.g. `gsm8k_cot`.
    public var promptProtocol: String
    /// The dataset and its SHA-256.
    public var dataset: DatasetInfo
    /// Generation parameters sent with every request.
    public var parameters: GenerationParameters
    /// Whether responses are streamed.
    public var streaming: Bool
    /// Samples in flight at once.
    public var concurrency: Int
    /// Seed that chose the sample subset, if one did.
    public var sampleSeed: Int?
    /// The `--limit` asked for, if any.
    public var sampleLimit: Int?
    /// Ids of the selected samples, in run order.
    public var sampleIds: [String]
    /// Extractor names, primary first.
    public var extractorNames: [String]
    /// For a user's JSONL task, its definition (file, fields, scorer), so it can be rebuilt.
    public var task: JSONLTaskDefinition?
    /// For a judged benchmark, how answers are graded; `nil` for deterministic scoring, or for a
    /// judged run whose answers are not graded yet.
    public var judge: JudgeSpecification?
    /// The run whose answers this run re-judges (`proctor judge`), or that an import came from.
    public var sourceRunId: String?
    /// Prices of the model's tokens, when the config gives them.
    public var prices: TokenPrices?

    /// Creates a specification.
    public init(
        benchmark: String, promptProtocol: String, dataset: DatasetInfo, parameters: GenerationParameters, streaming: Bool,
        concurrency: Int, sampleSeed: Int?, sampleLimit: Int?, sampleIds: [String], extractorNames: [String],
        task: JSONLTaskDefinition? = nil, judge: JudgeSpecification? = nil, sourceRunId: String? = nil,
        prices: TokenPrices? = nil
    ) {
        self.benchmark = benchmark
        self.promptProtocol = promptProtocol
        self.dataset = dataset
        self.parameters = parameters
        self.streaming = streaming
        self.concurrency = concurrency
        self.sampleSeed = sampleSeed
        self.sampleLimit = sampleLimit
        self.sampleIds = sampleIds
        self.extractorNames = extractorNames
        self.task = task
        self.judge = judge
        self.sourceRunId = sourceRunId
        self.prices = prices
    }
}

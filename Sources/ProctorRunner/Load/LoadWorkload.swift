public import ProctorBenchmarks
public import ProctorCore

/// What a load test sends: prompts from a benchmark, from a JSONL file, or synthetic ones of a
/// given length, cycled in order; optionally scored, to see whether quality holds under load.
public struct LoadWorkload: Sendable {
    /// A short name stored with the run, e.g. `gsm8k` or `synthetic-512x128`.
    public var name: String
    /// The dataset's identity.
    public var dataset: DatasetInfo
    /// The prompts, sent in this order and cycled.
    public var prompts: [EvalSample]
    /// Generation parameters for every request.
    public var parameters: GenerationParameters
    /// Scores each answer when set (`--score` with a benchmark workload).
    public var scorer: (any SingleTurnBenchmark)?

    /// Creates a workload.
    public init(
        name: String, dataset: DatasetInfo, prompts: [EvalSample], parameters: GenerationParameters,
        scorer: (any SingleTurnBenchmark)? = nil
    ) {
        self.name = name
        self.dataset = dataset
        self.prompts = prompts
        self.parameters = parameters
        self.scorer = scorer
    }

    /// A benchmark's prompts with its protocol's parameters, scored when `score` is set.
    ///
    /// - Throws: ``ProctorError`` when `score` is asked of a benchmark whose answers need a
    ///   conversation or a judge.
    public static func benchmark(_ benchmark: any Benchmark, score: Bool) throws(ProctorError) -> LoadWorkload {
        var scorer: (any SingleTurnBenchmark)?
        if score {
            guard let singleTurn = benchmark as? any SingleTurnBenchmark else {
                throw .badInput(
                    "\(benchmark.name) answers cannot be scored under load: it needs several turns or a judge",
                    hint: "drop --score, or load-test with a single-turn benchmark such as gsm8k")
            }
            scorer = singleTurn
        }
        return LoadWorkload(
            name: benchmark.name, dataset: benchmark.dataset, prompts: benchmark.samples(),
            parameters: benchmark.defaultParameters, scorer: scorer)
    }

    /// What the run stores about this workload.
    public var description: WorkloadDescription {
        WorkloadDescription(name: name, dataset: dataset, parameters: parameters, scoredBy: scorer?.extractorNames.first)
    }

    /// Prompts of about `inputTokens` tokens each (distinct, so no prefix cache serves them) asking
    /// for exactly `outputTokens` tokens with `ignore_eos`.
    public static func synthetic(inputTokens: Int, outputTokens: Int, count: Int = 256, seed: UInt64 = 0) -> LoadWorkload {
        var generator = SplitMix64(seed: seed)
        let prompts = (0..<count).map { index in
            let words = (0..<max(1, inputTokens - 8)).map { _ in syntheticWords[Int(generator.next() % UInt64(syntheticWords.count))] }
            let text = "Request \(index): repeat these words. " + words.joined(separator: " ")
            return EvalSample(id: "synthetic-\(index)", index: index, messages: [ChatMessage(role: .user, content: text)], reference: "")
        }
        return LoadWorkload(
            name: "synthetic-\(inputTokens)x\(outputTokens)",
            dataset: DatasetInfo(name: "synthetic", sha256: "seed-\(seed)", count: count), prompts: prompts,
            parameters: GenerationParameters(maxTokens: outputTokens, seed: nil, ignoreEOS: true))
    }

    /// Common English words that most tokenizers encode as one token each (with the leading space).
    private static let syntheticWords = [
        "the", "time", "people", "way", "year", "day", "thing", "man", "world", "life", "hand", "part", "child", "eye",
        "woman", "place", "work", "week", "case", "point", "number", "group", "problem", "fact", "water", "house",
    ]

    /// The prompt for request `index` (prompts are cycled).
    public func prompt(at index: Int) -> EvalSample {
        prompts[index % prompts.count]
    }
}

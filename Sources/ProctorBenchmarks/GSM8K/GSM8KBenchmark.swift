public import ProctorCore

/// GSM8K scored exactly as lm-evaluation-harness does: `strict-match` (the protocol's pattern,
/// first match) and `flexible-extract` (the last number-like token), each compared with
/// lm-eval's `exact_match` normalisation.
///
/// ```swift
/// let gsm8k = try GSM8KBenchmark(protocol: .chainOfThought8Shot)
/// let score = gsm8k.score(response: "… The answer is 18.", for: gsm8k.samples()[0])
/// ```
public struct GSM8KBenchmark: SingleTurnBenchmark {
    /// The prompt protocol in use.
    public let promptProtocol: GSM8KProtocol
    /// The problems, in file order.
    public let problems: [GSM8KProblem]
    /// The dataset's identity.
    public let dataset: DatasetInfo
    private let strict: RegexExtractor
    private let flexible = RegexExtractor(name: "flexible-extract", pattern: #"(-?[$0-9.,]{2,})|(-?[0-9]+)"#, select: .last)
    private let exactMatch = ExactMatch.gsm8k

    /// Uses the bundled test set.
    public init(protocol promptProtocol: GSM8KProtocol) throws(DatasetError) {
        let loaded = try GSM8KDataset.loadTest()
        self.init(protocol: promptProtocol, problems: loaded.problems, dataset: loaded.info)
    }

    /// Uses the given problems (for tests and user files).
    public init(protocol promptProtocol: GSM8KProtocol, problems: [GSM8KProblem], dataset: DatasetInfo) {
        self.promptProtocol = promptProtocol
        self.problems = problems
        self.dataset = dataset
        strict = RegexExtractor(name: "strict-match", pattern: promptProtocol.strictPattern, select: .first)
    }

    /// `gsm8k`.
    public var name: String { "gsm8k" }
    /// The protocol's name.
    public var protocolName: String { promptProtocol.name }
    /// `strict-match`, then `flexible-extract`.
    public var extractorNames: [String] { [strict.name, flexible.name] }

    /// Greedy, 256 tokens, seed 1234, and the protocol's stop sequences (lm-eval's defaults).
    public var defaultParameters: GenerationParameters {
        GenerationParameters(stop: promptProtocol.stop)
    }

    /// One sample per problem, id `test-<index>`.
    public func samples() -> [EvalSample] {
        problems.map { problem in
            EvalSample(
                id: "test-\(problem.index)", index: problem.index, messages: promptProtocol.messages(for: problem),
                reference: promptProtocol.reference(for: problem))
        }
    }

    /// Both extractors' verdicts; a missed extraction normalises lm-eval's `[invalid]` fallback.
    public func score(response: String, for sample: EvalSample) -> SampleScore {
        let reference = exactMatch.normalize(sample.reference)
        let outputs = [strict, flexible].map { extractor in
            let extracted = extractor.extract(from: response)
            let normalized = exactMatch.normalize(extracted ?? "[invalid]")
            return ExtractorOutput(
                name: extractor.name, extracted: extracted, normalized: normalized, correct: normalized == reference)
        }
        return SampleScore(outputs: outputs)
    }
}

public import ProctorCore

/// MATH and MATH-500 scored natively: each extractor's answer and the reference go through
/// lm-eval's `normalize_final_answer` (stored as `normalized`), and ``MathEquivalence`` decides on
/// the less lossy ``MinervaNormalizer/comparable(_:)`` forms, recording its rule.
///
/// ```swift
/// let math500 = try MathBenchmark(split: .math500, protocol: .minerva)
/// let score = math500.score(response: "… Final Answer: The final answer is $\\frac12$.", for: math500.samples()[0])
/// ```
public struct MathBenchmark: SingleTurnBenchmark {
    /// The benchmark's name: `math` for the full test set, `math500` for the subset.
    public let name: String
    /// The prompt protocol in use.
    public let promptProtocol: MathProtocol
    /// The problems, in file order.
    public let problems: [MathProblem]
    /// The dataset's identity.
    public let dataset: DatasetInfo

    /// Uses a bundled split.
    public init(split: MathDataset.Split, protocol promptProtocol: MathProtocol) throws(DatasetError) {
        let loaded = try MathDataset.load(split)
        self.init(
            name: split == .test ? "math" : "math500", protocol: promptProtocol, problems: loaded.problems,
            dataset: loaded.info)
    }

    /// Uses the given problems (for tests and user files).
    public init(name: String, protocol promptProtocol: MathProtocol, problems: [MathProblem], dataset: DatasetInfo) {
        self.name = name
        self.promptProtocol = promptProtocol
        self.problems = problems
        self.dataset = dataset
    }

    /// The protocol's name.
    public var protocolName: String { promptProtocol.name }
    /// The protocol's extractor, then `flexible-extract`.
    public var extractorNames: [String] { promptProtocol.extractors.map(\.name) }

    /// Greedy, the protocol's token budget and stop sequences.
    public var defaultParameters: GenerationParameters {
        GenerationParameters(maxTokens: promptProtocol.maxTokens, stop: promptProtocol.stop)
    }

    /// One sample per problem, keyed by the original release path, grouped by subject and level;
    /// the reference is the raw final answer (empty when the solution has none).
    public func samples() -> [EvalSample] {
        problems.map { problem in
            var groups = ["subject": problem.subject]
            if let level = problem.level { groups["level"] = String(level) }
            return EvalSample(
                id: problem.uniqueId, index: problem.index, messages: promptProtocol.messages(for: problem),
                reference: problem.answer ?? "", groups: groups)
        }
    }

    /// Every extractor's answer, normalised, compared with the normalised reference.
    public func score(response: String, for sample: EvalSample) -> SampleScore {
        Self.score(response: response, reference: sample.reference, extractors: promptProtocol.extractors)
    }

    /// Scores `response` against a raw reference answer with the given extractors.
    public static func score(response: String, reference: String, extractors: [MathAnswerExtractor]) -> SampleScore {
        let normalizedReference = reference.isEmpty ? "" : MinervaNormalizer.normalize(reference)
        let comparableReference = MinervaNormalizer.comparable(reference)
        var previous: (answer: String, output: ExtractorOutput)?
        let outputs = extractors.map { extractor -> ExtractorOutput in
            guard let (answer, rule) = extractor.extract(from: response) else {
                return ExtractorOutput(name: extractor.name, extracted: nil, normalized: "[invalidanswer]", correct: false)
            }
            let normalized = MinervaNormalizer.normalize(answer)
            guard !normalizedReference.isEmpty else {
                return ExtractorOutput(
                    name: extractor.name, extracted: answer, normalized: normalized, correct: false, rule: rule.rawValue,
                    unscorable: UnscorableReason.noReference)
            }
            if let previous, previous.answer == answer {
                // Two extractors found the same text: reuse the verdict rather than compare again.
                var output = previous.output
                output.name = extractor.name
                output.rule = rule.rawValue
                return output
            }
            let verdict = MathEquivalence.compare(MinervaNormalizer.comparable(answer), comparableReference)
            let output = ExtractorOutput(
                name: extractor.name, extracted: answer, normalized: normalized, correct: verdict.equivalent,
                rule: rule.rawValue, decidedBy: verdict.rule)
            previous = (answer, output)
            return output
        }
        return SampleScore(outputs: outputs)
    }
}

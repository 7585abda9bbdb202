/// The headline figures of an evaluation run, computed from its stored sample outcomes so that a
/// resumed run summarises exactly as an uninterrupted one.
public struct EvalSummary: Codable, Sendable, Hashable {
    /// Accuracy under one extractor.
    public struct ExtractorAccuracy: Codable, Sendable, Hashable {
        /// The extractor's name.
        public var name: String
        /// Correct answers over scored samples (errors excluded).
        public var accuracy: Proportion
        /// Samples where this extractor found no answer at all.
        public var unscorable: Int
    }

    /// Samples with a stored result.
    public var samples: Int
    /// Samples whose request succeeded and were scored.
    public var scored: Int
    /// Samples whose request failed; they are excluded from accuracy.
    public var errors: Int
    /// Failed samples by error kind.
    public var errorsByKind: [String: Int]
    /// One accuracy per extractor, primary first.
    public var extractors: [ExtractorAccuracy]
    /// Prompt tokens over all successful requests.
    public var promptTokens: Int
    /// Completion tokens over all successful requests.
    public var completionTokens: Int
    /// End-to-end latency of successful requests, in seconds.
    public var latency: Distribution
    /// Time to first token of successful streamed requests, in seconds.
    public var timeToFirstToken: Distribution
    /// Wall-clock seconds the run took (summed over resumed sessions).
    public var wallSeconds: Double

    /// Completed requests (successes and failures) per wall-clock second.
    public var requestsPerSecond: Double { wallSeconds > 0 ? Double(samples) / wallSeconds : 0 }

    /// Summarises outcomes; `extractorNames` fixes the order of ``extractors``.
    public init(outcomes: [SampleOutcome], extractorNames: [String], wallSeconds: Double) {
        samples = outcomes.count
        let succeeded = outcomes.filter { $0.errorKind == nil }
        scored = succeeded.filter { $0.score != nil }.count
        errors = outcomes.count - succeeded.count
        errorsByKind = outcomes.compactMap(\.errorKind).reduce(into: [:]) { $0[$1.rawValue, default: 0] += 1 }
        extractors = extractorNames.map { name in
            let verdicts = succeeded.compactMap { $0.score?.output(named: name) }
            return ExtractorAccuracy(
                name: name,
                accuracy: Proportion(successes: verdicts.filter(\.correct).count, trials: verdicts.count),
                unscorable: verdicts.filter { $0.extracted == nil }.count
            )
        }
        promptTokens = succeeded.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) }
        completionTokens = succeeded.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) }
        latency = Distribution(succeeded.compactMap { $0.timings?.endToEndLatency })
        timeToFirstToken = Distribution(succeeded.compactMap { $0.timings?.timeToFirstToken })
        self.wallSeconds = wallSeconds
    }
}

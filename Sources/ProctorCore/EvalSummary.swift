/// The headline figures of an evaluation run, computed from its stored sample outcomes so that a
/// resumed run summarises exactly as an uninterrupted one.
public struct EvalSummary: Codable, Sendable, Hashable {
    /// Accuracy under one extractor.
    public struct ExtractorAccuracy: Codable, Sendable, Hashable {
        /// The extractor's name.
        public var name: String
        /// Correct answers over every answered sample (errors excluded; an unscorable answer
        /// counts as wrong, as in lm-eval).
        public var accuracy: Proportion
        /// Correct answers over the samples that could be scored (an answer and a reference).
        public var scorableAccuracy: Proportion
        /// Answered samples this extractor could not score.
        public var unscorable: Int
        /// Unscorable samples by reason (``UnscorableReason``).
        public var unscorableByReason: [String: Int]
        /// The mean of each graded metric over the answered samples, when the extractor reports
        /// any (`nil` otherwise, so summaries without them stay as they were).
        public var metrics: [String: Double]?
        /// How many verdicts each equivalence rule decided, for scorers that record it.
        public var decidedBy: [String: Int]
    }

    /// Accuracy of the primary extractor within each value of one grouping (e.g. per subject).
    public struct Breakdown: Codable, Sendable, Hashable {
        /// The grouping's name, e.g. `subject` or `level`.
        public var key: String
        /// One row per value, sorted by value.
        public var rows: [Row]

        /// The accuracy of one group.
        public struct Row: Codable, Sendable, Hashable {
            /// The group's value, e.g. `Algebra`.
            public var value: String
            /// Correct over answered samples in the group.
            public var accuracy: Proportion
        }
    }

    /// Samples with a stored result.
    public var samples: Int
    /// Requests (turns) stored, when a benchmark's conversations have more than one per sample;
    /// `scored` and `errors` then count turns.
    public var turns: Int?
    /// Samples whose request succeeded and were scored.
    public var scored: Int
    /// Samples whose request failed; they are excluded from accuracy.
    public var errors: Int
    /// Failed samples by error kind.
    public var errorsByKind: [String: Int]
    /// One accuracy per extractor, primary first; empty when the task has no references.
    public var extractors: [ExtractorAccuracy]
    /// Primary-extractor accuracy per group (subject, level…), when samples carry groups.
    public var breakdowns: [Breakdown]
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

    private static func breakdowns(_ outcomes: [SampleOutcome], primary: String?) -> [Breakdown] {
        guard let primary else { return [] }
        let keys = Set(outcomes.flatMap(\.groups.keys)).sorted()
        return keys.map { key in
            var tallies: [String: (correct: Int, total: Int)] = [:]
            for outcome in outcomes {
                guard let value = outcome.groups[key], let verdict = outcome.score?.output(named: primary) else { continue }
                tallies[value, default: (0, 0)].total += 1
                if verdict.correct { tallies[value, default: (0, 0)].correct += 1 }
            }
            let rows = tallies.sorted { $0.key < $1.key }.map { value, tally in
                Breakdown.Row(value: value, accuracy: Proportion(successes: tally.correct, trials: tally.total))
            }
            return Breakdown(key: key, rows: rows)
        }
    }

    /// Each metric's mean over `verdicts` (a verdict without it counts 0), or `nil` when none has any.
    private static func metricMeans(_ verdicts: [ExtractorOutput]) -> [String: Double]? {
        let names = Set(verdicts.flatMap { $0.metrics?.keys ?? [:].keys })
        guard !names.isEmpty else { return nil }
        return Dictionary(
            uniqueKeysWithValues: names.map { name in
                (name, verdicts.reduce(0) { $0 + ($1.metrics?[name] ?? 0) } / Double(verdicts.count))
            })
    }

    /// Completed requests (successes and failures) per wall-clock second.
    public var requestsPerSecond: Double { wallSeconds > 0 ? Double(turns ?? samples) / wallSeconds : 0 }

    /// Summarises outcomes; `extractorNames` fixes the order of ``extractors``.
    public init(outcomes: [SampleOutcome], extractorNames: [String], wallSeconds: Double) {
        let ids = outcomes.compactMap(\.sampleId)
        samples = ids.count == outcomes.count ? Set(ids).count : outcomes.count
        turns = samples == outcomes.count ? nil : outcomes.count
        let succeeded = outcomes.filter { $0.errorKind == nil }
        scored = succeeded.filter { $0.score != nil }.count
        errors = outcomes.count - succeeded.count
        errorsByKind = outcomes.compactMap(\.errorKind).reduce(into: [:]) { $0[$1.rawValue, default: 0] += 1 }
        extractors = extractorNames.map { name in
            let verdicts = succeeded.compactMap { $0.score?.output(named: name) }
            let scorable = verdicts.filter(\.isScorable)
            let correct = verdicts.filter(\.correct).count
            return ExtractorAccuracy(
                name: name,
                accuracy: Proportion(successes: correct, trials: verdicts.count),
                scorableAccuracy: Proportion(successes: correct, trials: scorable.count),
                unscorable: verdicts.count - scorable.count,
                unscorableByReason: verdicts.compactMap(\.unscorable).reduce(into: [:]) { $0[$1, default: 0] += 1 },
                metrics: Self.metricMeans(verdicts),
                decidedBy: verdicts.compactMap(\.decidedBy).reduce(into: [:]) { $0[$1, default: 0] += 1 }
            )
        }
        breakdowns = Self.breakdowns(succeeded, primary: extractorNames.first)
        promptTokens = succeeded.reduce(0) { $0 + ($1.usage?.promptTokens ?? 0) }
        completionTokens = succeeded.reduce(0) { $0 + ($1.usage?.completionTokens ?? 0) }
        latency = Distribution(succeeded.compactMap { $0.timings?.endToEndLatency })
        timeToFirstToken = Distribution(succeeded.compactMap { $0.timings?.timeToFirstToken })
        self.wallSeconds = wallSeconds
    }
}

/// A rubric-judged run's figures: each criterion's mean with a 95% interval (bootstrap over
/// samples, seeded), or the share graded correct for a grade judge, and what did not count.
public struct RubricSummary: Codable, Sendable, Hashable {
    /// One criterion's mean.
    public struct Criterion: Codable, Sendable, Hashable {
        /// The criterion's name.
        public var name: String
        /// Its mean, interval and count.
        public var score: SingleGradeSummary.Score
    }

    /// The judged run.
    public var runId: String
    /// Each criterion, in the rubric's order.
    public var criteria: [Criterion]
    /// For a grade judge: the answers graded correct.
    public var graded: Proportion?
    /// Judgments that gave a readable verdict.
    public var judged: Int
    /// Judgments the judge answered without a readable verdict, by parse rule.
    public var unparsed: [String: Int]
    /// Judgments that failed after their retries, by error kind.
    public var judgeErrors: [String: Int]

    /// Summarises the single judgments of run `runId`; repeated judgments of one answer count
    /// each, as ratings do.
    public init(runId: String, judgments: [Judgment], resamples: Int, seed: UInt64) {
        let own = judgments.filter { $0.runId == runId && $0.opponentRunId == nil }
        self.runId = runId
        var names: [String] = []
        var bySample: [String: [String: [Double]]] = [:]
        var correct = 0
        var grades = 0
        var unparsed: [String: Int] = [:]
        var errors: [String: Int] = [:]
        var judged = 0
        for judgment in own {
            switch judgment.verdict {
            case .criteria(let scores):
                judged += 1
                for score in scores {
                    if !names.contains(score.name) { names.append(score.name) }
                    bySample[judgment.sampleId, default: [:]][score.name, default: []].append(score.score)
                }
            case .grade(let isCorrect):
                judged += 1
                grades += 1
                if isCorrect { correct += 1 }
            case .rating, .winner:
                judged += 1
            case nil:
                if let error = judgment.error {
                    errors[error.kind.rawValue, default: 0] += 1
                } else {
                    unparsed[judgment.parseRule, default: 0] += 1
                }
            }
        }
        let samples = Array(Set(own.map(\.sampleId))).sorted()
        criteria = names.map { name in
            let clusters = samples.map { bySample[$0]?[name] ?? [] }
            let values = clusters.flatMap { $0 }
            let mean = Statistics.mean(values)
            let interval = Bootstrap.pooledMeanInterval(clusters, resamples: resamples, seed: seed)
            return Criterion(
                name: name,
                score: SingleGradeSummary.Score(
                    mean: mean, low: interval?.lowerBound ?? mean, high: interval?.upperBound ?? mean, count: values.count))
        }
        graded = grades > 0 ? Proportion(successes: correct, trials: grades) : nil
        self.judged = judged
        self.unparsed = unparsed
        judgeErrors = errors
    }
}

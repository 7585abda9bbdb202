/// FastChat's single-grading figures for one run, with what `show_result.py` lacks: a 95%
/// interval for each score (bootstrap over questions), the judgments that did not count and why,
/// the judge's own spread when it judged each answer more than once, and its tokens.
///
/// Scores follow `show_result.py`: judgments without a rating (FastChat's −1) are dropped; a turn's
/// score is the mean of its ratings; the MT-bench score is the mean of all ratings, both turns
/// pooled; a category's score pools its questions' ratings in the same way.
public struct SingleGradeSummary: Codable, Sendable, Hashable {
    /// A mean rating, its interval and how many ratings it pools.
    public struct Score: Codable, Sendable, Hashable {
        /// The mean rating.
        public var mean: Double
        /// The 2.5th percentile of the bootstrap means.
        public var low: Double
        /// The 97.5th percentile of the bootstrap means.
        public var high: Double
        /// Ratings pooled.
        public var count: Int
    }

    /// One category's scores.
    public struct CategoryScores: Codable, Sendable, Hashable {
        /// The category, e.g. `writing`.
        public var category: String
        /// Both turns pooled.
        public var overall: Score?
        /// By turn number.
        public var turns: [Int: Score]
    }

    /// How much the judge disagrees with itself over repeated judgments of the same answer.
    public struct Spread: Codable, Sendable, Hashable {
        /// Answers with at least two ratings.
        public var answers: Int
        /// The mean over those answers of their ratings' sample standard deviation.
        public var meanStandardDeviation: Double
        /// The largest such standard deviation.
        public var maxStandardDeviation: Double
        /// The share of those answers whose ratings are all equal.
        public var agreement: Double
    }

    /// The judged run.
    public var runId: String
    /// The MT-bench score: every rating pooled.
    public var overall: Score?
    /// By turn number.
    public var turns: [Int: Score]
    /// By category, in first-seen order.
    public var categories: [CategoryScores]
    /// Judgments that gave a rating.
    public var rated: Int
    /// Judgments the judge answered without a readable rating (FastChat's −1), by parse rule.
    public var unparsed: Int
    /// Judgments that failed after their retries, by error kind.
    public var judgeErrors: [String: Int]
    /// The judge's spread, when some answer was judged more than once.
    public var spread: Spread?
    /// The judge's prompt tokens, over the judgments that reported usage.
    public var judgePromptTokens: Int
    /// The judge's output tokens.
    public var judgeCompletionTokens: Int

    /// Summarises the single-grading `judgments` of run `runId` (others are ignored).
    public init(runId: String, judgments: [Judgment], resamples: Int, seed: UInt64) {
        let own = judgments.filter { $0.runId == runId && $0.opponentRunId == nil }
        self.runId = runId
        var rated: [(Judgment, Double)] = []
        var unparsed = 0
        var errors: [String: Int] = [:]
        var promptTokens = 0
        var completionTokens = 0
        for judgment in own {
            promptTokens += judgment.usage?.promptTokens ?? 0
            completionTokens += judgment.usage?.completionTokens ?? 0
            if case .rating(let value) = judgment.verdict {
                rated.append((judgment, value))
            } else if let error = judgment.error {
                errors[error.kind.rawValue, default: 0] += 1
            } else {
                unparsed += 1
            }
        }
        self.rated = rated.count
        self.unparsed = unparsed
        judgeErrors = errors
        judgePromptTokens = promptTokens
        judgeCompletionTokens = completionTokens

        let questions = Self.ordered(own.map(\.sampleId))
        func score(_ keep: (Judgment) -> Bool) -> Score? {
            var byQuestion: [String: [Double]] = [:]
            for (judgment, value) in rated where keep(judgment) { byQuestion[judgment.sampleId, default: []].append(value) }
            let values = byQuestion.values.flatMap { $0 }
            guard !values.isEmpty else { return nil }
            let chosen = questions.filter { id in own.contains { $0.sampleId == id && keep($0) } }
            let interval = Bootstrap.pooledMeanInterval(chosen.map { byQuestion[$0] ?? [] }, resamples: resamples, seed: seed)
            let mean = Statistics.mean(chosen.flatMap { byQuestion[$0] ?? [] })
            return Score(mean: mean, low: interval?.lowerBound ?? mean, high: interval?.upperBound ?? mean, count: values.count)
        }
        overall = score { _ in true }
        let turnNumbers = Set(own.map(\.turn)).sorted()
        turns = Dictionary(uniqueKeysWithValues: turnNumbers.compactMap { turn in score { $0.turn == turn }.map { (turn, $0) } })
        categories = Self.ordered(own.map(\.category)).map { category in
            CategoryScores(
                category: category, overall: score { $0.category == category },
                turns: Dictionary(
                    uniqueKeysWithValues: turnNumbers.compactMap { turn in
                        score { $0.category == category && $0.turn == turn }.map { (turn, $0) }
                    }))
        }
        spread = Self.spread(rated)
    }

    private static func spread(_ rated: [(Judgment, Double)]) -> Spread? {
        var byAnswer: [String: [Double]] = [:]
        for (judgment, value) in rated { byAnswer["\(judgment.sampleId)#\(judgment.turn)", default: []].append(value) }
        let repeated = byAnswer.values.filter { $0.count > 1 }
        guard !repeated.isEmpty else { return nil }
        let deviations = repeated.map(Statistics.sampleStandardDeviation)
        let agreeing = repeated.filter { Set($0).count == 1 }.count
        return Spread(
            answers: repeated.count, meanStandardDeviation: Statistics.mean(deviations),
            maxStandardDeviation: deviations.max() ?? 0, agreement: Double(agreeing) / Double(repeated.count))
    }

    private static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Judgments that did not count: unparsed ones and judge errors.
    public var uncounted: Int { unparsed + judgeErrors.values.reduce(0, +) }
}

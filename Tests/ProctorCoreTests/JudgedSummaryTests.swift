import Foundation
import ProctorCore
import Testing

/// FastChat's `show_result.py` aggregation, with Proctor's counts and intervals beside it.
@Suite("Judged summaries")
struct JudgedSummaryTests {
    static func single(
        _ run: String, _ sample: String, turn: Int, rating: Double?, category: String = "writing", repeatIndex: Int = 0,
        error: CompletionError? = nil
    ) -> Judgment {
        Judgment(
            runId: run, sampleId: sample, turn: turn, repeatIndex: repeatIndex, category: category, promptName: "single-v1",
            prompt: [], startedAt: Date(timeIntervalSince1970: 0), output: error == nil ? "Rating" : nil,
            verdict: rating.map(JudgeVerdict.rating), parseRule: rating == nil ? "no rating" : "[[n]]", error: error,
            usage: TokenUsage(promptTokens: 100, completionTokens: 10), judgeModel: "j")
    }

    static func game(_ first: String, _ second: String, _ sample: String, game: Int, _ winner: PairWinner?, turn: Int = 1)
        -> Judgment
    {
        Judgment(
            runId: first, opponentRunId: second, sampleId: sample, turn: turn, game: game, category: "writing",
            promptName: "pair-v2", prompt: [], startedAt: Date(timeIntervalSince1970: 0), output: "",
            verdict: winner.map(JudgeVerdict.winner), parseRule: "", judgeModel: "j")
    }

    @Test("the MT-bench score pools both turns; unrated judgments are dropped and counted")
    func pooledMean() throws {
        let judgments = [
            Self.single("r", "81", turn: 1, rating: 8), Self.single("r", "82", turn: 1, rating: 6),
            Self.single("r", "83", turn: 1, rating: 10), Self.single("r", "81", turn: 2, rating: 2),
            Self.single("r", "82", turn: 2, rating: nil),
            Self.single("r", "83", turn: 2, rating: nil, error: CompletionError(kind: .rateLimited, message: "429")),
            Self.single("other", "81", turn: 1, rating: 1),
        ]
        let summary = SingleGradeSummary(runId: "r", judgments: judgments, resamples: 200, seed: 7)
        // (8 + 6 + 10 + 2) / 4 = 6.5, not the mean of the turn means (8 + 2) / 2 = 5.
        #expect(summary.overall?.mean == 6.5)
        #expect(summary.overall?.count == 4)
        #expect(summary.turns[1]?.mean == 8)
        #expect(summary.turns[2]?.mean == 2)
        #expect(summary.rated == 4)
        #expect(summary.unparsed == 1)
        #expect(summary.judgeErrors == ["rate_limited": 1])
        #expect(summary.uncounted == 2)
        #expect(summary.judgePromptTokens == 600)
        let overall = try #require(summary.overall)
        #expect(overall.low <= overall.mean && overall.mean <= overall.high)
        #expect(overall.low >= 2 && overall.high <= 10)
        // Seeded: the same seed gives the same interval, another seed (almost surely) another.
        #expect(SingleGradeSummary(runId: "r", judgments: judgments, resamples: 200, seed: 7) == summary)
    }

    @Test("categories by turn, and the judge's spread over repeated judgments")
    func categoriesAndSpread() throws {
        let judgments = [
            Self.single("r", "111", turn: 1, rating: 4, category: "math", repeatIndex: 0),
            Self.single("r", "111", turn: 1, rating: 6, category: "math", repeatIndex: 1),
            Self.single("r", "81", turn: 1, rating: 9, category: "writing", repeatIndex: 0),
            Self.single("r", "81", turn: 1, rating: 9, category: "writing", repeatIndex: 1),
        ]
        let summary = SingleGradeSummary(runId: "r", judgments: judgments, resamples: 100, seed: 1)
        #expect(summary.categories.map(\.category) == ["math", "writing"])
        #expect(summary.categories[0].turns[1]?.mean == 5)
        #expect(summary.categories[1].overall?.mean == 9)
        let spread = try #require(summary.spread)
        #expect(spread.answers == 2)
        #expect(spread.agreement == 0.5)
        #expect(abs(spread.maxStandardDeviation - 2.0.squareRoot()) < 1e-12)
        #expect(abs(spread.meanStandardDeviation - 2.0.squareRoot() / 2) < 1e-12)
        #expect(SingleGradeSummary(runId: "r", judgments: Array(judgments.prefix(1)), resamples: 10, seed: 1).spread == nil)
    }

    @Test("pairwise: agreed wins count, an inconsistent pair or a game-1 tie is a tie, an error drops the match")
    func pairwise() throws {
        let judgments = [
            // 81: a wins in both orders (game 2 shows b as A, so the judge says B).
            Self.game("a", "b", "81", game: 1, .a), Self.game("a", "b", "81", game: 2, .b),
            // 82: the judge always picks the first position: inconsistent, a tie.
            Self.game("a", "b", "82", game: 1, .a), Self.game("a", "b", "82", game: 2, .a),
            // 83: a tie in game 1 is a tie whatever game 2 says.
            Self.game("a", "b", "83", game: 1, .tie), Self.game("a", "b", "83", game: 2, .a),
            // 84: no verdict in game 2: dropped.
            Self.game("a", "b", "84", game: 1, .b), Self.game("a", "b", "84", game: 2, nil),
            // 85: b wins in both orders.
            Self.game("a", "b", "85", game: 1, .b), Self.game("a", "b", "85", game: 2, .a),
        ]
        let summary = PairwiseSummary(runIds: ["a", "b"], judgments: judgments)
        #expect(summary.matches == 4)
        #expect(summary.dropped == 1)
        #expect(summary.inconsistent == 2)
        let a = try #require(summary.records.first { $0.runId == "a" })
        let b = try #require(summary.records.first { $0.runId == "b" })
        #expect((a.wins, a.losses, a.ties) == (1, 1, 2))
        #expect((b.wins, b.losses, b.ties) == (1, 1, 2))
        #expect(a.winRate == 0.25)
        #expect(a.adjustedWinRate == 0.5)
    }

    @Test("pairwise against a baseline leaves the baseline out and counts only its matches")
    func baseline() {
        let judgments = [
            Self.game("a", "base", "81", game: 1, .a), Self.game("a", "base", "81", game: 2, .b),
            Self.game("c", "base", "81", game: 1, .b), Self.game("c", "base", "81", game: 2, .a),
            Self.game("a", "c", "81", game: 1, .a), Self.game("a", "c", "81", game: 2, .b),
        ]
        let summary = PairwiseSummary(runIds: ["a", "c", "base"], judgments: judgments, baseline: "base")
        #expect(summary.records.map(\.runId) == ["a", "c"])
        #expect(summary.matches == 2)
        #expect(summary.records[0].winRate == 1)
        #expect(summary.records[1].lossRate == 1)
    }

    @Test("the bootstrap resamples questions, so a question's ratings move together")
    func bootstrap() throws {
        let interval = try #require(Bootstrap.pooledMeanInterval([[1, 1], [9, 9]], resamples: 2000, seed: 3))
        #expect(interval.lowerBound == 1 && interval.upperBound == 9)
        #expect(Bootstrap.pooledMeanInterval([[5], [5], [5]], resamples: 50, seed: 0) == 5...5)
        #expect(Bootstrap.pooledMeanInterval([[], []], resamples: 50, seed: 0) == nil)
    }

    @Test("prices per million tokens")
    func cost() {
        let prices = TokenPrices(inputPerMillion: 2.5, outputPerMillion: 10)
        #expect(prices.cost(promptTokens: 1_000_000, completionTokens: 500_000) == 7.5)
    }

    @Test("rubric summaries: each criterion's mean over judged answers; unreadable verdicts and judge errors counted apart")
    func rubric() throws {
        func judgment(_ sample: String, _ verdict: JudgeVerdict?, rule: String = "last JSON object", error: CompletionError? = nil) -> Judgment {
            Judgment(
                runId: "r", sampleId: sample, turn: 1, category: "qa", promptName: "proctor-rubric", prompt: [],
                startedAt: Date(timeIntervalSince1970: 0), output: "", verdict: verdict, parseRule: rule, error: error, judgeModel: "j")
        }
        let scores = { (c: Double, f: Double) in JudgeVerdict.criteria([CriterionScore(name: "correctness", score: c), CriterionScore(name: "format", score: f)]) }
        let summary = RubricSummary(
            runId: "r",
            judgments: [
                judgment("1", scores(5, 4)), judgment("2", scores(3, 2)), judgment("3", nil, rule: "criteria missing or out of range"),
                judgment("4", nil, error: CompletionError(kind: .timeout, message: "slow")),
            ], resamples: 100, seed: 1)
        #expect(summary.criteria.map(\.name) == ["correctness", "format"])
        #expect(summary.criteria[0].score.mean == 4)
        #expect(summary.criteria[1].score.mean == 3)
        #expect(summary.judged == 2)
        #expect(summary.unparsed == ["criteria missing or out of range": 1])
        #expect(summary.judgeErrors == ["timeout": 1])
        #expect(summary.graded == nil)
        let grades = RubricSummary(
            runId: "r", judgments: [judgment("1", .grade(correct: true)), judgment("2", .grade(correct: false))], resamples: 10, seed: 1)
        #expect(grades.graded == Proportion(successes: 1, trials: 2))
    }
}

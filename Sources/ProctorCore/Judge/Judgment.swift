public import Foundation

/// One call to a judge about one answer (single grading) or one pair of answers (pairwise), as
/// stored: the prompt it was given, its raw output, the verdict parsed from it and the rule that
/// parsed it, or the transport failure that left the answer unjudged.
public struct Judgment: Sendable, Hashable {
    /// The run whose answer is judged; in pairwise grading, the run shown as assistant A in game 1.
    public var runId: String
    /// Pairwise grading: the other run; `nil` for single grading.
    public var opponentRunId: String?
    /// The question's sample id.
    public var sampleId: String
    /// The turn judged (1 or 2 in MT-bench).
    public var turn: Int
    /// Pairwise grading: 1 when `runId` is assistant A, 2 when the order is swapped; 1 for single.
    public var game: Int
    /// Which of the `--judge-samples` repeats this is, from 0.
    public var repeatIndex: Int
    /// The question's category, for per-category scores.
    public var category: String
    /// The judge prompt's name, e.g. `single-math-v1`.
    public var promptName: String
    /// The messages sent to the judge.
    public var prompt: [ChatMessage]
    /// When the judge was asked (UTC).
    public var startedAt: Date
    /// The judge's raw output, when it answered.
    public var output: String?
    /// What the output says, when a rule could read it.
    public var verdict: JudgeVerdict?
    /// The rule that read the verdict (`[[n]]`, `[n]`, `[[A]]`…) or why none could (`no rating`).
    public var parseRule: String
    /// Why the judge gave no output after its retries.
    public var error: CompletionError?
    /// The judge's token counts, when the server reported them.
    public var usage: TokenUsage?
    /// Seconds from sending to the last byte of the judge's answer.
    public var latency: Double?
    /// The model id the judge server reported (or its configured name).
    public var judgeModel: String

    /// Creates a judgment.
    public init(
        runId: String, opponentRunId: String? = nil, sampleId: String, turn: Int, game: Int = 1, repeatIndex: Int = 0,
        category: String, promptName: String, prompt: [ChatMessage], startedAt: Date, output: String?,
        verdict: JudgeVerdict?, parseRule: String, error: CompletionError? = nil, usage: TokenUsage? = nil,
        latency: Double? = nil, judgeModel: String
    ) {
        self.runId = runId
        self.opponentRunId = opponentRunId
        self.sampleId = sampleId
        self.turn = turn
        self.game = game
        self.repeatIndex = repeatIndex
        self.category = category
        self.promptName = promptName
        self.prompt = prompt
        self.startedAt = startedAt
        self.output = output
        self.verdict = verdict
        self.parseRule = parseRule
        self.error = error
        self.usage = usage
        self.latency = latency
        self.judgeModel = judgeModel
    }

    /// The identity of the question a judgment answers: one per (runs, sample, turn, game,
    /// repeat), so a resumed run judges only what has no judgment.
    public var key: JudgmentKey {
        JudgmentKey(
            runId: runId, opponentRunId: opponentRunId, sampleId: sampleId, turn: turn, game: game, repeatIndex: repeatIndex)
    }

    /// Whether the judgment counts: the judge answered and its verdict could be read.
    public var isValid: Bool { verdict != nil }
}

/// What identifies one judgment among a run's: see ``Judgment/key``.
public struct JudgmentKey: Sendable, Hashable {
    /// The judged run (pairwise: assistant A of game 1).
    public var runId: String
    /// The other run, in pairwise grading.
    public var opponentRunId: String?
    /// The question.
    public var sampleId: String
    /// The turn.
    public var turn: Int
    /// The order (pairwise).
    public var game: Int
    /// The repeat.
    public var repeatIndex: Int

    /// Creates a key.
    public init(runId: String, opponentRunId: String?, sampleId: String, turn: Int, game: Int, repeatIndex: Int) {
        self.runId = runId
        self.opponentRunId = opponentRunId
        self.sampleId = sampleId
        self.turn = turn
        self.game = game
        self.repeatIndex = repeatIndex
    }
}

/// What a judge decided.
public enum JudgeVerdict: Sendable, Hashable {
    /// A single-grading rating (FastChat's scale is 1–10, but a rating is not range-checked,
    /// exactly as FastChat does not check it).
    case rating(Double)
    /// A pairwise verdict, about the assistants as the prompt labelled them.
    case winner(PairWinner)
    /// Scores on named criteria (a rubric's 1–5 per criterion), in the rubric's order.
    case criteria([CriterionScore])
    /// A correct/incorrect grade (inspect's `GRADE: C|I`).
    case grade(correct: Bool)
}

/// One criterion's score in a rubric verdict.
public struct CriterionScore: Codable, Sendable, Hashable {
    /// The criterion, e.g. `correctness`.
    public var name: String
    /// Its score.
    public var score: Double

    /// Creates a score.
    public init(name: String, score: Double) {
        self.name = name
        self.score = score
    }
}

/// The winner of one pairwise game, in the labels the judge saw.
public enum PairWinner: String, Sendable, Hashable, Codable {
    /// Assistant A.
    case a = "A"
    /// Assistant B.
    case b = "B"
    /// A tie (`[[C]]`).
    case tie
}

/// Where judgments are kept and read back, for resuming and summarising.
public protocol JudgmentStore: Sendable {
    /// Stores one judgment, replacing an earlier one with the same key (a failed judgment that a
    /// resumed run judges again).
    func record(_ judgment: Judgment) async throws
    /// Every judgment about runs `runIds`: those whose `runId` or `opponentRunId` is among them.
    func judgments(runIds: [String]) async throws -> [Judgment]
}

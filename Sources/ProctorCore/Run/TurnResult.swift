public import Foundation

/// One turn of one sample as a benchmark's conversation produced it: what was sent, what came
/// back (or the transport failure that stopped it), and the verdicts. Runners hand these to a
/// ``ResultSink`` the moment they are known.
public struct TurnResult: Sendable, Hashable {
    /// The run.
    public var runId: String
    /// The sample's id within the dataset.
    public var sampleId: String
    /// The sample's position in the dataset.
    public var sampleIndex: Int
    /// The conversation turn, from 1.
    public var turn: Int
    /// Whether this is the conversation's last turn: a sample is finished once its final turn has
    /// an answer.
    public var isFinal: Bool
    /// When the request was sent (UTC).
    public var startedAt: Date
    /// The messages sent, the model's earlier answers included.
    public var prompt: [ChatMessage]
    /// The reference answer for this turn.
    public var reference: String
    /// The sample's categories (subject, level…).
    public var groups: [String: String]
    /// The answer, or why there is none.
    public var outcome: Result<Completion, CompletionError>
    /// Every extractor's verdict, when the turn was answered and is scored.
    public var score: SampleScore?
    /// The answer-cache key of the request, when the run caches answers.
    public var cacheKey: String?
    /// Whether the answer came from the cache instead of the model.
    public var isCached: Bool = false

    /// Creates a result for turn `turn` of `sample`.
    public init(
        runId: String, sample: EvalSample, turn: Int, isFinal: Bool, startedAt: Date, prompt: [ChatMessage],
        outcome: Result<Completion, CompletionError>, score: SampleScore?
    ) {
        self.runId = runId
        sampleId = sample.id
        sampleIndex = sample.index
        self.turn = turn
        self.isFinal = isFinal
        self.startedAt = startedAt
        self.prompt = prompt
        reference = sample.reference
        groups = sample.groups
        self.outcome = outcome
        self.score = score
    }
}

/// What is already stored of one sample's conversation, for resuming it turn by turn.
public struct StoredConversation: Sendable, Hashable {
    /// The text of every turn that has an answer, by turn number.
    public var answers: [Int: String]
    /// Whether the final turn has an answer, so the sample needs nothing more.
    public var isFinished: Bool

    /// Creates a stored conversation.
    public init(answers: [Int: String] = [:], isFinished: Bool = false) {
        self.answers = answers
        self.isFinished = isFinished
    }
}

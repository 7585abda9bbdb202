import Foundation
public import ProctorCore

/// One sample's conversation with the model, as a runner hands it to a ``Benchmark``: it sends a
/// turn (or recalls the stored answer when an earlier session already had it), times it, scores
/// it with the benchmark's closure, and records the result before returning.
///
/// ```swift
/// guard case .success(let first) = try await conversation.ask(turn: 1, messages: opening, isFinal: false, score: { _ in nil })
/// else { return }
/// let followUp = opening + [ChatMessage(role: .assistant, content: first), ChatMessage(role: .user, content: "And?")]
/// try await conversation.ask(turn: 2, messages: followUp, isFinal: true) { score($0) }
/// ```
public struct Conversation: Sendable {
    /// The sample being answered.
    public let sample: EvalSample
    /// The run's generation parameters.
    public let parameters: GenerationParameters
    private let runId: String
    private let client: any ChatCompleting
    private let stored: StoredConversation
    private let sink: any TurnSink
    private let caching: AnswerCaching?

    /// A conversation about `sample` in run `runId`, answered by `client`, recorded in `sink`;
    /// `stored` holds what earlier sessions answered, and `caching`, when given, answers requests
    /// identical to earlier ones from the store.
    public init(
        sample: EvalSample, runId: String, parameters: GenerationParameters, client: any ChatCompleting,
        stored: StoredConversation, sink: any TurnSink, caching: AnswerCaching? = nil
    ) {
        self.sample = sample
        self.runId = runId
        self.parameters = parameters
        self.client = client
        self.stored = stored
        self.sink = sink
        self.caching = caching
    }

    /// Sends turn `turn` as `messages` and records the result with `score`'s verdicts; a turn
    /// answered in an earlier session is not sent again, and its stored text is returned.
    /// `parameters`, when given, replaces the run's for this turn (MT-bench's per-category
    /// temperatures).
    ///
    /// - Returns: the answer's text, or the transport failure (already recorded) that stopped the
    ///   turn; the benchmark then sends no later turn.
    /// - Throws: `CancellationError` (nothing is recorded, so a resumed run sends the turn again),
    ///   or the sink's error.
    @discardableResult
    public func ask(
        turn: Int, messages: [ChatMessage], isFinal: Bool, parameters given: GenerationParameters? = nil,
        score: (String) -> SampleScore?
    ) async throws -> Result<String, CompletionError> {
        if let answer = stored.answers[turn] { return .success(answer) }
        let parameters = given ?? self.parameters
        let startedAt = Date()
        let cacheKey = caching?.key(messages: messages, parameters: parameters)
        var isCached = false
        let outcome: Result<Completion, CompletionError>
        if let cacheKey, let caching, let cached = try await caching.cache.cachedAnswer(key: cacheKey) {
            outcome = .success(cached)
            isCached = true
        } else {
            do {
                outcome = .success(
                    try await client.complete(
                        messages, parameters: parameters, context: RequestContext(sampleId: sample.id, turn: turn)))
            } catch let error as CompletionError {
                outcome = .failure(error)
            }
        }
        let verdicts = (try? outcome.get()).flatMap { score($0.text) }
        var result = TurnResult(
            runId: runId, sample: sample, turn: turn, isFinal: isFinal, startedAt: startedAt, prompt: messages,
            outcome: outcome, score: verdicts)
        result.cacheKey = cacheKey
        result.isCached = isCached
        try await sink.record(result)
        return outcome.map(\.text)
    }
}

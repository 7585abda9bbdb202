public import ProctorCore

/// A dataset with a named prompt protocol that runs each sample's conversation: it sends every
/// turn through the ``Conversation`` it is given (the model's own earlier answers in the history),
/// scores the answers, and records a result per turn. It never talks HTTP itself.
public protocol Benchmark: Sendable {
    /// The benchmark's name, e.g. `gsm8k`.
    var name: String { get }
    /// The prompt protocol's name, stored with the run, e.g. `gsm8k_cot`.
    var protocolName: String { get }
    /// Where the samples come from.
    var dataset: DatasetInfo { get }
    /// The extractors' names, primary first; every score has one output per name.
    var extractorNames: [String] { get }
    /// The generation parameters the protocol prescribes (stop sequences, token budget).
    var defaultParameters: GenerationParameters { get }
    /// Every sample, in dataset order.
    func samples() -> [EvalSample]
    /// Runs `sample`'s turns in `conversation`, which answers turns stored by an earlier session
    /// without sending them again.
    ///
    /// - Throws: `CancellationError`, or what the conversation's sink throws; a transport failure
    ///   is recorded as the turn's result, never thrown.
    func converse(_ sample: EvalSample, in conversation: Conversation) async throws
}

/// A benchmark whose samples are one question and one answer, scored without a judge: GSM8K,
/// MATH, JSONL tasks. Its conversation is a single turn; a load test can score its answers too.
public protocol SingleTurnBenchmark: Benchmark {
    /// Scores `response` against `sample`'s reference with every extractor.
    func score(response: String, for sample: EvalSample) -> SampleScore
}

extension SingleTurnBenchmark {
    /// One turn: `sample.messages`, scored by ``score(response:for:)``.
    public func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        try await conversation.ask(turn: 1, messages: sample.messages, isFinal: true) { response in
            score(response: response, for: sample)
        }
    }
}

import ProctorBenchmarks
import ProctorCore

/// A two-turn benchmark for tests: each sample asks a question, then asks the model to repeat
/// its own first answer, which is sent back in the history. Turn 2 is correct when it repeats
/// turn 1 exactly — so it can only be right if the history carried the first answer.
struct TwoTurnBenchmark: Benchmark {
    let count: Int

    var name: String { "two-turn" }
    var protocolName: String { "repeat-yourself" }
    var dataset: DatasetInfo { DatasetInfo(name: "two-turn", sha256: "two-turn-\(count)", count: count) }
    var extractorNames: [String] { ["repeated"] }
    var defaultParameters: GenerationParameters { GenerationParameters() }

    static let followUp = "Repeat your previous answer word for word."

    func samples() -> [EvalSample] {
        (0..<count).map { index in
            EvalSample(
                id: "chat-\(index)", index: index, messages: [ChatMessage(role: .user, content: "Question \(index)?")],
                reference: "")
        }
    }

    func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        guard case .success(let first) = try await conversation.ask(turn: 1, messages: sample.messages, isFinal: false, score: { _ in nil })
        else { return }
        let history = sample.messages + [
            ChatMessage(role: .assistant, content: first), ChatMessage(role: .user, content: Self.followUp),
        ]
        try await conversation.ask(turn: 2, messages: history, isFinal: true) { second in
            SampleScore(outputs: [ExtractorOutput(name: "repeated", extracted: second, normalized: second, correct: second == first)])
        }
    }
}

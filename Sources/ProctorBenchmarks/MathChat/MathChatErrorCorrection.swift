public import ProctorCore

/// MathChat error correction (`error_correction_llama.py`): the dataset's problem, a wrong answer
/// pre-filled as the assistant's, and "That's not quite right…"; the model writes the correction
/// (greedy, 300 tokens, no system message), scored against GSM8K's `####` answer by Proctor's
/// rule (extractor `correction`). Rows whose dialogue does not have exactly two A turns are left
/// out, as upstream (1,313 of 1,319 remain).
public struct MathChatErrorCorrection: SingleTurnBenchmark {
    /// `mathchat-error-correction`.
    public let name = "mathchat-error-correction"
    /// `mathchat_proctor`.
    public let protocolName = "mathchat_proctor"
    /// The bundled file.
    public let dataset: DatasetInfo
    /// `correction`.
    public let extractorNames = ["correction"]
    private let rows: [MathChatData.Row]

    /// The bundled rows with two A turns.
    public init() throws(DatasetError) {
        let loaded = try MathChatData.load(.errorCorrection)
        rows = loaded.rows.filter { $0.a.count == 2 && !$0.b.isEmpty }
        dataset = loaded.info
    }

    /// Greedy, 300 tokens.
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0, maxTokens: 300) }

    /// One sample per kept row: `correction-N` with the three-message conversation.
    public func samples() -> [EvalSample] {
        rows.map { row in
            EvalSample(
                id: "correction-\(row.index)", index: row.index,
                messages: [
                    ChatMessage(role: .user, content: row.a[0]), ChatMessage(role: .assistant, content: row.b[0]),
                    ChatMessage(role: .user, content: row.a[1]),
                ],
                reference: MathChatAnswers.gsm8kGold(row.answer).map { String($0) } ?? "")
        }
    }

    /// The correction's last number against the GSM8K answer.
    public func score(response: String, for sample: EvalSample) -> SampleScore {
        SampleScore(outputs: [MathChatAnswers.score(response, gold: Double(sample.reference), name: "correction")])
    }
}

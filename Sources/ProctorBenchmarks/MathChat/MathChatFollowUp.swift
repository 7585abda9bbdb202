public import ProctorCore

/// MathChat follow-up QA (`followup_llama.py`): three rounds in one conversation, greedy, 400
/// tokens each, no system message. Round 1 asks "Solve this problem: " + the question; rounds 2
/// and 3 add the dataset's two follow-up questions after the model's own earlier answers (the
/// reference answers are never shown). Each round is scored by its own extractor, `round-1`…`3`,
/// so the summary gives accuracy per round; a round whose reference has no `\ANSWER{}` is
/// unscored for that row and counted apart. Proctor's extraction (protocol `mathchat_proctor`),
/// not comparable with the paper's unpublished one.
public struct MathChatFollowUp: Benchmark {
    /// `mathchat-followup`.
    public let name = "mathchat-followup"
    /// `mathchat_proctor`.
    public let protocolName = "mathchat_proctor"
    /// The bundled file.
    public let dataset: DatasetInfo
    /// One extractor per round.
    public let extractorNames = ["round-1", "round-2", "round-3"]
    private let rows: [MathChatData.Row]
    private let rowsByIndex: [Int: MathChatData.Row]

    /// The bundled follow-up QA rows that have two follow-up questions (all 1,319).
    public init() throws(DatasetError) {
        let loaded = try MathChatData.load(.followUp)
        rows = loaded.rows.filter { $0.a.count == 2 }
        rowsByIndex = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0) })
        dataset = loaded.info
    }

    /// Greedy, 400 tokens, no seed (the authors' vLLM call).
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0, maxTokens: 400) }

    /// One sample per row: `followup-N`, the first round's message.
    public func samples() -> [EvalSample] {
        rows.map { row in
            EvalSample(
                id: "followup-\(row.index)", index: row.index,
                messages: [ChatMessage(role: .user, content: "Solve this problem: " + row.question)],
                reference: golds(row).map { $0.map { String($0) } ?? "–" }.joined(separator: " | "))
        }
    }

    /// The gold of each round: GSM8K's `####`, then the `\ANSWER{}` of each reference turn.
    func golds(_ row: MathChatData.Row) -> [Double?] {
        [MathChatAnswers.gsm8kGold(row.answer)] + (0..<2).map { row.b.indices.contains($0) ? MathChatAnswers.answerTag(row.b[$0]) : nil }
    }

    /// The row behind `sample`.
    func row(for sample: EvalSample) -> MathChatData.Row? {
        rowsByIndex[sample.index]
    }

    /// Three rounds, each with the model's earlier answers in the conversation.
    public func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        guard let row = row(for: sample) else { return }
        let golds = golds(row)
        var messages = sample.messages
        for round in 1...3 {
            if round > 1 { messages.append(ChatMessage(role: .user, content: row.a[round - 2])) }
            let answer = try await conversation.ask(turn: round, messages: messages, isFinal: round == 3) { response in
                SampleScore(outputs: [MathChatAnswers.score(response, gold: golds[round - 1], name: "round-\(round)")])
            }
            guard case .success(let text) = answer else { return }
            messages.append(ChatMessage(role: .assistant, content: text))
        }
    }
}

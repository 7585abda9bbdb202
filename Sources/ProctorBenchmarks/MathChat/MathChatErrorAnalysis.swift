public import ProctorCore

/// MathChat error analysis (`error_analysis_llama.py`), roles reversed: the user asks to be given
/// a problem and corrected, the model has "given" the problem (A's first turn, as the assistant),
/// and the user answers with a wrong solution (B's first turn); the model must find and fix the
/// error without being told there is one (greedy, 500 tokens, no system message). A judge scores
/// instruction following, error diagnosis and solution accuracy 1–5 (``MathChatJudgePrompts``).
/// Rows whose dialogue does not have exactly two A turns are left out, as upstream (1,221 remain).
public struct MathChatErrorAnalysis: JudgedBenchmark {
    /// The user's opening, verbatim from the authors' script.
    public static let opening =
        "Please give me a math problem and I will answer that. You need to analyze my solution and correct it if I make errors."

    /// `mathchat-error-analysis`.
    public let name = "mathchat-error-analysis"
    /// `mathchat_proctor`.
    public let protocolName = "mathchat_proctor"
    /// The bundled file.
    public let dataset: DatasetInfo
    /// None: a judge grades the answers.
    public let extractorNames: [String] = []
    private let rows: [Int: MathChatData.Row]
    private let order: [Int]

    /// The bundled rows with two A turns.
    public init() throws(DatasetError) {
        let loaded = try MathChatData.load(.errorAnalysis)
        let kept = loaded.rows.filter { $0.a.count == 2 && !$0.b.isEmpty }
        rows = Dictionary(uniqueKeysWithValues: kept.map { ($0.index, $0) })
        order = kept.map(\.index)
        dataset = loaded.info
    }

    /// Greedy, 500 tokens.
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0, maxTokens: 500) }

    /// One sample per kept row: `analysis-N`, the reversed conversation.
    public func samples() -> [EvalSample] {
        order.compactMap { rows[$0] }.map { row in
            EvalSample(
                id: "analysis-\(row.index)", index: row.index,
                messages: [
                    ChatMessage(role: .user, content: Self.opening), ChatMessage(role: .assistant, content: row.a[0]),
                    ChatMessage(role: .user, content: row.b[0]),
                ],
                reference: row.a[1], groups: ["category": "error analysis"])
        }
    }

    /// One turn, the model's analysis.
    public func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        try await conversation.ask(turn: 1, messages: sample.messages, isFinal: true) { _ in nil }
    }

    /// One rubric request: problem, GSM8K solution, the wrong attempt and the model's analysis.
    public func judgeRequests(for sample: EvalSample, answers: [Int: String]) throws -> [JudgeRequest] {
        guard let answer = answers[1], let row = rows[sample.index] else { return [] }
        let prompt = MathChatJudgePrompts.errorAnalysis(
            question: row.question, reference: row.answer, wrongAttempt: row.b[0], prediction: answer)
        return [
            JudgeRequest(
                turn: 1, promptName: "mathchat-error-analysis", messages: [ChatMessage(role: .user, content: prompt)],
                format: .criteria(MathChatJudgePrompts.errorAnalysisCriteria))
        ]
    }
}

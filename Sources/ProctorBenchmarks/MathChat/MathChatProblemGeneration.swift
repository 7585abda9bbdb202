public import ProctorCore

/// MathChat problem generation (`p2p_generation.py`): the task instruction, the assistant's
/// "Understood, please give me the seed problem.", then the seed problem and its GSM8K solution
/// (calculator annotations and `####` included); the model writes a new problem and its solution
/// (greedy, 1,024 tokens, no system message). A judge scores instruction following, problem
/// quality and solution accuracy 1–5, with GPT-4's generated problem as the example.
///
/// Known deviation: upstream renders the prompt without a generation prompt, so the model continues
/// the user turn; a chat API always opens an assistant turn, which Proctor cannot avoid.
public struct MathChatProblemGeneration: JudgedBenchmark {
    /// The task instruction, verbatim from the authors' script.
    public static let instruction =
        "Your task is to create a new math problem based on a given seed problem. The generated problems should either explore the same topic in greater depth or apply the same mathematical principles in a different context. Each problem should be accompanied by a detailed solution that demonstrates the correct application of the mathematical principles involved."

    /// `mathchat-problem-generation`.
    public let name = "mathchat-problem-generation"
    /// `mathchat_proctor`.
    public let protocolName = "mathchat_proctor"
    /// The bundled file.
    public let dataset: DatasetInfo
    /// None: a judge grades the answers.
    public let extractorNames: [String] = []
    private let rows: [MathChatData.Row]

    /// All 1,319 rows.
    public init() throws(DatasetError) {
        let loaded = try MathChatData.load(.problemGeneration)
        rows = loaded.rows
        dataset = loaded.info
    }

    /// Greedy, 1,024 tokens.
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0, maxTokens: 1024) }

    /// One sample per row: `generation-N`.
    public func samples() -> [EvalSample] {
        rows.map { row in
            EvalSample(
                id: "generation-\(row.index)", index: row.index,
                messages: [
                    ChatMessage(role: .user, content: Self.instruction),
                    ChatMessage(role: .assistant, content: "Understood, please give me the seed problem."),
                    ChatMessage(role: .user, content: "Seed problem: " + row.question + " Solution: " + row.answer + "\n"),
                ],
                reference: row.text, groups: ["category": "problem generation"])
        }
    }

    /// One turn, the new problem and its solution.
    public func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        try await conversation.ask(turn: 1, messages: sample.messages, isFinal: true) { _ in nil }
    }

    /// One rubric request: the seed, its solution, GPT-4's example and the model's problem.
    public func judgeRequests(for sample: EvalSample, answers: [Int: String]) throws -> [JudgeRequest] {
        guard let answer = answers[1], rows.indices.contains(sample.index) else { return [] }
        let row = rows[sample.index]
        let prompt = MathChatJudgePrompts.problemGeneration(
            seedProblem: row.question, seedSolution: row.answer, reference: row.text, prediction: answer)
        return [
            JudgeRequest(
                turn: 1, promptName: "mathchat-problem-generation", messages: [ChatMessage(role: .user, content: prompt)],
                format: .criteria(MathChatJudgePrompts.problemGenerationCriteria))
        ]
    }
}

public import ProctorCore

/// MT-bench as FastChat generates its answers (`gen_api_answer.py`): each question's first
/// turn, then its second with the model's own first answer in the conversation, at the
/// category's temperature and at most 1,024 new tokens. Answers are not scored here: a judge
/// grades them afterwards (``MTBenchJudging``).
///
/// No system message is sent: FastChat picks one by matching the model's name against its
/// templates, which a server already does with the model's own chat template.
public struct MTBenchBenchmark: JudgedBenchmark {
    /// How the sampling temperature is chosen.
    public enum TemperatureRule: String, Sendable, CaseIterable {
        /// FastChat's per-category temperatures (protocol `fastchat`).
        case perCategory = "fastchat"
        /// The run's temperature for every question, as FastChat's `--force-temperature`
        /// (protocol `fixed_temperature`).
        case fixed = "fixed_temperature"
    }

    /// The questions, in FastChat's order.
    public let questions: [MTBenchQuestion]
    /// The temperature rule.
    public let temperatureRule: TemperatureRule
    /// `mt-bench`.
    public let name = "mt-bench"
    /// The bundled question file and its digest.
    public let dataset: DatasetInfo
    /// No extractor: a judge grades the answers.
    public let extractorNames: [String] = []
    /// FastChat's judge prompts, filled per question.
    public let judging: MTBenchJudging

    /// MT-bench with the bundled questions and judge prompts.
    public init(temperatureRule: TemperatureRule = .perCategory) throws(DatasetError) {
        let loaded = try MTBenchDataset.load()
        questions = loaded.questions
        dataset = loaded.info
        judging = MTBenchJudging(prompts: try JudgePromptSet.fastChat())
        self.temperatureRule = temperatureRule
    }

    /// FastChat's single grading: one `[[n]]` rating per answered turn (turn 2 only when turn 1
    /// was answered too, as its prompt shows the whole conversation).
    public func judgeRequests(for sample: EvalSample, answers: [Int: String]) throws -> [JudgeRequest] {
        guard let question = question(for: sample) else { return [] }
        var requests: [JudgeRequest] = []
        for turn in 1...question.turns.count {
            let texts = (1...turn).compactMap { answers[$0] }
            guard texts.count == turn else { break }
            let request = try judging.single(question, answers: texts, turn: turn)
            requests.append(JudgeRequest(turn: turn, promptName: request.promptName, messages: request.messages, format: .rating))
        }
        return requests
    }

    /// The protocol name stored with the run.
    public var protocolName: String { temperatureRule.rawValue }

    /// FastChat's defaults: 1,024 new tokens; the temperature is the category's (or the run's,
    /// with the `fixed_temperature` protocol, 0.7 unless `--temperature` says otherwise).
    public var defaultParameters: GenerationParameters { GenerationParameters(temperature: 0.7, maxTokens: 1024) }

    /// One sample per question: id `81`…`160`, the first turn as its messages, the category as
    /// its group.
    public func samples() -> [EvalSample] {
        questions.enumerated().map { index, question in
            EvalSample(
                id: question.sampleId, index: index, messages: [ChatMessage(role: .user, content: question.turns[0])],
                reference: "", groups: ["category": question.category])
        }
    }

    /// The question behind `sample`.
    public func question(for sample: EvalSample) -> MTBenchQuestion? {
        questions.indices.contains(sample.index) && questions[sample.index].sampleId == sample.id
            ? questions[sample.index] : questions.first { $0.sampleId == sample.id }
    }

    /// Sends the question's turns in order, each with the earlier answers in the conversation.
    public func converse(_ sample: EvalSample, in conversation: Conversation) async throws {
        guard let question = question(for: sample) else { return }
        var parameters = conversation.parameters
        if temperatureRule == .perCategory { parameters.temperature = MTBenchDataset.temperature(for: question.category) }
        var messages: [ChatMessage] = []
        for (offset, text) in question.turns.enumerated() {
            messages.append(ChatMessage(role: .user, content: text))
            let turn = offset + 1
            let answer = try await conversation.ask(
                turn: turn, messages: messages, isFinal: turn == question.turns.count, parameters: parameters, score: { _ in nil })
            guard case .success(let text) = answer else { return }
            messages.append(ChatMessage(role: .assistant, content: text))
        }
    }
}

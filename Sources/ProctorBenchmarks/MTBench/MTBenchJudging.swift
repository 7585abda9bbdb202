public import ProctorCore

/// Builds FastChat's judge requests for MT-bench (`common.py` `run_judge_single` and
/// `run_judge_pair`): which of the eight prompts, filled with which question, answers and
/// reference answers.
///
/// Reference answers are GPT-4's, for math, reasoning and coding only, whoever the judge is
/// (FastChat looks them up by the judge's name, so any other judge needs the same file copied
/// under its own name); the `reference` field of `question.jsonl` is never shown to the judge.
public struct MTBenchJudging: Sendable {
    /// One request to a judge.
    public struct Request: Sendable, Hashable {
        /// The prompt's name.
        public var promptName: String
        /// The messages to send.
        public var messages: [ChatMessage]
    }

    /// The prompts.
    public let prompts: JudgePromptSet

    /// Judging with FastChat's bundled prompts.
    public init(prompts: JudgePromptSet) {
        self.prompts = prompts
    }

    /// The single-grading request for turn `turn` of `question`, whose answers (by turn) are
    /// `answers`: turn 1 with `single-v1` or `single-math-v1`, turn 2 with the multi-turn prompts,
    /// which show the whole conversation.
    public func single(_ question: MTBenchQuestion, answers: [String], turn: Int) throws(JudgePromptError) -> Request {
        let multiTurn = turn > 1
        let name = (question.needsReference ? "single-math-v1" : "single-v1") + (multiTurn ? "-multi-turn" : "")
        var values = try references(question, multiTurn: multiTurn, prompt: name)
        if multiTurn {
            values["question_1"] = question.turns[0]
            values["question_2"] = question.turns[safe: 1] ?? ""
            values["answer_1"] = answers[safe: 0] ?? ""
            values["answer_2"] = answers[safe: 1] ?? ""
        } else {
            values["question"] = question.turns[0]
            values["answer"] = answers[safe: 0] ?? ""
        }
        return Request(promptName: name, messages: try prompts.prompt(name).messages(values))
    }

    /// The pairwise request for turn `turn`, assistant A answering `answersA` and B `answersB`:
    /// `pair-v2` or `pair-math-v1`, and their multi-turn forms for turn 2.
    public func pair(
        _ question: MTBenchQuestion, answersA: [String], answersB: [String], turn: Int
    ) throws(JudgePromptError) -> Request {
        let multiTurn = turn > 1
        let name = (question.needsReference ? "pair-math-v1" : "pair-v2") + (multiTurn ? "-multi-turn" : "")
        var values = try references(question, multiTurn: multiTurn, prompt: name)
        if multiTurn {
            values["question_1"] = question.turns[0]
            values["question_2"] = question.turns[safe: 1] ?? ""
            values["answer_a_1"] = answersA[safe: 0] ?? ""
            values["answer_b_1"] = answersB[safe: 0] ?? ""
            values["answer_a_2"] = answersA[safe: 1] ?? ""
            values["answer_b_2"] = answersB[safe: 1] ?? ""
        } else {
            values["question"] = question.turns[0]
            values["answer_a"] = answersA[safe: 0] ?? ""
            values["answer_b"] = answersB[safe: 0] ?? ""
        }
        return Request(promptName: name, messages: try prompts.prompt(name).messages(values))
    }

    private func references(
        _ question: MTBenchQuestion, multiTurn: Bool, prompt: String
    ) throws(JudgePromptError) -> [String: String] {
        guard question.needsReference else { return [:] }
        guard let references = question.referenceAnswers, !references.isEmpty else {
            throw JudgePromptError(prompt: prompt, message: "question \(question.id) needs a reference answer and has none")
        }
        var values = ["ref_answer_1": references[0]]
        if multiTurn { values["ref_answer_2"] = references[safe: 1] ?? "" }
        return values
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

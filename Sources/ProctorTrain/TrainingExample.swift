public import ProctorCore

/// One supervised example: the chat messages a model is given and the answer it should learn, in
/// the prompt/completion form TRL's `SFTTrainer` trains on with completion-only loss.
public struct TrainingExample: Sendable, Hashable {
    /// A stable id within its source (`train-17`, or the JSONL line's `id`).
    public var id: String
    /// The conversation up to the answer.
    public var prompt: [ChatMessage]
    /// The assistant's answer to learn.
    public var completion: String

    /// Creates an example.
    public init(id: String, prompt: [ChatMessage], completion: String) {
        self.id = id
        self.prompt = prompt
        self.completion = completion
    }

    /// The last user message, the text compared with an evaluation set's questions.
    public var question: String { prompt.last { $0.role == .user }?.content ?? "" }
}

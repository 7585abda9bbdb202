/// One MT-bench question: two user turns in a category, with GPT-4's reference answers for the
/// categories FastChat judges against a reference.
public struct MTBenchQuestion: Sendable, Hashable {
    /// FastChat's `question_id` (81–160).
    public var id: Int
    /// `writing`, `roleplay`, `reasoning`, `math`, `coding`, `extraction`, `stem` or `humanities`.
    public var category: String
    /// The user's two turns.
    public var turns: [String]
    /// GPT-4's answers to both turns, for math, reasoning and coding (`reference_answer/gpt-4.jsonl`).
    public var referenceAnswers: [String]?

    /// Creates a question.
    public init(id: Int, category: String, turns: [String], referenceAnswers: [String]? = nil) {
        self.id = id
        self.category = category
        self.turns = turns
        self.referenceAnswers = referenceAnswers
    }

    /// The sample id Proctor stores, FastChat's id as text.
    public var sampleId: String { String(id) }

    /// Whether FastChat judges this question with a reference answer (`NEED_REF_CATS`).
    public var needsReference: Bool { MTBenchDataset.referenceCategories.contains(category) }
}

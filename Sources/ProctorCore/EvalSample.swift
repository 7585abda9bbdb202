/// One question of a benchmark, ready to send: the prompt messages and the reference answer.
public struct EvalSample: Sendable, Hashable {
    /// A stable identifier within the dataset, e.g. `"test-17"`; results are keyed by it.
    public var id: String
    /// Position of the sample in the dataset file (0-based).
    public var index: Int
    /// The messages to send, few-shot turns included.
    public var messages: [ChatMessage]
    /// The reference answer as the benchmark's scorer expects it (empty when there is none).
    public var reference: String
    /// Categories the summary breaks accuracy down by, e.g. `["subject": "Algebra", "level": "3"]`.
    public var groups: [String: String]

    /// Creates a sample.
    public init(id: String, index: Int, messages: [ChatMessage], reference: String, groups: [String: String] = [:]) {
        self.id = id
        self.index = index
        self.messages = messages
        self.reference = reference
        self.groups = groups
    }
}

/// Token counts as the server reports them in its `usage` object.
public struct TokenUsage: Codable, Sendable, Hashable {
    /// Tokens in the prompt.
    public var promptTokens: Int
    /// Tokens the model generated.
    public var completionTokens: Int

    /// Creates a usage record.
    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// Prompt and completion tokens together.
    public var totalTokens: Int { promptTokens + completionTokens }
}

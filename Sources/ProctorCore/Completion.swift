/// One finished answer from a chat endpoint, with what it cost and when its parts arrived.
public struct Completion: Codable, Sendable, Hashable {
    /// The generated text, concatenated over all chunks.
    public var text: String
    /// Why generation ended (`stop`, `length`, …) as the server said, if it said.
    public var finishReason: String?
    /// Token counts from the server's `usage`, if it sent them.
    public var usage: TokenUsage?
    /// Arrival times of the response's parts.
    public var timings: RequestTimings
    /// The model id the server reported in its response.
    public var model: String?
    /// How many attempts it took (1 when the first try succeeded).
    public var attempts: Int

    /// Creates a completion.
    public init(
        text: String, finishReason: String?, usage: TokenUsage?, timings: RequestTimings, model: String?, attempts: Int
    ) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.timings = timings
        self.model = model
        self.attempts = attempts
    }
}

/// The stored result of one sample, reduced to what a summary needs.
public struct SampleOutcome: Sendable, Hashable {
    /// Extractor verdicts, or `nil` when the request failed.
    public var score: SampleScore?
    /// Why the request failed, or `nil` when it succeeded.
    public var errorKind: CompletionError.Kind?
    /// Token counts reported by the server.
    public var usage: TokenUsage?
    /// Arrival times, when the request succeeded.
    public var timings: RequestTimings?
    /// The sample's categories (subject, level…).
    public var groups: [String: String]
    /// Whether the answer was reused (from the answer cache, or the run it re-judges).
    public var isCached: Bool = false
    /// The sample the turn belongs to, so a multi-turn run counts samples, not turns.
    public var sampleId: String?

    /// Creates an outcome.
    public init(
        score: SampleScore?, errorKind: CompletionError.Kind?, usage: TokenUsage?, timings: RequestTimings?,
        groups: [String: String] = [:]
    ) {
        self.score = score
        self.errorKind = errorKind
        self.usage = usage
        self.timings = timings
        self.groups = groups
    }
}

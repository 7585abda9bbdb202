/// One request of a load test, as measured on the monotonic clock. Times are seconds from the
/// start of its load level; `timings` are relative to `sent`.
public struct LoadRequestSample: Codable, Sendable, Hashable {
    /// The load level (0-based step of the run).
    public var level: Int
    /// The request's number within the level.
    public var index: Int
    /// When the schedule wanted it sent (closed loop: when its user was ready).
    public var scheduled: Double
    /// When it was actually sent; `sent − scheduled` is the client's own lateness.
    public var sent: Double
    /// When the last byte arrived or the request failed.
    public var ended: Double
    /// Chunk arrival times relative to `sent`, for successful requests.
    public var timings: RequestTimings?
    /// Prompt tokens from the server's usage.
    public var promptTokens: Int?
    /// Output tokens from the server's usage.
    public var outputTokens: Int?
    /// The last HTTP status seen.
    public var httpStatus: Int?
    /// The error class, for failed requests.
    public var errorKind: String?
    /// What went wrong, in words (the client's message, or JMeter's text on import), for failed
    /// requests; at most ``maximumMessageLength`` characters.
    public var errorMessage: String?
    /// Whether the answer was right, when the workload is scored.
    public var correct: Bool?

    /// Creates a sample.
    public init(
        level: Int, index: Int, scheduled: Double, sent: Double, ended: Double, timings: RequestTimings?,
        promptTokens: Int?, outputTokens: Int?, httpStatus: Int?, errorKind: String?, errorMessage: String? = nil, correct: Bool? = nil
    ) {
        self.level = level
        self.index = index
        self.scheduled = scheduled
        self.sent = sent
        self.ended = ended
        self.timings = timings
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
        self.httpStatus = httpStatus
        self.errorKind = errorKind
        self.errorMessage = errorMessage.map { String($0.prefix(Self.maximumMessageLength)) }
        self.correct = correct
    }

    /// The longest message kept: enough to tell one failure from another, bounded so that a
    /// failing server's long error pages cannot grow a run without limit.
    public static let maximumMessageLength = 300

    /// Success as vllm defines it: no error and at least one chunk with choices (or a whole response).
    public var succeeded: Bool { errorKind == nil && timings != nil }

    /// Output tokens as vllm counts them: the server's figure when non-zero, else 1.
    public var outputLength: Int { max(outputTokens ?? 0, 1) }
}

/// Where a running evaluation stands, reported after every finished sample.
public struct EvalProgress: Sendable, Hashable {
    /// Samples with a result, earlier sessions of a resumed run included.
    public var completed: Int
    /// Samples in the run.
    public var total: Int
    /// Samples finished in this session (for the rate).
    public var completedThisSession: Int
    /// Failed requests so far in this session.
    public var errors: Int
    /// Correct answers (primary extractor) so far in this session.
    public var correct: Int
    /// Seconds since this session started.
    public var elapsed: Double

    /// Samples per second in this session.
    public var rate: Double { elapsed > 0 ? Double(completedThisSession) / elapsed : 0 }

    /// Estimated seconds left at the current rate, or `nil` before the first result.
    public var estimatedSecondsLeft: Double? {
        guard rate > 0 else { return nil }
        return Double(total - completed) / rate
    }
}

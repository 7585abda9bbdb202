/// How a failed request is tried again: exponential backoff with jitter, honouring a server's
/// `Retry-After` on 429 and 503.
///
/// ```swift
/// var policy = RetryPolicy.default
/// policy.maxAttempts = 1 // no retries, as load tests want
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included. Default 4.
    public var maxAttempts: Int
    /// The wait before the second attempt; it doubles for each attempt after. Default 0.5 s.
    public var baseDelay: Duration
    /// The longest computed backoff. Default 10 s.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; longer requests are cut to this. Default 60 s.
    public var maxRetryAfter: Duration

    /// Creates a policy.
    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, maxRetryAfter: Duration) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Four attempts, 0.5 s doubling to at most 10 s, `Retry-After` up to 60 s.
    public static let `default` = RetryPolicy(
        maxAttempts: 4, baseDelay: .milliseconds(500), maxDelay: .seconds(10), maxRetryAfter: .seconds(60))

    /// A single attempt.
    public static let none = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, maxRetryAfter: .zero)

    /// The wait before attempt `attempt + 1`, after `attempt` (1-based) failed.
    ///
    /// With a server's `retryAfter` the wait is exactly that (capped at ``maxRetryAfter``);
    /// otherwise it is `min(maxDelay, baseDelay · 2^(attempt−1))` scaled by a random factor in
    /// [0.5, 1], so that many clients do not retry in lockstep.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?, jitter: Double = Double.random(in: 0.5...1)) -> Duration {
        if let retryAfter { return min(retryAfter, maxRetryAfter) }
        let exponent = min(max(attempt - 1, 0), 30)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        return backoff * jitter
    }
}

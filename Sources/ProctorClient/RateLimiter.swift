/// Spaces requests to a provider's limits, shared by every request of one client: at most
/// `requestsPerSecond` starts per second, at most `tokensPerMinute` tokens per minute (estimated
/// from the prompt before sending, corrected by the server's `usage` after), and nothing at all
/// while a `429`'s `Retry-After` runs, so one rate-limit answer slows every request, not only the
/// one that got it.
///
/// ```swift
/// let limiter = RateLimiter(requestsPerSecond: 10, tokensPerMinute: 30_000)
/// let client = ChatClient(endpoint: judge, rateLimiter: limiter)
/// ```
public actor RateLimiter {
    /// The most request starts per second, or `nil` for no limit.
    public let requestsPerSecond: Double?
    /// The most tokens per minute, or `nil` for no limit.
    public let tokensPerMinute: Int?
    private var nextStart: ContinuousClock.Instant
    private var pausedUntil: ContinuousClock.Instant
    private var tokenBalance: Double
    private var balanceAt: ContinuousClock.Instant
    /// How many `429` pauses were taken.
    public private(set) var pauses = 0

    /// A limiter; with neither limit it only honours `Retry-After`.
    public init(requestsPerSecond: Double? = nil, tokensPerMinute: Int? = nil) {
        self.requestsPerSecond = requestsPerSecond
        self.tokensPerMinute = tokensPerMinute
        let now = ContinuousClock.now
        nextStart = now
        pausedUntil = now
        tokenBalance = Double(tokensPerMinute ?? 0)
        balanceAt = now
    }

    /// Waits until a request of about `estimatedTokens` may start, and books it.
    ///
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    public func admit(estimatedTokens: Int) async throws {
        while true {
            let now = ContinuousClock.now
            refill(now)
            var start = max(now, nextStart, pausedUntil)
            if let tokensPerMinute {
                let needed = Double(min(estimatedTokens, tokensPerMinute))
                if tokenBalance < needed {
                    let perSecond = Double(tokensPerMinute) / 60
                    start = max(start, now + .milliseconds(Int64(((needed - tokenBalance) / perSecond * 1000).rounded(.up))))
                }
            }
            if start <= now {
                if let requestsPerSecond { nextStart = now + .milliseconds(Int64((1000 / requestsPerSecond).rounded())) }
                if tokensPerMinute != nil { tokenBalance -= Double(estimatedTokens) }
                return
            }
            try await Task.sleep(until: start, clock: .continuous)
        }
    }

    /// Corrects the token budget once the server reported what a request really used.
    public func settle(estimatedTokens: Int, actualTokens: Int) {
        guard tokensPerMinute != nil else { return }
        tokenBalance -= Double(actualTokens - estimatedTokens)
    }

    /// Holds every request back for `duration`, as a `429`'s `Retry-After` asks.
    public func backOff(for duration: Duration) {
        let until = ContinuousClock.now + duration
        if until > pausedUntil {
            pausedUntil = until
            pauses += 1
        }
    }

    private func refill(_ now: ContinuousClock.Instant) {
        guard let tokensPerMinute else { return }
        let elapsed = (now - balanceAt)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokenBalance = min(Double(tokensPerMinute), tokenBalance + seconds * Double(tokensPerMinute) / 60)
        balanceAt = now
    }

    /// A rough token count of `messages` before the server counts them: four characters a token.
    public static func estimateTokens(of characters: Int) -> Int { max(1, characters / 4) }
}

import ProctorClient
import Testing

/// The judge's limits: request starts spaced to the rate, token budgets per minute, and a pause
/// for every request after a 429.
@Suite("Rate limiter")
struct RateLimiterTests {
    @Test("requests per second space the starts")
    func requestSpacing() async throws {
        let limiter = RateLimiter(requestsPerSecond: 20)
        let start = ContinuousClock.now
        for _ in 0..<5 { try await limiter.admit(estimatedTokens: 1) }
        // Starts at 0, 50, 100, 150 and 200 ms.
        #expect(ContinuousClock.now - start >= .milliseconds(195))
    }

    @Test("a token budget per minute holds back a request that does not fit")
    func tokenBudget() async throws {
        let limiter = RateLimiter(tokensPerMinute: 6000)  // 100 tokens a second
        let start = ContinuousClock.now
        try await limiter.admit(estimatedTokens: 6000)
        #expect(ContinuousClock.now - start < .milliseconds(100))
        try await limiter.admit(estimatedTokens: 30)
        #expect(ContinuousClock.now - start >= .milliseconds(290))
    }

    @Test("a 429's Retry-After holds every request back")
    func backOff() async throws {
        let limiter = RateLimiter()
        await limiter.backOff(for: .milliseconds(300))
        let start = ContinuousClock.now
        try await limiter.admit(estimatedTokens: 1)
        #expect(ContinuousClock.now - start >= .milliseconds(280))
        #expect(await limiter.pauses == 1)
    }
}

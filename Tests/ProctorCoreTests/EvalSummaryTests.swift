import ProctorCore
import Testing

@Suite("Evaluation summary")
struct EvalSummaryTests {
    func scored(_ strict: Bool, _ flexible: Bool, strictFound: Bool = true, latency: Double = 1) -> SampleOutcome {
        SampleOutcome(
            score: SampleScore(outputs: [
                ExtractorOutput(name: "strict", extracted: strictFound ? "1" : nil, normalized: "1", correct: strict),
                ExtractorOutput(name: "flexible", extracted: "1", normalized: "1", correct: flexible),
            ]),
            errorKind: nil, usage: TokenUsage(promptTokens: 100, completionTokens: 10),
            timings: RequestTimings(chunkArrivals: [latency / 10, latency], completed: latency))
    }

    @Test("errors are counted and excluded from accuracy; tokens and latency come from successes only")
    func errorsExcluded() {
        let outcomes = [
            scored(true, true, latency: 1), scored(false, true, latency: 2), scored(false, false, strictFound: false, latency: 3),
            SampleOutcome(score: nil, errorKind: .timeout, usage: nil, timings: nil),
            SampleOutcome(score: nil, errorKind: .serverError, usage: nil, timings: nil),
        ]
        let summary = EvalSummary(outcomes: outcomes, extractorNames: ["strict", "flexible"], wallSeconds: 10)
        #expect(summary.samples == 5)
        #expect(summary.scored == 3)
        #expect(summary.errors == 2)
        #expect(summary.errorsByKind == ["timeout": 1, "server_error": 1])
        #expect(summary.extractors[0].accuracy == Proportion(successes: 1, trials: 3))
        #expect(summary.extractors[0].unscorable == 1)
        #expect(summary.extractors[1].accuracy == Proportion(successes: 2, trials: 3))
        #expect(summary.promptTokens == 300)
        #expect(summary.completionTokens == 30)
        #expect(summary.latency.median == 2)
        #expect(summary.requestsPerSecond == 0.5)
    }
}

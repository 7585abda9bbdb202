import Foundation
import ProctorCore
import Testing

@Suite("Statistics follow NumPy")
struct StatisticsTests {
    @Test("linear-interpolated percentiles match np.percentile", arguments: [
        (50.0, 2.5), (0.0, 1.0), (100.0, 4.0), (25.0, 1.75), (99.0, 3.97), (90.0, 3.7),
    ])
    func percentile(p: Double, expected: Double) {
        #expect(abs(Statistics.percentile(sorted: [1, 2, 3, 4], p) - expected) < 1e-12)
    }

    @Test func emptyAndSingle() {
        #expect(Statistics.percentile(sorted: [], 50) == 0)
        #expect(Statistics.percentile(sorted: [7], 99) == 7)
        #expect(Statistics.mean([]) == 0)
    }

    @Test func standardDeviations() {
        let values = [2.0, 4, 4, 4, 5, 5, 7, 9]
        #expect(Statistics.populationStandardDeviation(values) == 2)
        #expect(abs(Statistics.sampleStandardDeviation(values) - 2.138089935299395) < 1e-12)
    }

    @Test func distributionSummarisesUnsortedValues() {
        let distribution = Distribution([4, 1, 3, 2])
        #expect(distribution.count == 4)
        #expect(distribution.median == 2.5)
        #expect(distribution.max == 4)
        #expect(distribution.mean == 2.5)
    }
}

@Suite("Proportion")
struct ProportionTests {
    @Test("standard error is lm-eval's sample_std / sqrt(n)")
    func standardErrorMatchesLmEval() {
        // 3 of 10 correct: sample std = sqrt((3·0.49 + 7·0.09)/9) = 0.48305; / sqrt(10) = 0.152753
        let p = Proportion(successes: 3, trials: 10)
        #expect(abs(p.standardError - 0.15275252316519466) < 1e-12)
    }

    @Test("Wilson interval stays inside [0, 1] and brackets the estimate")
    func wilson() {
        let zero = Proportion(successes: 0, trials: 50).confidenceInterval95
        #expect(zero.lowerBound == 0)
        #expect(abs(zero.upperBound - 0.07134759913) < 1e-6)
        let half = Proportion(successes: 50, trials: 100).confidenceInterval95
        #expect(abs(half.lowerBound - 0.40383) < 1e-4)
        #expect(abs(half.upperBound - 0.59617) < 1e-4)
        #expect(Proportion(successes: 0, trials: 0).confidenceInterval95 == 0...1)
    }
}

@Suite("Request timings follow vllm bench serve")
struct RequestTimingsTests {
    @Test func ttftItlE2elAndTpot() {
        let timings = RequestTimings(chunkArrivals: [0.1, 0.15, 0.3], completed: 0.31)
        #expect(timings.timeToFirstToken == 0.1)
        #expect(timings.endToEndLatency == 0.3)
        let itl = timings.interTokenLatencies
        #expect(itl.count == 2)
        #expect(abs(itl[0] - 0.05) < 1e-12 && abs(itl[1] - 0.15) < 1e-12)
        // A multi-token chunk: 5 output tokens over 3 chunks, TPOT = (0.3 − 0.1) / 4.
        #expect(abs(timings.timePerOutputToken(outputTokens: 5)! - 0.05) < 1e-12)
    }

    @Test("a single output token has no TPOT")
    func oneToken() {
        let timings = RequestTimings(chunkArrivals: [0.2], completed: 0.2)
        #expect(timings.timePerOutputToken(outputTokens: 1) == nil)
        #expect(timings.interTokenLatencies.isEmpty)
    }

    @Test func durationSeconds() {
        #expect(Duration.milliseconds(1500).seconds == 1.5)
    }
}

@Suite("JSON string quoting")
struct JSONStringTests {
    @Test("quoted strings decode back to the original", arguments: [
        "plain", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab", "\u{0}\u{1F}\u{8}\u{C}", "émoji 😀", "",
    ])
    func roundTrip(text: String) throws {
        let quoted = JSONString.quoted(text)
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
        #expect(decoded == text)
    }
}

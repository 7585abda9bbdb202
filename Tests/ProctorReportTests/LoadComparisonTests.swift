import ProctorCore
import ProctorReport
import Testing

@Suite("Comparing load runs level by level")
struct LoadComparisonTests {
    private static func requests(level: Int, count: Int, e2el: Double, failures: Int = 0) -> [LoadRequestSample] {
        (0..<count).map { index in
            let failed = index < failures
            let latency = e2el + Double(index % 10) / 1000
            return LoadRequestSample(
                level: level, index: index, scheduled: Double(index), sent: Double(index), ended: Double(index) + latency,
                timings: failed ? nil : RequestTimings(chunkArrivals: [latency / 4, latency / 2, latency], completed: latency), promptTokens: 10,
                outputTokens: failed ? nil : 3, httpStatus: failed ? 500 : 200, errorKind: failed ? "server_error" : nil)
        }
    }

    private static func report(_ id: String, _ levels: [(Double, [LoadRequestSample])]) -> LoadReport {
        LoadReport(
            runId: id,
            levels: levels.enumerated().map { index, level in
                var accumulator = LoadLevelAccumulator()
                for request in level.1 { accumulator.add(request) }
                return LoadReport.Level(level: index, phase: "closed", load: level.0, unit: "users", metrics: accumulator.metrics())
            }, criteria: .standard)
    }

    @Test func matchesLevelsAndMeasuresTheShift() throws {
        let baseRequests = Self.requests(level: 0, count: 100, e2el: 0.2) + Self.requests(level: 1, count: 100, e2el: 0.3)
        let candidateRequests = Self.requests(level: 0, count: 100, e2el: 0.25, failures: 5) + Self.requests(level: 1, count: 50, e2el: 0.4)
        let base = Self.report("a", [(1, Array(baseRequests[0..<100])), (2, Array(baseRequests[100...]))])
        let candidate = Self.report("b", [(1, Array(candidateRequests[0..<100])), (4, Array(candidateRequests[100...]))])
        let comparison = LoadComparison(
            base: base, candidate: candidate, baseRequests: baseRequests, candidateRequests: candidateRequests,
            bootstrap: PairedBootstrap(iterations: 300, seed: 9))
        #expect(comparison.levels.count == 1)
        #expect(comparison.unmatchedLevels == ["2 users (base only)", "4 users (candidate only)"])
        let level = try #require(comparison.levels.first)
        #expect(level.errorRate == [0, 0.05])
        #expect(level.requests == [100, 100])
        let e2el = try #require(level.percentiles.first { $0.metric == "e2el" && $0.percentile == 50 })
        // 50 ms slower, less the half millisecond its five failed (fastest) requests remove.
        #expect(abs(e2el.candidate - e2el.base - 0.0505) < 1e-9)
        let interval = try #require(e2el.bootstrap?.interval)
        #expect(interval.lowerBound > 0.04 && interval.upperBound < 0.06)
        #expect(level.percentiles.count == LoadComparison.metrics.count * LoadComparison.percentiles.count)
        #expect(comparison.iterations == 300 && comparison.seed == 9)
    }
}

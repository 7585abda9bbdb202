import Histogram

/// The figures of one load level, with `vllm bench serve`'s definitions: throughput over the
/// level's duration, TTFT/TPOT/E2EL over successful requests, ITL over every gap of every
/// request, goodput against the SLOs; plus the client's own lateness and the peak in flight.
/// All times are seconds.
public struct LoadLevelMetrics: Codable, Sendable, Hashable {
    /// Requests that succeeded.
    public var completed: Int
    /// Requests that failed.
    public var failed: Int
    /// Failed requests by error class.
    public var failedByKind: [String: Int]
    /// Seconds from the level's start until its last request ended.
    public var duration: Double
    /// Prompt tokens of successful requests.
    public var totalInputTokens: Int
    /// Output tokens of successful requests (vllm's `output_len`).
    public var totalOutputTokens: Int
    /// Completed requests per second.
    public var requestThroughput: Double
    /// Output tokens per second.
    public var outputThroughput: Double
    /// Prompt and output tokens per second.
    public var totalTokenThroughput: Double
    /// Requests meeting every SLO per second; `nil` without SLOs.
    public var goodput: Double?
    /// Time to first token.
    public var ttft: Distribution
    /// Time per output token (requests with more than one output token).
    public var tpot: Distribution
    /// Inter-token latency over all chunk gaps (an HDR histogram, 3 significant digits, so memory
    /// stays flat however long the run).
    public var itl: Distribution
    /// End-to-end latency.
    public var e2el: Distribution
    /// Sent minus scheduled: how late the client itself was.
    public var lateness: Distribution
    /// The most requests in flight at once.
    public var peakConcurrency: Int
    /// Correct answers over scored ones, when the workload is scored.
    public var accuracy: Proportion?

    /// Failed over all requests.
    public var errorRate: Double {
        completed + failed == 0 ? 0 : Double(failed) / Double(completed + failed)
    }
}

/// Accumulates a level's samples one at a time and computes its ``LoadLevelMetrics``; keeps a few
/// numbers per request and a histogram of gaps, never the samples themselves.
public struct LoadLevelAccumulator: Sendable {
    private let objectives: ServiceLevelObjectives
    private var ttfts: [Double] = []
    private var tpots: [Double] = []
    private var e2els: [Double] = []
    private var lateness: [Double] = []
    private var intervals: [(start: Double, end: Double)] = []
    private var gaps = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
    private var completed = 0
    private var failedByKind: [String: Int] = [:]
    private var inputTokens = 0
    private var outputTokens = 0
    private var good = 0
    private var lastEnd = 0.0
    private var scored = 0
    private var correct = 0

    /// Starts an empty level judged against `objectives`.
    public init(objectives: ServiceLevelObjectives = .init()) {
        self.objectives = objectives
        gaps.autoResize = true
    }

    /// Adds one request.
    public mutating func add(_ sample: LoadRequestSample) {
        lateness.append(max(0, sample.sent - sample.scheduled))
        intervals.append((sample.sent, sample.ended))
        lastEnd = max(lastEnd, sample.ended)
        guard sample.succeeded, let timings = sample.timings else {
            failedByKind[sample.errorKind ?? "no_choices", default: 0] += 1
            return
        }
        completed += 1
        inputTokens += sample.promptTokens ?? 0
        outputTokens += sample.outputLength
        let ttft = timings.timeToFirstToken
        if let ttft { ttfts.append(ttft) }
        let e2el = timings.endToEndLatency
        e2els.append(e2el)
        let tpot = timings.timePerOutputToken(outputTokens: sample.outputLength)
        if let tpot { tpots.append(tpot) }
        var previous: Double?
        for arrival in timings.chunkArrivals {
            if let previous { gaps.record(UInt64(max(0, (arrival - previous) * 1e6).rounded())) }
            previous = arrival
        }
        if !objectives.isEmpty, objectives.isMet(ttft: ttft, tpot: tpot, e2el: e2el) { good += 1 }
        if let verdict = sample.correct {
            scored += 1
            if verdict { correct += 1 }
        }
    }

    /// The level's metrics; `duration` defaults to the last request's end.
    public func metrics(duration explicitDuration: Double? = nil) -> LoadLevelMetrics {
        let duration = explicitDuration ?? lastEnd
        let rate = { (count: Int) in duration > 0 ? Double(count) / duration : 0 }
        let failed = failedByKind.values.reduce(0, +)
        return LoadLevelMetrics(
            completed: completed, failed: failed, failedByKind: failedByKind, duration: duration,
            totalInputTokens: inputTokens, totalOutputTokens: outputTokens, requestThroughput: rate(completed),
            outputThroughput: rate(outputTokens), totalTokenThroughput: rate(inputTokens + outputTokens),
            goodput: objectives.isEmpty ? nil : rate(good), ttft: Distribution(ttfts), tpot: Distribution(tpots),
            itl: Self.distribution(gaps), e2el: Distribution(e2els), lateness: Distribution(lateness),
            peakConcurrency: Self.peak(intervals),
            accuracy: scored > 0 ? Proportion(successes: correct, trials: scored) : nil)
    }

    /// The most intervals `[start, end)` that overlap at one instant (a sweep line).
    static func peak(_ intervals: [(start: Double, end: Double)]) -> Int {
        var events: [(time: Double, delta: Int)] = []
        events.reserveCapacity(intervals.count * 2)
        for interval in intervals {
            events.append((interval.start, 1))
            events.append((interval.end, -1))
        }
        // Ends sort before starts at the same instant: [start, end) intervals that touch do not overlap.
        events.sort { $0.time < $1.time || ($0.time == $1.time && $0.delta < $1.delta) }
        var current = 0
        var best = 0
        for event in events {
            current += event.delta
            best = max(best, current)
        }
        return best
    }

    private static func distribution(_ histogram: Histogram<UInt64>) -> Distribution {
        guard histogram.totalCount > 0 else { return Distribution([]) }
        let seconds = { (microseconds: UInt64) in Double(microseconds) / 1e6 }
        var result = Distribution([])
        result.count = Int(histogram.totalCount)
        result.mean = histogram.mean / 1e6
        result.median = seconds(histogram.valueAtPercentile(50))
        result.standardDeviation = histogram.stdDeviation / 1e6
        result.p90 = seconds(histogram.valueAtPercentile(90))
        result.p95 = seconds(histogram.valueAtPercentile(95))
        result.p99 = seconds(histogram.valueAtPercentile(99))
        result.max = seconds(histogram.max)
        return result
    }
}

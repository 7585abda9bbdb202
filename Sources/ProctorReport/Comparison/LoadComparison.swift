public import ProctorCore

/// Two load runs compared level by level (levels are matched on their offered load and unit):
/// throughput, error rate, and the TTFT/TPOT/ITL/E2EL percentiles with bootstrap intervals over
/// requests — requests of two runs cannot be paired, so each run is resampled within itself —
/// and the saturation points.
public struct LoadComparison: Codable, Sendable {
    /// One latency percentile at one level.
    public struct PercentileComparison: Codable, Sendable, Hashable {
        /// `ttft`, `tpot`, `itl` or `e2el`.
        public var metric: String
        /// The percentile (50, 90, 99).
        public var percentile: Double
        /// The base run's value, seconds.
        public var base: Double
        /// The candidate's value, seconds.
        public var candidate: Double
        /// Bootstrap of candidate − base; `nil` when a run has no value.
        public var bootstrap: PairedBootstrap.Result?
    }

    /// One matched level.
    public struct LevelComparison: Codable, Sendable {
        /// The offered load.
        public var load: Double
        /// `users` or `req/s`.
        public var unit: String
        /// Requests per second, base and candidate.
        public var requestThroughput: [Double]
        /// Output tokens per second, base and candidate.
        public var outputThroughput: [Double]
        /// Error rate, base and candidate.
        public var errorRate: [Double]
        /// Requests, base and candidate.
        public var requests: [Int]
        /// Latency percentiles.
        public var percentiles: [PercentileComparison]

        /// The comparison of `metric` at `percentile`, if computed.
        public func percentile(_ metric: String, _ percentile: Double) -> PercentileComparison? {
            percentiles.first { $0.metric == metric && $0.percentile == percentile }
        }
    }

    /// Matched levels, in the base run's order.
    public var levels: [LevelComparison]
    /// Levels only one run has, as `load unit`.
    public var unmatchedLevels: [String]
    /// The base run's saturation load, if one held.
    public var baseSaturation: Double?
    /// The candidate's saturation load.
    public var candidateSaturation: Double?
    /// Peak request throughput, base and candidate.
    public var peakThroughput: [Double]
    /// Resamples per interval (fewer than asked on very large levels; always the figure used).
    public var iterations: Int
    /// The seed.
    public var seed: UInt64

    /// The percentiles compared at every level.
    public static let percentiles: [Double] = [50, 90, 99]
    /// The latency metrics compared.
    public static let metrics = ["ttft", "tpot", "itl", "e2el"]

    /// Compares two load runs from their reports and stored requests.
    public init(
        base: LoadReport, candidate: LoadReport, baseRequests: [LoadRequestSample], candidateRequests: [LoadRequestSample],
        bootstrap: PairedBootstrap
    ) {
        let baseByLevel = Dictionary(grouping: baseRequests, by: \.level)
        let candidateByLevel = Dictionary(grouping: candidateRequests, by: \.level)
        var matched: [LevelComparison] = []
        var unmatched: [String] = []
        var used: Set<Int> = []
        var smallest = bootstrap.iterations
        for level in base.levels {
            guard let other = candidate.levels.first(where: { $0.unit == level.unit && $0.load == level.load && !used.contains($0.level) }) else {
                unmatched.append("\(Self.format(level.load)) \(level.unit) (base only)")
                continue
            }
            used.insert(other.level)
            let a = baseByLevel[level.level] ?? []
            let b = candidateByLevel[other.level] ?? []
            var percentiles: [PercentileComparison] = []
            for metric in Self.metrics {
                let x = Self.values(metric, a)
                let y = Self.values(metric, b)
                // Keep one interval's work near 2·10⁷ values, however large the level.
                let budget = max(50, 20_000_000 / max(1, x.count + y.count))
                let resampler = PairedBootstrap(iterations: min(bootstrap.iterations, budget), seed: bootstrap.seed)
                smallest = min(smallest, resampler.iterations)
                for percentile in Self.percentiles {
                    let statistic: ([Double]) -> Double = { Statistics.percentile(sorted: $0.sorted(), percentile) }
                    percentiles.append(
                        PercentileComparison(
                            metric: metric, percentile: percentile, base: x.isEmpty ? 0 : statistic(x),
                            candidate: y.isEmpty ? 0 : statistic(y),
                            bootstrap: resampler.difference(base: x, candidate: y, statistic: statistic)))
                }
            }
            matched.append(
                LevelComparison(
                    load: level.load, unit: level.unit,
                    requestThroughput: [level.metrics.requestThroughput, other.metrics.requestThroughput],
                    outputThroughput: [level.metrics.outputThroughput, other.metrics.outputThroughput],
                    errorRate: [level.metrics.errorRate, other.metrics.errorRate],
                    requests: [level.metrics.completed + level.metrics.failed, other.metrics.completed + other.metrics.failed],
                    percentiles: percentiles))
        }
        for level in candidate.levels where !used.contains(level.level) {
            unmatched.append("\(Self.format(level.load)) \(level.unit) (candidate only)")
        }
        levels = matched
        unmatchedLevels = unmatched
        baseSaturation = base.saturationLoad
        candidateSaturation = candidate.saturationLoad
        peakThroughput = [base.peakThroughput, candidate.peakThroughput]
        iterations = smallest
        seed = bootstrap.seed
    }

    /// The per-request values of `metric` among successful requests (ITL: every gap).
    public static func values(_ metric: String, _ requests: [LoadRequestSample]) -> [Double] {
        var values: [Double] = []
        for request in requests where request.succeeded {
            guard let timings = request.timings else { continue }
            switch metric {
            case "ttft": if let ttft = timings.timeToFirstToken { values.append(ttft) }
            case "tpot": if let tpot = timings.timePerOutputToken(outputTokens: request.outputLength) { values.append(tpot) }
            case "itl": values.append(contentsOf: timings.interTokenLatencies)
            default: values.append(timings.endToEndLatency)
            }
        }
        return values
    }

    /// An offered load as people write it: `8`, `0.5`.
    public static func format(_ load: Double) -> String {
        load == load.rounded() ? String(Int(load)) : String(load)
    }
}

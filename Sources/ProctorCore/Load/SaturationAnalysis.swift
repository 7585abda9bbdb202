import Foundation

/// Finds the saturation point of a series of load levels: the highest level at which throughput
/// still grows and every SLO and the error budget hold, and the level where that broke, with
/// the reason in words.
public struct SaturationAnalysis: Codable, Sendable, Hashable {
    /// One measured level: its load (users or requests per second) and its metrics.
    public struct Level: Codable, Sendable, Hashable {
        /// The offered load, e.g. `8` users or `4` requests/s.
        public var load: Double
        /// What was measured.
        public var metrics: LoadLevelMetrics
        /// Creates a level.
        public init(load: Double, metrics: LoadLevelMetrics) {
            self.load = load
            self.metrics = metrics
        }
    }

    /// The index of the saturation level, or `nil` when even the first level broke.
    public var saturationIndex: Int?
    /// The index of the first level past saturation, or `nil` when none broke.
    public var brokenIndex: Int?
    /// Why the next level is past saturation (or why none is).
    public var reason: String

    /// A level "still grows" when its throughput gain over the best so far is at least this
    /// share of its load increase: doubling the users must add at least 25% throughput.
    public static let minimumGrowthShare = 0.25

    /// Analyses `levels` in order of increasing load. An SLO holds at a level when the given
    /// percentile of its metric is within the limit.
    public init(
        levels: [Level], objectives: ServiceLevelObjectives, maxErrorRate: Double, percentile: Double = 90,
        unit: String = "users"
    ) {
        saturationIndex = nil
        brokenIndex = nil
        reason = "no level was measured"
        var bestThroughput = 0.0
        var previousLoad = levels.first?.load ?? 0
        for (index, level) in levels.enumerated() {
            if let broken = Self.violation(level.metrics, objectives: objectives, maxErrorRate: maxErrorRate, percentile: percentile)
            {
                brokenIndex = index
                reason = "at \(Self.format(level.load)) \(unit): \(broken)"
                return
            }
            let throughput = level.metrics.requestThroughput
            let loadIncrease = previousLoad > 0 ? level.load / previousLoad - 1 : 0
            let needed = bestThroughput * (1 + Self.minimumGrowthShare * loadIncrease)
            if index > 0, throughput < needed {
                brokenIndex = index
                let gain = bestThroughput > 0 ? (throughput / bestThroughput - 1) * 100 : 0
                reason =
                    "at \(Self.format(level.load)) \(unit): throughput \(Self.format(throughput)) req/s grew "
                    + "\(Self.format(gain))% for \(Self.format(loadIncrease * 100))% more load "
                    + "(at least \(Self.format(needed)) req/s needed); it did not grow"
                return
            }
            bestThroughput = max(bestThroughput, throughput)
            previousLoad = level.load
            saturationIndex = index
        }
        reason = "every level held; the saturation point lies beyond \(Self.format(levels.last?.load ?? 0)) \(unit)"
    }

    private static func violation(
        _ metrics: LoadLevelMetrics, objectives: ServiceLevelObjectives, maxErrorRate: Double, percentile: Double
    ) -> String? {
        if metrics.completed == 0 { return "no request succeeded" }
        if metrics.errorRate > maxErrorRate {
            return "error rate \(format(metrics.errorRate * 100))% > \(format(maxErrorRate * 100))%"
        }
        let checks: [(String, Double?, Distribution)] = [
            ("TTFT", objectives.ttft, metrics.ttft), ("TPOT", objectives.tpot, metrics.tpot),
            ("E2EL", objectives.e2el, metrics.e2el),
        ]
        for (name, limit, distribution) in checks {
            guard let limit, distribution.count > 0 else { continue }
            let value = percentileValue(distribution, percentile)
            if value > limit {
                return "\(name) p\(format(percentile)) \(format(value * 1000)) ms > \(format(limit * 1000)) ms"
            }
        }
        return nil
    }

    private static func percentileValue(_ distribution: Distribution, _ percentile: Double) -> Double {
        switch percentile {
        case ...50: distribution.median
        case ...90: distribution.p90
        case ...95: distribution.p95
        default: distribution.p99
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.1f", value)
    }
}

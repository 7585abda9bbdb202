/// Descriptive statistics with the conventions of NumPy, so figures match `vllm bench serve`.
public enum Statistics {
    /// The arithmetic mean, or 0 for an empty list (as `np.mean(x or 0)`).
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation (`np.std`, ddof 0), or 0 for an empty list.
    public static func populationStandardDeviation(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mu = mean(values)
        let squares = values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
        return (squares / Double(values.count)).squareRoot()
    }

    /// The sample standard deviation (ddof 1), or 0 for fewer than two values.
    public static func sampleStandardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mu = mean(values)
        let squares = values.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The `p`-th percentile (0…100) with linear interpolation between closest ranks, as
    /// `np.percentile` does by default. `sorted` must be in ascending order; empty gives 0.
    ///
    /// ```swift
    /// Statistics.percentile(sorted: [1, 2, 3, 4], 50) // 2.5
    /// ```
    public static func percentile(sorted: [Double], _ p: Double) -> Double {
        guard let first = sorted.first else { return 0 }
        guard sorted.count > 1 else { return first }
        let rank = min(max(p, 0), 100) / 100 * Double(sorted.count - 1)
        let lower = Int(rank.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}

/// Mean, spread and percentiles of one measured quantity.
public struct Distribution: Codable, Sendable, Hashable {
    /// Number of values.
    public var count: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Median (the 50th percentile).
    public var median: Double
    /// Population standard deviation.
    public var standardDeviation: Double
    /// 90th percentile.
    public var p90: Double
    /// 95th percentile.
    public var p95: Double
    /// 99th percentile.
    public var p99: Double
    /// Largest value.
    public var max: Double

    /// Summarises `values` (in any order).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        mean = Statistics.mean(sorted)
        median = Statistics.percentile(sorted: sorted, 50)
        standardDeviation = Statistics.populationStandardDeviation(sorted)
        p90 = Statistics.percentile(sorted: sorted, 90)
        p95 = Statistics.percentile(sorted: sorted, 95)
        p99 = Statistics.percentile(sorted: sorted, 99)
        max = sorted.last ?? 0
    }
}

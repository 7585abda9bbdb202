/// A seeded paired bootstrap of the mean difference between two runs on the same items (Koehn
/// 2004, as sacrebleu and lm-eval's significance PR do it): each resample draws items — or whole
/// clusters of items — with replacement, the same draw for both runs, which is what makes it
/// paired. The seed and iteration count are kept with the result, so anyone can recompute it.
///
/// ```swift
/// let result = PairedBootstrap(iterations: 10_000, seed: 1234).meanDifference(clusters)
/// print(result.interval, result.p)
/// ```
public struct PairedBootstrap: Sendable, Hashable {
    /// Resamples drawn.
    public var iterations: Int
    /// The SplitMix64 seed.
    public var seed: UInt64

    /// Creates a bootstrap.
    public init(iterations: Int, seed: UInt64) {
        self.iterations = iterations
        self.seed = seed
    }

    /// What a paired bootstrap found.
    public struct Result: Codable, Sendable, Hashable {
        /// The observed mean difference (candidate − base), pooled over every item.
        public var delta: Double
        /// The 2.5th and 97.5th percentiles of the resampled differences.
        public var interval: ClosedRange<Double>
        /// Two-sided p with the shift to the null (Davison and Hinkley; lm-eval PR #3835):
        /// `(1 + #{|θ* − θ̂| ≥ |θ̂|}) / (B + 1)`.
        public var p: Double
        /// Resamples drawn.
        public var iterations: Int
        /// The seed.
        public var seed: UInt64
        /// The generator, named so the figure can be reproduced elsewhere.
        public var algorithm: String = "splitmix64"
    }

    /// The bootstrap of the pooled mean of `candidate − base` over `clusters`, each a list of
    /// paired item scores (one item per cluster for independent items). `nil` with no items.
    public func meanDifference(_ clusters: [[(base: Double, candidate: Double)]]) -> Result? {
        let sums = clusters.map { $0.reduce(0) { $0 + $1.candidate - $1.base } }
        let counts = clusters.map(\.count)
        let total = counts.reduce(0, +)
        guard total > 0, iterations > 0 else { return nil }
        let observed = sums.reduce(0, +) / Double(total)
        var generator = SplitMix64(seed: seed)
        var draws: [Double] = []
        draws.reserveCapacity(iterations)
        let clusterCount = UInt64(clusters.count)
        let independent = counts.allSatisfy { $0 == 1 }
        var extreme = 0
        for _ in 0..<iterations {
            var sum = 0.0
            var count = 0
            if independent {
                // One item per cluster: every resample has n items, so only the sum varies.
                for _ in 0..<clusters.count { sum += sums[Self.pick(&generator, clusterCount)] }
                count = total
            } else {
                for _ in 0..<clusters.count {
                    let pick = Self.pick(&generator, clusterCount)
                    sum += sums[pick]
                    count += counts[pick]
                }
            }
            guard count > 0 else { continue }
            let mean = sum / Double(count)
            if abs(mean - observed) >= abs(observed) { extreme += 1 }
            draws.append(mean)
        }
        return result(observed: observed, draws: draws, extreme: extreme)
    }

    /// The percentile interval of `draws` and the shifted p-value, with this bootstrap's settings.
    private func result(observed: Double, draws: [Double], extreme: Int) -> Result {
        let sorted = draws.sorted()
        return Result(
            delta: observed, interval: Statistics.percentile(sorted: sorted, 2.5)...Statistics.percentile(sorted: sorted, 97.5),
            p: Double(1 + extreme) / Double(iterations + 1), iterations: iterations, seed: seed)
    }

    /// A uniform index below `count`: the high word of a 64×64-bit product (Lemire), which
    /// avoids a division per draw; its bias is below count/2⁶⁴.
    @inline(__always)
    static func pick(_ generator: inout SplitMix64, _ count: UInt64) -> Int {
        Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: count).high)
    }

    /// The bootstrap of the difference of a statistic (a percentile, a mean) between two
    /// independent samples — load requests, which cannot be paired — resampling each within
    /// itself. `nil` when either sample is empty.
    public func difference(
        base: [Double], candidate: [Double], statistic: ([Double]) -> Double
    ) -> Result? {
        guard !base.isEmpty, !candidate.isEmpty, iterations > 0 else { return nil }
        let observed = statistic(candidate) - statistic(base)
        var generator = SplitMix64(seed: seed)
        var draws: [Double] = []
        draws.reserveCapacity(iterations)
        var extreme = 0
        var a = [Double](repeating: 0, count: base.count)
        var b = [Double](repeating: 0, count: candidate.count)
        for _ in 0..<iterations {
            for index in a.indices { a[index] = base[Self.pick(&generator, UInt64(base.count))] }
            for index in b.indices { b[index] = candidate[Self.pick(&generator, UInt64(candidate.count))] }
            let draw = statistic(b) - statistic(a)
            if abs(draw - observed) >= abs(observed) { extreme += 1 }
            draws.append(draw)
        }
        return result(observed: observed, draws: draws, extreme: extreme)
    }
}

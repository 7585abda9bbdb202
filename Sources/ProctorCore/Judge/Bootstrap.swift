/// Percentile bootstrap over clusters: resample the clusters (MT-bench's questions) with
/// replacement and pool every value of the chosen clusters, as the score itself pools a
/// question's judgments. Seeded, so an interval can be recomputed from what the run stored.
public enum Bootstrap {
    /// The 95% interval (2.5th and 97.5th percentiles of `resamples` pooled means) of `clusters`,
    /// or `nil` when there is no value at all. Empty clusters still count as draws, as a question
    /// whose judgments all failed still counts among the questions.
    public static func pooledMeanInterval(_ clusters: [[Double]], resamples: Int, seed: UInt64) -> ClosedRange<Double>? {
        let sums = clusters.map { $0.reduce(0, +) }
        let counts = clusters.map(\.count)
        guard counts.reduce(0, +) > 0, resamples > 0 else { return nil }
        var generator = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            var count = 0
            for _ in 0..<clusters.count {
                let pick = Int(generator.next() % UInt64(clusters.count))
                sum += sums[pick]
                count += counts[pick]
            }
            if count > 0 { means.append(sum / Double(count)) }
        }
        guard !means.isEmpty else { return nil }
        means.sort()
        return Statistics.percentile(sorted: means, 2.5)...Statistics.percentile(sorted: means, 97.5)
    }
}

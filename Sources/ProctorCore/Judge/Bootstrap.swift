/// Percentile bootstrap over clusters: resample the clusters (MT-bench's questions) with
/// replacement and pool every value of the chosen clusters, as the score itself pools a
/// question's judgments. Seeded, so an interval can be recomputed from what the run stored.
public enum Bootstrap {
    /// The 95% interval (2.5th and 97.5th percentiles of `resamples` pooled means) of `clusters`,
    /// or `nil` when there is no value at all. Empty clusters still count as draws, as a question
    /// whose judgments all failed still counts among the questions. The paired bootstrap against
    /// a base of zero is exactly this, so it does the resampling.
    public static func pooledMeanInterval(_ clusters: [[Double]], resamples: Int, seed: UInt64) -> ClosedRange<Double>? {
        PairedBootstrap(iterations: resamples, seed: seed).meanDifference(clusters.map { $0.map { (base: 0, candidate: $0) } })?.interval
    }
}

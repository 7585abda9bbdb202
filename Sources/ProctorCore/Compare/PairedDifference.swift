/// The mean paired difference `d̄ = mean(b − a)` of two runs scored on the same items, with its
/// standard error — plain, or clustered when items come in groups (the two turns of an MT-bench
/// question) — and what the comparison could have detected.
///
/// Formulas from Miller 2024 ("Adding error bars to evals") as inspect_ai implements them; the
/// clustered error carries inspect's finite-cluster correction C/(C−1).
public struct PairedDifference: Codable, Sendable, Hashable {
    /// Items paired.
    public var count: Int
    /// Clusters, when the error is clustered (otherwise equal to ``count``).
    public var clusters: Int
    /// Mean of the base scores.
    public var baseMean: Double
    /// Mean of the candidate scores.
    public var candidateMean: Double
    /// `candidateMean − baseMean`.
    public var delta: Double
    /// Standard error of ``delta`` (clustered when items are grouped).
    public var standardError: Double
    /// Pearson correlation of the two runs' item scores (0 when either is constant): the larger
    /// it is, the more pairing narrows the interval.
    public var correlation: Double

    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054
    /// z for 80% power.
    public static let z80 = 0.8416212335729143

    /// Computes the difference of `pairs` (base, candidate); `clusterOf` groups items whose
    /// errors are correlated (pass `nil` for independent items).
    public init(pairs: [(base: Double, candidate: Double)], clusterOf: [String]? = nil) {
        count = pairs.count
        let n = Double(max(pairs.count, 1))
        let differences = pairs.map { $0.candidate - $0.base }
        baseMean = pairs.reduce(0) { $0 + $1.base } / n
        candidateMean = pairs.reduce(0) { $0 + $1.candidate } / n
        let delta = candidateMean - baseMean
        self.delta = delta
        let bases = pairs.map(\.base)
        let candidates = pairs.map(\.candidate)
        correlation = Self.correlation(bases, candidates)
        if let clusterOf, clusterOf.count == pairs.count {
            var sums: [String: Double] = [:]
            for (index, key) in clusterOf.enumerated() { sums[key, default: 0] += differences[index] - delta }
            clusters = sums.count
            let c = Double(sums.count)
            let squares = sums.values.reduce(0) { $0 + $1 * $1 }
            standardError = c > 1 ? (c / (c - 1) * squares).squareRoot() / n : 0
        } else {
            clusters = pairs.count
            let squares = differences.reduce(0) { $0 + ($1 - delta) * ($1 - delta) }
            standardError = pairs.count > 1 ? (squares / (n * (n - 1))).squareRoot() : 0
        }
    }

    /// The 95% normal interval `delta ± 1.96·SE`.
    public var interval95: ClosedRange<Double> {
        (delta - Self.z95 * standardError)...(delta + Self.z95 * standardError)
    }

    /// The smallest true difference this comparison detects with 80% power at α = 0.05:
    /// `(z₀.₉₇₅ + z₀.₈)·SE` (2.80·SE) — printed beside every "no significant difference".
    public var minimumDetectableEffect: Double { (Self.z95 + Self.z80) * standardError }

    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let mx = Statistics.mean(x)
        let my = Statistics.mean(y)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for index in x.indices {
            sxy += (x[index] - mx) * (y[index] - my)
            sxx += (x[index] - mx) * (x[index] - mx)
            syy += (y[index] - my) * (y[index] - my)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }
}

/// A share of successes among trials — an accuracy — with its uncertainty.
///
/// ``standardError`` follows lm-evaluation-harness (`sample_std / sqrt(n)`), so the ± matches its
/// tables; ``confidenceInterval95`` is the Wilson score interval, which stays inside [0, 1] and is
/// honest for small samples and accuracies near 0 or 1.
public struct Proportion: Codable, Sendable, Hashable {
    /// Number of successes.
    public var successes: Int
    /// Number of trials.
    public var trials: Int

    /// Creates a proportion.
    public init(successes: Int, trials: Int) {
        precondition(successes >= 0 && successes <= trials, "successes must lie in 0...trials")
        self.successes = successes
        self.trials = trials
    }

    private enum CodingKeys: String, CodingKey {
        case successes, trials, value, standardError, ci95Low, ci95High
    }

    /// Decodes the counts (the derived figures are recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(successes: try container.decode(Int.self, forKey: .successes), trials: try container.decode(Int.self, forKey: .trials))
    }

    /// Encodes the counts with the value, standard error and 95% interval.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(successes, forKey: .successes)
        try container.encode(trials, forKey: .trials)
        try container.encode(value, forKey: .value)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(confidenceInterval95.lowerBound, forKey: .ci95Low)
        try container.encode(confidenceInterval95.upperBound, forKey: .ci95High)
    }

    /// The share of successes, or 0 with no trials.
    public var value: Double { trials == 0 ? 0 : Double(successes) / Double(trials) }

    /// lm-eval's standard error of the mean: the sample standard deviation (ddof 1) over √n.
    public var standardError: Double {
        guard trials > 1 else { return 0 }
        let n = Double(trials)
        let p = value
        let variance = (Double(successes) * (1 - p) * (1 - p) + Double(trials - successes) * p * p) / (n - 1)
        return variance.squareRoot() / n.squareRoot()
    }

    /// The 95% Wilson score interval, or (0, 1) with no trials.
    public var confidenceInterval95: ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let z = 1.959963984540054
        let n = Double(trials)
        let p = value
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
        let lower = successes == 0 ? 0 : max(0, centre - margin)
        let upper = successes == trials ? 1 : min(1, centre + margin)
        return lower...upper
    }
}

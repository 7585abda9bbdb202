import Foundation

/// McNemar's test for two runs scored right or wrong on the same items: only the discordant
/// items count — `baseOnly` (base right, candidate wrong) against `candidateOnly` (the reverse).
///
/// The mid-p version is the default (Fagerland, Lydersen and Laake 2013: closer to the nominal
/// level than the exact conditional test, which is conservative). Binomial terms are summed in
/// log space, so 5,000 discordant MATH items do not underflow.
///
/// ```swift
/// McNemar(baseOnly: 3, candidateOnly: 12).midP // 0.0213…
/// ```
public struct McNemar: Codable, Sendable, Hashable {
    /// Which p-value a comparison reports.
    public enum Variant: String, Codable, Sendable, CaseIterable {
        /// The mid-p test: the default.
        case midP = "mid-p"
        /// The exact conditional (binomial) test, conservative.
        case exact
        /// χ² with continuity correction, as lm-eval's significance PR uses above 25 discordant items.
        case asymptotic
    }

    /// The two-sided p of `variant`.
    public func p(_ variant: Variant) -> Double {
        switch variant {
        case .midP: midP
        case .exact: exactP
        case .asymptotic: asymptoticP
        }
    }

    /// The one-sided p that the candidate is worse, for `variant` (the asymptotic test takes the
    /// mid-p, which it approximates).
    public func candidateWorseP(_ variant: Variant) -> Double {
        variant == .exact ? candidateWorseExactP : candidateWorseMidP
    }

    /// Items the base got right and the candidate wrong (`b`).
    public var baseOnly: Int
    /// Items the candidate got right and the base wrong (`c`).
    public var candidateOnly: Int

    /// Creates the test from the two discordant counts.
    public init(baseOnly: Int, candidateOnly: Int) {
        precondition(baseOnly >= 0 && candidateOnly >= 0, "counts are never negative")
        self.baseOnly = baseOnly
        self.candidateOnly = candidateOnly
    }

    /// Discordant items, `b + c`.
    public var discordant: Int { baseOnly + candidateOnly }

    /// Two-sided exact p: `min(1, 2·P(X ≤ min(b, c)))` for X ~ Binomial(b + c, ½); 1 with no
    /// discordant item.
    public var exactP: Double {
        guard discordant > 0 else { return 1 }
        return min(1, 2 * Self.lowerTail(min(baseOnly, candidateOnly), of: discordant))
    }

    /// Two-sided mid-p: the exact p less the point probability of the observed split (with
    /// `b = c`, `1 − ½·P(X = k)`); 1 with no discordant item.
    public var midP: Double {
        guard discordant > 0 else { return 1 }
        let k = min(baseOnly, candidateOnly)
        let point = Self.probability(k, of: discordant)
        if baseOnly == candidateOnly { return 1 - point / 2 }
        return max(0, exactP - point)
    }

    /// The asymptotic test with continuity correction, χ² = (|b − c| − 1)² / (b + c) on one
    /// degree of freedom, for large discordant counts.
    public var asymptoticP: Double {
        guard discordant > 0 else { return 1 }
        let difference = max(0, Double(abs(baseOnly - candidateOnly)) - 1)
        let chiSquare = difference * difference / Double(discordant)
        return erfc((chiSquare / 2).squareRoot())
    }

    /// One-sided mid-p that the candidate is worse (more base-only items than chance gives):
    /// `P(X ≤ c) − ½·P(X = c)` — the p a regression gate asks for.
    public var candidateWorseMidP: Double {
        guard discordant > 0 else { return 1 }
        return Self.lowerTail(candidateOnly, of: discordant) - Self.probability(candidateOnly, of: discordant) / 2
    }

    /// One-sided exact p that the candidate is worse, `P(X ≤ c)`.
    public var candidateWorseExactP: Double {
        guard discordant > 0 else { return 1 }
        return Self.lowerTail(candidateOnly, of: discordant)
    }

    /// `P(X = k)` for X ~ Binomial(n, ½).
    static func probability(_ k: Int, of n: Int) -> Double {
        exp(logChoose(n, k) - Double(n) * log(2.0))
    }

    /// `P(X ≤ k)` for X ~ Binomial(n, ½), summed in log space from the largest term down.
    static func lowerTail(_ k: Int, of n: Int) -> Double {
        guard k >= 0 else { return 0 }
        guard k < n else { return 1 }
        let logs = (0...k).map { logChoose(n, $0) - Double(n) * log(2.0) }
        let largest = logs.max() ?? 0
        let sum = logs.reduce(0) { $0 + exp($1 - largest) }
        return min(1, exp(largest) * sum)
    }

    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }
}

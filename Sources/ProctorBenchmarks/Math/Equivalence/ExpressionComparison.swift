import ProctorCore

/// Compares two parsed expressions: exactly when both are rational, numerically when they are
/// constant but irrational, and at pseudo-random points when they have variables.
enum ExpressionComparison {
    /// The verdict and the rule (`exact`, `numeric` or `random-points`).
    static func compare(_ lhs: MathExpression, _ rhs: MathExpression) -> MathVerdict {
        if lhs == rhs { return MathVerdict(equivalent: true, rule: "exact") }
        if let left = ExpressionEvaluator.exact(lhs), let right = ExpressionEvaluator.exact(rhs) {
            return MathVerdict(equivalent: left == right, rule: "exact")
        }
        let variables = lhs.variables.union(rhs.variables)
        if variables.isEmpty {
            let left = ExpressionEvaluator.numeric(lhs, [:])
            let right = ExpressionEvaluator.numeric(rhs, [:])
            let equal = agree(left, right) && (left.isFinite || (isInfinity(lhs) && isInfinity(rhs)))
            return MathVerdict(equivalent: equal, rule: "numeric")
        }
        guard variables.count <= 8 else {
            return MathVerdict(equivalent: false, rule: "random-points")
        }
        var generator = SplitMix64(seed: 0x5EED)
        let names = variables.sorted()
        var agreeing = 0
        for _ in 0..<MathEquivalence.pointCount * 2 {
            var assignment: [String: Complex] = [:]
            for name in names {
                // Positive, away from 0 and 1, so that roots, logarithms and quotients are defined.
                assignment[name] = Complex(1.2 + Double(generator.next() % 1_000_000) / 500_000)
            }
            let left = ExpressionEvaluator.numeric(lhs, assignment)
            let right = ExpressionEvaluator.numeric(rhs, assignment)
            guard left.isFinite, right.isFinite else { continue }
            guard left.isClose(to: right, tolerance: 1e-8) else {
                return MathVerdict(equivalent: false, rule: "random-points")
            }
            agreeing += 1
            if agreeing == MathEquivalence.pointCount { break }
        }
        return MathVerdict(equivalent: agreeing >= 3, rule: "random-points")
    }

    /// `\infty` or `-\infty` as written; a value that merely overflows (`2^{2005}`) is not infinity.
    private static func isInfinity(_ expression: MathExpression) -> Bool {
        switch expression {
        case .constant(.infinity): true
        case .negation(let inner): isInfinity(inner)
        default: false
        }
    }

    private static func agree(_ lhs: Complex, _ rhs: Complex) -> Bool {
        if lhs.isFinite, rhs.isFinite { return lhs.isClose(to: rhs, tolerance: MathEquivalence.tolerance) }
        let infinite = { (value: Complex) in value.real.isInfinite && value.imaginary == 0 }
        return infinite(lhs) && infinite(rhs) && lhs.real.sign == rhs.real.sign
    }
}

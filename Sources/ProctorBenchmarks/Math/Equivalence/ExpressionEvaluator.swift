import Foundation

/// Evaluates a ``MathExpression`` exactly (rationals) or numerically (complex doubles).
enum ExpressionEvaluator {
    /// The exact rational value, or `nil` when the expression is irrational, has variables or
    /// constants, or overflows 64-bit arithmetic.
    static func exact(_ expression: MathExpression) -> Rational? {
        switch expression {
        case .number(let value):
            return value
        case .approximate, .constant, .variable, .function:
            return nil
        case .sum(let terms):
            var total = Rational.zero
            for term in terms {
                guard let value = exact(term), let next = total + value else { return nil }
                total = next
            }
            return total
        case .product(let factors):
            var total = Rational.one
            for factor in factors {
                guard let value = exact(factor), let next = total * value else { return nil }
                total = next
            }
            return total
        case .negation(let inner):
            return exact(inner).flatMap { -$0 }
        case .quotient(let numerator, let denominator):
            guard let top = exact(numerator), let bottom = exact(denominator), let inverse = bottom.reciprocal else {
                return nil
            }
            return top * inverse
        case .power(let base, let exponent):
            guard let base = exact(base), let exponent = exact(exponent) else { return nil }
            if exponent.isInteger { return base.power(exponent.numerator) }
            guard let powered = base.power(exponent.numerator) else { return nil }
            return powered.root(exponent.denominator)
        case .root(let index, let radicand):
            guard let index = exact(index), index.isInteger, let radicand = exact(radicand) else { return nil }
            return radicand.root(index.numerator)
        case .factorial(let inner):
            guard let value = exact(inner), value.isInteger, value.numerator >= 0, value.numerator <= 20 else { return nil }
            return Rational((1...max(1, value.numerator)).reduce(1, *))
        case .binomial(let n, let k):
            guard let n = exact(n), let k = exact(k), n.isInteger, k.isInteger else { return nil }
            return binomial(n.numerator, k.numerator).map { Rational($0) }
        }
    }

    /// The value with `assignment` giving each variable; non-finite or undefined results come
    /// back as NaN rather than trapping.
    static func numeric(_ expression: MathExpression, _ assignment: [String: Complex]) -> Complex {
        switch expression {
        case .number(let value):
            return Complex(value.doubleValue)
        case .approximate(let value):
            return Complex(value)
        case .constant(.pi):
            return Complex(Double.pi)
        case .constant(.e):
            return Complex(M_E)
        case .constant(.i):
            return .i
        case .constant(.infinity):
            return Complex(.infinity)
        case .variable(let name):
            return assignment[name] ?? Complex(.nan)
        case .sum(let terms):
            return terms.reduce(Complex(0)) { $0 + numeric($1, assignment) }
        case .product(let factors):
            return factors.reduce(Complex(1)) { $0 * numeric($1, assignment) }
        case .negation(let inner):
            return -numeric(inner, assignment)
        case .quotient(let numerator, let denominator):
            return numeric(numerator, assignment) / numeric(denominator, assignment)
        case .power(let base, let exponent):
            let exponentValue = numeric(exponent, assignment)
            if exponentValue.imaginary == 0, let exact = exact(exponent), !exact.isInteger, exact.numerator == 1 {
                return numeric(base, assignment).root(Double(exact.denominator))
            }
            return numeric(base, assignment).power(exponentValue)
        case .root(let index, let radicand):
            let indexValue = numeric(index, assignment)
            guard indexValue.imaginary == 0, indexValue.real != 0 else { return Complex(.nan) }
            return numeric(radicand, assignment).root(indexValue.real)
        case .function(let function, let argument):
            return apply(function, numeric(argument, assignment))
        case .factorial(let inner):
            let value = numeric(inner, assignment)
            guard value.imaginary == 0, value.real >= 0, value.real <= 170 else { return Complex(.nan) }
            return Complex(tgamma(value.real + 1))
        case .binomial(let n, let k):
            if let exact = exact(expression) { return Complex(exact.doubleValue) }
            let top = numeric(n, assignment)
            let bottom = numeric(k, assignment)
            guard top.imaginary == 0, bottom.imaginary == 0 else { return Complex(.nan) }
            return Complex(tgamma(top.real + 1) / (tgamma(bottom.real + 1) * tgamma(top.real - bottom.real + 1)))
        }
    }

    /// `n` choose `k` for integers (0 outside 0 ≤ k ≤ n), or `nil` on overflow.
    static func binomial(_ n: Int64, _ k: Int64) -> Int64? {
        guard n >= 0, k >= 0, k <= n else { return n >= 0 ? 0 : nil }
        let k = min(k, n - k)
        var result: Int64 = 1
        for step in 0..<k {
            // result · (n − step) / (step + 1) stays an integer at every step.
            let (product, overflow) = result.multipliedReportingOverflow(by: n - step)
            guard !overflow else { return nil }
            result = product / (step + 1)
        }
        return result
    }

    private static func apply(_ function: MathFunction, _ value: Complex) -> Complex {
        if function == .absoluteValue { return Complex(value.magnitude) }
        if function == .exp { return value.exponential }
        if function == .naturalLog { return value.logarithm }
        if case .log(let base) = function { return value.logarithm / Complex(log(base)) }
        guard value.imaginary == 0 else { return Complex(.nan) }
        let x = value.real
        switch function {
        case .sin: return Complex(sin(x))
        case .cos: return Complex(cos(x))
        case .tan: return Complex(tan(x))
        case .cot: return Complex(1 / tan(x))
        case .sec: return Complex(1 / cos(x))
        case .csc: return Complex(1 / sin(x))
        case .arcsin: return Complex(asin(x))
        case .arccos: return Complex(acos(x))
        case .arctan: return Complex(atan(x))
        case .absoluteValue, .exp, .naturalLog, .log: return Complex(.nan)
        }
    }
}

/// A parsed mathematical expression: what a LaTeX answer such as `2\sqrt{2}+\frac{\pi}{3}` means.
indirect enum MathExpression: Sendable, Hashable {
    /// An exact number written in the answer (integers, decimals, fractions of literals).
    case number(Rational)
    /// A number too large for exact arithmetic.
    case approximate(Double)
    /// `\pi`, `e`, `i` or `\infty`.
    case constant(MathConstant)
    /// A variable such as `x`, `y_1` or `\theta`.
    case variable(String)
    /// A sum of terms.
    case sum([MathExpression])
    /// A product of factors (explicit or implicit).
    case product([MathExpression])
    /// A negation.
    case negation(MathExpression)
    /// A quotient.
    case quotient(MathExpression, MathExpression)
    /// A power.
    case power(MathExpression, MathExpression)
    /// An `n`th root (`\sqrt` is index 2).
    case root(index: MathExpression, radicand: MathExpression)
    /// A named function applied to an argument (`sin`, `ln`, `log_2`…).
    case function(MathFunction, MathExpression)
    /// `n!`.
    case factorial(MathExpression)
    /// `\binom{n}{k}`.
    case binomial(MathExpression, MathExpression)

    /// Every variable name that occurs in the expression.
    var variables: Set<String> {
        var names = Set<String>()
        collectVariables(into: &names)
        return names
    }

    private func collectVariables(into names: inout Set<String>) {
        switch self {
        case .number, .approximate, .constant: break
        case .variable(let name): names.insert(name)
        case .sum(let terms), .product(let terms): for term in terms { term.collectVariables(into: &names) }
        case .negation(let inner), .factorial(let inner), .function(_, let inner): inner.collectVariables(into: &names)
        case .quotient(let lhs, let rhs), .power(let lhs, let rhs), .root(let lhs, let rhs), .binomial(let lhs, let rhs):
            lhs.collectVariables(into: &names)
            rhs.collectVariables(into: &names)
        }
    }
}

/// The constants an answer may name.
enum MathConstant: Sendable, Hashable {
    case pi
    case e
    case i
    case infinity
}

/// The functions an answer may apply.
enum MathFunction: Sendable, Hashable {
    case sin, cos, tan, cot, sec, csc
    case arcsin, arccos, arctan
    case naturalLog
    case log(base: Double)
    case exp
    case absoluteValue
}

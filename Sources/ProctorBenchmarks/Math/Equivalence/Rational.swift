import Foundation

/// An exact fraction of 64-bit integers, always in lowest terms with a positive denominator.
/// Every operation reports overflow as `nil` instead of trapping, so callers fall back to
/// floating point rather than crash.
struct Rational: Hashable, Sendable {
    let numerator: Int64
    let denominator: Int64

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ integer: Int64) {
        numerator = integer
        denominator = 1
    }

    /// `nil` when `denominator` is zero or reducing overflows.
    init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign: Int64 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// The exact value of a decimal literal such as `12.375` (digits only, optional point).
    init?(decimal text: Substring) {
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        var afterPoint = false
        for character in text {
            if character == "." {
                guard !afterPoint else { return nil }
                afterPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            let shifted = numerator.multipliedReportingOverflow(by: 10)
            let added = shifted.partialValue.addingReportingOverflow(Int64(digit))
            guard !shifted.overflow, !added.overflow else { return nil }
            numerator = added.partialValue
            if afterPoint {
                let scaled = denominator.multipliedReportingOverflow(by: 10)
                guard !scaled.overflow else { return nil }
                denominator = scaled.partialValue
            }
        }
        self.init(numerator, denominator)
    }

    var doubleValue: Double { Double(numerator) / Double(denominator) }
    var isInteger: Bool { denominator == 1 }

    static func + (lhs: Rational, rhs: Rational) -> Rational? {
        guard let left = multiply(lhs.numerator, rhs.denominator), let right = multiply(rhs.numerator, lhs.denominator),
            let denominator = multiply(lhs.denominator, rhs.denominator)
        else { return nil }
        let sum = left.addingReportingOverflow(right)
        return sum.overflow ? nil : Rational(sum.partialValue, denominator)
    }

    static prefix func - (value: Rational) -> Rational? {
        Rational(-value.numerator, value.denominator)
    }

    static func * (lhs: Rational, rhs: Rational) -> Rational? {
        guard let numerator = multiply(lhs.numerator, rhs.numerator),
            let denominator = multiply(lhs.denominator, rhs.denominator)
        else { return nil }
        return Rational(numerator, denominator)
    }

    var reciprocal: Rational? { Rational(denominator, numerator) }

    /// `self` raised to an integer power of magnitude at most 512.
    func power(_ exponent: Int64) -> Rational? {
        guard abs(exponent) <= 512 else { return nil }
        var result = Rational.one
        var base = exponent < 0 ? reciprocal : self
        var remaining = abs(exponent)
        while remaining > 0, let current = base {
            if remaining & 1 == 1 {
                guard let product = result * current else { return nil }
                result = product
            }
            remaining >>= 1
            if remaining > 0 { base = current * current }
        }
        return base == nil ? nil : result
    }

    /// The exact square root (or `n`th root) when numerator and denominator are perfect powers.
    func root(_ index: Int64) -> Rational? {
        guard index >= 1, index <= 64 else { return nil }
        if numerator < 0 {
            guard index % 2 == 1, let positive = -self, let root = positive.root(index) else { return nil }
            return -root
        }
        guard let top = Self.integerRoot(numerator, index), let bottom = Self.integerRoot(denominator, index) else {
            return nil
        }
        return Rational(top, bottom)
    }

    private static func integerRoot(_ value: Int64, _ index: Int64) -> Int64? {
        let estimate = Int64(pow(Double(value), 1 / Double(index)).rounded())
        for candidate in max(0, estimate - 1)...(estimate + 1) {
            if let power = Rational(candidate).power(index), power == Rational(value) { return candidate }
        }
        return nil
    }

    private static func multiply(_ lhs: Int64, _ rhs: Int64) -> Int64? {
        let product = lhs.multipliedReportingOverflow(by: rhs)
        return product.overflow ? nil : product.partialValue
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}

import Foundation

/// A complex number in double precision, enough to evaluate answers that involve `i`, roots of
/// negative numbers or logarithms at sample points.
struct Complex: Sendable, Hashable {
    var real: Double
    var imaginary: Double

    init(_ real: Double, _ imaginary: Double = 0) {
        self.real = real
        self.imaginary = imaginary
    }

    static let i = Complex(0, 1)

    var isFinite: Bool { real.isFinite && imaginary.isFinite }
    var magnitude: Double { hypot(real, imaginary) }
    /// The principal argument, in (−π, π]. A negative zero imaginary part (from negating a real
    /// number) counts as zero: `atan2(-0.0, -1)` is −π, which put `\sqrt{-1}` on the wrong branch.
    var argument: Double { atan2(imaginary == 0 ? 0 : imaginary, real) }

    static func + (lhs: Complex, rhs: Complex) -> Complex { Complex(lhs.real + rhs.real, lhs.imaginary + rhs.imaginary) }
    static func - (lhs: Complex, rhs: Complex) -> Complex { Complex(lhs.real - rhs.real, lhs.imaginary - rhs.imaginary) }
    static prefix func - (value: Complex) -> Complex { Complex(-value.real, -value.imaginary) }

    static func * (lhs: Complex, rhs: Complex) -> Complex {
        Complex(lhs.real * rhs.real - lhs.imaginary * rhs.imaginary, lhs.real * rhs.imaginary + lhs.imaginary * rhs.real)
    }

    static func / (lhs: Complex, rhs: Complex) -> Complex {
        let scale = rhs.real * rhs.real + rhs.imaginary * rhs.imaginary
        return Complex(
            (lhs.real * rhs.real + lhs.imaginary * rhs.imaginary) / scale,
            (lhs.imaginary * rhs.real - lhs.real * rhs.imaginary) / scale)
    }

    /// The principal natural logarithm.
    var logarithm: Complex { Complex(log(magnitude), argument) }

    /// `e` raised to `self`.
    var exponential: Complex {
        let scale = exp(real)
        return Complex(scale * cos(imaginary), scale * sin(imaginary))
    }

    /// The principal power; real bases with real exponents stay real where the result is real
    /// (so that `(-8)^{1/3}` is handled by ``realRoot(_:)`` callers, not here).
    func power(_ exponent: Complex) -> Complex {
        if imaginary == 0, exponent.imaginary == 0, real >= 0 || exponent.real.rounded() == exponent.real {
            return Complex(pow(real, exponent.real))
        }
        if real == 0, imaginary == 0 { return Complex(0) }
        return (exponent * logarithm).exponential
    }

    /// The real `n`th root for real values (odd roots of negatives stay real), else the principal root.
    func root(_ index: Double) -> Complex {
        if imaginary == 0, real < 0, index.rounded() == index, Int(index) % 2 == 1 {
            return Complex(-pow(-real, 1 / index))
        }
        return power(Complex(1 / index))
    }

    /// Whether two values agree within a relative tolerance (absolute near zero).
    func isClose(to other: Complex, tolerance: Double) -> Bool {
        let scale = max(1, magnitude, other.magnitude)
        return (self - other).magnitude <= tolerance * scale
    }
}

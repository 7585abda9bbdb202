import Foundation

/// How open-loop requests arrive, as `vllm bench serve` draws them: gaps from a gamma
/// distribution with shape `k` and scale `1/(rate·k)` (`k = 1` is Poisson, `k → ∞` constant).
public enum ArrivalProcess: Sendable, Hashable, Codable {
    /// Evenly spaced, `1/rate` apart.
    case constant
    /// Exponential gaps (a Poisson process).
    case poisson
    /// Gamma gaps with the given shape ("burstiness"): below 1 burstier than Poisson, above 1 smoother.
    case gamma(burstiness: Double)

    /// The arrival offsets in seconds from the start of a level, for `count` requests at `rate`
    /// per second. With `rescale` (vllm's behaviour) the offsets are scaled so that the last
    /// arrival lands exactly at `count / rate`.
    public func offsets(
        count: Int, rate: Double, rescale: Bool = true, using generator: inout some RandomNumberGenerator
    ) -> [Double] {
        guard count > 0, rate > 0, rate.isFinite else { return Array(repeating: 0, count: max(0, count)) }
        var offsets: [Double] = []
        offsets.reserveCapacity(count)
        var now = 0.0
        for _ in 0..<count {
            now += gap(rate: rate, using: &generator)
            offsets.append(now)
        }
        if rescale, let last = offsets.last, last > 0 {
            let factor = Double(count) / rate / last
            for index in offsets.indices { offsets[index] *= factor }
        }
        return offsets
    }

    /// One gap in seconds.
    public func gap(rate: Double, using generator: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .constant:
            return 1 / rate
        case .poisson:
            return -log(Self.openUnit(&generator)) / rate
        case .gamma(let shape):
            guard shape.isFinite else { return 1 / rate }
            return Self.gammaSample(shape: shape, using: &generator) / (rate * shape)
        }
    }

    /// A uniform draw in (0, 1).
    static func openUnit(_ generator: inout some RandomNumberGenerator) -> Double {
        (Double(generator.next() >> 11) + 0.5) / 9_007_199_254_740_992
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ generator: inout some RandomNumberGenerator) -> Double {
        sqrt(-2 * log(openUnit(&generator))) * cos(2 * .pi * openUnit(&generator))
    }

    /// A Gamma(shape, 1) draw: Marsaglia and Tsang's method, with the `U^(1/k)` boost below 1.
    static func gammaSample(shape: Double, using generator: inout some RandomNumberGenerator) -> Double {
        if shape < 1 {
            return gammaSample(shape: shape + 1, using: &generator) * pow(openUnit(&generator), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / sqrt(9 * d)
        while true {
            let x = normal(&generator)
            let v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            let u = openUnit(&generator)
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}

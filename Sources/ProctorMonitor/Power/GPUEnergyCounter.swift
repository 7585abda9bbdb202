public import ProctorCore

/// One GPU's energy between samples: the delta of NVML's total-energy counter where the device has
/// one, with a reset (a reading below the last: the driver reloaded) dropped rather than reported
/// as negative or huge, as vLLM's meter does; otherwise power integrated by the trapezoid rule.
public struct GPUEnergyCounter: Sendable, Hashable {
    private var lastMillijoules: UInt64?
    private var lastWatts: Double?

    /// A counter with no reading yet.
    public init() {}

    /// The interval's energy from this sample's readings (either may be missing), or `nil` when
    /// nothing can be said for this interval (first sample, a reset, no readings).
    public mutating func advance(millijoules: UInt64?, watts: Double?, seconds: Double) -> EnergyReading? {
        defer {
            lastMillijoules = millijoules
            lastWatts = watts
        }
        if let millijoules, let last = lastMillijoules {
            guard millijoules >= last else { return integrated(watts: watts, seconds: seconds) }
            return EnergyReading(component: "gpu", joules: Double(millijoules - last) / 1000, source: .measured("nvml-energy-counter"))
        }
        if millijoules == nil { return integrated(watts: watts, seconds: seconds) }
        return nil
    }

    private func integrated(watts: Double?, seconds: Double) -> EnergyReading? {
        guard let watts, let lastWatts, seconds > 0 else { return nil }
        return EnergyReading(component: "gpu", joules: (watts + lastWatts) / 2 * seconds, source: .measured("nvml-integrated-power"))
    }
}

/// Turns successive readings of a RAPL `energy_uj` counter into energy, across wraparound: a
/// reading below the previous one means the counter passed `max_energy_range_uj` and restarted.
/// That is exact when at most one wrap happens between reads, which a once-a-second sampler
/// guarantees (the fastest-wrapping packages take minutes to wrap).
public struct RAPLCounter: Sendable, Hashable {
    /// The counter's range: it wraps to 0 on reaching this many microjoules.
    public let maxRangeMicrojoules: UInt64
    private var last: UInt64?

    /// A counter with the domain's `max_energy_range_uj`.
    public init(maxRangeMicrojoules: UInt64) {
        self.maxRangeMicrojoules = maxRangeMicrojoules
    }

    /// Takes a new reading and returns the joules since the previous one (`nil` for the first).
    public mutating func advance(to microjoules: UInt64) -> Double? {
        defer { last = microjoules }
        guard let last else { return nil }
        let delta = microjoules >= last ? microjoules - last : microjoules + (maxRangeMicrojoules - last)
        return Double(delta) / 1e6
    }
}

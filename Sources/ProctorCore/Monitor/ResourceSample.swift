public import Foundation

/// What the monitor read over one sampling interval: machine and server-process resources, GPUs,
/// and the energy each component used in it. Times are wall-clock (UTC), so a sample lines up
/// with the load levels and requests of any run that overlaps it.
public struct ResourceSample: Codable, Sendable, Hashable {
    /// The interval's end.
    public var time: Date
    /// The interval's length in seconds.
    public var duration: Double
    /// Machine-wide CPU utilisation over the interval, 0–100 (all cores together).
    public var cpuPercent: Double
    /// Machine memory in use (total − available), in bytes.
    public var memoryUsedBytes: Int64
    /// Machine memory, in bytes.
    public var memoryTotalBytes: Int64
    /// CPU seconds the watched process trees used in the interval (user + system), if any is watched.
    public var processCPUSeconds: Double?
    /// Resident memory of the watched process trees at the interval's end, in bytes.
    public var processRSSBytes: Int64?
    /// Every GPU's reading.
    public var gpus: [GPUSample]
    /// The energy of each component over the interval.
    public var energy: [EnergyReading]

    /// Creates a sample.
    public init(
        time: Date, duration: Double, cpuPercent: Double, memoryUsedBytes: Int64, memoryTotalBytes: Int64,
        processCPUSeconds: Double? = nil, processRSSBytes: Int64? = nil, gpus: [GPUSample] = [], energy: [EnergyReading] = []
    ) {
        self.time = time
        self.duration = duration
        self.cpuPercent = cpuPercent
        self.memoryUsedBytes = memoryUsedBytes
        self.memoryTotalBytes = memoryTotalBytes
        self.processCPUSeconds = processCPUSeconds
        self.processRSSBytes = processRSSBytes
        self.gpus = gpus
        self.energy = energy
    }

    /// The interval's start.
    public var start: Date { time.addingTimeInterval(-duration) }

    /// The interval's energy over all components, in joules.
    public var joules: Double { energy.reduce(0) { $0 + $1.joules } }

    /// Mean power over the interval, in watts.
    public var watts: Double { duration > 0 ? joules / duration : 0 }

    /// The GPUs' mean utilisation, 0–100, or `nil` when none reported one.
    public var gpuUtilizationPercent: Double? {
        let values = gpus.compactMap(\.utilizationPercent)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}

/// One GPU over one interval.
public struct GPUSample: Codable, Sendable, Hashable {
    /// The device index.
    public var index: Int
    /// The device name.
    public var name: String
    /// Busy time over the last sample period, 0–100.
    public var utilizationPercent: Double?
    /// Memory in use, in bytes.
    public var memoryUsedBytes: Int64?
    /// Memory, in bytes.
    public var memoryTotalBytes: Int64?
    /// Power draw at the interval's end, in watts.
    public var powerWatts: Double?

    /// Creates a reading.
    public init(
        index: Int, name: String, utilizationPercent: Double?, memoryUsedBytes: Int64?, memoryTotalBytes: Int64?,
        powerWatts: Double?
    ) {
        self.index = index
        self.name = name
        self.utilizationPercent = utilizationPercent
        self.memoryUsedBytes = memoryUsedBytes
        self.memoryTotalBytes = memoryTotalBytes
        self.powerWatts = powerWatts
    }
}

/// The energy one component used over one interval, and where the figure came from.
public struct EnergyReading: Codable, Sendable, Hashable {
    /// `cpu`, `gpu` or `ram` (CodeCarbon's three).
    public var component: String
    /// Joules in the interval.
    public var joules: Double
    /// The sensor or model that gave the figure.
    public var source: EnergySource

    /// Creates a reading.
    public init(component: String, joules: Double, source: EnergySource) {
        self.component = component
        self.joules = joules
        self.source = source
    }
}

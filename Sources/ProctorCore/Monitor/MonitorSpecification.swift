/// What a monitor recording watched and how its energy and carbon figures are to be read.
public struct MonitorSpecification: Codable, Sendable, Hashable {
    /// Seconds between samples.
    public var interval: Double
    /// Root process ids whose trees were watched (the server's, `--pid`).
    public var pids: [Int]
    /// The run this recording was started for (`--monitor` on eval or load), if any.
    public var attachedRunId: String?
    /// The CPU model as the kernel names it.
    public var cpuModel: String
    /// Logical CPUs.
    public var cpuCount: Int
    /// The CPU power the estimate assumed (TDP), and where it came from.
    public var cpuPower: CPUPowerRating
    /// Machine memory in GB.
    public var memoryGB: Double
    /// The GPUs seen, by name; empty when none.
    public var gpus: [String]
    /// Why no GPU is recorded, when none is (`no NVIDIA driver library`, …).
    public var gpuState: String
    /// How CPU energy is obtained: `measured:rapl` or the estimate's description.
    public var cpuEnergySource: EnergySource
    /// The carbon intensity figures are converted with.
    public var carbon: CarbonIntensity

    /// Creates a specification.
    public init(
        interval: Double, pids: [Int], attachedRunId: String?, cpuModel: String, cpuCount: Int, cpuPower: CPUPowerRating,
        memoryGB: Double, gpus: [String], gpuState: String, cpuEnergySource: EnergySource, carbon: CarbonIntensity
    ) {
        self.interval = interval
        self.pids = pids
        self.attachedRunId = attachedRunId
        self.cpuModel = cpuModel
        self.cpuCount = cpuCount
        self.cpuPower = cpuPower
        self.memoryGB = memoryGB
        self.gpus = gpus
        self.gpuState = gpuState
        self.cpuEnergySource = cpuEnergySource
        self.carbon = carbon
    }
}

/// A CPU's rated power and how it was found, as CodeCarbon finds it.
public struct CPUPowerRating: Codable, Sendable, Hashable {
    /// Watts for the whole machine (TDP × sockets).
    public var watts: Double
    /// `table: <matched model>`, `threads × 4 W` or `default 85 W`, or `--cpu-tdp`.
    public var source: String

    /// Creates a rating.
    public init(watts: Double, source: String) {
        self.watts = watts
        self.source = source
    }
}

/// Grams of CO₂-equivalent per kWh, with where the figure came from; every carbon figure is
/// printed beside its source.
public struct CarbonIntensity: Codable, Sendable, Hashable {
    /// g CO₂e per kWh.
    public var gramsPerKWh: Double
    /// `--carbon-intensity`, `<country> (<data source>)` or `world average (IEA 2019)`.
    public var source: String
    /// The country's ISO alpha-3 code, when the figure is a country's.
    public var countryCode: String?
    /// The country's name, when the figure is a country's.
    public var countryName: String?

    /// Creates an intensity.
    public init(gramsPerKWh: Double, source: String, countryCode: String? = nil, countryName: String? = nil) {
        self.gramsPerKWh = gramsPerKWh
        self.source = source
        self.countryCode = countryCode
        self.countryName = countryName
    }

    /// CodeCarbon's last resort: the IEA's 2019 world average, 475 g/kWh.
    public static let worldAverage = CarbonIntensity(
        gramsPerKWh: 475, source: "world average 475 g/kWh (IEA Global Energy & CO2 Status Report 2019, CodeCarbon's default)")

    /// Grams of CO₂e for `joules`.
    public func grams(joules: Double) -> Double { joules / 3.6e6 * gramsPerKWh }
}

public import ProctorCore

/// What a recording watches and how it estimates what it cannot measure.
public struct MonitorConfiguration: Sendable, Hashable {
    /// Seconds between samples.
    public var interval: Double
    /// Root pids whose process trees are watched (the server's); empty for the machine only.
    public var pids: [Int]
    /// Whether the CPU and RAM estimates cover the watched processes or the whole machine;
    /// `nil` picks processes when pids are given.
    public var scope: CodeCarbonModel.Scope?
    /// A TDP in watts that replaces the table's (CodeCarbon's `force_cpu_power`).
    public var cpuTDP: Double?
    /// Whether GPUs are read.
    public var gpu: Bool
    /// The NVML library to load; `PROCTOR_NVML_LIBRARY` overrides the default for tests and odd installs.
    public var nvmlLibrary: String
    /// Where the kernel's process files are.
    public var procRoot: String
    /// Where powercap's RAPL domains are.
    public var powercapRoot: String
    /// The carbon intensity figures are converted with.
    public var carbon: CarbonIntensity

    /// Creates a configuration with the machine's real paths.
    public init(
        interval: Double = 1, pids: [Int] = [], scope: CodeCarbonModel.Scope? = nil, cpuTDP: Double? = nil, gpu: Bool = true,
        nvmlLibrary: String = "libnvidia-ml.so.1", procRoot: String = "/proc", powercapRoot: String = "/sys/class/powercap",
        carbon: CarbonIntensity = .worldAverage
    ) {
        self.interval = interval
        self.pids = pids
        self.scope = scope
        self.cpuTDP = cpuTDP
        self.gpu = gpu
        self.nvmlLibrary = nvmlLibrary
        self.procRoot = procRoot
        self.powercapRoot = powercapRoot
        self.carbon = carbon
    }

    /// The scope in force.
    public var effectiveScope: CodeCarbonModel.Scope { scope ?? (pids.isEmpty ? .machine : .process) }
}

import ArgumentParser
import Foundation
import ProctorCore
import ProctorMonitor

/// `--monitor` and its settings on `eval` and `load`: a resource and energy recording beside the
/// run, on by default when Proctor runs the local engine (whose process it then watches).
struct MonitorOptions: ParsableArguments {
    @Flag(
        inversion: .prefixedNo,
        help: "Record CPU, memory, GPU, energy and carbon beside the run (default: on for --model local or with --server-pid).")
    var monitor: Bool?

    @Option(help: "Seconds between monitor samples (e.g. 1s, 500ms).")
    var monitorInterval: String = "1s"

    @Option(help: "The server's process id, whose process tree's CPU and memory are recorded (repeatable).")
    var serverPid: [Int] = []

    @OptionGroup var energy: EnergyOptions

    /// Whether to record, for a run whose server Proctor runs (`local`) or not.
    func enabled(local: Bool) -> Bool { monitor ?? (local || !serverPid.isEmpty) }

    /// The recording's configuration, watching `pids` (the local engine's) and `--server-pid`.
    func configuration(pids: [Int]) throws -> MonitorConfiguration {
        try energy.configuration(interval: try LoadOptionParsing.seconds(monitorInterval, option: "--monitor-interval"), pids: pids + serverPid)
    }
}

/// How energy the machine has no sensor for is estimated and turned into carbon; shared by
/// `monitor` and `--monitor`.
struct EnergyOptions: ParsableArguments {
    @Option(help: "Grams of CO2e per kWh (default: --country's figure, else the world average of 475).")
    var carbonIntensity: Double?

    @Option(help: "ISO 3166-1 alpha-3 country code for the carbon intensity (CodeCarbon's energy-mix table), e.g. FRA.")
    var country: String?

    @Option(help: "CPU power in watts, replacing the TDP from CodeCarbon's table (CodeCarbon's force_cpu_power).")
    var cpuTdp: Double?

    @Flag(inversion: .prefixedNo, help: "Read NVIDIA GPUs through NVML (or nvidia-smi).")
    var gpu = true

    func configuration(interval: Double, pids: [Int]) throws -> MonitorConfiguration {
        guard interval >= 0.05 else { throw ValidationError("the monitor interval must be at least 50ms") }
        if let cpuTdp, !(cpuTdp > 0 && cpuTdp.isFinite) { throw ValidationError("--cpu-tdp must be a positive number of watts") }
        let carbon = try CarbonIntensityTable.bundled().resolve(gramsPerKWh: carbonIntensity, country: country)
        return MonitorConfiguration(
            interval: interval, pids: pids, cpuTDP: cpuTdp, gpu: gpu,
            nvmlLibrary: ProcessInfo.processInfo.environment["PROCTOR_NVML_LIBRARY"] ?? "libnvidia-ml.so.1", carbon: carbon)
    }
}

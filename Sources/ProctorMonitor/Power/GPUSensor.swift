import Foundation
import ProctorCore

/// Every NVIDIA GPU's utilisation, memory, power and energy, through NVML when its library loads
/// and `nvidia-smi` otherwise; or a clear "no GPU" state with the reason.
final class GPUSensor {
    private enum Backend {
        case nvml(NVMLLibrary, [NVMLLibrary.Device])
        case smi
    }

    private let backend: Backend
    private var counters: [Int: GPUEnergyCounter] = [:]
    /// The devices' names, by index.
    let names: [String]
    /// How the GPUs are read (`NVML (path)` or `nvidia-smi`).
    let description: String

    /// Finds the GPUs, trying NVML at `libraryPath` and then `nvidia-smi`.
    ///
    /// - Throws: ``MonitorError`` saying why no GPU can be monitored.
    init(libraryPath: String) throws(MonitorError) {
        let library: NVMLLibrary
        do {
            library = try NVMLLibrary(path: libraryPath)
        } catch {
            guard let rows = NvidiaSMI.query(), !rows.isEmpty else { throw error }
            backend = .smi
            names = rows.map(\.name)
            description = "nvidia-smi (NVML library not loadable: \(error.reason))"
            return
        }
        let devices = library.devices()
        guard !devices.isEmpty else {
            throw MonitorError(source: libraryPath, reason: "loaded, but reports no GPU")
        }
        backend = .nvml(library, devices)
        names = devices.enumerated().map { library.name($0.element) ?? "GPU \($0.offset)" }
        description = "NVML (\(library.path))"
    }

    /// Reads every GPU and the energy each used since the previous call.
    func read(seconds: Double) -> (gpus: [GPUSample], energy: [EnergyReading]) {
        var gpus: [GPUSample] = []
        var energy: [EnergyReading] = []
        switch backend {
        case .nvml(let library, let devices):
            for (index, device) in devices.enumerated() {
                let watts = library.powerMilliwatts(device).map { Double($0) / 1000 }
                let memory = library.memory(device)
                gpus.append(
                    GPUSample(
                        index: index, name: names[index], utilizationPercent: library.utilization(device).map { Double($0.gpu) },
                        memoryUsedBytes: memory.map { Int64($0.used) }, memoryTotalBytes: memory.map { Int64($0.total) }, powerWatts: watts))
                if let reading = counters[index, default: GPUEnergyCounter()].advance(
                    millijoules: library.energyMillijoules(device), watts: watts, seconds: seconds)
                {
                    energy.append(reading)
                }
            }
        case .smi:
            for row in NvidiaSMI.query() ?? [] {
                gpus.append(
                    GPUSample(
                        index: row.index, name: row.name, utilizationPercent: row.utilization, memoryUsedBytes: row.memoryUsedBytes,
                        memoryTotalBytes: row.memoryTotalBytes, powerWatts: row.watts))
                if var reading = counters[row.index, default: GPUEnergyCounter()].advance(millijoules: nil, watts: row.watts, seconds: seconds) {
                    reading.source = .measured("nvidia-smi-integrated-power")
                    energy.append(reading)
                }
            }
        }
        return (gpus, energy)
    }
}

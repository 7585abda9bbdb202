import Foundation

/// CodeCarbon's power model (v3.3), for machines without a sensor: CPU power from the rated TDP
/// and the load, RAM power from the memory size. Every figure it gives is labelled estimated.
public enum CodeCarbonModel {
    /// What the CPU estimate covers.
    public enum Scope: String, Codable, Sendable, Hashable {
        /// The whole machine: `TDP · (0.1 + 0.9 · load³)` (CodeCarbon's `machine` mode).
        case machine
        /// The watched processes: `TDP · (CPU seconds / seconds) / CPUs` (its `process` mode).
        case process
    }

    /// CPU watts for the whole machine at `percent` utilisation (0–100).
    public static func machineCPUWatts(tdp: Double, percent: Double, model: String) -> Double {
        let load = min(max(percent, 0), 100) / 100
        if model.contains("AMD Ryzen Threadripper") { return threadripperWatts(tdp: tdp, load: load) }
        return tdp * (0.1 + 0.9 * load * load * load)
    }

    /// CPU watts of processes that used `cpuSeconds` over `seconds` on `cpuCount` logical CPUs.
    public static func processCPUWatts(tdp: Double, cpuSeconds: Double, seconds: Double, cpuCount: Int) -> Double {
        guard seconds > 0, cpuCount > 0 else { return 0 }
        return tdp * (max(cpuSeconds, 0) / seconds) / Double(cpuCount)
    }

    /// CodeCarbon's curve for Threadripper parts, which idle low and plateau early.
    static func threadripperWatts(tdp: Double, load: Double) -> Double {
        switch load {
        case ..<0.1: return tdp * 0.05 * load * 10
        case ...0.3: return tdp * (0.05 + 1.8 * (load - 0.1))
        case ...0.5: return tdp * (0.45 + 0.5 * pow((load - 0.3) / 0.2, 1.8))
        default: return tdp * (0.85 + 0.15 * (1 - exp(-(load - 0.5) * 5)))
        }
    }

    /// RAM watts for `gigabytes` (GiB) of memory: 5 W per estimated DIMM on x86 (1.5 W on ARM),
    /// DIMMs past the 4th, 8th and 16th counting 90%, 80% and 70%, at least two DIMMs' worth.
    public static func ramWatts(gigabytes: Double, arm: Bool = false) -> Double {
        let perDIMM = arm ? 1.5 : 5.0
        let minimum = arm ? 3.0 : perDIMM * 2
        let dimms = Double(dimmCount(gigabytes: gigabytes))
        let watts: Double
        switch dimms {
        case ...4: watts = perDIMM * dimms
        case ...8: watts = perDIMM * 4 + perDIMM * 0.9 * (dimms - 4)
        case ...16: watts = perDIMM * 4 + perDIMM * 0.9 * 4 + perDIMM * 0.8 * (dimms - 8)
        default: watts = perDIMM * 4 + perDIMM * 0.9 * 4 + perDIMM * 0.8 * 8 + perDIMM * 0.7 * (dimms - 16)
        }
        return max(minimum, watts)
    }

    /// CodeCarbon's guess of the DIMM count from the memory size.
    public static func dimmCount(gigabytes: Double) -> Int {
        switch gigabytes {
        case ...2: return 1
        case ...16: return 2
        case ...32: return 4
        case ...64: return 4
        case ...128: return 8
        default:
            for size in [128.0, 64, 32, 16, 8, 4] where size <= gigabytes / 8 {
                return min(Int((gigabytes / size).rounded(.up)), 32)
            }
            return 8
        }
    }
}

public import Foundation
public import ProctorCore

/// Reads the machine once per call and turns the differences since the previous call into a
/// ``ResourceSample``: CPU and memory from /proc, the watched process trees, GPUs, and each
/// component's energy, measured where a sensor exists and estimated by CodeCarbon's model where
/// not. Not thread-safe: one recorder thread owns it.
public final class ResourceSampler {
    /// The configuration.
    public let configuration: MonitorConfiguration
    /// What the recording is, for the store.
    public private(set) var specification: MonitorSpecification

    private var rapl: RAPLSensor?
    private let gpus: GPUSensor?
    private let ticksPerSecond: Double
    private let pageSize: Int64
    private var lastTimes: CPUTimes?
    private var lastProcessTicks: [Int: UInt64] = [:]
    private var knownTree: Set<Int> = []
    private var samplesSinceScan = 0
    /// Samples between full scans of /proc for new child processes.
    static let rescanEvery = 10
    private var lastInstant: ContinuousClock.Instant?

    /// Detects the hardware and how each component's energy will be obtained.
    ///
    /// - Throws: ``MonitorError`` when /proc cannot be read or the bundled CPU table is missing.
    public init(configuration: MonitorConfiguration, attachedRunId: String? = nil) throws(MonitorError) {
        self.configuration = configuration
        ticksPerSecond = Double(max(sysconf(Int32(_SC_CLK_TCK)), 1))
        pageSize = Int64(max(sysconf(Int32(_SC_PAGESIZE)), 1))
        let cpuinfo = ProcFile.read("\(configuration.procRoot)/cpuinfo") ?? ""
        let model = Self.cpuModel(cpuinfo: cpuinfo)
        let threads = max(cpuinfo.split(separator: "\n").filter { $0.hasPrefix("processor") }.count, 1)
        let sockets = max(Set(cpuinfo.split(separator: "\n").filter { $0.hasPrefix("physical id") }).count, 1)
        let memory = try MemoryInfo.parse(procMeminfo: try Self.require("\(configuration.procRoot)/meminfo"))
        let rating: CPUPowerRating =
            if let tdp = configuration.cpuTDP { CPUPowerRating(watts: tdp, source: "--cpu-tdp \(tdp) W") } else {
                try CPUPowerTable.bundled().rating(model: model, threads: threads, sockets: sockets)
            }
        var gpuState = "GPU monitoring off (--no-gpu)"
        var gpuSensor: GPUSensor?
        if configuration.gpu {
            do {
                gpuSensor = try GPUSensor(libraryPath: configuration.nvmlLibrary)
                gpuState = "read through \(gpuSensor?.description ?? "")"
            } catch {
                gpuState = "no GPU: \(error.description)"
            }
        }
        gpus = gpuSensor
        let cpuSource: EnergySource
        do {
            rapl = try RAPLSensor(root: configuration.powercapRoot)
            cpuSource = .measured("rapl")
        } catch {
            rapl = nil
            cpuSource = .estimated(
                "codecarbon-cpu-load(\(configuration.effectiveScope.rawValue)):TDP \(Self.watts(rating.watts)) W; RAPL \(error.description)")
        }
        specification = MonitorSpecification(
            interval: configuration.interval, pids: configuration.pids, attachedRunId: attachedRunId, cpuModel: model, cpuCount: threads,
            cpuPower: rating, memoryGB: Double(memory.totalBytes) / 1_073_741_824, gpus: gpuSensor?.names ?? [], gpuState: gpuState,
            cpuEnergySource: cpuSource, carbon: configuration.carbon)
    }

    /// Takes a reading; returns the sample of the interval since the previous one (`nil` on the
    /// first call, which only sets the baseline).
    ///
    /// - Throws: ``MonitorError`` when /proc stops being readable.
    public func sample(at time: Date = Date()) throws(MonitorError) -> ResourceSample? {
        let now = ContinuousClock.now
        let times = try CPUTimes.parse(procStat: try Self.require("\(configuration.procRoot)/stat"))
        let memory = try MemoryInfo.parse(procMeminfo: try Self.require("\(configuration.procRoot)/meminfo"))
        let processes = configuration.pids.isEmpty ? nil : processTree()
        let raplJoules = rapl?.joulesSinceLastRead()
        defer {
            lastTimes = times
            lastInstant = now
        }
        guard let lastTimes, let lastInstant else {
            _ = gpus?.read(seconds: 0)
            return nil
        }
        let seconds = (now - lastInstant).seconds
        let cpuPercent = times.percent(since: lastTimes)
        let gpuReading: (gpus: [GPUSample], energy: [EnergyReading]) = gpus?.read(seconds: seconds) ?? ([], [])
        var energy: [EnergyReading] = []
        let scope = configuration.effectiveScope
        let tdp = specification.cpuPower.watts
        if let raplJoules {
            energy.append(EnergyReading(component: "cpu", joules: raplJoules, source: .measured("rapl")))
        } else {
            let watts =
                switch scope {
                case .machine: CodeCarbonModel.machineCPUWatts(tdp: tdp, percent: cpuPercent, model: specification.cpuModel)
                case .process:
                    CodeCarbonModel.processCPUWatts(
                        tdp: tdp, cpuSeconds: processes?.cpuSeconds ?? 0, seconds: seconds, cpuCount: specification.cpuCount)
                }
            energy.append(
                EnergyReading(
                    component: "cpu", joules: watts * seconds,
                    source: .estimated("codecarbon-cpu-load(\(scope.rawValue)):TDP \(Self.watts(tdp)) W")))
        }
        let ramGiB = Double(scope == .process ? processes?.rssBytes ?? 0 : memory.totalBytes) / 1_073_741_824
        energy.append(
            EnergyReading(
                component: "ram", joules: CodeCarbonModel.ramWatts(gigabytes: ramGiB) * seconds,
                source: .estimated("codecarbon-ram(\(scope.rawValue)):\(Self.watts(ramGiB)) GiB")))
        energy.append(contentsOf: gpuReading.energy)
        return ResourceSample(
            time: time, duration: seconds, cpuPercent: cpuPercent, memoryUsedBytes: memory.usedBytes, memoryTotalBytes: memory.totalBytes,
            processCPUSeconds: processes?.cpuSeconds, processRSSBytes: processes?.rssBytes, gpus: gpuReading.gpus, energy: energy)
    }

    /// CPU seconds the watched trees used since the last call (pids first seen count from now, as
    /// CodeCarbon counts them) and their resident memory. The whole of /proc is scanned for new
    /// children every ``rescanEvery`` samples; in between only the known members are read.
    private func processTree() -> (cpuSeconds: Double, rssBytes: Int64) {
        let root = configuration.procRoot
        let processes: [ProcessStat]
        let tree: Set<Int>
        if samplesSinceScan >= Self.rescanEvery || knownTree.isEmpty {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            processes = entries.compactMap { entry -> ProcessStat? in
                guard entry.first?.isNumber == true, let line = ProcFile.read("\(root)/\(entry)/stat") else { return nil }
                return try? ProcessStat.parse(line, path: "\(root)/\(entry)/stat")
            }
            tree = ProcessStat.tree(of: configuration.pids, in: processes)
            samplesSinceScan = 0
        } else {
            processes = knownTree.compactMap { pid in
                ProcFile.read("\(root)/\(pid)/stat").flatMap { try? ProcessStat.parse($0, path: "\(root)/\(pid)/stat") }
            }
            tree = Set(processes.map(\.pid))
            samplesSinceScan += 1
        }
        knownTree = tree
        var ticks: UInt64 = 0
        var rss: Int64 = 0
        var current: [Int: UInt64] = [:]
        for process in processes where tree.contains(process.pid) {
            let total = process.userTicks + process.systemTicks
            current[process.pid] = total
            let previous = lastProcessTicks[process.pid] ?? total
            ticks += total >= previous ? total - previous : 0
            rss += process.residentPages * pageSize
        }
        lastProcessTicks = current
        return (Double(ticks) / ticksPerSecond, rss)
    }

    static func cpuModel(cpuinfo: String) -> String {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        return "unknown CPU"
    }

    static func require(_ path: String) throws(MonitorError) -> String {
        guard let text = ProcFile.read(path) else { throw MonitorError(source: path, reason: "cannot be read", hint: "the monitor needs Linux's /proc") }
        return text
    }

    static func watts(_ value: Double) -> String { String(format: "%g", (value * 100).rounded() / 100) }
}

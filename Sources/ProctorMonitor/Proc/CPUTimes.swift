/// The machine's CPU time counters from the first line of `/proc/stat`, in clock ticks. Two
/// readings give the utilisation between them, the way `top` and psutil compute it.
public struct CPUTimes: Sendable, Hashable {
    /// Ticks spent doing work (user, nice, system, irq, softirq, steal).
    public var busy: UInt64
    /// Ticks spent idle or waiting for I/O.
    public var idle: UInt64

    /// Creates counters.
    public init(busy: UInt64, idle: UInt64) {
        self.busy = busy
        self.idle = idle
    }

    /// Reads the aggregate `cpu ` line of `/proc/stat` text.
    ///
    /// - Throws: ``MonitorError`` when the line is missing or malformed.
    public static func parse(procStat text: String) throws(MonitorError) -> CPUTimes {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else {
            throw MonitorError(source: "/proc/stat", reason: "has no aggregate `cpu ` line")
        }
        let fields = line.split(separator: " ").dropFirst().map { UInt64($0) }
        guard fields.count >= 4, !fields.contains(nil) else {
            throw MonitorError(source: "/proc/stat", reason: "its `cpu ` line is not a list of counters: \(line)")
        }
        let values = fields.map { $0 ?? 0 }
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already
        // counted in user and nice, so it is left out as the kernel's own tools do.
        let idle = values[3] + (values.count > 4 ? values[4] : 0)
        let busy = values.prefix(8).reduce(0, +) - idle
        return CPUTimes(busy: busy, idle: idle)
    }

    /// Utilisation from `earlier` to `self`, 0–100; 0 when no tick passed.
    public func percent(since earlier: CPUTimes) -> Double {
        let busyDelta = busy >= earlier.busy ? busy - earlier.busy : 0
        let idleDelta = idle >= earlier.idle ? idle - earlier.idle : 0
        let total = busyDelta + idleDelta
        return total == 0 ? 0 : 100 * Double(busyDelta) / Double(total)
    }
}

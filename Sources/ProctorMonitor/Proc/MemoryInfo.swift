/// Machine memory from `/proc/meminfo`: used is total − available, as `free` and psutil count it.
public struct MemoryInfo: Sendable, Hashable {
    /// `MemTotal`, in bytes.
    public var totalBytes: Int64
    /// `MemAvailable`, in bytes.
    public var availableBytes: Int64

    /// Creates a reading.
    public init(totalBytes: Int64, availableBytes: Int64) {
        self.totalBytes = totalBytes
        self.availableBytes = availableBytes
    }

    /// Memory in use.
    public var usedBytes: Int64 { totalBytes - availableBytes }

    /// Reads `/proc/meminfo` text (values in kB).
    ///
    /// - Throws: ``MonitorError`` naming the missing field.
    public static func parse(procMeminfo text: String) throws(MonitorError) -> MemoryInfo {
        var values: [Substring: Int64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, parts[0].hasSuffix(":"), let value = Int64(parts[1]) else { continue }
            values[parts[0].dropLast()] = value * 1024
        }
        guard let total = values["MemTotal"] else {
            throw MonitorError(source: "/proc/meminfo", reason: "has no MemTotal line")
        }
        guard let available = values["MemAvailable"] else {
            throw MonitorError(source: "/proc/meminfo", reason: "has no MemAvailable line (a kernel older than 3.14?)")
        }
        return MemoryInfo(totalBytes: total, availableBytes: available)
    }
}

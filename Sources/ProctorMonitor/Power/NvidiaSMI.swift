import Foundation

/// The `nvidia-smi` fallback for machines where the NVML library cannot be loaded by name but the
/// tool runs: one query per sample, CSV without header or units.
public enum NvidiaSMI {
    /// The query Proctor runs.
    public static let arguments = [
        "--query-gpu=index,name,power.draw,utilization.gpu,memory.used,memory.total", "--format=csv,noheader,nounits",
    ]

    /// One GPU's row.
    public struct Row: Sendable, Hashable {
        /// Device index.
        public var index: Int
        /// Device name.
        public var name: String
        /// Watts (`power.draw`, a 1 s average on Ampere and newer), if reported.
        public var watts: Double?
        /// Busy percentage.
        public var utilization: Double?
        /// Memory in use, bytes.
        public var memoryUsedBytes: Int64?
        /// Memory, bytes.
        public var memoryTotalBytes: Int64?
    }

    /// Parses the query's output; fields it cannot read (`[N/A]`, `[Not Supported]`) are `nil`.
    ///
    /// - Throws: ``MonitorError`` naming the line that does not have six fields.
    public static func parse(_ output: String) throws(MonitorError) -> [Row] {
        var rows: [Row] = []
        for (number, line) in output.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 6, let index = Int(fields[0]) else {
                throw MonitorError(source: "nvidia-smi output line \(number + 1)", reason: "is not `index, name, power, utilization, used, total`: \(line)")
            }
            let mebibytes = { (text: String) in Double(text).map { Int64($0 * 1_048_576) } }
            rows.append(
                Row(
                    index: index, name: fields[1], watts: Double(fields[2]), utilization: Double(fields[3]),
                    memoryUsedBytes: mebibytes(fields[4]), memoryTotalBytes: mebibytes(fields[5])))
        }
        return rows
    }

    /// Runs the query, or returns `nil` when `nvidia-smi` is absent or fails.
    static func query(executable: String = "/usr/bin/nvidia-smi") -> [Row]? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? parse(String(decoding: data, as: UTF8.self))
    }
}

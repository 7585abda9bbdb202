/// One process's line of `/proc/<pid>/stat`: its parent, CPU time and resident memory.
public struct ProcessStat: Sendable, Hashable {
    /// The process id.
    public var pid: Int
    /// The executable's name (truncated by the kernel to 15 bytes).
    public var name: String
    /// The parent's id.
    public var parentPid: Int
    /// User-mode CPU time, in clock ticks.
    public var userTicks: UInt64
    /// Kernel-mode CPU time, in clock ticks.
    public var systemTicks: UInt64
    /// Resident set size, in pages.
    public var residentPages: Int64

    /// Creates a reading.
    public init(pid: Int, name: String, parentPid: Int, userTicks: UInt64, systemTicks: UInt64, residentPages: Int64) {
        self.pid = pid
        self.name = name
        self.parentPid = parentPid
        self.userTicks = userTicks
        self.systemTicks = systemTicks
        self.residentPages = residentPages
    }

    /// Reads a stat line. The name sits in parentheses and may itself hold spaces and
    /// parentheses, so the fields are counted from the last `)`.
    ///
    /// - Throws: ``MonitorError`` naming `path` when the line is malformed.
    public static func parse(_ line: String, path: String) throws(MonitorError) -> ProcessStat {
        guard let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close,
            let pid = Int(line[..<open].trimmingPrefix(" ").split(separator: " ").first ?? "")
        else {
            throw MonitorError(source: path, reason: "is not a `pid (name) state …` line")
        }
        let fields = line[line.index(after: close)...].split(separator: " ")
        // After the name: state(3) ppid(4) … utime(14) stime(15) … rss(24), 1-based as in proc(5).
        guard fields.count >= 22, let parent = Int(fields[1]), let user = UInt64(fields[11]), let system = UInt64(fields[12]),
            let rss = Int64(fields[21])
        else {
            throw MonitorError(source: path, reason: "has too few or non-numeric fields after the name")
        }
        return ProcessStat(
            pid: pid, name: String(line[line.index(after: open)..<close]), parentPid: parent, userTicks: user, systemTicks: system,
            residentPages: rss)
    }

    /// The pids of `roots` and all their descendants among `processes`.
    public static func tree(of roots: [Int], in processes: [ProcessStat]) -> Set<Int> {
        var children: [Int: [Int]] = [:]
        for process in processes { children[process.parentPid, default: []].append(process.pid) }
        var found = Set<Int>()
        var pending = roots.filter { root in processes.contains { $0.pid == root } }
        while let pid = pending.popLast() {
            guard found.insert(pid).inserted else { continue }
            pending.append(contentsOf: children[pid] ?? [])
        }
        return found
    }
}

import Foundation

/// CPU package energy from Linux powercap (RAPL): the `package-*` domains under
/// `/sys/class/powercap`, as CodeCarbon and Zeus read them. Core and uncore are inside the package,
/// so only packages are summed (no double counting).
public struct RAPLSensor: Sendable {
    /// One package domain.
    public struct Domain: Sendable, Hashable {
        /// The domain's folder.
        public var path: String
        /// Its `name` (`package-0`).
        public var name: String
        /// Its counter.
        public var counter: RAPLCounter
    }

    /// Why RAPL cannot be used on this machine.
    public enum Unavailable: Error, Sendable, Hashable, CustomStringConvertible {
        /// No powercap folder or no package domain (most VMs).
        case absent
        /// The counters exist but are root-only (kernels since 5.10).
        case permission(String)

        /// `unavailable: …`, for the monitor's summary.
        public var description: String {
            switch self {
            case .absent: "unavailable: no RAPL package domain under /sys/class/powercap"
            case .permission(let path): "unavailable: permission (\(path) is readable by root only)"
            }
        }
    }

    /// The package domains found.
    public private(set) var domains: [Domain]

    /// Finds the package domains under `root`.
    ///
    /// - Throws: ``Unavailable`` when there are none or they cannot be read.
    public init(root: String = "/sys/class/powercap") throws(Unavailable) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        var found: [Domain] = []
        for entry in entries where entry.hasPrefix("intel-rapl:") && entry.split(separator: ":").count == 2 {
            let path = "\(root)/\(entry)"
            guard let name = Self.read("\(path)/name"), name.hasPrefix("package") else { continue }
            guard let range = Self.read("\(path)/max_energy_range_uj").flatMap(UInt64.init) else { continue }
            guard Self.read("\(path)/energy_uj").flatMap(UInt64.init) != nil else {
                throw .permission("\(path)/energy_uj")
            }
            found.append(Domain(path: path, name: name, counter: RAPLCounter(maxRangeMicrojoules: range)))
        }
        guard !found.isEmpty else { throw .absent }
        domains = found
    }

    /// Reads every package and returns the joules since the last call (`nil` on the first call,
    /// or when a counter could not be read this time).
    public mutating func joulesSinceLastRead() -> Double? {
        var total = 0.0
        var complete = true
        for index in domains.indices {
            guard let reading = Self.read("\(domains[index].path)/energy_uj").flatMap(UInt64.init) else {
                complete = false
                continue
            }
            if let joules = domains[index].counter.advance(to: reading) { total += joules } else { complete = false }
        }
        return complete ? total : nil
    }

    static func read(_ path: String) -> String? {
        ProcFile.read(path)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Where an energy figure came from. Every figure Proctor reports carries one, so a reader never
/// mistakes a model's estimate for a sensor's reading, and a gate never mixes the two.
///
/// Stored as `measured:<sensor>` or `estimated:<model>`, e.g. `measured:rapl`,
/// `measured:nvml-energy-counter`, `estimated:codecarbon-cpu-load:TDP 85 W`.
public enum EnergySource: Sendable, Hashable {
    /// Read from a sensor: RAPL, the NVML energy counter, or NVML power integrated over time.
    case measured(String)
    /// Computed from a model (CodeCarbon's method), with the model and its inputs named.
    case estimated(String)

    /// `measured` or `estimated`.
    public var label: String {
        switch self {
        case .measured: "measured"
        case .estimated: "estimated"
        }
    }

    /// The sensor or the model.
    public var detail: String {
        switch self {
        case .measured(let detail), .estimated(let detail): detail
        }
    }

    /// Whether a sensor produced it.
    public var isMeasured: Bool {
        if case .measured = self { return true }
        return false
    }

    /// The stored form, `label:detail`.
    public var stored: String { "\(label):\(detail)" }

    /// Reads the stored form; anything not starting with `measured:` is taken as an estimate,
    /// since a figure of unknown origin must never pass for a measurement.
    public init(stored: String) {
        if stored.hasPrefix("measured:") {
            self = .measured(String(stored.dropFirst("measured:".count)))
        } else {
            self = .estimated(String(stored.drop(while: { $0 != ":" }).dropFirst()))
        }
    }

    /// The distinct sources of a run's figures for people: sources that differ only in a
    /// measured quantity after their last `:` (the RAM model's resident size, sampled each
    /// second) are one entry with its range, `estimated:codecarbon-ram(process):0.31–1.63 GiB`,
    /// instead of one entry per sample; other variants are listed in one entry
    /// (`estimated:rapl:package-0, package-1`). Order of first appearance is kept.
    public static func summarised(_ sources: [EnergySource]) -> [String] {
        var groups: [(key: String, details: [String])] = []
        for source in sources {
            let stored = source.stored
            let split = stored.lastIndex(of: ":").map { (String(stored[..<$0]), String(stored[stored.index(after: $0)...])) } ?? (stored, "")
            if let index = groups.firstIndex(where: { $0.key == split.0 }) {
                groups[index].details.append(split.1)
            } else {
                groups.append((split.0, [split.1]))
            }
        }
        return groups.map { group in
            guard group.details.count > 1 else { return "\(group.key):\(group.details[0])" }
            let quantities = group.details.compactMap { detail -> (Double, String)? in
                let parts = detail.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, let value = Double(parts[0]) else { return nil }
                return (value, String(parts[1]))
            }
            guard quantities.count == group.details.count, let unit = quantities.first?.1, quantities.allSatisfy({ $0.1 == unit }),
                let low = quantities.min(by: { $0.0 < $1.0 }), let high = quantities.max(by: { $0.0 < $1.0 })
            else { return "\(group.key):\(group.details.joined(separator: ", "))" }
            return "\(group.key):\(Self.number(low.0))–\(Self.number(high.0)) \(unit)"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// The combined label of several figures: measured only when every part was measured.
    public static func combined(_ sources: [EnergySource]) -> String {
        if sources.isEmpty { return "none" }
        if sources.allSatisfy(\.isMeasured) { return "measured" }
        if sources.allSatisfy({ !$0.isMeasured }) { return "estimated" }
        return "partly estimated"
    }
}

extension EnergySource: Codable {
    /// Decodes the stored form.
    public init(from decoder: any Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the stored form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }
}

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

import Foundation

/// Energy as people read it, the same in the terminal and in reports: kWh, Wh, J or mJ by size.
public enum EnergyFormat {
    /// `12.3 J`, `4.56 Wh`, `1.234 kWh`, `850.0 mJ`.
    public static func joules(_ value: Double) -> String {
        switch abs(value) {
        case 3_600_000...: String(format: "%.3f kWh", value / 3_600_000)
        case 3600...: String(format: "%.2f Wh", value / 3600)
        case 1...: String(format: "%.1f J", value)
        default: String(format: "%.1f mJ", value * 1000)
        }
    }
}

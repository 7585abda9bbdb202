import Foundation

/// Number formats shared by every page, fixed (POSIX) so pages and tests agree.
enum ReportFormat {
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    static func points(_ value: Double) -> String { String(format: "%+.1f pp", value * 100) }
    static func ms(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1000) }
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
    static func p(_ value: Double) -> String { value < 0.001 ? String(format: "%.1e", value) : String(format: "%.3f", value) }
    static func interval(_ range: ClosedRange<Double>) -> String { "[\(percent(range.lowerBound)), \(percent(range.upperBound))]" }
    static func date(_ date: Date) -> String { date.formatted(.iso8601) }
}

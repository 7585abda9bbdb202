import Foundation
import ProctorCore


/// Renders load levels and reports for people (a line per level, a table) and machines (JSON).
enum LoadReportText {
    private static func milliseconds(_ seconds: Double) -> String {
        seconds >= 10 ? Format.fixed(seconds * 1000, 0) : Format.fixed(seconds * 1000, 1)
    }

    private static func load(_ level: LoadReport.Level) -> String {
        "\(SaturationAnalysisFormat.number(level.load)) \(level.unit)"
    }

    /// The live line printed when a level finishes.
    static func line(_ level: LoadReport.Level) -> String {
        let m = level.metrics
        var parts = [
            "level \(level.level + 1) (\(level.phase))", load(level), "\(m.completed) ok", "\(m.failed) failed",
            "\(Format.fixed(m.requestThroughput, 2)) req/s", "\(Format.fixed(m.outputThroughput, 1)) tok/s",
            "TTFT p50 \(milliseconds(m.ttft.median)) ms", "E2EL p50 \(milliseconds(m.e2el.median)) ms",
            "in flight ≤ \(m.peakConcurrency)", "late p99 \(milliseconds(m.lateness.p99)) ms",
        ]
        if let goodput = m.goodput { parts.append("goodput \(Format.fixed(goodput, 2)) req/s") }
        if let accuracy = m.accuracy { parts.append("accuracy \(Format.percent(accuracy.value))") }
        return parts.joined(separator: " · ")
    }

    /// The table printed at the end, with the saturation point and its reason.
    static func table(_ report: LoadReport) -> String {
        var rows = [[
            "level", "phase", "load", "ok", "failed", "req/s", "out tok/s", "goodput", "TTFT p50/p99 ms", "TPOT p50 ms",
            "ITL p50 ms", "E2EL p50/p99 ms", "in flight", "late p50/p99/max ms", "accuracy",
        ]]
        for level in report.levels {
            let m = level.metrics
            rows.append([
                String(level.level + 1), level.phase, load(level), String(m.completed), String(m.failed),
                Format.fixed(m.requestThroughput, 2), Format.fixed(m.outputThroughput, 1),
                m.goodput.map { Format.fixed($0, 2) } ?? "-",
                "\(milliseconds(m.ttft.median))/\(milliseconds(m.ttft.p99))", milliseconds(m.tpot.median),
                milliseconds(m.itl.median), "\(milliseconds(m.e2el.median))/\(milliseconds(m.e2el.p99))",
                String(m.peakConcurrency),
                "\(milliseconds(m.lateness.median))/\(milliseconds(m.lateness.p99))/\(milliseconds(m.lateness.max))",
                m.accuracy.map { Format.percent($0.value) } ?? "-",
            ])
        }
        var lines = [Table.render(rows)]
        for level in report.levels where level.metrics.failed > 0 {
            let kinds = level.metrics.failedByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("level \(level.level + 1) errors: \(kinds.joined(separator: ", "))")
        }
        if let load = report.saturationLoad, let index = report.saturation.saturationIndex {
            let unit = report.levels.first?.unit ?? "users"
            let ordered = report.levels.filter { $0.phase != "ceiling" }
            let throughput = index < ordered.count ? ordered[index].metrics.requestThroughput : 0
            lines.append(
                "saturation   \(SaturationAnalysisFormat.number(load)) \(unit) at \(Format.fixed(throughput, 2)) req/s; "
                    + "past it: \(report.saturation.reason)")
        } else {
            lines.append("saturation   none held: \(report.saturation.reason)")
        }
        lines.append("peak         \(Format.fixed(report.peakThroughput, 2)) req/s measured at any level")
        lines.append("stored in    run \(report.runId) (proctor runs export \(report.runId) --format vllm-json)")
        return lines.joined(separator: "\n")
    }

    /// The report as JSON.
    static func json(_ report: LoadReport) throws -> String {
        String(decoding: try JSONOutput.encode(report), as: UTF8.self)
    }
}

/// Numbers as the saturation analysis writes them: integers without a decimal point.
enum SaturationAnalysisFormat {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : Format.fixed(value, 2)
    }
}

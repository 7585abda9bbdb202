import Foundation
import ProctorCore
import ProctorReport

/// A run's resources and energy for people: totals with their labels and sources, and for load
/// runs the per-level correlation table (CPU, memory, GPU, power, energy per request and token).
enum ResourceText {
    static func bytes(_ value: Double) -> String {
        value >= 1_073_741_824 ? "\(Format.fixed(value / 1_073_741_824, 2)) GiB" : "\(Format.fixed(value / 1_048_576, 0)) MiB"
    }

    static func text(_ summary: ResourceSummary) -> String {
        var lines: [String] = []
        let coverage = summary.runSeconds > 0 ? summary.coveredSeconds / summary.runSeconds : 0
        let components = summary.joulesByComponent.sorted { $0.key < $1.key }.map { "\($0.key) \(EnergyFormat.joules($0.value))" }
        lines.append(
            "energy       \(EnergyFormat.joules(summary.totalJoules)) \(summary.energySource) (\(components.joined(separator: ", "))) over "
                + "\(Format.fixed(summary.coveredSeconds, 1)) s of \(Format.fixed(summary.runSeconds, 1)) s (\(Format.percent(coverage)) covered)")
        if summary.requests > 0 {
            lines.append(
                "             \(EnergyFormat.joules(summary.requestJoules)) shared among \(summary.requests) requests while in flight, "
                    + "\(EnergyFormat.joules(summary.idleJoules)) idle")
        }
        var per: [String] = []
        if let perToken = summary.joulesPerOutputToken { per.append("\(EnergyFormat.joules(perToken)) per output token") }
        if let perCorrect = summary.joulesPerCorrect, let correct = summary.correct {
            per.append("\(EnergyFormat.joules(perCorrect)) per correct answer (\(correct) correct)")
        }
        if !per.isEmpty { lines.append("             " + per.joined(separator: " · ")) }
        lines.append("carbon       \(Format.fixed(summary.carbonGrams, 3)) g CO2e at \(Format.plain(summary.carbon.source))")
        lines.append("sources      " + summary.sources.map(Format.plain).joined(separator: "; "))
        if !summary.levels.isEmpty {
            var rows = [["level", "load", "CPU %", "server CPUs", "memory", "server RSS", "GPU %", "GPU memory", "power W", "energy", "J/request", "J/out token", "label"]]
            for level in summary.levels {
                rows.append([
                    String(level.level + 1), "\(SaturationAnalysisFormat.number(level.load)) \(level.unit)",
                    level.cpuPercent.map { Format.fixed($0, 1) } ?? "-", level.processCPUs.map { Format.fixed($0, 2) } ?? "-",
                    level.memoryUsedBytes.map(bytes) ?? "-", level.processRSSBytes.map(bytes) ?? "-",
                    level.gpuUtilizationPercent.map { Format.fixed($0, 1) } ?? "-", level.gpuMemoryUsedBytes.map(bytes) ?? "-",
                    level.watts.map { Format.fixed($0, 1) } ?? "-", level.joules.map(EnergyFormat.joules) ?? "-",
                    level.joulesPerRequest.map { Format.fixed($0, 2) } ?? "-", level.joulesPerOutputToken.map { Format.fixed($0, 4) } ?? "-",
                    level.energySource,
                ])
            }
            lines.append("resources per level (steady state: each level's middle 80%)")
            lines.append(Table.render(rows))
        }
        lines.append("recorded by  monitor run \(summary.monitorRunIds.joined(separator: ", "))")
        return lines.joined(separator: "\n")
    }
}

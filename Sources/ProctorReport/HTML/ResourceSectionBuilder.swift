import Foundation
import ProctorCore

/// The report's "Resources and energy" section: the totals with their labels and sources, the
/// carbon figure with its intensity's source, and for load runs the per-level table and energy
/// per output token against load. Without a recording it says so rather than estimating.
enum ResourceSectionBuilder {
    static func section(_ summary: ResourceSummary?, runId: String) -> Section {
        var section = Section(heading: "Resources and energy")
        guard let summary else {
            section.notes.append(
                "Run \(runId) recorded no resource or energy samples: CPU, memory, GPU and energy are not shown rather than estimated.")
            return section
        }
        let components = summary.joulesByComponent.sorted { $0.key < $1.key }.map { "\($0.key) \(EnergyFormat.joules($0.value))" }
        section.notes.append(
            "Energy \(EnergyFormat.joules(summary.totalJoules)), \(summary.energySource) (\(components.joined(separator: ", "))), over "
                + "\(ReportFormat.fixed(summary.coveredSeconds, 1)) s of the run's \(ReportFormat.fixed(summary.runSeconds, 1)) s.")
        if summary.requests > 0 {
            section.notes.append(
                "\(EnergyFormat.joules(summary.requestJoules)) shared among \(summary.requests) requests while in flight (equal shares at each moment), "
                    + "\(EnergyFormat.joules(summary.idleJoules)) idle.")
        }
        var per: [String] = []
        if let token = summary.joulesPerOutputToken { per.append("\(EnergyFormat.joules(token)) per output token") }
        if let correct = summary.joulesPerCorrect { per.append("\(EnergyFormat.joules(correct)) per correct answer") }
        if !per.isEmpty { section.notes.append(per.joined(separator: " · ") + ".") }
        section.notes.append("Carbon \(ReportFormat.fixed(summary.carbonGrams, 3)) g CO2e at \(summary.carbon.source).")
        section.notes.append("Sources: " + summary.sources.joined(separator: "; ") + ". Recorded by monitor run " + summary.monitorRunIds.joined(separator: ", ") + ".")
        guard !summary.levels.isEmpty else { return section }
        let rows = summary.levels.map { level in
            Table.Row(cells: [
                Table.Cell(String(level.level + 1)), Table.Cell("\(ReportFormat.fixed(level.load, 2)) \(level.unit)"),
                Table.Cell(level.cpuPercent.map { ReportFormat.fixed($0, 1) } ?? "–"),
                Table.Cell(level.processCPUs.map { ReportFormat.fixed($0, 2) } ?? "–"),
                Table.Cell(level.processRSSBytes.map { ReportFormat.fixed($0 / 1_048_576, 0) } ?? "–"),
                Table.Cell(level.gpuUtilizationPercent.map { ReportFormat.fixed($0, 1) } ?? "–"),
                Table.Cell(level.watts.map { ReportFormat.fixed($0, 1) } ?? "–"), Table.Cell(level.joules.map(EnergyFormat.joules) ?? "–"),
                Table.Cell(level.joulesPerRequest.map { ReportFormat.fixed($0, 3) } ?? "–"),
                Table.Cell(level.joulesPerOutputToken.map { ReportFormat.fixed($0, 4) } ?? "–"), Table.Cell(level.energySource),
            ])
        }
        section.tables.append(
            Table(
                caption: "Per level, over each level's steady state (its middle 80%)",
                headers: ["level", "load", "CPU %", "server CPUs", "server RSS MiB", "GPU %", "power W", "energy", "J/request", "J/output token", "label"],
                rows: rows))
        let points = summary.levels.compactMap { level in level.joulesPerOutputToken.map { (level.load, $0) } }
        if points.count > 1 {
            let chart = LineChart(
                title: "Energy per output token against load (\(summary.energySource))", xLabel: summary.levels[0].unit, yLabel: "J/token",
                series: [LineChart.Series(name: "J per output token", points: points)])
            section.figures.append(Figure(svg: chart.render()))
        }
        return section
    }

}

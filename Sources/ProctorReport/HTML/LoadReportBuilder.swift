import Foundation
import ProctorCore
import ProctorStore

/// The sections of a load report: the per-level table; throughput against offered load with the
/// saturation point; latency percentiles and error classes against load; TTFT and ITL
/// distributions; the client's lateness; time series with the levels shaded. Everything drawn
/// is a summary — bins and percentiles — so a 100,000-request run stays a small page.
struct LoadReportBuilder {
    /// One load run's stored data.
    struct Input {
        var run: Run
        var specification: LoadSpecification
        var levels: [LoadLevelRecord]
        var requests: [LoadRequestSample]
        var report: LoadReport
        var resources: ResourceSummary?
    }

    var input: Input
    /// Bins of a time series at most.
    var timeBins = 240

    func sections() -> [Section] {
        [levelSection(), loadCurves(), distributions(), timeSeries(), resources()]
    }

    private var unit: String { input.report.levels.first?.unit ?? "users" }
    private var id: String { input.run.id }

    private func levelSection() -> Section {
        var section = Section(heading: "Load levels of \(id)")
        let report = input.report
        section.notes.append(
            "Metrics follow vllm bench serve: TTFT to the first chunk with choices, ITL over every chunk gap, TPOT = (E2EL − TTFT)/(output tokens − 1); percentiles linearly interpolated. Lateness is the client's own delay between the scheduled and the actual send.")
        if let saturation = report.saturationLoad {
            section.notes.append("Saturation point: \(LoadComparison.format(saturation)) \(unit) (peak \(ReportFormat.fixed(report.peakThroughput)) req/s).")
        } else {
            section.notes.append("No level held its criteria, so there is no saturation point (peak \(ReportFormat.fixed(report.peakThroughput)) req/s).")
        }
        let rows = report.levels.map { level -> Table.Row in
            let m = level.metrics
            let classes = m.failedByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return Table.Row(cells: [
                Table.Cell("\(level.level)"), Table.Cell(level.phase), Table.Cell("\(LoadComparison.format(level.load)) \(level.unit)"),
                Table.Cell("\(m.completed + m.failed)", key: "requests:\(id):\(level.level)"),
                Table.Cell(ReportFormat.percent(m.errorRate) + (classes.isEmpty ? "" : " (\(classes))"), key: "errors:\(id):\(level.level)"),
                Table.Cell(ReportFormat.fixed(m.requestThroughput), key: "throughput:\(id):\(level.level)"),
                Table.Cell(ReportFormat.fixed(m.outputThroughput, 1)), Table.Cell(m.goodput.map { ReportFormat.fixed($0) } ?? "–"),
                Table.Cell("\(ReportFormat.ms(m.ttft.median)) / \(ReportFormat.ms(m.ttft.p90)) / \(ReportFormat.ms(m.ttft.p99))", key: "ttft:\(id):\(level.level)"),
                Table.Cell("\(ReportFormat.ms(m.tpot.median)) / \(ReportFormat.ms(m.tpot.p99))"),
                Table.Cell("\(ReportFormat.ms(m.itl.median)) / \(ReportFormat.ms(m.itl.p99))"),
                Table.Cell("\(ReportFormat.ms(m.e2el.median)) / \(ReportFormat.ms(m.e2el.p90)) / \(ReportFormat.ms(m.e2el.p99))"),
                Table.Cell(ReportFormat.ms(m.lateness.p99)), Table.Cell("\(m.peakConcurrency)"),
                Table.Cell(m.accuracy.map { ReportFormat.percent($0.value) } ?? "–", key: "accuracy:\(id):\(level.level)"),
            ])
        }
        section.tables.append(
            Table(
                caption: "Per level (times in ms)",
                headers: [
                    "level", "phase", "load", "requests", "errors", "req/s", "out tok/s", "goodput", "TTFT p50/p90/p99", "TPOT p50/p99",
                    "ITL p50/p99", "E2EL p50/p90/p99", "lateness p99", "peak in flight", "accuracy",
                ], rows: rows))
        return section
    }

    private func loadCurves() -> Section {
        var section = Section(heading: "Against load")
        let levels = input.report.levels.filter { $0.phase != "ceiling" }.sorted { $0.load < $1.load }
        let axis = unit == "users" ? "concurrent users" : "offered rate (req/s)"
        var throughput = LineChart(
            title: "Throughput against offered load", xLabel: axis, yLabel: "req/s",
            series: [LineChart.Series(name: "achieved req/s", points: levels.map { ($0.load, $0.metrics.requestThroughput) })])
        let goodput = levels.compactMap { level in level.metrics.goodput.map { (level.load, $0) } }
        if !goodput.isEmpty { throughput.series.append(LineChart.Series(name: "goodput", points: goodput)) }
        throughput.identity = unit != "users"
        if let saturation = input.report.saturationLoad { throughput.marker = (saturation, "saturation") }
        section.figures.append(Figure(svg: throughput.render()))
        for (name, pick) in [("TTFT", \LoadLevelMetrics.ttft), ("TPOT", \LoadLevelMetrics.tpot), ("E2EL", \LoadLevelMetrics.e2el)] {
            let chart = LineChart(
                title: "\(name) percentiles against load", xLabel: axis, yLabel: "ms",
                series: [
                    LineChart.Series(name: "p50", points: levels.map { ($0.load, $0.metrics[keyPath: pick].median * 1000) }),
                    LineChart.Series(name: "p90", points: levels.map { ($0.load, $0.metrics[keyPath: pick].p90 * 1000) }),
                    LineChart.Series(name: "p99", points: levels.map { ($0.load, $0.metrics[keyPath: pick].p99 * 1000) }),
                ])
            section.figures.append(Figure(svg: chart.render()))
        }
        let classes = Set(levels.flatMap { $0.metrics.failedByKind.keys }).sorted()
        if classes.isEmpty {
            section.notes.append("No request failed at any level.")
        } else {
            section.figures.append(
                Figure(
                    svg: StackedBarChart(
                        title: "Error rate by class against load", yLabel: "share of requests", parts: classes,
                        bars: levels.map { level in
                            let total = Double(max(level.metrics.completed + level.metrics.failed, 1))
                            return StackedBarChart.Bar(
                                label: LoadComparison.format(level.load), values: classes.map { Double(level.metrics.failedByKind[$0] ?? 0) / total })
                        }, percent: true
                    ).render()))
        }
        let scored = levels.compactMap { level in level.metrics.accuracy.map { (level, $0) } }
        if !scored.isEmpty {
            // Quality under load: answers scored per level, with their Wilson intervals.
            var accuracy = LineChart(
                title: "Accuracy against load", xLabel: axis, yLabel: "% correct",
                series: [
                    LineChart.Series(name: "accuracy", points: scored.map { ($0.0.load, $0.1.value * 100) }),
                    LineChart.Series(name: "95% low", points: scored.map { ($0.0.load, $0.1.confidenceInterval95.lowerBound * 100) }),
                    LineChart.Series(name: "95% high", points: scored.map { ($0.0.load, $0.1.confidenceInterval95.upperBound * 100) }),
                ])
            accuracy.fromZero = true
            section.figures.append(Figure(svg: accuracy.render()))
        }
        let lateness = LineChart(
            title: "Client lateness against load", xLabel: axis, yLabel: "ms",
            series: [
                LineChart.Series(name: "p50", points: levels.map { ($0.load, $0.metrics.lateness.median * 1000) }),
                LineChart.Series(name: "p99", points: levels.map { ($0.load, $0.metrics.lateness.p99 * 1000) }),
            ])
        section.figures.append(Figure(svg: lateness.render()))
        return section
    }

    private func distributions() -> Section {
        var section = Section(heading: "Distributions")
        let ttft = LoadComparison.values("ttft", input.requests).map { $0 * 1000 }
        let itl = LoadComparison.values("itl", input.requests).map { $0 * 1000 }
        if ttft.isEmpty {
            section.notes.append("No per-request records are stored for this run (an imported or older run): distributions are not available.")
            return section
        }
        section.figures.append(Figure(svg: HistogramChart(title: "TTFT, all levels", xLabel: "ms", values: ttft).render()))
        if !itl.isEmpty {
            section.figures.append(Figure(svg: HistogramChart(title: "ITL, all levels", xLabel: "ms", values: itl).render()))
        }
        return section
    }

    private func timeSeries() -> Section {
        var section = Section(heading: "Over time")
        guard !input.requests.isEmpty, let start = input.levels.map(\.startedAt).min() else {
            section.notes.append("No per-request records: no time series.")
            return section
        }
        let offsets = Dictionary(input.levels.map { ($0.level, $0.startedAt.timeIntervalSince(start)) }, uniquingKeysWith: { a, _ in a })
        var end = 0.0
        for request in input.requests { end = max(end, (offsets[request.level] ?? 0) + request.ended) }
        let width = max(end / Double(timeBins), min(1, end / 20), 0.001)
        let count = Int(end / width) + 1
        var completed = [Double](repeating: 0, count: count)
        var tokens = [Double](repeating: 0, count: count)
        var busy = [Double](repeating: 0, count: count)
        var latencies = [[Double]](repeating: [], count: count)
        var lateness = [[Double]](repeating: [], count: count)
        for request in input.requests {
            let offset = offsets[request.level] ?? 0
            let sent = offset + request.sent
            let ended = offset + request.ended
            let endBin = min(count - 1, Int(ended / width))
            if request.succeeded {
                completed[endBin] += 1
                tokens[endBin] += Double(request.outputLength)
                latencies[endBin].append((ended - sent) * 1000)
            }
            lateness[min(count - 1, Int(sent / width))].append(max(0, request.sent - request.scheduled) * 1000)
            var bin = Int(sent / width)
            while bin <= endBin, bin < count {
                let from = max(sent, Double(bin) * width)
                let to = min(ended, Double(bin + 1) * width)
                busy[bin] += max(0, to - from) / width
                bin += 1
            }
        }
        let times = (0..<count).map { (Double($0) + 0.5) * width }
        let bands = input.levels.sorted { $0.level < $1.level }.map { level -> LineChart.Band in
            let from = level.startedAt.timeIntervalSince(start)
            return LineChart.Band(from: from, to: from + level.metrics.duration, label: "\(LoadComparison.format(level.load)) \(level.unit)")
        }
        func chart(_ title: String, _ y: String, _ series: [LineChart.Series]) -> Figure {
            var chart = LineChart(title: title, xLabel: "seconds since start", yLabel: y, series: series)
            chart.bands = bands
            return Figure(svg: chart.render(width: 1080, height: 260))
        }
        section.notes.append("Bins of \(String(format: "%.2f", width)) s; load levels shaded.")
        section.figures.append(chart("Throughput over time", "per second", [
            LineChart.Series(name: "requests/s", points: zip(times, completed).map { ($0, $1 / width) }),
            LineChart.Series(name: "output tok/s ÷ 10", points: zip(times, tokens).map { ($0, $1 / width / 10) }),
        ]))
        section.figures.append(chart("Requests in flight over time (mean per bin)", "requests", [
            LineChart.Series(name: "in flight", points: zip(times, busy).map { ($0, $1) })
        ]))
        section.figures.append(chart("E2EL over time (by completion)", "ms", [
            LineChart.Series(name: "p50", points: zip(times, latencies).compactMap { $1.isEmpty ? nil : ($0, Self.percentile($1, 50)) }),
            LineChart.Series(name: "p90", points: zip(times, latencies).compactMap { $1.isEmpty ? nil : ($0, Self.percentile($1, 90)) }),
        ]))
        section.figures.append(chart("Client lateness over time (by send)", "ms", [
            LineChart.Series(name: "p99", points: zip(times, lateness).compactMap { $1.isEmpty ? nil : ($0, Self.percentile($1, 99)) })
        ]))
        return section
    }

    private func resources() -> Section {
        ResourceSectionBuilder.section(input.resources, runId: input.run.id)
    }

    /// A section comparing `candidate` with `base` level by level, as `proctor compare` does.
    static func comparisonSection(base: Input, candidate: Input, bootstrap: PairedBootstrap) -> Section {
        let comparison = LoadComparison(
            base: base.report, candidate: candidate.report, baseRequests: base.requests, candidateRequests: candidate.requests,
            bootstrap: PairedBootstrap(iterations: min(bootstrap.iterations, 1000), seed: bootstrap.seed))
        var section = Section(heading: "\(candidate.run.id) against \(base.run.id), level by level")
        section.notes.append(
            "Differences are candidate − base; intervals from a bootstrap over each run's requests (\(comparison.iterations) resamples, seed \(comparison.seed)). Saturation: \(comparison.baseSaturation.map(LoadComparison.format) ?? "none") → \(comparison.candidateSaturation.map(LoadComparison.format) ?? "none").")
        if !comparison.unmatchedLevels.isEmpty { section.notes.append("Unmatched levels: \(comparison.unmatchedLevels.joined(separator: ", ")).") }
        var rows: [Table.Row] = []
        for level in comparison.levels {
            var cells = [
                Table.Cell("\(LoadComparison.format(level.load)) \(level.unit)"),
                Table.Cell(String(format: "%.2f → %.2f", level.requestThroughput[0], level.requestThroughput[1])),
                Table.Cell("\(ReportFormat.percent(level.errorRate[0])) → \(ReportFormat.percent(level.errorRate[1]))"),
            ]
            for metric in LoadComparison.metrics {
                guard let found = level.percentile(metric, 90) else {
                    cells.append(Table.Cell("–"))
                    continue
                }
                let interval = found.bootstrap.map { String(format: " [%+.1f, %+.1f]", $0.interval.lowerBound * 1000, $0.interval.upperBound * 1000) } ?? ""
                cells.append(Table.Cell(String(format: "%+.1f", (found.candidate - found.base) * 1000) + interval))
            }
            rows.append(Table.Row(cells: cells))
        }
        section.tables.append(
            Table(
                caption: "p90 differences in ms with 95% intervals", headers: ["level", "req/s", "errors", "TTFT p90 Δ", "TPOT p90 Δ", "ITL p90 Δ", "E2EL p90 Δ"],
                rows: rows))
        return section
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        Statistics.percentile(sorted: values.sorted(), p)
    }
}

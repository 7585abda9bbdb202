import Foundation
import ProctorCore

/// Renders a run and its summary for people (text) or machines (JSON).
enum SummaryReport {
    static func text(run: Run, specification: EvalSpecification, summary: EvalSummary) -> String {
        var lines: [String] = []
        let model = run.modelId.map { "\(run.modelName) (server id \(displayId($0)))" } ?? run.modelName
        lines.append(
            "run \(run.id) · \(specification.benchmark) · protocol \(specification.promptProtocol) · \(run.status.rawValue)")
        lines.append("model        \(model) @ \(run.endpointURL)")
        let errorDetail = summary.errorsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append(
            "samples      \(summary.samples) of \(specification.sampleIds.count)"
                + (summary.turns.map { " · turns \($0)" } ?? "") + " · scored \(summary.scored) · errors \(summary.errors)"
                + (errorDetail.isEmpty ? "" : " (\(errorDetail))"))
        if summary.extractors.isEmpty {
            lines.append("accuracy     none claimed: the task has no references; every output is stored")
        }
        for (index, extractor) in summary.extractors.enumerated() {
            let ci = extractor.accuracy.confidenceInterval95
            let name = extractor.name.padding(toLength: 17, withPad: " ", startingAt: 0)
            lines.append(
                (index == 0 ? "accuracy     " : "             ") + name
                    + "\(Format.percent(extractor.accuracy.value)) (\(extractor.accuracy.successes)/\(extractor.accuracy.trials))"
                    + "  95% CI [\(Format.percent(ci.lowerBound)), \(Format.percent(ci.upperBound))]"
                    + "  ± \(Format.percent(extractor.accuracy.standardError)) stderr")
            if extractor.unscorable > 0 {
                let reasons = extractor.unscorableByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                lines.append(
                    "                               of scorable: \(Format.percent(extractor.scorableAccuracy.value)) "
                        + "(\(extractor.scorableAccuracy.successes)/\(extractor.scorableAccuracy.trials)); unscorable "
                        + "\(extractor.unscorable): \(reasons.joined(separator: ", "))")
            }
            if let metrics = extractor.metrics, !metrics.isEmpty {
                let means = metrics.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.fixed($0.value, 3))" }
                lines.append("                               means: \(means.joined(separator: " · "))")
            }
            if !extractor.decidedBy.isEmpty {
                let rules = extractor.decidedBy.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                lines.append("                               decided by: \(rules.joined(separator: ", "))")
            }
        }
        for breakdown in summary.breakdowns {
            lines.append("by \(breakdown.key) ".padding(toLength: max(13, breakdown.key.count + 4), withPad: " ", startingAt: 0) + breakdownText(breakdown))
        }
        lines.append("tokens       in \(Format.count(summary.promptTokens)) · out \(Format.count(summary.completionTokens))")
        let latency = summary.latency
        lines.append(
            "latency      p50 \(Format.seconds(latency.median)) · p95 \(Format.seconds(latency.p95)) · p99 \(Format.seconds(latency.p99))"
                + (summary.timeToFirstToken.count > 0 ? " · TTFT p50 \(Format.seconds(summary.timeToFirstToken.median))" : ""))
        lines.append("throughput   \(Format.fixed(summary.requestsPerSecond, 2)) requests/s")
        lines.append("wall time    \(Format.seconds(summary.wallSeconds))")
        lines.append("stored in    run \(run.id) (proctor runs show \(run.id))")
        return lines.joined(separator: "\n")
    }

    private static func breakdownText(_ breakdown: EvalSummary.Breakdown) -> String {
        breakdown.rows.map { row in
            "\(row.value) \(Format.percent(row.accuracy.value)) (\(row.accuracy.successes)/\(row.accuracy.trials))"
        }.joined(separator: " · ")
    }

    /// A model id for display: llama-server reports the model file's path, whose name says enough.
    static func displayId(_ id: String) -> String {
        id.split(separator: "/").last.map(String.init) ?? id
    }

    struct JSONReport: Encodable {
        var run: Run
        var summary: EvalSummary
    }

    static func json(run: Run, specification: EvalSpecification, summary: EvalSummary) throws -> String {
        String(decoding: try JSONOutput.encode(JSONReport(run: compact(run, specification), summary: summary)), as: UTF8.self)
    }

    /// The run without its sample id list, which can hold thousands of ids.
    static func compact(_ run: Run, _ specification: EvalSpecification) -> Run {
        var compact = run
        var trimmed = specification
        trimmed.sampleIds = []
        compact.specification = .eval(trimmed)
        return compact
    }
}

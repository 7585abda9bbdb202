import Foundation
import ProctorCore

/// A comparison (and its gates) as Markdown for a pull-request comment: one table, the
/// verdicts, the flipped items folded away and capped so the comment stays under GitHub's limit,
/// and a footer with the seeds and both runs' hashes.
public enum ComparisonMarkdown {
    /// Flipped items listed at most, per extractor.
    public static let flippedLimit = 50

    /// The Markdown of `comparison`, with `gates` when a gate file was applied.
    public static func render(_ comparison: RunComparison, gates: GateReport? = nil) -> String {
        var lines: [String] = []
        let a = comparison.base
        let b = comparison.candidate
        lines.append("### Proctor: \(MarkdownText.escape(b.benchmark)) — \(MarkdownText.escape(b.model)) (`\(b.id)`) vs \(MarkdownText.escape(a.model)) (`\(a.id)`)")
        lines.append("")
        if let gates {
            lines.append(gates.passed ? "**Gates passed.**" : "**Gates failed.**")
            lines.append("")
            lines.append(contentsOf: gateTable(gates))
            lines.append("")
        }
        switch comparison.figures {
        case .eval(let eval): lines.append(contentsOf: evalSection(eval))
        case .load(let load): lines.append(contentsOf: loadSection(load))
        }
        for difference in comparison.allowedDifferences {
            lines.append("> ⚠️ set-up differs (allowed): \(MarkdownText.escape(difference.description, limit: 300))")
        }
        lines.append("")
        lines.append(
            "<sub>base `\(a.id)` config \(a.configHash.prefix(12)) dataset \(a.datasetSHA256.prefix(12)) · candidate `\(b.id)` config \(b.configHash.prefix(12)) dataset \(b.datasetSHA256.prefix(12)) · protocol \(MarkdownText.escape(b.protocolName)) · bootstrap \(comparison.iterations) resamples, seed \(comparison.seed) (splitmix64)</sub>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func gateTable(_ gates: GateReport) -> [String] {
        var lines = ["| | threshold | value | limit | baseline | p | n |", "|---|---|---|---|---|---|---|"]
        for outcome in gates.outcomes {
            let mark = switch outcome.status {
            case .pass: "✅"
            case .fail: outcome.fails ? "❌" : "⚠️"
            case .inconclusive: outcome.fails ? "❔❌" : "❔"
            }
            lines.append(
                "| \(mark) | `\(outcome.metric)`: `\(outcome.expression)` | \(number(outcome.value)) | \(number(outcome.limit)) | \(number(outcome.baseline)) | \(outcome.p.map { String(format: "%.3g", $0) } ?? "") | \(outcome.samples.map(String.init) ?? "") |")
        }
        for outcome in gates.outcomes where outcome.status != .pass {
            lines.append("")
            lines.append("- `\(outcome.metric)` `\(outcome.expression)` (\(outcome.location)): \(MarkdownText.escape(outcome.reason, limit: 400))")
        }
        return lines
    }

    static func evalSection(_ eval: EvalComparison) -> [String] {
        var lines = [
            "| extractor | base | candidate | Δ [bootstrap 95% CI] | paired SE | p (test) | 2×2 (both ✓ / base only / cand only / both ✗) | n |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for extractor in eval.extractors {
            let interval = extractor.bootstrap?.interval ?? extractor.difference.interval95
            lines.append(
                "| \(MarkdownText.escape(extractor.name)) | \(percent(extractor.base.value)) | \(percent(extractor.candidate.value)) | \(signedPoints(extractor.difference.delta)) [\(signedPoints(interval.lowerBound)), \(signedPoints(interval.upperBound))] | \(String(format: "%.1f pp", extractor.difference.standardError * 100)) | \(String(format: "%.3g", extractor.p)) (\(extractor.test)) | \(extractor.bothRight) / \(extractor.mcnemar.baseOnly) / \(extractor.mcnemar.candidateOnly) / \(extractor.bothWrong) | \(extractor.base.trials) |")
        }
        if let scores = eval.scores {
            let interval = scores.bootstrap?.interval ?? scores.difference.interval95
            lines.append(
                "| \(scores.label) | \(String(format: "%.2f", scores.difference.baseMean)) | \(String(format: "%.2f", scores.difference.candidateMean)) | \(String(format: "%+.2f", scores.difference.delta)) [\(String(format: "%+.2f", interval.lowerBound)), \(String(format: "%+.2f", interval.upperBound))] | \(scores.bootstrap.map { String(format: "%.3g", $0.p) } ?? "–") (cluster bootstrap) | | \(scores.difference.count) |")
        }
        lines.append("")
        for extractor in eval.extractors where extractor.p >= 0.05 {
            lines.append(
                "No significant difference for \(MarkdownText.escape(extractor.name)): this comparison can detect ≥ \(String(format: "%.1f", extractor.difference.minimumDetectableEffect * 100)) pp (80% power, α 0.05).")
        }
        lines.append(
            "Paired on \(eval.paired) items\(eval.clustered ? ", clustered by sample" : ""); \(eval.unmatched) unmatched or failed in transport (never scored).")
        for extractor in eval.extractors where !extractor.flipped.isEmpty {
            lines.append("")
            lines.append("<details><summary>\(extractor.flipped.count) flipped items (\(MarkdownText.escape(extractor.name))): \(extractor.mcnemar.baseOnly) lost, \(extractor.mcnemar.candidateOnly) won</summary>")
            lines.append("")
            lines.append("| | sample | turn | base answer | candidate answer | reference |")
            lines.append("|---|---|---|---|---|---|")
            for item in extractor.flipped.prefix(flippedLimit) {
                lines.append(
                    "| \(item.regressed ? "✓→✗" : "✗→✓") | \(MarkdownText.escape(item.sampleId)) | \(item.turn) | \(MarkdownText.escape(item.baseExtracted ?? "—", limit: 60)) | \(MarkdownText.escape(item.candidateExtracted ?? "—", limit: 60)) | \(MarkdownText.escape(item.reference, limit: 60)) |")
            }
            if extractor.flipped.count > flippedLimit {
                lines.append("")
                lines.append("…and \(extractor.flipped.count - flippedLimit) more (`proctor compare --json` lists all).")
            }
            lines.append("")
            lines.append("</details>")
        }
        return lines
    }

    static func loadSection(_ load: LoadComparison) -> [String] {
        var lines = [
            "| level | req/s base → cand | errors base → cand | TTFT p90 Δ [95% CI] | TPOT p90 Δ | E2EL p90 Δ [95% CI] |",
            "|---|---|---|---|---|---|",
        ]
        for level in load.levels {
            func delta(_ metric: String, interval: Bool) -> String {
                guard let found = level.percentile(metric, 90) else { return "–" }
                let main = String(format: "%+.1f ms", (found.candidate - found.base) * 1000)
                guard interval, let bootstrap = found.bootstrap else { return main }
                return main + String(format: " [%+.1f, %+.1f]", bootstrap.interval.lowerBound * 1000, bootstrap.interval.upperBound * 1000)
            }
            lines.append(
                "| \(LoadComparison.format(level.load)) \(level.unit) | \(String(format: "%.2f → %.2f", level.requestThroughput[0], level.requestThroughput[1])) | \(percent(level.errorRate[0])) → \(percent(level.errorRate[1])) | \(delta("ttft", interval: true)) | \(delta("tpot", interval: false)) | \(delta("e2el", interval: true)) |")
        }
        lines.append("")
        lines.append(
            "Saturation: base \(load.baseSaturation.map(LoadComparison.format) ?? "none") → candidate \(load.candidateSaturation.map(LoadComparison.format) ?? "none"); peak \(String(format: "%.2f → %.2f req/s", load.peakThroughput[0], load.peakThroughput[1])).")
        if !load.unmatchedLevels.isEmpty {
            lines.append("Unmatched levels: \(load.unmatchedLevels.joined(separator: ", ")).")
        }
        return lines
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
    static func signedPoints(_ value: Double) -> String { String(format: "%+.1f pp", value * 100) }
    static func number(_ value: Double?) -> String { value.map { String(format: "%.4g", $0) } ?? "" }
}

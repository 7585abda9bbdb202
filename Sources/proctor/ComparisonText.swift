import Foundation
import ProctorCore
import ProctorReport

/// Comparisons and gate outcomes for a terminal: model text passes through ``Format/plain``, so
/// an answer cannot move the cursor or recolour the screen.
enum ComparisonText {
    static func text(_ comparison: RunComparison, gates: GateReport?) -> String {
        var lines = [
            "compare \(comparison.candidate.id) (\(Format.plain(comparison.candidate.model))) against base \(comparison.base.id) (\(Format.plain(comparison.base.model))) · \(Format.plain(comparison.base.benchmark))"
        ]
        for difference in comparison.allowedDifferences { lines.append("warning: set-up differs (allowed): \(Format.plain(difference.description))") }
        switch comparison.figures {
        case .eval(let eval): lines += evalLines(eval)
        case .load(let load): lines += loadLines(load)
        }
        lines.append("bootstrap \(comparison.iterations) resamples, seed \(comparison.seed) (splitmix64)")
        if let gates { lines.append(""); lines.append(Self.gates(gates)) }
        return lines.joined(separator: "\n")
    }

    static func evalLines(_ eval: EvalComparison) -> [String] {
        var lines = ["paired items \(eval.paired)\(eval.clustered ? " (clustered by sample)" : "") · unmatched or failed \(eval.unmatched)", ""]
        if !eval.extractors.isEmpty {
            lines.append("extractor              base     cand     Δ (bootstrap 95% CI)        p (test)                       both✓ base✓ cand✓ both✗")
        }
        for e in eval.extractors {
            let interval = e.bootstrap?.interval ?? e.difference.interval95
            lines.append(
                Format.plain(e.name).padding(toLength: 22, withPad: " ", startingAt: 0) + " "
                    + Format.percent(e.base.value).padding(toLength: 8, withPad: " ", startingAt: 0) + " "
                    + Format.percent(e.candidate.value).padding(toLength: 8, withPad: " ", startingAt: 0) + " "
                    + String(format: "%+.1f pp [%+.1f, %+.1f]", e.difference.delta * 100, interval.lowerBound * 100, interval.upperBound * 100)
                        .padding(toLength: 27, withPad: " ", startingAt: 0) + " "
                    + "\(String(format: "%.3g", e.p)) (\(e.test))".padding(toLength: 30, withPad: " ", startingAt: 0) + " "
                    + "\(e.bothRight) \(e.mcnemar.baseOnly) \(e.mcnemar.candidateOnly) \(e.bothWrong)")
            let normal = e.difference.interval95
            lines.append(
                String(
                    format: "  paired SE %.1f pp%@ (normal 95%% CI [%+.1f, %+.1f]) · correlation %.2f", e.difference.standardError * 100,
                    eval.clustered ? ", clustered" : "", normal.lowerBound * 100, normal.upperBound * 100, e.difference.correlation))
            if e.p >= 0.05 {
                lines.append(String(format: "  no significant difference; this comparison can detect ≥ %.1f pp (80%% power, α 0.05)", e.difference.minimumDetectableEffect * 100))
            }
        }
        if let scores = eval.scores {
            let interval = scores.bootstrap?.interval ?? scores.difference.interval95
            lines.append(
                String(
                    format: "%@: %.2f → %.2f, Δ %+.2f [%+.2f, %+.2f], p %@ (cluster bootstrap over %d questions)", scores.label, scores.difference.baseMean,
                    scores.difference.candidateMean, scores.difference.delta, interval.lowerBound, interval.upperBound,
                    scores.bootstrap.map { String(format: "%.3g", $0.p) } ?? "–", scores.difference.clusters))
        }
        if let primary = eval.extractors.first, !primary.flipped.isEmpty {
            lines.append("")
            lines.append("flipped (\(Format.plain(primary.name))): \(primary.mcnemar.baseOnly) lost, \(primary.mcnemar.candidateOnly) won; first 10:")
            for item in primary.flipped.prefix(10) {
                lines.append(
                    "  \(item.regressed ? "✓→✗" : "✗→✓") \(Format.plain(item.sampleId)) t\(item.turn): \(Format.plain(String((item.baseExtracted ?? "—").prefix(30)))) → \(Format.plain(String((item.candidateExtracted ?? "—").prefix(30)))) (reference \(Format.plain(String(item.reference.prefix(30)))))")
            }
        }
        return lines
    }

    static func loadLines(_ load: LoadComparison) -> [String] {
        var lines = ["level        req/s base → cand   errors base → cand   TTFT p90 Δ ms [95% CI]      E2EL p90 Δ ms [95% CI]"]
        for level in load.levels {
            func delta(_ metric: String) -> String {
                guard let found = level.percentile(metric, 90) else { return "–" }
                let interval = found.bootstrap.map { String(format: " [%+.1f, %+.1f]", $0.interval.lowerBound * 1000, $0.interval.upperBound * 1000) } ?? ""
                return String(format: "%+.1f", (found.candidate - found.base) * 1000) + interval
            }
            lines.append(
                "\(LoadComparison.format(level.load)) \(level.unit)".padding(toLength: 12, withPad: " ", startingAt: 0) + " "
                    + String(format: "%.2f → %.2f", level.requestThroughput[0], level.requestThroughput[1]).padding(toLength: 19, withPad: " ", startingAt: 0) + " "
                    + "\(Format.percent(level.errorRate[0])) → \(Format.percent(level.errorRate[1]))".padding(toLength: 20, withPad: " ", startingAt: 0) + " "
                    + delta("ttft").padding(toLength: 27, withPad: " ", startingAt: 0) + " " + delta("e2el"))
        }
        lines.append(
            "saturation \(load.baseSaturation.map(LoadComparison.format) ?? "none") → \(load.candidateSaturation.map(LoadComparison.format) ?? "none") · peak \(String(format: "%.2f → %.2f", load.peakThroughput[0], load.peakThroughput[1])) req/s")
        if !load.unmatchedLevels.isEmpty { lines.append("unmatched levels: \(load.unmatchedLevels.joined(separator: ", "))") }
        return lines
    }

    static func gates(_ report: GateReport) -> String {
        var lines = [report.passed ? "gates passed" : "gates FAILED"]
        for outcome in report.outcomes {
            let mark = switch outcome.status {
            case .pass: "pass"
            case .fail: outcome.fails ? "FAIL" : "fail (warn only)"
            case .inconclusive: outcome.fails ? "INCONCLUSIVE (fails)" : "inconclusive"
            }
            lines.append("  \(mark + String(repeating: " ", count: max(0, 5 - mark.count))) \(outcome.metric): \(outcome.expression) — \(Format.plain(outcome.reason)) (\(outcome.location))")
        }
        return lines.joined(separator: "\n")
    }
}

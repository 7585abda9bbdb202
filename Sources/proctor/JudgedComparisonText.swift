import Foundation
import ProctorCore
import ProctorRunner

/// Renders judged runs for people: the ranking with intervals, scores per category and turn,
/// what did not count, the judge's spread, tokens and cost, and the pairwise tally.
enum JudgedComparisonText {
    static func text(_ comparison: JudgedComparison) -> String {
        var lines: [String] = []
        let names = Dictionary(comparison.entries.map { ($0.runId, Format.plain(SummaryReport.displayId($0.model))) }) { a, _ in a }
        let title = comparison.benchmark == "mt-bench" ? "MT-bench" : comparison.benchmark
        if let judge = comparison.entries.compactMap(\.judge).first {
            lines.append(
                "\(title) · judge \(Format.plain(SummaryReport.displayId(judge))) · \(comparison.judgeSamples) judgment(s) per answer"
                    + " · 95% intervals: bootstrap over questions, \(comparison.bootstrapResamples) resamples, seed \(comparison.bootstrapSeed)")
        } else {
            lines.append("\(title) · answers only (not judged yet: proctor judge RUN --judge MODEL)")
        }
        let scored = comparison.entries.filter { $0.scores != nil }
        if !scored.isEmpty {
            lines.append("")
            lines.append(
                row(["#", "model", "run", "MT-bench", "95% interval", "turn 1", "turn 2", "rated", "uncounted"], widths: scoreWidths))
            for (rank, entry) in scored.enumerated() {
                guard let scores = entry.scores else { continue }
                lines.append(
                    row([
                        "\(rank + 1)", names[entry.runId] ?? entry.model, entry.runId, score(scores.overall),
                        interval(scores.overall), score(scores.turns[1]), score(scores.turns[2]), "\(scores.rated)",
                        uncounted(scores),
                    ], widths: scoreWidths))
            }
            lines.append("")
            lines.append("by turn and category: mean [95% interval]")
            for entry in scored {
                guard let scores = entry.scores else { continue }
                lines.append(
                    "  \(names[entry.runId] ?? entry.model) (\(entry.runId)): turn 1 \(withInterval(scores.turns[1]))"
                        + " · turn 2 \(withInterval(scores.turns[2]))")
                for category in scores.categories {
                    lines.append(
                        "    \(category.category.padding(toLength: 11, withPad: " ", startingAt: 0))"
                            + "turn 1 \(withInterval(category.turns[1])) · turn 2 \(withInterval(category.turns[2]))"
                            + " · both \(withInterval(category.overall))")
                }
                if let spread = scores.spread {
                    lines.append(
                        "    judge spread over \(spread.answers) answers: mean sd \(Format.fixed(spread.meanStandardDeviation, 2))"
                            + " · max sd \(Format.fixed(spread.maxStandardDeviation, 2)) · all ratings equal on "
                            + Format.percent(spread.agreement))
                }
            }
        }
        let rubrics = comparison.entries.compactMap { entry in entry.rubric.map { (entry, $0) } }
        if !rubrics.isEmpty {
            lines.append("")
            lines.append("by criterion: mean [95% interval] over the judged answers")
            for (entry, rubric) in rubrics {
                var cells = rubric.criteria.map { "\($0.name) \(withInterval($0.score))" }
                if let graded = rubric.graded {
                    cells.append("graded correct \(Format.percent(graded.value)) (\(graded.successes)/\(graded.trials))")
                }
                let uncounted =
                    (rubric.unparsed.sorted { $0.key < $1.key } + rubric.judgeErrors.sorted { $0.key < $1.key })
                    .map { "\($0.value) \($0.key)" }
                lines.append(
                    "  \(names[entry.runId] ?? entry.model) (\(entry.runId)): " + (cells.isEmpty ? "no verdict" : cells.joined(separator: " · "))
                        + " · judged \(rubric.judged)" + (uncounted.isEmpty ? "" : " · uncounted: " + uncounted.joined(separator: ", ")))
            }
        }
        if let pairwise = comparison.pairwise {
            lines.append("")
            lines.append(
                "pairwise (both orders; a tie or disagreeing orders count as a tie)"
                    + (pairwise.baselineRunId.map { " against \(names[$0] ?? $0)" } ?? ", all pairs")
                    + ": \(pairwise.matches) matches, \(pairwise.inconsistent) inconsistent, \(pairwise.dropped) dropped (no verdict)")
            lines.append(row(["model", "run", "win", "loss", "tie", "win rate", "adjusted"], widths: pairWidths))
            for record in pairwise.records {
                lines.append(
                    row([
                        names[record.runId] ?? record.runId, record.runId, "\(record.wins)", "\(record.losses)", "\(record.ties)",
                        Format.percent(record.winRate), Format.percent(record.adjustedWinRate),
                    ], widths: pairWidths))
            }
        }
        lines.append("")
        for entry in comparison.entries {
            let errors = entry.answerErrors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append(
                "\(entry.runId) \(names[entry.runId] ?? entry.model): \(entry.answers) answers to \(entry.questions) questions"
                    + (entry.reusedAnswers > 0 ? " (\(entry.reusedAnswers) reused)" : "")
                    + (errors.isEmpty ? "" : " · failed turns: \(errors)")
                    + (entry.sourceRunId.map { " · from run \($0)" } ?? ""))
            lines.append(
                "  tokens  model in \(Format.count(entry.modelTokens.promptTokens)) out \(Format.count(entry.modelTokens.completionTokens))"
                    + cost(entry.modelCost)
                    + " · judge in \(Format.count(entry.judgeTokens.promptTokens)) out \(Format.count(entry.judgeTokens.completionTokens))"
                    + cost(entry.judgeCost))
        }
        return lines.joined(separator: "\n")
    }

    private static func score(_ score: SingleGradeSummary.Score?) -> String {
        score.map { Format.fixed($0.mean, 2) } ?? "–"
    }

    private static func withInterval(_ score: SingleGradeSummary.Score?) -> String {
        score.map { "\(Format.fixed($0.mean, 2)) \(interval($0))" } ?? "–"
    }

    private static func interval(_ score: SingleGradeSummary.Score?) -> String {
        score.map { "[\(Format.fixed($0.low, 2)), \(Format.fixed($0.high, 2))]" } ?? "–"
    }

    private static func uncounted(_ scores: SingleGradeSummary) -> String {
        guard scores.uncounted > 0 else { return "0" }
        var parts: [String] = []
        if scores.unparsed > 0 { parts.append("\(scores.unparsed) no rating") }
        parts += scores.judgeErrors.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        return parts.joined(separator: ", ")
    }

    private static func cost(_ dollars: Double?) -> String {
        dollars.map { String(format: " ($%.4f)", $0) } ?? " (cost unknown: no prices in the config)"
    }

    private static let scoreWidths = [3, 22, 10, 9, 15, 7, 7, 6, 10]
    private static let pairWidths = [22, 10, 5, 5, 5, 9, 9]

    private static func row(_ cells: [String], widths: [Int]) -> String {
        return cells.enumerated().map { index, cell in
            index < widths.count - 1 ? cell.padding(toLength: max(widths[index], cell.count), withPad: " ", startingAt: 0) : cell
        }.joined(separator: " ")
    }

    /// The comparison as JSON.
    static func json(_ comparison: JudgedComparison) throws -> String {
        String(decoding: try JSONOutput.encode(comparison), as: UTF8.self)
    }
}

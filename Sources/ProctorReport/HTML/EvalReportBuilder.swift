import Foundation
import ProctorCore
import ProctorStore

/// The sections of an evaluation report: accuracy with Wilson intervals per run, extractor and
/// group; with several runs, the paired differences against the first as a forest plot and the
/// McNemar tables; judge scores as an MT-bench heatmap, win/tie/loss and the judge's spread; and
/// the per-sample table with flipped items marked.
struct EvalReportBuilder {
    /// One evaluation run's stored data.
    struct Input {
        var run: Run
        var specification: EvalSpecification
        var results: [SampleResultRecord]
        var judgments: [Judgment]
        var summary: EvalSummary
    }

    var inputs: [Input]
    var bootstrap: PairedBootstrap
    /// Rows of the sample table at most.
    var sampleLimit = 500
    /// Rows of the sample table to skip (a dashboard page beyond the first).
    var sampleOffset = 0

    func sections() -> (sections: [Section], samples: SampleTable?) {
        var sections = [accuracySection()]
        sections.append(contentsOf: breakdownSections())
        var comparisons: [(Input, EvalComparison)] = []
        if let base = inputs.first, inputs.count > 1 {
            // Items of different benchmarks or datasets share ids by accident, not by meaning.
            let comparable = inputs.dropFirst().filter { candidate in
                !RunCompatibility.differences(base.run, candidate.run).contains { $0.aspect == .benchmark || $0.aspect == .dataset }
            }
            for candidate in comparable {
                comparisons.append(
                    (candidate,
                     EvalComparison(
                        base: base.results, candidate: candidate.results, extractorNames: base.specification.extractorNames,
                        baseJudgments: base.judgments, candidateJudgments: candidate.judgments, bootstrap: bootstrap)))
            }
            if !comparisons.isEmpty { sections.append(comparisonSection(base: base, comparisons)) }
        }
        sections.append(contentsOf: judgedSections())
        let shown = inputs.last
        let flips = comparisons.last?.1.extractors.first?.flipped ?? []
        return (sections, shown.map { sampleTable($0, flips: flips) })
    }

    private func accuracySection() -> Section {
        var rows: [Table.Row] = []
        var chart: [IntervalChart.Row] = []
        for input in inputs {
            for extractor in input.summary.extractors {
                let accuracy = extractor.accuracy
                rows.append(
                    Table.Row(cells: [
                        Table.Cell(input.run.id), Table.Cell(extractor.name),
                        Table.Cell(ReportFormat.percent(accuracy.value), key: "accuracy:\(input.run.id):\(extractor.name)"),
                        Table.Cell(ReportFormat.interval(accuracy.confidenceInterval95)), Table.Cell("\(accuracy.successes)/\(accuracy.trials)"),
                        Table.Cell("\(extractor.unscorable)"), Table.Cell("\(input.summary.errors)", key: "errors:\(input.run.id)"),
                    ]))
                chart.append(
                    IntervalChart.Row(
                        label: "\(input.run.id) · \(extractor.name)", value: accuracy.value, low: accuracy.confidenceInterval95.lowerBound,
                        high: accuracy.confidenceInterval95.upperBound, note: "\(ReportFormat.percent(accuracy.value)) n=\(accuracy.trials)"))
            }
        }
        var section = Section(heading: "Accuracy")
        section.notes = [
            "95% Wilson intervals. Requests that failed in transport are never scored: they are counted under errors and left out of accuracy."
        ]
        if !chart.isEmpty {
            section.figures.append(Figure(svg: IntervalChart(title: "Accuracy with 95% Wilson intervals", axis: "accuracy", rows: chart).render()))
        }
        if !rows.isEmpty {
            section.tables.append(
                Table(caption: "Accuracy per run and extractor", headers: ["run", "extractor", "accuracy", "95% CI", "correct/n", "unscorable", "errors"], rows: rows))
        } else {
            section.heading = "Answers"
            section.notes = ["Judged, not scored by extractors: the judge's scores follow."]
        }
        let tokens = inputs.map { input in
            Table.Row(cells: [
                Table.Cell(input.run.id), Table.Cell("\(input.summary.samples)"), Table.Cell("\(input.summary.promptTokens)"),
                Table.Cell("\(input.summary.completionTokens)"), Table.Cell(ReportFormat.ms(input.summary.latency.median)),
                Table.Cell(ReportFormat.ms(input.summary.latency.p99)), Table.Cell(cost(input)),
            ])
        }
        section.tables.append(
            Table(caption: "Tokens, latency and cost", headers: ["run", "samples", "prompt tokens", "completion tokens", "latency p50 ms", "latency p99 ms", "cost"], rows: tokens))
        return section
    }

    private func cost(_ input: Input) -> String {
        guard let prices = input.specification.prices else { return "unknown (no prices in proctor.yaml)" }
        let dollars = (Double(input.summary.promptTokens) * prices.inputPerMillion + Double(input.summary.completionTokens) * prices.outputPerMillion) / 1e6
        let correct = input.summary.extractors.first?.accuracy.successes ?? 0
        return String(format: "$%.4f", dollars) + (correct > 0 ? String(format: " ($%.6f per correct)", dollars / Double(correct)) : "")
    }

    private func breakdownSections() -> [Section] {
        let keys = Set(inputs.flatMap { $0.summary.breakdowns.map(\.key) }).sorted()
        guard !keys.isEmpty else { return [] }
        var section = Section(heading: "By group")
        for key in keys {
            let values = Set(inputs.flatMap { $0.summary.breakdowns.first { $0.key == key }?.rows.map(\.value) ?? [] }).sorted()
            guard values.count <= 200 else {
                section.notes.append("\(key): \(values.count) values, too many to tabulate")
                continue
            }
            let rows = values.map { value in
                Table.Row(
                    cells: [Table.Cell(value)]
                        + inputs.map { input in
                            guard let row = input.summary.breakdowns.first(where: { $0.key == key })?.rows.first(where: { $0.value == value }) else {
                                return Table.Cell("–")
                            }
                            return Table.Cell(
                                "\(ReportFormat.percent(row.accuracy.value)) \(ReportFormat.interval(row.accuracy.confidenceInterval95)) n=\(row.accuracy.trials)",
                                key: "group:\(input.run.id):\(key):\(value)")
                        })
            }
            section.tables.append(Table(caption: "Accuracy by \(key) (primary extractor, 95% Wilson)", headers: [key] + inputs.map(\.run.id), rows: rows))
            if values.count <= 30, values.count > 1 {
                let heat = Heatmap(
                    title: "Accuracy by \(key)", rows: values, columns: inputs.map(\.run.id),
                    values: values.map { value in
                        inputs.map { input in input.summary.breakdowns.first { $0.key == key }?.rows.first { $0.value == value }?.accuracy.value }
                    },
                    notes: values.map { value in
                        inputs.map { input in
                            input.summary.breakdowns.first { $0.key == key }?.rows.first { $0.value == value }.map { "n=\($0.accuracy.trials)" } ?? ""
                        }
                    }, domain: 0...1)
                section.figures.append(Figure(svg: heat.render()))
            }
        }
        return [section]
    }

    private func comparisonSection(base: Input, _ comparisons: [(Input, EvalComparison)]) -> Section {
        var section = Section(heading: "Paired differences against \(base.run.id)")
        var forest: [IntervalChart.Row] = []
        var rows: [Table.Row] = []
        for (candidate, comparison) in comparisons {
            for extractor in comparison.extractors {
                let interval = extractor.bootstrap?.interval ?? extractor.difference.interval95
                forest.append(
                    IntervalChart.Row(
                        label: "\(candidate.run.id) · \(extractor.name)", value: extractor.difference.delta, low: interval.lowerBound,
                        high: interval.upperBound, note: "p=\(ReportFormat.p(extractor.p))"))
                rows.append(
                    Table.Row(cells: [
                        Table.Cell(candidate.run.id), Table.Cell(extractor.name),
                        Table.Cell(ReportFormat.points(extractor.difference.delta), key: "delta:\(candidate.run.id):\(extractor.name)"),
                        Table.Cell("[\(ReportFormat.points(interval.lowerBound)), \(ReportFormat.points(interval.upperBound))]"),
                        Table.Cell(String(format: "%.1f pp", extractor.difference.standardError * 100)),
                        Table.Cell("\(ReportFormat.p(extractor.p)) (\(extractor.test))"),
                        Table.Cell("\(extractor.bothRight)"), Table.Cell("\(extractor.mcnemar.baseOnly)"), Table.Cell("\(extractor.mcnemar.candidateOnly)"),
                        Table.Cell("\(extractor.bothWrong)"), Table.Cell(String(format: "%.1f pp", extractor.difference.minimumDetectableEffect * 100)),
                        Table.Cell(String(format: "%.2f", extractor.difference.correlation)),
                    ]))
            }
            if comparison.unmatched > 0 {
                section.notes.append("\(candidate.run.id): \(comparison.unmatched) items unmatched or failed in transport, left out of the pairing.")
            }
        }
        section.notes.append(
            "Items paired on sample id and turn; intervals from a paired bootstrap (\(bootstrap.iterations) resamples, seed \(bootstrap.seed), splitmix64), clustered by sample for multi-turn runs. MDE: the smallest difference detectable with 80% power at α 0.05.")
        if !forest.isEmpty {
            section.figures.append(Figure(svg: IntervalChart(title: "Paired difference (candidate − base), 95% CI", axis: "difference", rows: forest, zeroLine: true).render()))
        }
        if !rows.isEmpty {
            section.tables.append(Table(
                caption: "Paired comparison and McNemar 2×2 table",
                headers: ["candidate", "extractor", "Δ", "bootstrap 95% CI", "paired SE", "p (test)", "both right", "base only", "candidate only", "both wrong", "MDE", "ρ"], rows: rows))
        }
        let scored = comparisons.compactMap { candidate, comparison in comparison.scores.map { (candidate, $0) } }
        if !scored.isEmpty {
            section.tables.append(
                Table(
                    caption: "Judge scores, paired by question and turn (cluster bootstrap)",
                    headers: ["candidate", "score", "base", "candidate", "Δ", "95% CI", "p"],
                    rows: scored.map { candidate, scores in
                        let interval = scores.bootstrap?.interval ?? scores.difference.interval95
                        return Table.Row(cells: [
                            Table.Cell(candidate.run.id), Table.Cell(scores.label), Table.Cell(ReportFormat.fixed(scores.difference.baseMean)),
                            Table.Cell(ReportFormat.fixed(scores.difference.candidateMean)),
                            Table.Cell(String(format: "%+.2f", scores.difference.delta), key: "score-delta:\(candidate.run.id)"),
                            Table.Cell(String(format: "[%+.2f, %+.2f]", interval.lowerBound, interval.upperBound)),
                            Table.Cell(scores.bootstrap.map { ReportFormat.p($0.p) } ?? "–"),
                        ])
                    }))
        }
        return section
    }

    private func judgedSections() -> [Section] {
        let judged = inputs.filter { !$0.judgments.isEmpty }
        guard !judged.isEmpty else { return [] }
        var section = Section(heading: "Judge scores")
        let single = judged.map { input in
            (input, SingleGradeSummary(
                runId: input.run.id, judgments: input.judgments, resamples: input.specification.judge?.bootstrapResamples ?? 1000,
                seed: input.specification.judge?.bootstrapSeed ?? 0))
        }.filter { $0.1.overall != nil }
        if !single.isEmpty {
            let categories = Set(single.flatMap { $0.1.categories.map(\.category) }).sorted()
            let turns = Set(single.flatMap { $0.1.turns.keys }).sorted()
            let columns = single.flatMap { input, _ in turns.map { "\(input.run.id) t\($0)" } }
            let heat = Heatmap(
                title: "Mean judge score by category and turn", rows: categories, columns: columns,
                values: categories.map { category in
                    single.flatMap { _, summary in
                        turns.map { turn in summary.categories.first { $0.category == category }?.turns[turn]?.mean }
                    }
                },
                notes: categories.map { category in
                    single.flatMap { _, summary in
                        turns.map { turn in
                            summary.categories.first { $0.category == category }?.turns[turn].map {
                                "n=\($0.count) 95% CI [\(ReportFormat.fixed($0.low)), \(ReportFormat.fixed($0.high))]"
                            } ?? ""
                        }
                    }
                }, domain: 1...10)
            section.figures.append(Figure(svg: heat.render()))
            section.tables.append(
                Table(
                    caption: "Judge score per run (pooled mean over turns, 95% bootstrap over questions)",
                    headers: ["run", "score", "95% CI", "turn 1", "turn 2", "rated", "unparsed", "judge errors", "judge spread (mean sd)"],
                    rows: single.map { input, summary in
                        Table.Row(cells: [
                            Table.Cell(input.run.id),
                            Table.Cell(summary.overall.map { ReportFormat.fixed($0.mean) } ?? "–", key: "judge-score:\(input.run.id)"),
                            Table.Cell(summary.overall.map { "[\(ReportFormat.fixed($0.low)), \(ReportFormat.fixed($0.high))]" } ?? "–"),
                            Table.Cell(summary.turns[1].map { ReportFormat.fixed($0.mean) } ?? "–"),
                            Table.Cell(summary.turns[2].map { ReportFormat.fixed($0.mean) } ?? "–"),
                            Table.Cell("\(summary.rated)"), Table.Cell("\(summary.unparsed)"),
                            Table.Cell("\(summary.judgeErrors.values.reduce(0, +))"),
                            Table.Cell(summary.spread.map { "\(ReportFormat.fixed($0.meanStandardDeviation)) (max \(ReportFormat.fixed($0.maxStandardDeviation)), \(ReportFormat.percent($0.agreement)) identical)" } ?? "one judgment per answer"),
                        ])
                    }))
        }
        let pairwise = judged.flatMap(\.judgments).filter { $0.opponentRunId != nil }
        if !pairwise.isEmpty {
            let runIds = Array(Set(pairwise.map(\.runId)).union(pairwise.compactMap(\.opponentRunId))).sorted()
            let summary = PairwiseSummary(runIds: runIds, judgments: pairwise)
            section.figures.append(
                Figure(
                    svg: StackedBarChart(
                        title: "Pairwise: win / tie / loss", yLabel: "share of matches", parts: ["win", "tie", "loss"],
                        bars: summary.records.map { record in
                            let total = Double(max(record.wins + record.ties + record.losses, 1))
                            return StackedBarChart.Bar(
                                label: record.runId, values: [Double(record.wins) / total, Double(record.ties) / total, Double(record.losses) / total])
                        }, percent: true
                    ).render()))
            section.notes.append(
                "\(summary.matches) matches over both orders; \(summary.inconsistent) where the two orders disagreed (position bias, counted as ties); \(summary.dropped) dropped for a missing verdict.")
        }
        return [section]
    }

    /// A judge's verdict in a few words, for a sample's summary line.
    static func describe(_ verdict: JudgeVerdict) -> String {
        switch verdict {
        case .rating(let rating): "rated \(LinearScale.label(rating))"
        case .grade(let correct): correct ? "graded correct" : "graded incorrect"
        case .criteria(let criteria): "rubric " + criteria.map { "\($0.name) \(LinearScale.label($0.score))" }.joined(separator: ", ")
        case .winner(let winner): "winner \(winner.rawValue)"
        }
    }

    private func sampleTable(_ input: Input, flips: [EvalComparison.FlippedItem]) -> SampleTable {
        let flipped = Dictionary(flips.map { ("\($0.sampleId)#\($0.turn)", $0.regressed) }, uniquingKeysWith: { a, _ in a })
        let judgments = Dictionary(grouping: input.judgments.filter { $0.opponentRunId == nil }) { "\($0.sampleId)#\($0.turn)" }
        let primary = input.specification.extractorNames.first
        let rows = input.results.map { record -> (rank: Int, row: SampleRow) in
            let key = "\(record.sampleId)#\(record.turn)"
            let verdict = record.extractions?.first { $0.name == primary }
            let status: String
            var judged = ""
            if record.errorKind != nil {
                status = "error"
            } else if let verdict {
                status = verdict.correct ? "correct" : verdict.isScorable ? "wrong" : "unscorable"
            } else if let first = judgments[key]?.compactMap(\.verdict).first {
                status = "judged"
                judged = Self.describe(first)
            } else {
                status = "unscored"
            }
            var classes = ["s-\(status == "unscorable" ? "wrong" : status)"]
            let flip = flipped[key]
            if flip != nil { classes.append("s-flipped") }
            let row = SampleRow(
                sampleId: record.sampleId, turn: record.turn, status: status, classes: classes.joined(separator: " "),
                flip: flip.map { $0 ? "✓→✗" : "✗→✓" } ?? judged, prompt: record.prompt.last { $0.role == .user }?.content ?? "",
                answer: record.response ?? "error \(record.errorKind ?? ""): \(record.errorMessage ?? "")",
                extractions: (record.extractions ?? []).map {
                    "\($0.name): \($0.extracted ?? "—") → \($0.correct ? "correct" : $0.unscorable ?? "wrong")"
                },
                reference: record.reference,
                judgments: (judgments[key] ?? []).map { judgment in
                    "judge \(judgment.judgeModel) (\(judgment.parseRule)): \(judgment.output ?? judgment.error.map { "\($0)" } ?? "")"
                },
                cost: "\(record.promptTokens ?? 0)+\(record.completionTokens ?? 0) tokens · \(record.e2el.map { ReportFormat.ms($0) + " ms" } ?? "–")")
            let rank = flip != nil ? 0 : status == "error" ? 1 : status == "correct" ? 3 : 2
            return (rank, row)
        }
        let ordered = rows.count > sampleLimit ? rows.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element) : rows
        let start = min(max(sampleOffset, 0), ordered.count)
        let kept = ordered[start...].prefix(sampleLimit).map(\.row)
        return SampleTable(runId: input.run.id, rows: Array(kept), total: rows.count, offset: start, hasFlipped: !flipped.isEmpty)
    }
}

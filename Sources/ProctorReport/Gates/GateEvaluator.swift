import Foundation
import ProctorCore

/// Holds a run — and, for relative thresholds, a baseline and their comparison — to a gate file.
///
/// A missing metric fails (as in Artillery: a gate that cannot see its metric must not pass). A
/// threshold with fewer samples than `min_samples`, or one that needs a baseline when none was
/// given, is inconclusive. A `significant` threshold fails only when the violation is also
/// significant at `alpha` by the one-sided test, Holm-adjusted across the file.
public struct GateEvaluator: Sendable {
    /// The gate file.
    public var file: GateFile

    /// An evaluator for `file`.
    public init(file: GateFile) {
        self.file = file
    }

    /// Evaluates every threshold for `candidate`, against `baseline` and their `comparison` when given.
    public func evaluate(candidate: GateSubject, baseline: GateSubject? = nil, comparison: RunComparison? = nil) -> GateReport {
        evaluate(candidates: [(candidate, comparison)], baseline: baseline)[0]
    }

    /// Evaluates every threshold for each candidate against one `baseline`, as
    /// `proctor compare BASE A B --gate` does: `significant` p-values are Holm-adjusted across
    /// all candidates together, so more candidates do not mean more false alarms.
    public func evaluate(candidates: [(subject: GateSubject, comparison: RunComparison?)], baseline: GateSubject?) -> [GateReport] {
        var outcomes = candidates.map { candidate in
            file.thresholds.map { evaluate($0, candidate: candidate.subject, baseline: baseline, comparison: candidate.comparison) }
        }
        adjustSignificance(&outcomes)
        return outcomes.map { GateReport(outcomes: $0) }
    }

    /// A measurement before the limit is applied.
    private struct Measured {
        var value: Double
        var baseline: Double?
        var samples: Int?
        /// One-sided p that the candidate is worse, for `significant` thresholds.
        var pWorse: Double?
    }

    private enum Resolution {
        case measured(Measured)
        case missing(String)
        case inconclusive(String)
    }

    private func evaluate(
        _ threshold: GateFile.Threshold, candidate: GateSubject, baseline: GateSubject?, comparison: RunComparison?
    ) -> GateOutcome {
        var outcome = GateOutcome(
            metric: threshold.selector.text, expression: threshold.expression.text, location: threshold.location,
            status: .fail, reason: "", inconclusiveFails: file.onInconclusive == .fail, severity: threshold.severity.rawValue)
        let needsBaseline = threshold.selector.againstBaseline || threshold.expression.limit.usesBaseline
        if needsBaseline, baseline == nil {
            outcome.status = .inconclusive
            outcome.reason = "needs a baseline run: use `proctor compare BASE CANDIDATE --gate`"
            return outcome
        }
        switch measure(threshold, candidate: candidate, baseline: baseline, comparison: comparison) {
        case .missing(let why):
            outcome.reason = "metric missing: \(why)"
        case .inconclusive(let why):
            outcome.status = .inconclusive
            outcome.reason = why
        case .measured(let measured):
            outcome.value = measured.value
            outcome.baseline = measured.baseline
            outcome.samples = measured.samples
            outcome.p = measured.pWorse
            guard let limit = threshold.expression.limit.value(baseline: measured.baseline) else {
                outcome.status = .inconclusive
                outcome.reason = "the baseline has no value for this metric"
                return outcome
            }
            outcome.limit = limit
            if let samples = measured.samples, samples < file.minimumSamples {
                outcome.status = .inconclusive
                outcome.reason = "only \(samples) samples; min_samples is \(file.minimumSamples)"
                return outcome
            }
            let holds = threshold.expression.op.holds(measured.value, limit)
            outcome.status = holds ? .pass : .fail
            outcome.reason = "\(Self.format(measured.value, threshold.selector.metric)) \(holds ? "meets" : "violates") \(threshold.expression.op.rawValue) \(Self.format(limit, threshold.selector.metric))"
        }
        return outcome
    }

    /// Applies `significant`: a violation whose (Holm-adjusted) one-sided p is not below alpha
    /// passes, saying so.
    private func adjustSignificance(_ outcomes: inout [[GateOutcome]]) {
        var significant: [(candidate: Int, threshold: Int)] = []
        for candidate in outcomes.indices {
            for index in file.thresholds.indices where file.thresholds[index].expression.requiresSignificance && outcomes[candidate][index].p != nil {
                significant.append((candidate, index))
            }
        }
        let raw = significant.map { outcomes[$0.candidate][$0.threshold].p ?? 1 }
        let adjusted = file.holm ? Holm.adjust(raw) : raw
        for (position, place) in significant.enumerated() {
            var outcome = outcomes[place.candidate][place.threshold]
            outcome.p = adjusted[position]
            if outcome.status == .fail {
                if adjusted[position] >= file.alpha {
                    outcome.status = .pass
                    outcome.reason += String(
                        format: ", but not significantly (one-sided p %.3g%@ ≥ α %.3g)", adjusted[position],
                        file.holm && significant.count > 1 ? " Holm-adjusted over \(significant.count) tests" : "", file.alpha)
                } else {
                    outcome.reason += String(format: ", significantly (one-sided p %.3g < α %.3g)", adjusted[position], file.alpha)
                }
            }
            outcomes[place.candidate][place.threshold] = outcome
        }
    }

    private func measure(
        _ threshold: GateFile.Threshold, candidate: GateSubject, baseline: GateSubject?, comparison: RunComparison?
    ) -> Resolution {
        let selector = threshold.selector
        let aggregate = threshold.expression.aggregate
        switch selector.metric {
        case .accuracy:
            return accuracy(selector, aggregate, candidate: candidate, baseline: baseline, comparison: comparison)
        case .judgeScore:
            return judgeScore(aggregate, candidate: candidate, baseline: baseline, comparison: comparison)
        case .ttft, .tpot, .itl, .e2el:
            guard let values = candidate.latencies(selector.metric, tags: selector.tags) else {
                return .missing("run \(candidate.run.id) has no level \(Self.levelName(selector.tags))")
            }
            guard !values.isEmpty else { return .missing("no successful request measured \(selector.metric.rawValue)") }
            let base = baseline?.latencies(selector.metric, tags: selector.tags).flatMap { $0.isEmpty ? nil : Self.reduce($0, aggregate) }
            return .measured(Measured(value: Self.reduce(values, aggregate), baseline: base, samples: values.count))
        case .errors:
            guard let counts = errorCounts(candidate, tags: selector.tags) else {
                return .missing("run \(candidate.run.id) has no level \(Self.levelName(selector.tags))")
            }
            let value = aggregate == .count ? Double(counts.failed) : (counts.total == 0 ? 0 : Double(counts.failed) / Double(counts.total))
            let base = baseline.flatMap { errorCounts($0, tags: selector.tags) }.map {
                aggregate == .count ? Double($0.failed) : ($0.total == 0 ? 0 : Double($0.failed) / Double($0.total))
            }
            return .measured(Measured(value: value, baseline: base, samples: counts.total))
        case .throughput, .outputThroughput, .goodput, .saturation:
            guard let value = loadValue(selector, candidate) else {
                return .missing(Self.missingLoad(selector, candidate))
            }
            let base = baseline.flatMap { loadValue(selector, $0) }
            if aggregate == .ratio {
                guard let base, base != 0 else { return .inconclusive("the baseline has no \(selector.metric.rawValue)") }
                return .measured(Measured(value: value / base, baseline: nil))
            }
            return .measured(Measured(value: value, baseline: base))
        case .cost, .costPerCorrect:
            guard let value = cost(selector.metric, candidate) else {
                return .missing("run \(candidate.run.id) has no token prices; add `prices` to its endpoint in proctor.yaml")
            }
            return .measured(Measured(value: value, baseline: baseline.flatMap { cost(selector.metric, $0) }))
        case .energy, .energyPerCorrect, .energyPerToken:
            return energy(selector, candidate: candidate, baseline: baseline)
        }
    }

    /// Energy in joules from the recordings that overlap each run: the run's total, per correct
    /// answer, or per output token; with a level tag, that level's steady state. A baseline whose
    /// energy was obtained another way (measured against estimated) makes the threshold
    /// inconclusive: the two are never compared.
    private func energy(_ selector: GateSelector, candidate: GateSubject, baseline: GateSubject?) -> Resolution {
        guard let resources = candidate.resources else {
            return .missing("run \(candidate.run.id) recorded no energy; record it with --monitor (or `proctor monitor` beside the run)")
        }
        guard let value = energyValue(selector, resources, candidate) else {
            return .missing("run \(candidate.run.id) has no \(selector.metric.rawValue)\(Self.levelName(selector.tags).isEmpty ? "" : " at level \(Self.levelName(selector.tags))")")
        }
        guard let base = baseline else { return .measured(Measured(value: value, baseline: nil)) }
        guard let baseResources = base.resources, let baseValue = energyValue(selector, baseResources, base) else {
            return .inconclusive("the baseline \(base.run.id) recorded no \(selector.metric.rawValue)")
        }
        guard baseResources.energySource == resources.energySource else {
            return .inconclusive(
                "the candidate's energy is \(resources.energySource) and the baseline's \(baseResources.energySource): measured and estimated energy are not compared")
        }
        return .measured(Measured(value: value, baseline: baseValue))
    }

    private func energyValue(_ selector: GateSelector, _ resources: ResourceSummary, _ subject: GateSubject) -> Double? {
        let hasLevelTag = selector.tags["users"] != nil || selector.tags["rate"] != nil || selector.tags["level"] != nil
        if hasLevelTag {
            guard let level = subject.levels(selector.tags)?.first, let row = resources.levels.first(where: { $0.level == level.level })
            else { return nil }
            switch selector.metric {
            case .energyPerToken: return row.joulesPerOutputToken
            case .energy: return row.joules
            default: return nil
            }
        }
        switch selector.metric {
        case .energyPerToken: return resources.joulesPerOutputToken
        case .energyPerCorrect: return resources.joulesPerCorrect
        default: return resources.totalJoules
        }
    }

    private func accuracy(
        _ selector: GateSelector, _ aggregate: GateExpression.Aggregate, candidate: GateSubject, baseline: GateSubject?,
        comparison: RunComparison?
    ) -> Resolution {
        guard let summary = candidate.summary else { return .missing("run \(candidate.run.id) is not an evaluation") }
        let name = selector.tags["extractor"] ?? summary.extractors.first?.name ?? ""
        guard let own = summary.extractors.first(where: { $0.name == name }) else {
            return .missing("run \(candidate.run.id) has no extractor \"\(name)\" (it has \(summary.extractors.map(\.name).joined(separator: ", ")))")
        }
        if selector.againstBaseline {
            guard let compared = comparison?.eval?.extractors.first(where: { $0.name == name }) else {
                return .missing("the comparison has no extractor \"\(name)\"")
            }
            let samples = compared.base.trials
            let interval = compared.bootstrap?.interval ?? compared.difference.interval95
            switch aggregate {
            case .delta:
                return .measured(Measured(value: compared.difference.delta, samples: samples, pWorse: pWorse(compared)))
            case .ciLowDelta: return .measured(Measured(value: interval.lowerBound, samples: samples))
            case .ciHighDelta: return .measured(Measured(value: interval.upperBound, samples: samples))
            case .count: return .measured(Measured(value: Double(samples), baseline: Double(samples), samples: samples))
            default:
                return .measured(Measured(value: compared.candidate.value, baseline: compared.base.value, samples: samples))
            }
        }
        let proportion = own.accuracy
        let base = baseline?.summary?.extractors.first { $0.name == name }?.accuracy
        let samples = proportion.trials
        switch aggregate {
        case .count: return .measured(Measured(value: Double(samples), baseline: base.map { Double($0.trials) }, samples: nil))
        case .ciLow: return .measured(Measured(value: proportion.confidenceInterval95.lowerBound, baseline: base?.confidenceInterval95.lowerBound, samples: samples))
        case .ciHigh: return .measured(Measured(value: proportion.confidenceInterval95.upperBound, baseline: base?.confidenceInterval95.upperBound, samples: samples))
        default: return .measured(Measured(value: proportion.value, baseline: base?.value, samples: samples))
        }
    }

    /// One-sided p that the candidate is worse: McNemar for independent items; for clustered
    /// items half the two-sided cluster-bootstrap p when the difference is negative.
    private func pWorse(_ compared: EvalComparison.ExtractorComparison) -> Double {
        guard compared.test == "cluster bootstrap" else { return compared.pWorse }
        return compared.difference.delta < 0 ? compared.p / 2 : 1 - compared.p / 2
    }

    private func judgeScore(
        _ aggregate: GateExpression.Aggregate, candidate: GateSubject, baseline: GateSubject?, comparison: RunComparison?
    ) -> Resolution {
        switch aggregate {
        case .delta, .ciLowDelta, .ciHighDelta:
            guard let scores = comparison?.eval?.scores else { return .missing("the runs share no judged item") }
            let interval = scores.bootstrap?.interval ?? scores.difference.interval95
            let samples = scores.difference.clusters
            switch aggregate {
            case .ciLowDelta: return .measured(Measured(value: interval.lowerBound, samples: samples))
            case .ciHighDelta: return .measured(Measured(value: interval.upperBound, samples: samples))
            default:
                let p = scores.bootstrap.map { scores.difference.delta < 0 ? $0.p / 2 : 1 - $0.p / 2 }
                return .measured(Measured(value: scores.difference.delta, samples: samples, pWorse: p))
            }
        default:
            guard let score = candidate.judgeScore else { return .missing("run \(candidate.run.id) has no judge scores") }
            return .measured(Measured(value: score.mean, baseline: baseline?.judgeScore?.mean, samples: score.items))
        }
    }

    private func errorCounts(_ subject: GateSubject, tags: [String: String]) -> (failed: Int, total: Int)? {
        if subject.report != nil {
            guard let levels = subject.levels(tags) else { return nil }
            let failed = levels.reduce(0) { $0 + $1.metrics.failed }
            return (failed, levels.reduce(0) { $0 + $1.metrics.completed } + failed)
        }
        guard let summary = subject.summary else { return nil }
        return (summary.errors, summary.turns ?? summary.samples)
    }

    private func loadValue(_ selector: GateSelector, _ subject: GateSubject) -> Double? {
        guard let report = subject.report else {
            if selector.metric == .throughput, let summary = subject.summary { return summary.requestsPerSecond }
            return nil
        }
        if selector.metric == .saturation { return report.saturationLoad }
        guard let levels = subject.levels(selector.tags) else { return nil }
        let hasLevelTag = selector.tags["users"] != nil || selector.tags["rate"] != nil || selector.tags["level"] != nil
        let pick: (LoadLevelMetrics) -> Double? = {
            switch selector.metric {
            case .throughput: $0.requestThroughput
            case .outputThroughput: $0.outputThroughput
            default: $0.goodput
            }
        }
        // One level: its figure. Every level: the best any level reached.
        let values = levels.compactMap { pick($0.metrics) }
        return hasLevelTag ? values.first : values.max()
    }

    private func cost(_ metric: GateMetric, _ subject: GateSubject) -> Double? {
        guard let prices = subject.run.eval?.prices, let summary = subject.summary else { return nil }
        let dollars = (Double(summary.promptTokens) * prices.inputPerMillion + Double(summary.completionTokens) * prices.outputPerMillion) / 1e6
        guard metric == .costPerCorrect else { return dollars }
        let correct = summary.extractors.first?.accuracy.successes ?? 0
        return correct > 0 ? dollars / Double(correct) : nil
    }

    private static func missingLoad(_ selector: GateSelector, _ subject: GateSubject) -> String {
        if subject.report == nil { return "run \(subject.run.id) is not a load test" }
        if selector.metric == .saturation { return "no level of run \(subject.run.id) held its criteria, so it has no saturation point" }
        if selector.metric == .goodput { return "run \(subject.run.id) had no SLOs, so no goodput" }
        return "run \(subject.run.id) has no level \(levelName(selector.tags))"
    }

    private static func levelName(_ tags: [String: String]) -> String {
        if let users = tags["users"] { return "of \(users) users" }
        if let rate = tags["rate"] { return "at \(rate) req/s" }
        if let level = tags["level"] { return "number \(level)" }
        return "at all"
    }

    static func reduce(_ values: [Double], _ aggregate: GateExpression.Aggregate) -> Double {
        let sorted = values.sorted()
        switch aggregate {
        case .avg: return Statistics.mean(sorted)
        case .min: return sorted.first ?? 0
        case .max: return sorted.last ?? 0
        case .med: return Statistics.percentile(sorted: sorted, 50)
        case .percentile(let p): return Statistics.percentile(sorted: sorted, p)
        default: return Statistics.mean(sorted)
        }
    }

    static func format(_ value: Double, _ metric: GateMetric) -> String {
        if metric.isLatency { return String(format: "%.1f ms", value * 1000) }
        if metric == .cost || metric == .costPerCorrect { return String(format: "$%.6g", value) }
        return String(format: "%.4g", value)
    }
}

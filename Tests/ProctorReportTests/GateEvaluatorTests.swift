import Foundation
import ProctorCore
import ProctorReport
import ProctorStore
import Testing

@Suite("Holding runs to gates")
struct GateEvaluatorTests {
    private static func subject(_ id: String, _ pattern: String, e2el: Double = 0.2) -> GateSubject {
        let records = pattern.enumerated().map { index, mark in
            ReportFixtures.record(run: id, sample: "test-\(index)", correct: mark == "x" ? nil : mark == "1", e2el: e2el + Double(index) / 1000)
        }
        let outcomes = records.map { record in
            SampleOutcome(
                score: record.extractions.map { SampleScore(outputs: $0) }, errorKind: record.errorKind.map { CompletionError.Kind(rawValue: $0) },
                usage: TokenUsage(promptTokens: record.promptTokens ?? 0, completionTokens: record.completionTokens ?? 0), timings: record.timings)
        }
        return GateSubject(
            run: ReportFixtures.run(id), summary: EvalSummary(outcomes: outcomes, extractorNames: ["strict-match", "flexible-extract"], wallSeconds: 10),
            results: records)
    }

    private static func evaluate(_ yaml: String, _ candidate: GateSubject, baseline: GateSubject? = nil) throws -> GateReport {
        let file = try GateFile(yaml: yaml, file: "g.yaml")
        let comparison = baseline.map { base in
            RunComparison(
                base: RunHeader(base.run), candidate: RunHeader(candidate.run), allowedDifferences: [],
                figures: .eval(
                    EvalComparison(
                        base: base.results, candidate: candidate.results, extractorNames: ["strict-match", "flexible-extract"],
                        bootstrap: PairedBootstrap(iterations: 1000, seed: 1))), iterations: 1000, seed: 1)
        }
        return GateEvaluator(file: file).evaluate(candidate: candidate, baseline: baseline, comparison: comparison)
    }

    @Test func absoluteThresholdsPassAndFailWithReasons() throws {
        // 6 of 9 answered right; one request failed (never scored, counted as an error).
        let run = Self.subject("b", "1101011x10")
        let report = try Self.evaluate(
            """
            thresholds:
              accuracy{extractor:strict-match}: ["rate >= 0.6", "rate >= 0.7", "count == 9"]
              errors: ["rate < 0.05", "count <= 1"]
              e2el: ["p(50) < 300ms", "max < 205ms"]
            """, run)
        #expect(report.outcomes.map(\.status) == [.pass, .fail, .pass, .fail, .pass, .pass, .fail])
        let accuracy = report.outcomes[0]
        #expect(abs((accuracy.value ?? 0) - 6.0 / 9) < 1e-12 && accuracy.limit == 0.6 && accuracy.samples == 9)
        #expect(report.outcomes[3].reason.contains("0.1 violates < 0.05"))
        #expect(report.outcomes[6].reason.contains("209.0 ms violates < 205.0 ms"))
        #expect(!report.passed)
    }

    @Test func aWarningThresholdIsReportedButDoesNotFailTheGate() throws {
        let report = try Self.evaluate(
            "thresholds:\n  accuracy: [{threshold: \"rate >= 0.9\", severity: warn}, \"rate >= 0.5\"]\n", Self.subject("b", "1101"))
        #expect(report.outcomes.map(\.status) == [.fail, .pass])
        #expect(!report.outcomes[0].fails)
        #expect(report.passed)
    }

    @Test func aMissingMetricFailsAndTooFewSamplesAreInconclusive() throws {
        let run = Self.subject("b", "1111")
        let report = try Self.evaluate(
            """
            defaults: {min_samples: 10, on_inconclusive: warn}
            thresholds:
              energy_per_correct: ["value < 2J"]
              saturation: ["value >= 4"]
              accuracy{extractor:nope}: ["rate > 0.5"]
              accuracy: ["rate > 0.5"]
              accuracy{vs:baseline}: ["delta >= -0.02"]
            """, run)
        #expect(report.outcomes.map(\.status) == [.fail, .fail, .fail, .inconclusive, .inconclusive])
        #expect(report.outcomes[0].reason.hasPrefix("metric missing: run b recorded no energy; record it with --monitor"))
        #expect(report.outcomes[1].reason.contains("not a load test"))
        #expect(report.outcomes[2].reason.contains("no extractor \"nope\""))
        #expect(report.outcomes[3].reason == "only 4 samples; min_samples is 10")
        #expect(report.outcomes[4].reason.contains("needs a baseline"))
        #expect(!report.outcomes[3].fails)
    }

    /// A 2-point drop that is not significant passes a `significant` threshold and says so; a
    /// 30-point drop fails it.
    @Test func significanceDecidesRegressions() throws {
        let base = Self.subject("a", String(repeating: "1", count: 50))
        let slightlyWorse = Self.subject("b", "0" + String(repeating: "1", count: 49))
        let muchWorse = Self.subject("c", String(repeating: "0", count: 15) + String(repeating: "1", count: 35))
        let gate = "thresholds:\n  accuracy{vs:baseline}: [\"delta >= -0.01 significant\"]\n"
        let small = try Self.evaluate(gate, slightlyWorse, baseline: base).outcomes[0]
        #expect(small.status == .pass)
        #expect(small.reason.contains("violates >= -0.01, but not significantly (one-sided p 0.25"))
        let large = try Self.evaluate(gate, muchWorse, baseline: base).outcomes[0]
        #expect(large.status == .fail)
        #expect(large.reason.contains("significantly"))
        #expect((large.p ?? 1) < 0.001)
        let plain = try Self.evaluate("thresholds:\n  accuracy{vs:baseline}: [\"delta >= -0.01\"]\n", slightlyWorse, baseline: base).outcomes[0]
        #expect(plain.status == .fail)
    }

    /// Holm multiplies the smallest of m p-values by m: three significant thresholds at
    /// p = 0.015625 each are no longer significant at α = 0.04 once adjusted (0.046875).
    @Test func holmAdjustsAcrossTheFile() throws {
        let base = Self.subject("a", String(repeating: "1", count: 40))
        let worse = Self.subject("b", "00000" + String(repeating: "1", count: 35))
        let once = try Self.evaluate(
            "defaults: {alpha: 0.04}\nthresholds:\n  accuracy{vs:baseline}: [\"delta >= 0 significant\"]\n", worse, baseline: base
        ).outcomes[0]
        // One-sided mid-p of 5 against 0: 2⁻⁵ / 2 = 0.015625.
        #expect(abs((once.p ?? 0) - 0.015625) < 1e-12)
        #expect(once.status == .fail)
        let thrice = try Self.evaluate(
            """
            defaults: {alpha: 0.04}
            thresholds:
              accuracy{vs:baseline}: ["delta >= 0 significant"]
              accuracy{extractor:flexible-extract, vs:baseline}: ["delta >= 0 significant"]
              accuracy{extractor:strict-match, vs:baseline}: ["delta >= 0 significant", "ci_high(delta) <= 1"]
            """, worse, baseline: base)
        #expect(thrice.outcomes.map(\.status) == [.pass, .pass, .pass, .pass])
        #expect(abs((thrice.outcomes[0].p ?? 0) - 0.046875) < 1e-12)
        #expect(thrice.outcomes[0].reason.contains("Holm-adjusted"))
        #expect(thrice.outcomes[3].p == nil)
    }

    /// Two candidates each 0.015625 worse by McNemar: alone each fails at α 0.02; compared
    /// together, Holm doubles the smaller p and both pass.
    @Test func holmAdjustsAcrossCandidates() throws {
        let base = Self.subject("a", String(repeating: "1", count: 40))
        let worse = ["b", "c"].map { Self.subject($0, "00000" + String(repeating: "1", count: 35)) }
        let file = try GateFile(yaml: "defaults: {alpha: 0.02}\nthresholds:\n  accuracy{vs:baseline}: [\"delta >= 0 significant\"]\n", file: "g.yaml")
        let candidates = worse.map { candidate in
            (
                subject: candidate,
                comparison: Optional(
                    RunComparison(
                        base: RunHeader(base.run), candidate: RunHeader(candidate.run), allowedDifferences: [],
                        figures: .eval(
                            EvalComparison(
                                base: base.results, candidate: candidate.results, extractorNames: ["strict-match"],
                                bootstrap: PairedBootstrap(iterations: 100, seed: 1))), iterations: 100, seed: 1))
            )
        }
        let alone = GateEvaluator(file: file).evaluate(candidate: candidates[0].subject, baseline: base, comparison: candidates[0].comparison)
        #expect(alone.outcomes[0].status == .fail)
        let together = GateEvaluator(file: file).evaluate(candidates: candidates, baseline: base)
        #expect(together.map { $0.outcomes[0].status } == [.pass, .pass])
        #expect(together[0].outcomes[0].reason.contains("Holm-adjusted over 2 tests"))
        #expect(abs((together[1].outcomes[0].p ?? 0) - 0.03125) < 1e-12)
    }

    @Test func relativeLatencyLimitsUseTheBaselineAndANoiseFloor() throws {
        let base = Self.subject("a", "1111111111", e2el: 0.2)
        let slower = Self.subject("b", "1111111111", e2el: 0.23)
        let report = try Self.evaluate("thresholds:\n  e2el: [\"p(50) <= baseline * 1.10 + 20ms\", \"p(50) <= baseline * 1.10\"]\n", slower, baseline: base)
        // Base p50 0.2045 → limits 0.24495 and 0.22495; the candidate's p50 is 0.2345.
        #expect(report.outcomes.map(\.status) == [.pass, .fail])
        #expect(abs((report.outcomes[0].baseline ?? 0) - 0.2045) < 1e-9)
        #expect(abs((report.outcomes[0].limit ?? 0) - 0.24495) < 1e-9)
    }
}

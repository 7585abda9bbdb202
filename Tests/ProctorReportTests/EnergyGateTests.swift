import Foundation
import ProctorCore
import Testing

@testable import ProctorReport

@Suite("Energy gates")
struct EnergyGateTests {
    /// A run whose recording says it used `joules` (labelled `source`) over one request of 100
    /// output tokens, with `correct` right answers.
    private static func monitored(_ id: String, correct: Int, joules: Double, source: EnergySource) -> GateSubject {
        let sample = ResourceSample(
            time: Date(timeIntervalSince1970: 110), duration: 10, cpuPercent: 50, memoryUsedBytes: 1, memoryTotalBytes: 2,
            energy: [EnergyReading(component: "cpu", joules: joules, source: source)])
        let resources = ResourceSummary(
            requests: [ResourceSummary.TimedRequest(level: nil, start: 100, end: 110, outputTokens: 100, succeeded: true)], levels: [],
            window: 100...110, timeline: ResourceTimeline(samples: [sample]), monitorRunIds: ["m"], carbon: .worldAverage, correct: correct)
        return GateSubject(run: ReportFixtures.run(id), resources: resources)
    }

    private static func evaluate(_ yaml: String, _ candidate: GateSubject, baseline: GateSubject?) throws -> GateReport {
        GateEvaluator(file: try GateFile(yaml: yaml, file: "g.yaml")).evaluate(candidate: candidate, baseline: baseline, comparison: nil)
    }

    @Test("energy thresholds read the recording: per correct answer, per token, the total against the baseline")
    func thresholds() throws {
        let yaml = """
            thresholds:
              energy_per_correct: ["value < 2J"]
              energy_per_token: ["value < 0.05J"]
              energy: ["value < 1 Wh", "value <= baseline * 1.1"]
            """
        let report = try Self.evaluate(
            yaml, Self.monitored("b", correct: 4, joules: 6, source: .estimated("model")),
            baseline: Self.monitored("a", correct: 4, joules: 5, source: .estimated("model")))
        #expect(report.outcomes.map(\.status) == [.pass, .fail, .pass, .fail], "\(report.outcomes.map(\.reason))")
        #expect(report.outcomes[0].value == 1.5)
        #expect(report.outcomes[1].value == 0.06)
    }

    @Test("measured energy is never held against estimated energy: inconclusive, saying why")
    func mixedSources() throws {
        let report = try Self.evaluate(
            "thresholds:\n  energy: [\"value <= baseline\"]\n", Self.monitored("b", correct: 4, joules: 6, source: .estimated("model")),
            baseline: Self.monitored("a", correct: 4, joules: 5, source: .measured("rapl")))
        #expect(report.outcomes.map(\.status) == [.inconclusive])
        #expect(report.outcomes[0].reason.contains("measured and estimated energy are not compared"))
    }
}

import Foundation
import ProctorCore
import ProctorRunner
import Testing

/// MathChat's overall average: ten sub-metrics on 0–1, judge scores mapped by (score − 1) / 4.
@Suite("MathChat overall average")
struct MathChatOverallTests {
    @Test("accuracies as they are, 1–5 scores mapped to 0–1, averaged over the parts present")
    func average() {
        let correct = ExtractorOutput(name: "round-1", extracted: "1", normalized: "1", correct: true)
        let followUp = EvalSummary(
            outcomes: [SampleOutcome(score: SampleScore(outputs: [correct]), errorKind: nil, usage: nil, timings: nil)],
            extractorNames: ["round-1"], wallSeconds: 1)
        let judgment = Judgment(
            runId: "a", sampleId: "1", turn: 1, category: "x", promptName: "p", prompt: [], startedAt: Date(), output: "",
            verdict: .criteria([CriterionScore(name: "instruction_following", score: 5), CriterionScore(name: "error_diagnosis", score: 3)]),
            parseRule: "last JSON object", judgeModel: "j")
        let analysis = RubricSummary(runId: "a", judgments: [judgment], resamples: 10, seed: 0)
        let overall = MathChatOverall(followUp: followUp, correction: nil, analysis: analysis, generation: nil)
        #expect(overall.parts == ["followup round-1": 1, "error analysis instruction_following": 1, "error analysis error_diagnosis": 0.5])
        #expect(overall.average == 2.5 / 3)
        #expect(!overall.isComplete)
    }
}

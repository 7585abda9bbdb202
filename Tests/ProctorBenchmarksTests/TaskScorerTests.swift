import ProctorCore
import Testing

@testable import ProctorBenchmarks

/// The scorers of `proctor eval --data`, as a new user meets them.
@Suite("JSONL task scorers")
struct TaskScorerTests {
    @Test("numeric takes the whole last number, not its optional decimal group")
    func numericReadsIntegers() throws {
        let scorer = try TaskScorer(spec: "numeric")
        let seven = scorer.score(response: "7", label: "6").outputs[0]
        #expect(seven.extracted == "7")
        #expect(seven.normalized == "7.0")
        #expect(!seven.correct)
        let four = scorer.score(response: "The answer is 4", label: "4").outputs[0]
        #expect(four.extracted == "4")
        #expect(four.correct)
        let decimal = scorer.score(response: "about 1,234.50 units", label: "1234.5").outputs[0]
        #expect(decimal.extracted == "1,234.50")
        #expect(decimal.correct)
        #expect(scorer.score(response: "it is -.5", label: "-0.5").outputs[0].correct)
    }

    @Test("every scorer names its outputs as the summary looks them up", arguments: ["exact", "numeric", "contains", "regex:(\\d+)", "math", "json"])
    func outputsCarryTheExtractorName(spec: String) throws {
        let scorer = try TaskScorer(spec: spec)
        let score = scorer.score(response: "The final answer is $\\boxed{12}$ 12", label: "12")
        #expect(score.outputs.map(\.name) == scorer.extractorNames)
    }

    @Test("a math-scored task reports its accuracy in the summary")
    func mathTaskSummary() throws {
        let scorer = try TaskScorer(spec: "math")
        let outcomes = [("\\boxed{\\frac12}", "0.5"), ("\\boxed{3}", "4")].map { response, label in
            SampleOutcome(score: scorer.score(response: response, label: label), errorKind: nil, usage: nil, timings: nil)
        }
        let summary = EvalSummary(outcomes: outcomes, extractorNames: scorer.extractorNames, wallSeconds: 1)
        let accuracy = try #require(summary.extractors.first).accuracy
        #expect(accuracy.trials == 2)
        #expect(accuracy.successes == 1)
    }
}

import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport

/// Stored results built by hand, so comparisons and gates can be checked against counts
/// computed on paper.
enum ReportFixtures {
    /// One stored turn: `verdicts` gives each extractor's correctness (`nil` fails the request).
    static func record(
        run: String, sample: String, turn: Int = 1, correct: Bool?, answer: String = "The answer is 4.", reference: String = "4",
        e2el: Double = 0.2, groups: [String: String] = [:]
    ) -> SampleResultRecord {
        let item = EvalSample(
            id: sample, index: Int(sample.split(separator: "-").last ?? "0") ?? 0, messages: [ChatMessage(role: .user, content: "Q \(sample)")],
            reference: reference, groups: groups)
        let outcome: Result<Completion, CompletionError> =
            correct == nil
            ? .failure(CompletionError(kind: .timeout, message: "timed out", statusCode: nil))
            : .success(
                Completion(
                    text: answer, finishReason: "stop", usage: TokenUsage(promptTokens: 10, completionTokens: 5),
                    timings: RequestTimings(chunkArrivals: [e2el / 2, e2el], completed: e2el), model: "m", attempts: 1))
        let score = correct.map { right in
            SampleScore(outputs: [
                ExtractorOutput(name: "strict-match", extracted: right ? reference : "7", normalized: right ? reference : "7", correct: right),
                ExtractorOutput(name: "flexible-extract", extracted: right ? reference : "7", normalized: right ? reference : "7", correct: right),
            ])
        }
        return SampleResultRecord(
            TurnResult(
                runId: run, sample: item, turn: turn, isFinal: true, startedAt: Date(timeIntervalSince1970: 1_800_000_000), prompt: item.messages,
                outcome: outcome, score: score))
    }

    /// Records of `run` from a pattern of verdicts: `1` right, `0` wrong, `x` failed request.
    static func records(_ run: String, _ pattern: String) -> [SampleResultRecord] {
        pattern.enumerated().map { index, mark in
            record(run: run, sample: "test-\(index)", correct: mark == "x" ? nil : mark == "1")
        }
    }

    /// An eval run whose specification can be changed.
    static func run(_ id: String, change: (inout EvalSpecification) -> Void = { _ in }) -> Run {
        var run = Fixtures.run(id: id)
        run.status = .completed
        if case .eval(var specification) = run.specification {
            change(&specification)
            run.specification = .eval(specification)
        }
        return run
    }

    /// A completed synthetic load run of two closed-loop levels (1 and 2 users) of `duration` seconds.
    static func loadRun(_ id: String, duration: Double) -> Run {
        var run = Fixtures.run(id: id)
        run.status = .completed
        run.specification = .load(
            LoadSpecification(
                mode: .steps([
                    .closed(users: 1, duration: duration, rampUp: 0, thinkTime: 0), .closed(users: 2, duration: duration, rampUp: 0, thinkTime: 0),
                ]),
                workload: WorkloadDescription(
                    name: "synthetic", dataset: DatasetInfo(name: "synthetic", sha256: "s", count: 0), parameters: GenerationParameters(), scoredBy: nil),
                streaming: true, concurrencyBound: 2, criteria: .standard, seed: 1))
        return run
    }

    /// A rating judgment of `sample`, `turn` in `run`.
    static func rating(_ run: String, _ sample: String, turn: Int = 1, _ value: Double?, category: String = "writing") -> Judgment {
        Judgment(
            runId: run, sampleId: sample, turn: turn, category: category, promptName: "single-v1", prompt: [],
            startedAt: Date(timeIntervalSince1970: 1_800_000_000), output: value.map { "Rating: [[\(Int($0))]]" } ?? "no idea",
            verdict: value.map { .rating($0) }, parseRule: value == nil ? "no rating" : "[[n]]", judgeModel: "judge")
    }
}

import Foundation
public import ProctorCore

/// Ready-made values for tests.
public enum Fixtures {
    /// An eval run with plausible metadata.
    public static func run(id: String, sampleIds: [String] = ["test-1"]) -> Run {
        Run(
            id: id, status: .running, createdAt: Date(timeIntervalSince1970: 1_800_000_000), target: "http://127.0.0.1:1/v1",
            endpointURL: "http://127.0.0.1:1/v1", modelName: "m", modelId: "m",
            machine: MachineInfo(host: "h", os: "os", cpu: "cpu"), proctorVersion: "0.1.0", gitCommit: nil,
            configHash: "hash",
            specification: .eval(
                EvalSpecification(
                    benchmark: "gsm8k", promptProtocol: "gsm8k_cot",
                    dataset: DatasetInfo(name: "gsm8k/test", sha256: "abc", count: 1319),
                    parameters: GenerationParameters(stop: ["Q:"]), streaming: true, concurrency: 2, sampleSeed: nil,
                    sampleLimit: 1, sampleIds: sampleIds, extractorNames: ["strict-match", "flexible-extract"])))
    }

    /// The result of turn `turn` of sample `sampleId` in run `runId`: answered with `text`, or
    /// failed with `error`.
    public static func turn(
        runId: String, sampleId: String, index: Int = 0, turn: Int = 1, isFinal: Bool = true, text: String = "The answer is 4.",
        error: CompletionError? = nil
    ) -> TurnResult {
        let sample = EvalSample(id: sampleId, index: index, messages: [ChatMessage(role: .user, content: "Q")], reference: "4")
        let outcome: Result<Completion, CompletionError> =
            error.map { .failure($0) }
            ?? .success(
                Completion(
                    text: text, finishReason: "stop", usage: TokenUsage(promptTokens: 3, completionTokens: 4),
                    timings: RequestTimings(chunkArrivals: [0.1, 0.2], completed: 0.2), model: "m", attempts: 1))
        return TurnResult(
            runId: runId, sample: sample, turn: turn, isFinal: isFinal, startedAt: Date(timeIntervalSince1970: 1_800_000_001),
            prompt: sample.messages, outcome: outcome,
            score: error == nil ? SampleScore(outputs: [ExtractorOutput(name: "strict-match", extracted: "4", normalized: "4", correct: true)]) : nil)
    }
}

import Foundation
public import ProctorBenchmarks
public import ProctorCore

/// Turns a FastChat model-answer file into a completed MT-bench run, so that published answers
/// (or a user's own FastChat answers) are judged like any other run.
public enum MTBenchImport {
    /// Stores `answers` (read from `path`, whose SHA-256 is `sha256`; `origin` is recorded as the
    /// run's endpoint, e.g. `file:///data/a.jsonl`) as a run in `store`: one
    /// result per question and turn, with the conversation FastChat sent, marked as reused.
    ///
    /// - Throws: ``DatasetError`` naming the file when it answers a question MT-bench lacks or
    ///   has no answer at all; the store's errors.
    public static func importAnswers(
        _ answers: MTBenchAnswerFile, path: String, origin: String, sha256: String, benchmark: MTBenchBenchmark,
        into store: any RunStore
    ) async throws -> Run {
        let known = Set(benchmark.questions.map(\.id))
        if let unknown = answers.answers.keys.sorted().first(where: { !known.contains($0) }) {
            throw DatasetError(file: path, field: "question_id", message: "question \(unknown) is not an MT-bench question (81–160)")
        }
        let samples = benchmark.samples().filter { answers.answers[Int($0.id) ?? -1] != nil }
        guard !samples.isEmpty else { throw DatasetError(file: path, message: "the file answers no MT-bench question") }
        let specification = EvalSpecification(
            benchmark: benchmark.name, promptProtocol: benchmark.protocolName, dataset: benchmark.dataset,
            parameters: benchmark.defaultParameters, streaming: false, concurrency: 1, sampleSeed: nil, sampleLimit: nil,
            sampleIds: samples.map(\.id), extractorNames: [])
        let lifecycle = RunLifecycle(store: store)
        let run = try await lifecycle.create(
            .eval(specification), target: "import:\(path)", endpointURL: origin, modelName: answers.modelId,
            modelId: answers.modelId, configHash: sha256)
        try await lifecycle.perform(run) {
            for sample in samples {
                guard let question = benchmark.question(for: sample), let texts = answers.answers[question.id] else { continue }
                var messages: [ChatMessage] = []
                for (offset, text) in texts.prefix(question.turns.count).enumerated() {
                    messages.append(ChatMessage(role: .user, content: question.turns[offset]))
                    let completion = Completion(
                        text: text, finishReason: nil, usage: nil, timings: RequestTimings(chunkArrivals: [], completed: 0),
                        model: answers.modelId, attempts: 0)
                    var result = TurnResult(
                        runId: run.id, sample: sample, turn: offset + 1, isFinal: offset + 1 == question.turns.count,
                        startedAt: Date(), prompt: messages, outcome: .success(completion), score: nil)
                    result.isCached = true
                    try await store.record(result)
                    messages.append(ChatMessage(role: .assistant, content: text))
                }
            }
        }
        return try await store.run(id: run.id) ?? run
    }
}

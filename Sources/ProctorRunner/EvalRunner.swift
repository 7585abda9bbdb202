import Foundation
public import ProctorBenchmarks
public import ProctorClient
public import ProctorCore
public import ProctorStore
import Synchronization

/// Sends a run's pending samples with bounded concurrency, scores each answer, and commits each
/// result to the store the moment it is known.
///
/// A failed request is stored as an error with its kind and never scored. A cancelled request is
/// not stored at all, so a resumed run sends it again.
public struct EvalRunner: Sendable {
    /// The benchmark that scores answers.
    public let benchmark: any Benchmark
    /// Who answers.
    public let client: any ChatCompleting
    /// Where results go.
    public let store: ProctorDatabase
    /// Requests in flight at once.
    public let concurrency: Int

    /// Creates a runner.
    public init(benchmark: any Benchmark, client: any ChatCompleting, store: ProctorDatabase, concurrency: Int) {
        self.benchmark = benchmark
        self.client = client
        self.store = store
        self.concurrency = max(1, concurrency)
    }

    /// Runs `pending` under `runId`; `alreadyDone` samples of `total` finished in earlier sessions.
    public func run(
        runId: String, pending: [EvalSample], alreadyDone: Int, total: Int, parameters: GenerationParameters,
        progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }
    ) async throws {
        let start = ContinuousClock.now
        let state = Mutex(
            EvalProgress(completed: alreadyDone, total: total, completedThisSession: 0, errors: 0, correct: 0, elapsed: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var queue = pending.makeIterator()
            let process: @Sendable (EvalSample) async throws -> Void = { sample in
                let record = try await evaluate(sample, runId: runId, parameters: parameters)
                try await store.save(record)
                let snapshot = state.withLock { progress in
                    progress.completed += 1
                    progress.completedThisSession += 1
                    if record.errorKind != nil { progress.errors += 1 }
                    if record.correct == true { progress.correct += 1 }
                    progress.elapsed = (ContinuousClock.now - start).seconds
                    return progress
                }
                progress(snapshot)
            }
            for _ in 0..<concurrency {
                guard let sample = queue.next() else { break }
                group.addTask { try await process(sample) }
            }
            while try await group.next() != nil {
                try Task.checkCancellation()
                if let sample = queue.next() { group.addTask { try await process(sample) } }
            }
        }
    }

    private func evaluate(_ sample: EvalSample, runId: String, parameters: GenerationParameters) async throws
        -> SampleResultRecord
    {
        let startedAt = Date()
        do {
            let completion = try await RequestContext.$sampleId.withValue(sample.id) {
                try await client.complete(sample.messages, parameters: parameters)
            }
            let score = benchmark.score(response: completion.text, for: sample)
            return SampleResultRecord(runId: runId, sample: sample, startedAt: startedAt, result: .success(completion), score: score)
        } catch let error as CompletionError {
            return SampleResultRecord(runId: runId, sample: sample, startedAt: startedAt, result: .failure(error), score: nil)
        }
    }
}

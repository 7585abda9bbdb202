import Foundation
public import ProctorBenchmarks
public import ProctorCore
import Synchronization

/// Runs a run's pending samples with bounded concurrency: each sample's benchmark conversation
/// sends its turns, scores them and hands every turn's result to the sink the moment it is known.
///
/// A failed request is recorded as an error with its kind and never scored. A cancelled request
/// is not recorded at all, so a resumed run sends it again.
public struct EvalRunner: Sendable {
    /// The benchmark that runs each conversation.
    public let benchmark: any Benchmark
    /// Who answers.
    public let client: any ChatCompleting
    /// Where results go.
    public let sink: any ResultSink
    /// Conversations in flight at once.
    public let concurrency: Int

    /// Creates a runner.
    public init(benchmark: any Benchmark, client: any ChatCompleting, sink: any ResultSink, concurrency: Int) {
        self.benchmark = benchmark
        self.client = client
        self.sink = sink
        self.concurrency = max(1, concurrency)
    }

    /// Runs `pending` under `runId`; `stored` holds what earlier sessions answered, and
    /// `alreadyDone` of `total` samples were finished before.
    public func run(
        runId: String, pending: [EvalSample], stored: [String: StoredConversation], alreadyDone: Int, total: Int,
        parameters: GenerationParameters, progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }
    ) async throws {
        let tally = ProgressTally(
            sink: sink,
            initial: EvalProgress(completed: alreadyDone, total: total, completedThisSession: 0, errors: 0, correct: 0, elapsed: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var queue = pending.makeIterator()
            let process: @Sendable (EvalSample) async throws -> Void = { sample in
                let conversation = Conversation(
                    sample: sample, runId: runId, parameters: parameters, client: client,
                    stored: stored[sample.id] ?? StoredConversation(), sink: tally)
                try await benchmark.converse(sample, in: conversation)
                progress(tally.sampleFinished())
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
}

/// Passes results on to the real sink and counts, per finished sample, whether it ended in an
/// error and whether its final turn was correct.
private final class ProgressTally: ResultSink {
    private let sink: any ResultSink
    private let start = ContinuousClock.now
    private let state: Mutex<EvalProgress>

    init(sink: any ResultSink, initial: EvalProgress) {
        self.sink = sink
        state = Mutex(initial)
    }

    func record(_ turn: TurnResult) async throws {
        try await sink.record(turn)
        state.withLock { progress in
            switch turn.outcome {
            case .failure: progress.errors += 1
            case .success where turn.isFinal && turn.score?.outputs.first?.correct == true: progress.correct += 1
            case .success: break
            }
        }
    }

    func record(_ requests: [LoadRequestSample], runId: String) async throws {
        try await sink.record(requests, runId: runId)
    }

    func record(_ level: LoadReport.Level, startedAt: Date, runId: String) async throws {
        try await sink.record(level, startedAt: startedAt, runId: runId)
    }

    /// Counts one finished sample and returns the progress.
    func sampleFinished() -> EvalProgress {
        state.withLock { progress in
            progress.completed += 1
            progress.completedThisSession += 1
            progress.elapsed = (ContinuousClock.now - start).seconds
            return progress
        }
    }
}

import Foundation
public import ProctorBenchmarks
public import ProctorCore
import Synchronization
import Tracing

/// Runs a run's pending samples with bounded concurrency: each sample's benchmark conversation
/// sends its turns, scores them and hands every turn's result to the sink the moment it is known.
///
/// A failed request is recorded as an error with its kind and never scored. A cancelled request
/// is not recorded at all, so a resumed run sends it again.
public struct EvalRunner: Sendable {
    /// Who answers.
    public let client: any ChatCompleting
    /// Where results go.
    public let sink: any TurnSink
    /// Where identical earlier requests' answers are found, when the run caches answers.
    public let caching: AnswerCaching?

    /// Creates a runner.
    public init(client: any ChatCompleting, sink: any TurnSink, caching: AnswerCaching? = nil) {
        self.client = client
        self.sink = sink
        self.caching = caching
    }

    /// Runs `prepared`'s pending samples, at most its specification's concurrency at once, each
    /// conversation continuing from what earlier sessions stored.
    public func run(_ prepared: PreparedEval, progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }) async throws {
        let tally = ProgressTally(
            sink: sink,
            initial: EvalProgress(
                completed: prepared.finished, total: prepared.samples.count, completedThisSession: 0, errors: 0, correct: 0,
                elapsed: 0))
        let runId = prepared.run.id
        let parameters = prepared.specification.parameters
        try await forEach(prepared.pending, limit: prepared.specification.concurrency) { sample in
            let conversation = Conversation(
                sample: sample, runId: runId, parameters: parameters, client: client,
                stored: prepared.stored[sample.id] ?? StoredConversation(), sink: tally, caching: caching)
            // One span per sample (a chain in OpenInference's terms), parent of its model and judge
            // calls; with no tracer bootstrapped it costs next to nothing.
            try await withSpan("sample \(prepared.specification.benchmark)") { span in
                span.attributes["openinference.span.kind"] = "CHAIN"
                span.attributes["proctor.run_id"] = runId
                span.attributes["proctor.benchmark"] = prepared.specification.benchmark
                span.attributes["proctor.sample_id"] = sample.id
                try await prepared.benchmark.converse(sample, in: conversation)
            }
            progress(tally.sampleFinished())
        }
    }
}

/// Passes turns on to the real sink and counts, per finished sample, whether it ended in an
/// error and whether its final turn was correct.
private final class ProgressTally: TurnSink {
    private let sink: any TurnSink
    private let start = ContinuousClock.now
    private let state: Mutex<EvalProgress>

    init(sink: any TurnSink, initial: EvalProgress) {
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

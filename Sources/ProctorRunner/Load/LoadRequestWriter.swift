import ProctorCore
import ProctorStore

/// Writes a load run's requests to the store in batches from a background task, so that the
/// requests themselves never wait on SQLite.
final class LoadRequestWriter: Sendable {
    private let continuation: AsyncStream<LoadRequestSample>.Continuation
    private let task: Task<Void, any Error>

    /// The largest batch written in one transaction.
    static let batchSize = 512

    init(store: ProctorDatabase, runId: String) {
        let (stream, continuation) = AsyncStream.makeStream(of: LoadRequestSample.self)
        self.continuation = continuation
        task = Task {
            var batch: [LoadRequestRecord] = []
            batch.reserveCapacity(Self.batchSize)
            for await sample in stream {
                batch.append(LoadRequestRecord(runId: runId, sample: sample))
                if batch.count >= Self.batchSize {
                    try await store.save(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try await store.save(batch)
        }
    }

    /// Queues one request.
    func write(_ sample: LoadRequestSample) {
        continuation.yield(sample)
    }

    /// Waits until every queued request is stored.
    func finish() async throws {
        continuation.finish()
        try await task.value
    }
}

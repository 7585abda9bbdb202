import ProctorCore

/// Hands a load run's requests to the sink in batches from a background task, so that the
/// requests themselves never wait on the store.
final class LoadRequestWriter: Sendable {
    private let continuation: AsyncStream<LoadRequestSample>.Continuation
    private let task: Task<Void, any Error>

    /// The largest batch written in one transaction.
    static let batchSize = 512

    init(sink: any ResultSink, runId: String) {
        let (stream, continuation) = AsyncStream.makeStream(of: LoadRequestSample.self)
        self.continuation = continuation
        task = Task {
            var batch: [LoadRequestSample] = []
            batch.reserveCapacity(Self.batchSize)
            for await sample in stream {
                batch.append(sample)
                if batch.count >= Self.batchSize {
                    try await sink.record(batch, runId: runId)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try await sink.record(batch, runId: runId)
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

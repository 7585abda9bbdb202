import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends ended spans to an OTLP/HTTP receiver (`POST …/v1/traces`, protobuf) in batches, from a
/// task of its own. The queue is bounded: when the receiver falls behind, new spans are dropped
/// and counted rather than slowing the run. Nothing is retried; failures are counted with the
/// last reason.
public final class OTLPExporter: Sendable {
    /// Where and how spans go.
    public struct Configuration: Sendable {
        /// The full traces URL (`http://host:4318/v1/traces`).
        public var tracesURL: String
        /// Extra request headers (`OTEL_EXPORTER_OTLP_HEADERS`); never logged.
        public var headers: [(name: String, value: String)]
        /// Resource attributes (`service.name`, `openinference.project.name`, …).
        public var resource: [(key: String, value: SpanRecord.Value)]
        /// Spans held at most before new ones are dropped.
        public var maxQueued: Int
        /// Spans per request.
        public var batchSize: Int
        /// How long a partial batch waits.
        public var flushInterval: Duration

        /// Creates a configuration.
        public init(
            tracesURL: String, headers: [(name: String, value: String)] = [], resource: [(key: String, value: SpanRecord.Value)] = [],
            maxQueued: Int = 65_536, batchSize: Int = 512, flushInterval: Duration = .milliseconds(500)
        ) {
            self.tracesURL = tracesURL
            self.headers = headers
            self.resource = resource
            self.maxQueued = maxQueued
            self.batchSize = batchSize
            self.flushInterval = flushInterval
        }
    }

    /// What the exporter did.
    public struct Statistics: Sendable, Hashable {
        /// Spans the receiver accepted.
        public var sent = 0
        /// Spans dropped because the queue was full.
        public var dropped = 0
        /// Spans in requests that failed.
        public var failed = 0
        /// Why the last request failed.
        public var lastError: String?
    }

    private struct State {
        var queue: [SpanRecord] = []
        var statistics = Statistics()
        var finishing = false
        var flushRequested = false
    }

    /// The configuration.
    public let configuration: Configuration
    private let state = Mutex(State())
    private let client: HTTPClient
    private let scopeVersion: String

    /// An exporter; call ``run()`` in a task and ``finish()`` at the end.
    public init(configuration: Configuration, version: String) {
        self.configuration = configuration
        scopeVersion = version
        var http = HTTPClient.Configuration()
        http.tracing.tracer = nil  // the exporter's own requests are never traced
        http.timeout = .init(connect: .seconds(5), read: .seconds(30))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    /// Queues a span; drops it (counted) when the queue is full.
    public func enqueue(_ span: SpanRecord) {
        state.withLock { state in
            if state.queue.count >= configuration.maxQueued {
                state.statistics.dropped += 1
            } else {
                state.queue.append(span)
            }
        }
    }

    /// Asks for the queue to be sent now.
    public func requestFlush() {
        state.withLock { $0.flushRequested = true }
    }

    /// The counts so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Sends batches until ``finish()`` is called and the queue is empty.
    public func run() async {
        var lastSend = ContinuousClock.now
        while true {
            let (batch, done) = state.withLock { state -> ([SpanRecord], Bool) in
                let due = state.finishing || state.flushRequested || state.queue.count >= configuration.batchSize
                    || ContinuousClock.now - lastSend >= configuration.flushInterval
                guard due, !state.queue.isEmpty else { return ([], state.finishing && state.queue.isEmpty) }
                let count = min(configuration.batchSize, state.queue.count)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                if state.queue.isEmpty { state.flushRequested = false }
                return (batch, false)
            }
            if done { break }
            if batch.isEmpty {
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            lastSend = ContinuousClock.now
            await send(batch)
        }
    }

    /// Ends the export: ``run()`` sends what is queued and returns. Then closes the connections.
    public func finish(after runner: Task<Void, Never>) async -> Statistics {
        state.withLock { $0.finishing = true }
        await runner.value
        try? await client.shutdown()
        return statistics
    }

    private func send(_ batch: [SpanRecord]) async {
        let body = OTLPTraceEncoding.request(spans: batch, resource: configuration.resource, scope: "proctor", version: scopeVersion)
        var request = HTTPClientRequest(url: configuration.tracesURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-protobuf")
        for header in configuration.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let outcome: String?
        do {
            let response = try await client.execute(request, timeout: .seconds(30))
            let text = String(buffer: try await response.body.collect(upTo: 64 * 1024))
            outcome = (200..<300).contains(response.status.code)
                ? nil : "HTTP \(response.status.code) from \(configuration.tracesURL): \(text.prefix(200))"
        } catch {
            outcome = "\(configuration.tracesURL): \(error)"
        }
        state.withLock { state in
            if let outcome {
                state.statistics.failed += batch.count
                state.statistics.lastError = outcome
            } else {
                state.statistics.sent += batch.count
            }
        }
    }
}

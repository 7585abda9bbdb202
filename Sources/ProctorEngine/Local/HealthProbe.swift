import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Polls a llama-server's `/health` until it answers 200 (it answers 503 while loading the model).
enum HealthProbe {
    /// The probes' client: never traced, so that polling the engine while it loads does not put a
    /// span per poll among a traced run's model calls. Process-wide, like `HTTPClient.shared`.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.tracing.tracer = nil
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    static func isHealthy(port: Int) async -> Bool {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
        guard let response = try? await client.execute(request, timeout: .seconds(2)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 16)
        return response.status == .ok
    }

    /// Waits until healthy; gives up after `timeout` or as soon as `stillRunning` says the process died.
    static func waitUntilHealthy(
        port: Int, timeout: Duration, stillRunning: @Sendable () -> Bool
    ) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await isHealthy(port: port) { return true }
            guard stillRunning() else { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

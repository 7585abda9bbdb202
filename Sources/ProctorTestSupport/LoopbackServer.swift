import Hummingbird
import Logging

/// Runs a Hummingbird `router` on a free loopback port while `body` runs, giving it the port;
/// the server stops when `body` ends. For the small stand-in servers tests talk to.
func withLoopbackServer<Result: Sendable>(
    _ router: Router<BasicRequestContext>, label: String, logLevel: Logger.Level = .warning, _ body: @Sendable (Int) async throws -> Result
) async throws -> Result {
    var logger = Logger(label: label)
    logger.logLevel = logLevel
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }, logger: logger)
    return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask {
            try await app.runService(gracefulShutdownSignals: [])
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        defer { group.cancelAll() }
        return try await body(port)
    }
}

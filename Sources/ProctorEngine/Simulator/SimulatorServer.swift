import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
public import UnixSignals
public import ProctorCore

/// The simulated OpenAI-compatible server: `/v1/models`, `/v1/chat/completions` (streamed or
/// not) and `/health`, behaving exactly as its ``SimulatorConfiguration`` says.
///
/// ```swift
/// try await SimulatorServer(configuration: config).withRunning { port in
///     // talk to http://127.0.0.1:\(port)/v1
/// }
/// ```
public struct SimulatorServer: Sendable {
    /// The behaviour.
    public let configuration: SimulatorConfiguration
    /// The address to bind; keep it on loopback.
    public let host: String
    /// The port to bind; 0 picks a free one.
    public let port: Int

    /// Creates a server description; nothing is bound until it runs.
    public init(configuration: SimulatorConfiguration, host: String = "127.0.0.1", port: Int = 0) {
        self.configuration = configuration
        self.host = host
        self.port = port
    }

    /// Serves until the task is cancelled (or, with `signals`, until one arrives); `onStart` gets
    /// the bound port.
    public func run(
        gracefulShutdownSignals signals: [UnixSignal] = [], onStart: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let handler = SimulatorHandler(configuration: configuration)
        let router = Router()
        router.get("/v1/models") { _, _ in handler.models() }
        router.get("/health") { _, _ in "{\"status\":\"ok\"}" }
        router.post("/v1/chat/completions") { request, _ in try await handler.chatCompletion(request) }
        var logger = Logger(label: "proctor.sim")
        logger.logLevel = .warning
        let closesAfterStream = configuration.closesAfterStream
        let app = Application(
            router: router,
            server: .http1(
                configuration: HTTP1Channel.Configuration(
                    additionalChannelHandlers: closesAfterStream ? [CloseAfterStreamHandler()] : [])),
            configuration: .init(address: .hostname(host, port: port), serverName: "proctor-sim", backlog: 4096),
            onServerRunning: { channel in await onStart(channel.localAddress?.port ?? 0) },
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [app], gracefulShutdownSignals: signals, logger: logger))
        try await group.run()
    }

    /// Runs the server while `body` runs, giving it the bound port, then stops the server.
    public func withRunning<Result: Sendable>(_ body: @Sendable (Int) async throws -> Result) async throws -> Result {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await run(onStart: { port in
                    continuation.yield(port)
                    continuation.finish()
                })
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                throw SimulatorError("the simulator stopped before it was listening")
            }
            defer { group.cancelAll() }
            let result = try await body(port)
            group.cancelAll()
            return result
        }
    }
}

/// The simulator could not start or serve.
public struct SimulatorError: ProctorFailure, Sendable {
    /// What went wrong.
    public var message: String
    /// ``ErrorCode/dependencyFailed``.
    public var code: ErrorCode { .dependencyFailed }
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

import Foundation
public import Hummingbird
import HummingbirdAuth
import Logging
import ProctorCore
import ProctorReport
public import ProctorStore

/// `proctor serve`: the runs list, each run's report page (reloading while the run is
/// running), any two runs compared, each run's progress as JSON, and Prometheus `/metrics` —
/// all read from the store, rendered by the same view-models and template as `proctor report`.
public struct DashboardServer: Sendable {
    private let database: ProctorDatabase
    /// Where it listens and who may read it.
    public let configuration: DashboardConfiguration

    /// A dashboard over `database`; nothing is bound until it runs.
    public init(database: ProctorDatabase, configuration: DashboardConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    /// The application (routes and middleware), for running or for HummingbirdTesting.
    ///
    /// - Throws: ``ProctorError`` when the configuration is refused (non-loopback, no token).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        try configuration.validate()
        let metrics = DashboardMetrics(database: database)
        let router = Router(context: DashboardContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        if let token = configuration.token {
            router.add(middleware: TokenAuthenticator(token: token))
            router.add(middleware: RequireReader())
        }
        let pages = DashboardPages(database: database)
        router.get("/") { request, _ in try await Self.html(pages.runs(limit: request.uri.queryParameters["limit"].flatMap { Int($0) } ?? 100)) }
        router.get("/runs/:id") { request, context in
            let offset = request.uri.queryParameters["samples"].flatMap { Int($0) } ?? 0
            return try await Self.html(pages.run(id: try context.parameters.require("id"), sampleOffset: offset))
        }
        router.get("/runs/:id/progress") { _, context in
            try await Self.json(pages.progress(id: try context.parameters.require("id")))
        }
        router.get("/compare") { request, _ in
            guard let base = request.uri.queryParameters["base"].map(String.init),
                let candidate = request.uri.queryParameters["candidate"].map(String.init)
            else { throw HTTPError(.badRequest, message: "compare needs ?base=RUN&candidate=RUN") }
            return try await Self.html(pages.compare(base: base, candidate: candidate))
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: .init(string: try await metrics.exposition())))
        }
        router.get("/health") { _, _ in "ok\n" }
        var logger = Logger(label: "proctor.dashboard")
        logger.logLevel = .warning
        return Application(
            router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "proctor"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Serves until cancelled; `onStart` gets the bound port.
    public func run(onStart: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onServerRunning: onStart).runService()
    }

    static func html(_ page: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: .init(string: page)))
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(bytes: try encoder.encode(value))))
    }
}

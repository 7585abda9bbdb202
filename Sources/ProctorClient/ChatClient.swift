import AsyncHTTPClient
import Foundation
public import Logging
import NIOCore
import NIOHTTP1
public import ProctorCore

/// An OpenAI-compatible chat client on AsyncHTTPClient: streamed or whole responses, timed on a
/// monotonic clock, with retries, a per-request deadline and a pool sized to the concurrency.
///
/// Use ``withChatClient(endpoint:configuration:_:)`` so the client is always shut down:
///
/// ```swift
/// let completion = try await withChatClient(endpoint: endpoint) { client in
///     try await client.complete([ChatMessage(role: .user, content: "2+2?")], parameters: .init())
/// }
/// ```
public final class ChatClient: Sendable {
    /// Where requests go.
    public let endpoint: Endpoint
    /// How requests are made.
    public let configuration: ChatClientConfiguration
    let httpClient: HTTPClient
    let logger: Logger
    private let apiKey: String?

    /// Creates a client; call ``shutdown()`` when done, or use ``withChatClient(endpoint:configuration:_:)``.
    public init(endpoint: Endpoint, configuration: ChatClientConfiguration = .init(), logger: Logger? = nil) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "proctor.client")
        apiKey = endpoint.apiKey()
        var http = HTTPClient.Configuration()
        http.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.concurrency))
        http.timeout = .init(connect: .milliseconds(Int64(configuration.connectTimeout.seconds * 1000)))
        http.decompression = .disabled
        httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    /// Closes every connection.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }

    /// Sends `messages` and returns the answer, retrying as the policy allows.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had (classified by kind), or
    ///   `CancellationError` when the calling task was cancelled — never anything else.
    public func complete(_ messages: [ChatMessage], parameters: GenerationParameters) async throws -> Completion {
        let deadline = ContinuousClock.now + configuration.requestTimeout
        var attempt = 1
        while true {
            do {
                var completion = try await attemptWithDeadline(messages, parameters: parameters, deadline: deadline)
                completion.attempts = attempt
                return completion
            } catch let failure as AttemptFailure {
                var error = failure.error
                error.attempts = attempt
                guard error.isRetryable, attempt < configuration.retry.maxAttempts else { throw error }
                let wait = configuration.retry.delay(afterAttempt: attempt, retryAfter: failure.retryAfter)
                guard ContinuousClock.now + wait < deadline else { throw error }
                logger.debug("retrying after \(error)", metadata: ["attempt": "\(attempt)", "wait": "\(wait)"])
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }

    /// The model ids the server lists at `/v1/models`.
    ///
    /// - Throws: ``CompletionError`` (kind `.connection` when nothing answers) or `CancellationError`.
    public func listModels(timeout: Duration = .seconds(5)) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        try await TCPProbe.check(endpoint.modelsURL, timeout: timeout)
        do {
            return try await withDeadline(deadline) { [self] in
                var request = HTTPClientRequest(url: endpoint.modelsURL)
                addHeaders(to: &request)
                let response = try await httpClient.execute(request, timeout: .seconds(Int64(timeout.seconds.rounded(.up))))
                let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
                guard response.status == .ok else {
                    throw AttemptFailure(
                        CompletionError(
                            kind: response.status.code >= 500 ? .serverError : .clientError,
                            message: "GET \(endpoint.modelsURL) answered \(response.status.code)",
                            statusCode: Int(response.status.code)))
                }
                return try JSONDecoder().decode(ModelListBody.self, from: Data(body.readableBytesView)).data.map(\.id)
            }
        } catch is DeadlineExceeded {
            throw CompletionError(kind: .timeout, message: "GET \(endpoint.modelsURL) gave no answer within \(timeout)")
        } catch let failure as AttemptFailure {
            throw failure.error
        } catch is CancellationError {
            throw CancellationError()
        } catch is DecodingError {
            throw CompletionError(kind: .malformedResponse, message: "GET \(endpoint.modelsURL) did not return a model list")
        } catch {
            throw CompletionError(kind: .connection, message: "cannot connect to \(endpoint.modelsURL): \(error)")
        }
    }

    private func attemptWithDeadline(
        _ messages: [ChatMessage], parameters: GenerationParameters, deadline: ContinuousClock.Instant
    ) async throws -> Completion {
        do {
            return try await withDeadline(deadline) { [self] in
                try await attempt(messages, parameters: parameters)
            }
        } catch is DeadlineExceeded {
            try Task.checkCancellation()
            throw CompletionError(
                kind: .timeout, message: "no complete answer within \(configuration.requestTimeout) from \(endpoint.chatCompletionsURL)")
        }
    }

    func addHeaders(to request: inout HTTPClientRequest) {
        for (name, value) in endpoint.headers { request.headers.add(name: name, value: value) }
        if let sampleId = RequestContext.sampleId { request.headers.add(name: RequestContext.sampleIdHeader, value: sampleId) }
        if let apiKey { request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(apiKey)") }
    }
}

/// Runs `body` with a client that is shut down afterwards, whatever happens.
public func withChatClient<Result: Sendable>(
    endpoint: Endpoint, configuration: ChatClientConfiguration = .init(),
    _ body: (ChatClient) async throws -> Result
) async throws -> Result {
    let client = ChatClient(endpoint: endpoint, configuration: configuration)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// One failed attempt, with the server's requested wait if it gave one.
struct AttemptFailure: Error {
    var error: CompletionError
    var retryAfter: Duration?

    init(_ error: CompletionError, retryAfter: Duration? = nil) {
        self.error = error
        self.retryAfter = retryAfter
    }
}

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
    /// Spaces requests to the provider's limits and pauses them all after a `429`, if given.
    let rateLimiter: RateLimiter?
    /// The chat request every attempt copies, or why the endpoint's URL cannot be used.
    let requestTemplate: Result<HTTPClient.Request, AttemptFailure>

    /// Creates a client; call ``shutdown()`` when done, or use ``withChatClient(endpoint:configuration:_:)``.
    /// A `rateLimiter` makes ``complete(_:parameters:context:)`` wait for it before every attempt.
    public init(
        endpoint: Endpoint, configuration: ChatClientConfiguration = .init(), logger: Logger? = nil,
        rateLimiter: RateLimiter? = nil
    ) {
        self.endpoint = endpoint
        self.rateLimiter = rateLimiter
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "proctor.client")
        apiKey = endpoint.apiKey()
        requestTemplate = Self.makeRequestTemplate(for: endpoint, streaming: configuration.streaming)
        var http = HTTPClient.Configuration()
        http.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: Self.connectionLimit(for: configuration.concurrency))
        http.timeout = .init(connect: .milliseconds(Int64(configuration.connectTimeout.seconds * 1000)))
        http.decompression = .disabled
        // AsyncHTTPClient's own span per request would cost about 4% of the client's time at
        // thousands of requests per second and duplicate the model-call spans TracedChatClient
        // makes (with OpenInference attributes), so it never makes them.
        http.tracing.tracer = nil
        httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    /// The pool's connection limit for `concurrency` requests in flight: at least 8, so that
    /// pool queueing is never counted as latency.
    static func connectionLimit(for concurrency: Int) -> Int { max(8, concurrency) }

    /// Closes every connection.
    public func shutdown() async throws {
        try await httpClient.shutdown()
    }

    /// Sends `messages` and returns the answer, retrying as the policy allows.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had (classified by kind), or
    ///   `CancellationError` when the calling task was cancelled — never anything else.
    public func complete(
        _ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext = .none
    ) async throws -> Completion {
        let deadline = ContinuousClock.now + configuration.requestTimeout
        let estimate = RateLimiter.estimateTokens(of: messages.reduce(0) { $0 + $1.content.utf8.count })
        var attempt = 1
        while true {
            do {
                try await rateLimiter?.admit(estimatedTokens: estimate)
                var completion = try await self.attempt(messages, parameters: parameters, context: context, deadline: deadline)
                completion.attempts = attempt
                if let usage = completion.usage {
                    await rateLimiter?.settle(estimatedTokens: estimate, actualTokens: usage.totalTokens)
                }
                return completion
            } catch let failure as AttemptFailure {
                var error = failure.error
                error.attempts = attempt
                if error.kind == .rateLimited, let rateLimiter {
                    await rateLimiter.backOff(
                        for: configuration.retry.delay(afterAttempt: attempt, retryAfter: failure.retryAfter, jitter: 1))
                }
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
        let url = endpoint.modelsURL
        try await TCPProbe.check(url, timeout: timeout)
        let task: EventLoopFuture<HTTPClient.Response>
        do {
            var request = try HTTPClient.Request(url: url)
            addHeaders(to: &request.headers, context: .none)
            task = httpClient.execute(request: request, deadline: .now() + .nanoseconds(timeout.wholeNanoseconds))
        } catch {
            throw CompletionError(kind: .clientError, message: "\(url) is not a usable URL (\(error))")
        }
        let response: HTTPClient.Response
        do {
            response = try await task.get()
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw CompletionError(kind: .timeout, message: "GET \(url) gave no answer within \(timeout)")
        } catch {
            try Task.checkCancellation()
            throw CompletionError(kind: .connection, message: "cannot connect to \(url): \(error)")
        }
        guard response.status == .ok else {
            throw CompletionError(
                kind: response.status.code >= 500 ? .serverError : .clientError,
                message: "GET \(url) answered \(response.status.code)", statusCode: Int(response.status.code))
        }
        guard let list = try? JSONDecoder().decode(ModelListBody.self, from: Data((response.body ?? ByteBuffer()).readableBytesView)) else {
            throw CompletionError(kind: .malformedResponse, message: "GET \(url) did not return a model list")
        }
        return list.data.map(\.id)
    }

    func addHeaders(to headers: inout HTTPHeaders, context: RequestContext) {
        for (name, value) in endpoint.headers { headers.add(name: name, value: value) }
        if let sampleId = context.sampleId { headers.add(name: RequestContext.sampleIdHeader, value: sampleId) }
        if let turn = context.turn { headers.add(name: RequestContext.turnHeader, value: String(turn)) }
        if let apiKey { headers.replaceOrAdd(name: "Authorization", value: "Bearer \(apiKey)") }
    }
}

/// Runs `body` with a client that is shut down afterwards, whatever happens.
public func withChatClient<Result: Sendable>(
    endpoint: Endpoint, configuration: ChatClientConfiguration = .init(), rateLimiter: RateLimiter? = nil,
    _ body: (ChatClient) async throws -> Result
) async throws -> Result {
    let client = ChatClient(endpoint: endpoint, configuration: configuration, rateLimiter: rateLimiter)
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
package struct AttemptFailure: Error {
    package var error: CompletionError
    var retryAfter: Duration?
    /// The request went out on a pooled connection the server had already closed, and nothing
    /// came back: the server never read it, so sending it again is not a retry.
    var isStaleConnection: Bool

    init(_ error: CompletionError, retryAfter: Duration? = nil, isStaleConnection: Bool = false) {
        self.error = error
        self.retryAfter = retryAfter
        self.isStaleConnection = isStaleConnection
    }
}

extension ChatClient: ChatCompleting {}

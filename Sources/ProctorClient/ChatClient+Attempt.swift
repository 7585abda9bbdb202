import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
public import ProctorCore

extension ChatClient {
    /// Sends `messages` now with one attempt and a deadline of ``ChatClientConfiguration/requestTimeout``.
    public func send(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) -> SentCompletion {
        let deadline = ContinuousClock.now + configuration.requestTimeout
        let first = startAttempt(messages, parameters: parameters, context: context, deadline: deadline)
        return SentCompletion {
            do {
                return try await self.answer(first, messages, parameters: parameters, context: context, deadline: deadline)
            } catch let failure as AttemptFailure {
                throw failure.error
            }
        }
    }

    /// Makes one request and reads its answer before `deadline`. Every failure leaves as an
    /// ``AttemptFailure`` (or `CancellationError` when the task was cancelled).
    func attempt(
        _ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext, deadline: ContinuousClock.Instant
    ) async throws -> Completion {
        let first = startAttempt(messages, parameters: parameters, context: context, deadline: deadline)
        return try await answer(first, messages, parameters: parameters, context: context, deadline: deadline)
    }

    /// The most times one attempt is sent again because it met a connection the server had
    /// already closed: one more than the pool can hold, so that every stale idle connection can
    /// be met once and the last send goes out on a new one.
    var maximumStaleResends: Int { ChatClient.connectionLimit(for: configuration.concurrency) + 1 }

    /// Waits for `inFlight`; when it met a pooled connection that the server had closed without
    /// saying so (llama.cpp's `llama-server` closes after every streamed response although it
    /// answers `Keep-Alive`), sends it again on another connection, at most
    /// ``maximumStaleResends`` times. The server never read such a request, so this is not a
    /// retry: a load test still makes one attempt, and the time lost stays in the latency, which
    /// runs from the first send.
    private func answer(
        _ inFlight: AttemptInFlight, _ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext,
        deadline: ContinuousClock.Instant
    ) async throws -> Completion {
        var current = inFlight
        var resends = 0
        while true {
            do {
                return try await current.answer()
            } catch let failure as AttemptFailure where failure.isStaleConnection && resends < maximumStaleResends {
                resends += 1
                logger.debug("sending again on another connection: \(failure.error)", metadata: ["resend": "\(resends)"])
                current = startAttempt(messages, parameters: parameters, context: context, deadline: deadline)
            }
        }
    }

    /// Starts one request on the calling thread, without waiting. The response is read by a
    /// ``ChatResponseReader`` on its event loop, and AsyncHTTPClient enforces the deadline over
    /// the whole request, body included.
    func startAttempt(
        _ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext, deadline: ContinuousClock.Instant
    ) -> AttemptInFlight {
        let url = endpoint.chatCompletionsURL
        let remaining = deadline - .now
        guard remaining > .zero else {
            return AttemptInFlight(failure: AttemptInFlight.timeoutFailure(after: configuration.requestTimeout, from: url))
        }
        var request: HTTPClient.Request
        switch requestTemplate {
        case .success(let template): request = template
        case .failure(let failure): return AttemptInFlight(failure: failure)
        }
        addHeaders(to: &request.headers, context: context)
        let body = ChatRequestBody(
            model: endpoint.model, messages: messages, parameters: parameters, stream: configuration.streaming)
        request.body = .bytes(body.json)

        let eventLoop = httpClient.eventLoopGroup.any()
        let reader = ChatResponseReader(
            url: url, streaming: configuration.streaming, sent: ContinuousClock.now, eventLoop: eventLoop)
        let task = httpClient.execute(
            request: request, delegate: reader, eventLoop: .delegate(on: eventLoop),
            deadline: .now() + .nanoseconds(remaining.wholeNanoseconds))
        return AttemptInFlight(task: task, reader: reader, url: url, requestTimeout: configuration.requestTimeout)
    }

    /// The POST every chat request starts from, its URL parsed once; a failure names the URL.
    static func makeRequestTemplate(for endpoint: Endpoint, streaming: Bool) -> Result<HTTPClient.Request, AttemptFailure> {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        if streaming { headers.add(name: "Accept", value: "text/event-stream") }
        do {
            return .success(try HTTPClient.Request(url: endpoint.chatCompletionsURL, method: .POST, headers: headers))
        } catch {
            return .failure(
                AttemptFailure(
                    CompletionError(
                        kind: .clientError,
                        message: "\(endpoint.chatCompletionsURL) is not a usable URL (\(error)); give an http:// or https:// base URL")))
        }
    }

}

/// One request on its way, or the reason it could not start.
struct AttemptInFlight: Sendable {
    private enum Start {
        case sent(HTTPClient.Task<Completion>, ChatResponseReader)
        case failed(AttemptFailure)
    }

    private let start: Start
    private let url: String
    private let requestTimeout: Duration

    init(task: HTTPClient.Task<Completion>, reader: ChatResponseReader, url: String, requestTimeout: Duration) {
        start = .sent(task, reader)
        self.url = url
        self.requestTimeout = requestTimeout
    }

    /// An attempt that failed before it was sent.
    init(failure: AttemptFailure) {
        start = .failed(failure)
        url = ""
        requestTimeout = .zero
    }

    /// The failure of a request that had no complete answer within `timeout`.
    static func timeoutFailure(after timeout: Duration, from url: String) -> AttemptFailure {
        AttemptFailure(CompletionError(kind: .timeout, message: "no complete answer within \(timeout) from \(url)"))
    }

    /// Waits for the answer; every failure is an ``AttemptFailure``, or `CancellationError` when
    /// the waiting task was cancelled (which cancels the request).
    func answer() async throws -> Completion {
        let task: HTTPClient.Task<Completion>
        let reader: ChatResponseReader
        switch start {
        case .sent(let sentTask, let sentReader): (task, reader) = (sentTask, sentReader)
        case .failed(let failure): throw failure
        }
        do {
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch let failure as AttemptFailure {
            throw failure
        } catch {
            try Task.checkCancellation()
            if let http = error as? HTTPClientError, http == .deadlineExceeded {
                throw Self.timeoutFailure(after: requestTimeout, from: url)
            }
            if reader.hasReceivedHead {
                throw AttemptFailure(
                    CompletionError(
                        kind: .disconnected, message: "connection to \(url) broke mid-response: \(describe(error))",
                        statusCode: 200))
            }
            throw AttemptFailure(
                CompletionError(kind: .connection, message: "cannot reach \(url): \(describe(error))"),
                isStaleConnection: Self.isClosedConnection(error))
        }
    }

    /// Whether `error` says the connection was closed or reset under the request — what a
    /// request meets on a pooled connection the server has closed — rather than that no
    /// connection could be made.
    static func isClosedConnection(_ error: any Error) -> Bool {
        if let http = error as? HTTPClientError { return http == .remoteConnectionClosed }
        if let channel = error as? ChannelError { return channel == .ioOnClosedChannel || channel == .eof }
        if let io = error as? IOError { return io.errnoCode == ECONNRESET || io.errnoCode == EPIPE }
        return false
    }

    private func describe(_ error: any Error) -> String {
        if let http = error as? HTTPClientError { return http.shortDescription }
        return String(describing: error)
    }
}

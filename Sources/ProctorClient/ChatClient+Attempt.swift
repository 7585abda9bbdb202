import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ProctorCore

extension ChatClient {
    /// Makes one request and reads its answer. Every failure leaves as an ``AttemptFailure``
    /// (or `CancellationError` when the task was cancelled).
    func attempt(_ messages: [ChatMessage], parameters: GenerationParameters) async throws -> Completion {
        let url = endpoint.chatCompletionsURL
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if configuration.streaming { request.headers.add(name: "Accept", value: "text/event-stream") }
        addHeaders(to: &request)
        let body = ChatRequestBody(
            model: endpoint.model, messages: messages, parameters: parameters, stream: configuration.streaming)
        request.body = .bytes(ByteBuffer(bytes: body.json))

        let clock = ContinuousClock()
        let start = clock.now
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, deadline: .distantFuture)
        } catch {
            try Task.checkCancellation()
            throw AttemptFailure(CompletionError(kind: .connection, message: "cannot reach \(url): \(describe(error))"))
        }
        guard response.status == .ok else {
            throw await failure(for: response, url: url)
        }
        do {
            if configuration.streaming {
                return try await readStream(response.body, url: url, clock: clock, start: start)
            }
            return try await readWhole(response.body, url: url, clock: clock, start: start)
        } catch let failure as AttemptFailure {
            throw failure
        } catch {
            try Task.checkCancellation()
            throw AttemptFailure(
                CompletionError(kind: .disconnected, message: "connection to \(url) broke mid-response: \(describe(error))",
                    statusCode: 200))
        }
    }

    private func readStream(
        _ body: HTTPClientResponse.Body, url: String, clock: ContinuousClock, start: ContinuousClock.Instant
    ) async throws -> Completion {
        var parser = SSEParser()
        var arrivals: [Double] = []
        var text = ""
        var finishReason: String?
        var usage: TokenUsage?
        var model: String?
        var sawDone = false

        func handle(_ event: SSEParser.Event, at now: ContinuousClock.Instant) throws {
            if event.data == "[DONE]" {
                sawDone = true
                return
            }
            guard let chunk = ChatChunk(payload: event.data) else {
                throw AttemptFailure(
                    CompletionError(kind: .malformedResponse, message: "\(url) sent an event that is not a chat chunk: \(event.data.prefix(120))",
                        statusCode: 200))
            }
            if let message = chunk.errorMessage {
                throw AttemptFailure(
                    CompletionError(kind: .serverError, message: "\(url) reported an error mid-stream: \(message)", statusCode: 200))
            }
            if model == nil { model = chunk.model }
            if let reported = chunk.usage { usage = reported }
            guard chunk.hasChoices else { return }
            arrivals.append((now - start).seconds)
            if let content = chunk.content { text += content }
            if let reason = chunk.finishReason { finishReason = reason }
        }

        for try await buffer in body {
            let now = clock.now
            let events: [SSEParser.Event]
            do {
                events = try parser.feed(buffer.readableBytesView)
            } catch {
                throw AttemptFailure(
                    CompletionError(kind: .malformedResponse, message: "\(url) sent a line over \(error.limit) bytes", statusCode: 200))
            }
            for event in events { try handle(event, at: now) }
            if sawDone { break }
        }
        let completed = clock.now
        if !sawDone, let event = parser.finish() { try handle(event, at: completed) }
        guard sawDone || finishReason != nil else {
            throw AttemptFailure(
                CompletionError(kind: .disconnected, message: "the stream from \(url) ended before its last chunk", statusCode: 200))
        }
        guard !arrivals.isEmpty else {
            throw AttemptFailure(CompletionError(kind: .emptyResponse, message: "\(url) streamed no choices", statusCode: 200))
        }
        return Completion(
            text: text, finishReason: finishReason, usage: usage,
            timings: RequestTimings(chunkArrivals: arrivals, completed: (completed - start).seconds), model: model, attempts: 1)
    }

    private func readWhole(
        _ body: HTTPClientResponse.Body, url: String, clock: ContinuousClock, start: ContinuousClock.Instant
    ) async throws -> Completion {
        let bytes = try await body.collect(upTo: 64 * 1024 * 1024)
        let completed = (clock.now - start).seconds
        let decoded: ChatResponseBody
        do {
            decoded = try JSONDecoder().decode(ChatResponseBody.self, from: Data(bytes.readableBytesView))
        } catch {
            throw AttemptFailure(
                CompletionError(kind: .malformedResponse, message: "\(url) answered with a body that is not a chat completion",
                    statusCode: 200))
        }
        guard let choice = decoded.choices?.first else {
            throw AttemptFailure(CompletionError(kind: .emptyResponse, message: "\(url) answered with no choices", statusCode: 200))
        }
        return Completion(
            text: choice.message?.content ?? "", finishReason: choice.finishReason, usage: decoded.usage?.tokenUsage,
            timings: RequestTimings(chunkArrivals: [completed], completed: completed), model: decoded.model, attempts: 1)
    }

    private func failure(for response: HTTPClientResponse, url: String) async -> AttemptFailure {
        let code = Int(response.status.code)
        let text = (try? await response.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
        let retryAfter = response.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
        let kind: CompletionError.Kind =
            switch code {
            case 429: .rateLimited
            case 500...: .serverError
            default: .clientError
            }
        let detail = text.isEmpty ? "" : ": \(text.prefix(300))"
        let honoursRetryAfter = code == 429 || code == 503
        return AttemptFailure(
            CompletionError(kind: kind, message: "\(url) answered HTTP \(code)\(detail)", statusCode: code),
            retryAfter: honoursRetryAfter ? retryAfter : nil)
    }

    private func describe(_ error: any Error) -> String {
        if let http = error as? HTTPClientError { return http.shortDescription }
        return String(describing: error)
    }
}

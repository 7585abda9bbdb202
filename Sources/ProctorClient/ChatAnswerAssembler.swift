import Foundation
import NIOCore
import ProctorCore

/// Builds a ``Completion`` from a 200 response's body as its bytes arrive: a server-sent event
/// stream chunk by chunk, or a whole JSON body. Pure state, fed by ``ChatResponseReader`` on the
/// response's event loop; every failure is an ``AttemptFailure`` with its class.
struct ChatAnswerAssembler {
    private let url: String
    private let streaming: Bool
    private var parser = SSEParser()
    private var arrivals: [Double] = []
    private var text = ""
    private var finishReason: String?
    private var usage: TokenUsage?
    private var model: String?
    private var sawDone = false
    private var body: ByteBuffer?

    /// The most bytes a whole (non-streamed) body may have.
    static let maximumBodyBytes = 64 * 1024 * 1024

    init(url: String, streaming: Bool) {
        self.url = url
        self.streaming = streaming
        if streaming { arrivals.reserveCapacity(64) }
    }

    /// Takes the next part of the body, which arrived `offset` seconds after the request was sent.
    mutating func receive(_ buffer: ByteBuffer, at offset: Double) throws(AttemptFailure) {
        guard streaming else {
            guard (body?.readableBytes ?? 0) + buffer.readableBytes <= Self.maximumBodyBytes else {
                throw failure(.malformedResponse, "\(url) answered with a body over \(Self.maximumBodyBytes) bytes")
            }
            var incoming = buffer
            if body?.writeBuffer(&incoming) == nil { body = incoming }
            return
        }
        guard !sawDone else { return }
        let events: [SSEParser.Event]
        do {
            events = try parser.feed(buffer.readableBytesView)
        } catch {
            throw failure(.malformedResponse, "\(url) sent a line over \(error.limit) bytes")
        }
        for event in events where !sawDone { try handle(event, at: offset) }
    }

    /// The answer once the body has ended, `offset` seconds after the request was sent.
    mutating func finish(at offset: Double) throws(AttemptFailure) -> Completion {
        streaming ? try finishStream(at: offset) : try finishWhole(at: offset)
    }

    private mutating func handle(_ event: SSEParser.Event, at offset: Double) throws(AttemptFailure) {
        if event.dataBytes.elementsEqual("[DONE]".utf8) {
            sawDone = true
            return
        }
        guard let chunk = ChatChunk(payload: event.dataBytes) else {
            throw failure(.malformedResponse, "\(url) sent an event that is not a chat chunk: \(event.data.prefix(120))")
        }
        if let message = chunk.errorMessage {
            throw failure(.serverError, "\(url) reported an error mid-stream: \(message)")
        }
        if model == nil { model = chunk.model }
        if let reported = chunk.usage { usage = reported }
        guard chunk.hasChoices else { return }
        arrivals.append(offset)
        if let content = chunk.content { text += content }
        if let reason = chunk.finishReason { finishReason = reason }
    }

    private mutating func finishStream(at offset: Double) throws(AttemptFailure) -> Completion {
        if !sawDone, let event = parser.finish() { try handle(event, at: offset) }
        guard sawDone || finishReason != nil else {
            throw failure(.disconnected, "the stream from \(url) ended before its last chunk")
        }
        guard !arrivals.isEmpty else { throw failure(.emptyResponse, "\(url) streamed no choices") }
        return Completion(
            text: text, finishReason: finishReason, usage: usage,
            timings: RequestTimings(chunkArrivals: arrivals, completed: offset), model: model, attempts: 1)
    }

    private func finishWhole(at offset: Double) throws(AttemptFailure) -> Completion {
        let decoded: ChatResponseBody
        do {
            decoded = try JSONDecoder().decode(ChatResponseBody.self, from: Data((body ?? ByteBuffer()).readableBytesView))
        } catch {
            throw failure(.malformedResponse, "\(url) answered with a body that is not a chat completion")
        }
        guard let choice = decoded.choices?.first else { throw failure(.emptyResponse, "\(url) answered with no choices") }
        return Completion(
            text: choice.message?.content ?? "", finishReason: choice.finishReason, usage: decoded.usage?.tokenUsage,
            timings: RequestTimings(chunkArrivals: [offset], completed: offset), model: decoded.model, attempts: 1)
    }

    private func failure(_ kind: CompletionError.Kind, _ message: String) -> AttemptFailure {
        AttemptFailure(CompletionError(kind: kind, message: message, statusCode: 200))
    }
}

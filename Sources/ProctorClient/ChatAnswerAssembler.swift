import Foundation
package import NIOCore
package import ProctorCore

/// Builds a ``Completion`` from a 200 response's body as its bytes arrive: a server-sent event
/// stream chunk by chunk, or a whole JSON body. Pure state, fed by ``ChatResponseReader`` on the
/// response's event loop; every failure is an ``AttemptFailure`` with its class.
package struct ChatAnswerAssembler {
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
    private let contentType: String?
    private var events = 0
    private var opening: [UInt8] = []

    /// The most bytes a whole (non-streamed) body may have.
    static let maximumBodyBytes = 64 * 1024 * 1024

    /// An assembler for the answer from `url`, whose response declared `contentType`.
    package init(url: String, streaming: Bool, contentType: String? = nil) {
        self.url = url
        self.streaming = streaming
        self.contentType = contentType
        if streaming { arrivals.reserveCapacity(64) }
    }

    /// Takes the next part of the body, which arrived `offset` seconds after the request was sent.
    package mutating func receive(_ buffer: ByteBuffer, at offset: Double) throws(AttemptFailure) {
        guard streaming else {
            guard (body?.readableBytes ?? 0) + buffer.readableBytes <= Self.maximumBodyBytes else {
                throw failure(.malformedResponse, "\(url) answered with a body over \(Self.maximumBodyBytes) bytes")
            }
            var incoming = buffer
            if body?.writeBuffer(&incoming) == nil { body = incoming }
            return
        }
        guard !sawDone else { return }
        // The body's start, for saying what a server sent instead of an event stream.
        if events == 0, opening.count < 80 { opening += buffer.readableBytesView.prefix(80 - opening.count) }
        let parsed: [SSEParser.Event]
        do {
            parsed = try parser.feed(buffer.readableBytesView)
        } catch {
            throw failure(.malformedResponse, "\(url) sent a line over \(error.limit) bytes")
        }
        for event in parsed where !sawDone { try handle(event, at: offset) }
    }

    /// The answer once the body has ended, `offset` seconds after the request was sent.
    package mutating func finish(at offset: Double) throws(AttemptFailure) -> Completion {
        streaming ? try finishStream(at: offset) : try finishWhole(at: offset)
    }

    private mutating func handle(_ event: SSEParser.Event, at offset: Double) throws(AttemptFailure) {
        events += 1
        if event.dataBytes.elementsEqual("[DONE]".utf8) {
            sawDone = true
            return
        }
        let chunk: ChatChunk
        do {
            chunk = try ChatChunk(payload: event.dataBytes)
        } catch {
            throw failure(.malformedResponse, "\(url) sent a chunk whose \(error.description): \(Self.excerpt(event.dataBytes))")
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
        // A body with no event at all is not a stream that broke off: the server answered with
        // something else (an HTML page, a JSON completion, garbage, nothing, comments only).
        guard events > 0 else {
            let declared = contentType.map { "Content-Type \($0)" } ?? "no Content-Type"
            guard !opening.isEmpty else {
                throw failure(.malformedResponse, "\(url) answered a streamed request with an empty body (\(declared))")
            }
            throw failure(
                .malformedResponse,
                "\(url) answered a streamed request with a body that holds no server-sent event (\(declared)): \(Self.excerpt(opening))")
        }
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
        } catch let DecodingError.typeMismatch(_, context) {
            throw failure(.malformedResponse, "\(url) answered with a chat completion whose \(Self.path(context)) has the wrong type")
        } catch {
            let declared = contentType.map { "Content-Type \($0)" } ?? "no Content-Type"
            throw failure(
                .malformedResponse,
                "\(url) answered with a body that is not a chat completion (\(declared)): \(Self.excerpt(Array((body ?? ByteBuffer()).readableBytesView.prefix(80)))))")
        }
        if let usage = decoded.usage {
            for (name, count) in [("prompt_tokens", usage.promptTokens), ("completion_tokens", usage.completionTokens)] {
                if let count, !(0...ChatChunk.maximumTokens).contains(count) {
                    throw failure(.malformedResponse, "\(url) answered with usage.\(name) \(count), not a token count")
                }
            }
        }
        guard let choice = decoded.choices?.first else { throw failure(.emptyResponse, "\(url) answered with no choices") }
        return Completion(
            text: choice.message?.content ?? "", finishReason: choice.finishReason, usage: decoded.usage?.tokenUsage,
            timings: RequestTimings(chunkArrivals: [offset], completed: offset), model: decoded.model, attempts: 1)
    }

    /// A body's start as plain printable text for an error message: at most 80 characters, each
    /// control character or invalid byte shown as `?`.
    static func excerpt(_ bytes: some Collection<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(80), as: UTF8.self)
        let shown = String(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{FFFD}" ? "?" : Character($0) })
        return shown.isEmpty ? "(empty)" : shown
    }

    /// A decoding error's field path, e.g. `choices[0].message.content`.
    private static func path(_ context: DecodingError.Context) -> String {
        var text = ""
        for key in context.codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "body" : text
    }

    private func failure(_ kind: CompletionError.Kind, _ message: String) -> AttemptFailure {
        AttemptFailure(CompletionError(kind: kind, message: message, statusCode: 200))
    }
}

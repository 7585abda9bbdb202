import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ProctorCore
import Synchronization

/// Reads one chat response where AsyncHTTPClient delivers it, on the request's event loop.
///
/// Each body part is timed and parsed as it arrives, with no hop to the Swift concurrency pool;
/// the waiting task is resumed once, when the answer is complete. At thousands of streamed
/// requests per second that hop per chunk was most of the client's cost.
final class ChatResponseReader: HTTPClientResponseDelegate {
    typealias Response = Completion

    /// A non-200 answer: its status, the server's requested wait, and the start of its body.
    private struct Refusal {
        /// The most bytes of the body kept for the message.
        static let maximumBodyBytes = 64 * 1024

        var status: Int
        var retryAfter: Duration?
        var body = ByteBuffer()

        mutating func append(_ buffer: ByteBuffer) {
            var part = buffer
            let room = Self.maximumBodyBytes - body.readableBytes
            guard room > 0, var kept = part.readSlice(length: min(room, part.readableBytes)) else { return }
            body.writeBuffer(&kept)
        }
    }

    /// What has arrived so far.
    private struct State {
        var answer: ChatAnswerAssembler?
        var refusal: Refusal?
    }

    private let url: String
    private let streaming: Bool
    private let sent: ContinuousClock.Instant
    private let state: NIOLoopBoundBox<State>
    private let headReceived = Atomic<Bool>(false)

    /// A reader for a request to `url` sent at `sent`, whose callbacks run on `eventLoop`.
    init(url: String, streaming: Bool, sent: ContinuousClock.Instant, eventLoop: any EventLoop) {
        self.url = url
        self.streaming = streaming
        self.sent = sent
        state = .makeBoxSendingValue(State(), eventLoop: eventLoop)
    }

    /// Whether the response head arrived, so a later failure broke a response rather than a connection.
    var hasReceivedHead: Bool { headReceived.load(ordering: .acquiring) }

    func didReceiveHead(task: HTTPClient.Task<Completion>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        headReceived.store(true, ordering: .releasing)
        if head.status == .ok {
            state.value.answer = ChatAnswerAssembler(url: url, streaming: streaming, contentType: head.headers.first(name: "Content-Type"))
        } else {
            let retryAfter = head.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
            state.value.refusal = Refusal(status: Int(head.status.code), retryAfter: retryAfter)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Completion>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let offset = (ContinuousClock.now - sent).seconds
        do {
            try state.value.answer?.receive(buffer, at: offset)
        } catch {
            return task.eventLoop.makeFailedFuture(error)
        }
        state.value.refusal?.append(buffer)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Completion>) throws -> Completion {
        let offset = (ContinuousClock.now - sent).seconds
        if let refusal = state.value.refusal {
            throw Self.failure(status: refusal.status, retryAfter: refusal.retryAfter, body: refusal.body, url: url)
        }
        if let completion = try state.value.answer?.finish(at: offset) { return completion }
        throw AttemptFailure(CompletionError(kind: .emptyResponse, message: "\(url) ended without a response"))
    }

    /// The failure a non-200 answer means: its class by status, its body's start, and the server's
    /// requested wait where the status is one that honours `Retry-After` (429, 503).
    static func failure(status: Int, retryAfter: Duration?, body: ByteBuffer, url: String) -> AttemptFailure {
        let text = String(buffer: body)
        let kind: CompletionError.Kind =
            switch status {
            case 429: .rateLimited
            case 500...: .serverError
            default: .clientError
            }
        let detail = text.isEmpty ? "" : ": \(text.prefix(300))"
        let honoursRetryAfter = status == 429 || status == 503
        return AttemptFailure(
            CompletionError(kind: kind, message: "\(url) answered HTTP \(status)\(detail)", statusCode: status),
            retryAfter: honoursRetryAfter ? retryAfter : nil)
    }
}

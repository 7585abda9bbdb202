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

    /// What has arrived so far.
    private struct State {
        var answer: ChatAnswerAssembler?
        var refusal: (status: Int, retryAfter: Duration?, body: ByteBuffer)?
    }

    /// The most bytes of an error response's body kept for the message.
    private static let maximumRefusalBytes = 64 * 1024

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
            state.value.answer = ChatAnswerAssembler(url: url, streaming: streaming)
        } else {
            let retryAfter = head.headers.first(name: "Retry-After").flatMap { RetryAfter.parse($0) }
            state.value.refusal = (Int(head.status.code), retryAfter, ByteBuffer())
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
        if state.value.refusal != nil {
            var part = buffer
            let room = Self.maximumRefusalBytes - state.value.refusal!.body.readableBytes
            if room > 0, let kept = part.readSlice(length: min(room, part.readableBytes)) {
                var kept = kept
                state.value.refusal!.body.writeBuffer(&kept)
            }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Completion>) throws -> Completion {
        let offset = (ContinuousClock.now - sent).seconds
        if let refusal = state.value.refusal {
            throw Self.failure(status: refusal.status, retryAfter: refusal.retryAfter, body: refusal.body, url: url)
        }
        guard state.value.answer != nil else {
            throw AttemptFailure(CompletionError(kind: .emptyResponse, message: "\(url) ended without a response"))
        }
        return try state.value.answer!.finish(at: offset)
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

import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes the connection once a streamed (`text/event-stream`) response has been written, without
/// saying so in the response — what llama.cpp's `llama-server` does (its stream provider reports
/// "cancelled" after the last chunk, and cpp-httplib then drops the keep-alive connection).
final class CloseAfterStreamHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var streaming = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head):
            streaming = head.headerFields[.contentType]?.hasPrefix("text/event-stream") == true
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard streaming else {
                context.write(data, promise: promise)
                return
            }
            streaming = false
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
            context.write(data, promise: written)
        }
    }
}

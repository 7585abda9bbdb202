import Foundation
import Hummingbird
import Logging
import NIOCore

/// A chat server written to misbehave, on a free loopback port: each ``Behaviour`` is served under
/// its own path (`http://127.0.0.1:PORT/<behaviour>/v1`), so one server lets a test meet every
/// way a real server has been seen to answer badly, and check the class Proctor gives each.
public enum HostileServer {
    /// One way of answering a chat request (streamed or not) badly.
    public enum Behaviour: String, Sendable, CaseIterable {
        /// An event stream of random bytes.
        case garbage
        /// A `data:` line that is not valid UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// One 9 MB line, beyond the client's 8 MB line limit.
        case hugeLine = "huge-line"
        /// `"choices": 7`.
        case choicesNotAList = "choices-not-a-list"
        /// `"index": "zero"` with `"content": 42`.
        case wrongTypes = "wrong-types"
        /// Every chunk with `"choices": null`, then `[DONE]`.
        case nullChoices = "null-choices"
        /// A usage chunk reporting −5 completion tokens.
        case negativeUsage = "negative-usage"
        /// A usage chunk reporting 10¹⁵ completion tokens.
        case absurdUsage = "absurd-usage"
        /// An HTML error page with status 200.
        case html
        /// A whole JSON completion to a streamed request.
        case jsonToStream = "json-to-stream"
        /// Status 200 with an empty body.
        case emptyBody = "empty-body"
        /// Only SSE comments (`: ping`).
        case commentsOnly = "comments-only"
        /// A complete answer with a finish reason but no `[DONE]`: acceptable, not an error.
        case noDone = "no-done"
        /// Two content chunks, then the connection is cut.
        case resetMidStream = "reset-mid-stream"
        /// The response head, then the connection is cut.
        case headersThenClose = "headers-then-close"
    }

    /// Runs the server while `body` runs, giving it the URL without a behaviour
    /// (`http://127.0.0.1:PORT`); append `/<behaviour>/v1` for an endpoint.
    public static func run<Result: Sendable>(_ body: @Sendable (String) async throws -> Result) async throws -> Result {
        let router = Router()
        router.get("/{behaviour}/v1/models") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"object":"list","data":[{"id":"hostile","object":"model"}]}"#)))
        }
        router.post("/{behaviour}/v1/chat/completions") { request, context -> Response in
            let name = context.parameters.get("behaviour") ?? ""
            guard let behaviour = Behaviour(rawValue: name) else { return Response(status: .notFound) }
            _ = try await request.body.collect(upTo: 1 << 20)
            return answer(behaviour)
        }
        return try await withLoopbackServer(router, label: "proctor.hostile-server", logLevel: .critical) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }

    private struct Cut: Error {}

    private static let eventStream: HTTPFields = [.contentType: "text/event-stream"]

    private static func chunk(_ content: String, finish: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        return "data: {\"model\":\"hostile\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\(content)\"},\"finish_reason\":\(reason)}]}\n\n"
    }

    private static func events(_ text: String) -> Response {
        Response(status: .ok, headers: eventStream, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func answer(_ behaviour: Behaviour) -> Response {
        switch behaviour {
        case .garbage:
            var random = SystemRandomNumberGenerator()
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            return Response(status: .ok, headers: eventStream, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .invalidUTF8:
            var buffer = ByteBuffer(string: "data: {\"choices\":[{\"delta\":{\"content\":\"")
            buffer.writeBytes([0xC3, 0x28, 0xFF, 0xFE])
            buffer.writeString("\"}}]}\n\ndata: [DONE]\n\n")
            return Response(status: .ok, headers: eventStream, body: ResponseBody(byteBuffer: buffer))
        case .hugeLine:
            return events("data: {\"choices\":[{\"delta\":{\"content\":\"" + String(repeating: "x", count: 9 << 20) + "\"}}]}\n\n")
        case .choicesNotAList:
            return events("data: {\"choices\": 7}\n\ndata: [DONE]\n\n")
        case .wrongTypes:
            return events("data: {\"choices\":[{\"index\":\"zero\",\"delta\":{\"content\":42},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n")
        case .nullChoices:
            return events("data: {\"model\":\"hostile\",\"choices\":null}\n\ndata: {\"choices\":null}\n\ndata: [DONE]\n\n")
        case .negativeUsage:
            return events(chunk("4", finish: "stop") + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":-5}}\n\ndata: [DONE]\n\n")
        case .absurdUsage:
            return events(
                chunk("4", finish: "stop") + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1000000000000000}}\n\ndata: [DONE]\n\n")
        case .html:
            return Response(
                status: .ok, headers: [.contentType: "text/html"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body><h1>502 Bad Gateway</h1></body></html>")))
        case .jsonToStream:
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: #"{"model":"hostile","choices":[{"index":0,"message":{"role":"assistant","content":"4"},"finish_reason":"stop"}]}"#)))
        case .emptyBody:
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer()))
        case .commentsOnly:
            return events(": ping\n\n: ping\n\n")
        case .noDone:
            return events(chunk("The answer is ") + chunk("4.", finish: "stop"))
        case .resetMidStream:
            return Response(status: .ok, headers: eventStream, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: chunk("The answer ") + chunk("is")))
                throw Cut()
            })
        case .headersThenClose:
            return Response(status: .ok, headers: eventStream, body: ResponseBody { _ in throw Cut() })
        }
    }
}

import Foundation
import Hummingbird
import Synchronization

/// A stand-in OTLP/HTTP receiver on a free loopback port: keeps every body POSTed to
/// `/v1/traces` (answering 200), and answers 415 to anything not sent as protobuf, as Phoenix does.
public final class OTLPReceiver: Sendable {
    private let bodies = Mutex<[[UInt8]]>([])

    /// The request bodies received, in order.
    public var received: [[UInt8]] { bodies.withLock { $0 } }

    /// Runs a receiver while `body` runs, giving it the base URL (`http://127.0.0.1:PORT`).
    public static func run<Result: Sendable>(_ body: @Sendable (String, OTLPReceiver) async throws -> Result) async throws -> Result {
        let receiver = OTLPReceiver()
        let router = Router()
        router.post("/v1/traces") { request, _ -> Response in
            guard request.headers[.contentType] == "application/x-protobuf" else { return Response(status: .unsupportedMediaType) }
            let buffer = try await request.body.collect(upTo: 64 * 1024 * 1024)
            receiver.bodies.withLock { $0.append(Array(buffer.readableBytesView)) }
            return Response(status: .ok)
        }
        return try await withLoopbackServer(router, label: "proctor.otlp-receiver") { port in
            try await body("http://127.0.0.1:\(port)", receiver)
        }
    }
}

import Foundation
import NIOCore
import NIOPosix
import ProctorCore

/// Opens and closes one TCP connection to an endpoint's host, so an unreachable server is told
/// apart at once ("refused") from a slow one; the HTTP client would keep retrying a refused
/// connection until its deadline.
enum TCPProbe {
    static func check(_ urlString: String, timeout: Duration) async throws {
        guard let url = URL(string: urlString), let host = url.host else {
            throw CompletionError(kind: .connection, message: "\(urlString) has no host")
        }
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        let milliseconds = Int64(timeout.seconds * 1000)
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(milliseconds))
                .connect(host: host, port: port)
                .get()
            try? await channel.close()
        } catch {
            throw CompletionError(kind: .connection, message: "cannot connect to \(host):\(port): \(error)")
        }
    }
}

public import ProctorCore

/// Where the dashboard listens and who may read it. Bound to loopback it needs nothing; bound to
/// any other address it refuses to start without a token, and then every request must carry
/// `Authorization: Bearer TOKEN`.
public struct DashboardConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The bearer token every request must carry, when set (read from an environment variable
    /// by the command line, never taken as an argument).
    public var token: String?

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8321, token: String? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// Whether `host` is a loopback address, reachable only from this machine.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses a non-loopback bind without a token, and an empty token.
    public func validate() throws(ProctorError) {
        if let token, token.isEmpty {
            throw ProctorError.badInput("the dashboard token is empty", hint: "set the variable named by --token-env to a long random string")
        }
        if !isLoopback, token == nil {
            throw ProctorError.badInput(
                "refusing to serve the dashboard on \(host) without a token: anyone who can reach it could read every stored prompt and answer",
                hint: "pass --token-env VAR, naming an environment variable that holds the token, or bind 127.0.0.1")
        }
    }
}

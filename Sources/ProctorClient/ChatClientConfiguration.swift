/// How a ``ChatClient`` talks to its endpoint.
public struct ChatClientConfiguration: Sendable, Hashable {
    /// Requests that may be in flight at once; the connection pool is sized to it, because
    /// AsyncHTTPClient's default of 8 connections per host would otherwise queue requests silently
    /// and count the wait as latency. Default 8.
    public var concurrency: Int
    /// Stream responses as server-sent events (default) or ask for one JSON body.
    public var streaming: Bool
    /// The longest one request may take, retries included. Default 300 s.
    public var requestTimeout: Duration
    /// The longest a TCP connect may take. Default 5 s.
    public var connectTimeout: Duration
    /// How failed requests are retried.
    public var retry: RetryPolicy

    /// Creates a configuration; every argument has the documented default.
    public init(
        concurrency: Int = 8, streaming: Bool = true, requestTimeout: Duration = .seconds(300),
        connectTimeout: Duration = .seconds(5), retry: RetryPolicy = .default
    ) {
        self.concurrency = concurrency
        self.streaming = streaming
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.retry = retry
    }
}

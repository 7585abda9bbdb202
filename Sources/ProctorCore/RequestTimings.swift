/// When the parts of one response arrived, measured on a monotonic clock from the moment the
/// request was sent.
///
/// The definitions follow `vllm bench serve`: the time to first token is the arrival of the first
/// server-sent event whose `choices` array is not empty; inter-token latencies are the gaps between
/// consecutive such events; end-to-end latency is the arrival of the last such event.
/// A non-streamed response has a single arrival, the complete body.
public struct RequestTimings: Codable, Sendable, Hashable {
    /// Arrival of every event that carried choices, in seconds after the request was sent.
    public var chunkArrivals: [Double]
    /// When the response was complete (stream closed or body read), in seconds after sending.
    public var completed: Double

    /// Creates timings from arrival offsets in seconds.
    public init(chunkArrivals: [Double], completed: Double) {
        self.chunkArrivals = chunkArrivals
        self.completed = completed
    }

    /// Time to first token in seconds, or `nil` when no chunk carried choices.
    public var timeToFirstToken: Double? { chunkArrivals.first }

    /// End-to-end latency in seconds: the last chunk with choices, else the completion time.
    public var endToEndLatency: Double { chunkArrivals.last ?? completed }

    /// Gaps between consecutive chunks with choices, in seconds (one per chunk, not per token).
    public var interTokenLatencies: [Double] {
        guard chunkArrivals.count > 1 else { return [] }
        return zip(chunkArrivals.dropFirst(), chunkArrivals).map { $0 - $1 }
    }

    /// Time per output token after the first: `(E2EL − TTFT) / (outputTokens − 1)`, defined only
    /// for more than one output token.
    public func timePerOutputToken(outputTokens: Int) -> Double? {
        guard outputTokens > 1, let ttft = timeToFirstToken else { return nil }
        return (endToEndLatency - ttft) / Double(outputTokens - 1)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

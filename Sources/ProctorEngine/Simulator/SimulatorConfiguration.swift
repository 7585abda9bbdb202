/// How the simulated OpenAI-compatible server behaves. Every figure is exact, so tests can use
/// the simulator as ground truth.
///
/// ```swift
/// var config = SimulatorConfiguration()
/// config.slots = 4
/// config.tokensPerSecond = 40
/// config.faults.rateLimit = 0.05
/// ```
public struct SimulatorConfiguration: Sendable {
    /// The model id served at `/v1/models` and put in responses. Default `proctor-sim`.
    public var modelName: String
    /// Requests generated at once; later ones wait in a FIFO queue. Default 8.
    public var slots: Int
    /// Tokens per second per slot; 0 emits every token at once. Default 0.
    public var tokensPerSecond: Double
    /// Time from taking a slot to the first token. Default 0.
    public var timeToFirstToken: Duration
    /// What to answer.
    public var answers: ScriptedAnswers
    /// Which failures to inject.
    public var faults: FaultConfiguration
    /// Close the connection right after each streamed response although the response kept it
    /// alive, as llama.cpp's `llama-server` does; a client that reuses the connection at once
    /// races the close. Default `false`.
    public var closesAfterStream: Bool

    /// Creates a configuration; every argument has the documented default.
    public init(
        modelName: String = "proctor-sim", slots: Int = 8, tokensPerSecond: Double = 0,
        timeToFirstToken: Duration = .zero, answers: ScriptedAnswers = ScriptedAnswers(),
        faults: FaultConfiguration = FaultConfiguration(), closesAfterStream: Bool = false
    ) {
        self.closesAfterStream = closesAfterStream
        self.modelName = modelName
        self.slots = slots
        self.tokensPerSecond = tokensPerSecond
        self.timeToFirstToken = timeToFirstToken
        self.answers = answers
        self.faults = faults
    }
}

/// A failure the simulator can inject into one request.
public enum SimulatedFault: String, Sendable, Hashable, CaseIterable {
    /// Answer normally.
    case none
    /// HTTP 500 with an error body.
    case serverError = "500"
    /// HTTP 429 with a `Retry-After` header.
    case rateLimit = "429"
    /// Close the connection halfway through the answer.
    case disconnect
    /// Send a `data:` line that is not valid JSON halfway through the stream.
    case malformed
    /// Send the response head, then nothing until ``FaultConfiguration/stallDuration`` passes.
    case stall
}

/// Fault injection: a fixed sequence for the first requests, then independent draws by rate.
public struct FaultConfiguration: Sendable {
    /// Faults for the first requests, in arrival order (`.none` answers normally).
    public var sequence: [SimulatedFault]
    /// Share of later requests answered with HTTP 500.
    public var serverError: Double
    /// Share of later requests answered with HTTP 429.
    public var rateLimit: Double
    /// Share of later requests cut off mid-stream.
    public var disconnect: Double
    /// Share of later requests with a malformed event.
    public var malformed: Double
    /// Share of later requests that stall.
    public var stall: Double
    /// The `Retry-After` sent with 429, in seconds. Default 1.
    public var retryAfterSeconds: Double
    /// How long a stalled request hangs before the server gives up on it. Default 60 s.
    public var stallDuration: Duration
    /// Seed of the draws, so a faulty run is repeatable. Default 42.
    public var seed: UInt64

    /// Creates a fault configuration (no faults by default).
    public init(
        sequence: [SimulatedFault] = [], serverError: Double = 0, rateLimit: Double = 0, disconnect: Double = 0,
        malformed: Double = 0, stall: Double = 0, retryAfterSeconds: Double = 1, stallDuration: Duration = .seconds(60),
        seed: UInt64 = 42
    ) {
        self.sequence = sequence
        self.serverError = serverError
        self.rateLimit = rateLimit
        self.disconnect = disconnect
        self.malformed = malformed
        self.stall = stall
        self.retryAfterSeconds = retryAfterSeconds
        self.stallDuration = stallDuration
        self.seed = seed
    }

    /// Spreads `total` evenly over the five kinds of fault.
    public static func uniform(_ total: Double, seed: UInt64 = 42) -> FaultConfiguration {
        let each = total / 5
        return FaultConfiguration(
            serverError: each, rateLimit: each, disconnect: each, malformed: each, stall: each, seed: seed)
    }
}

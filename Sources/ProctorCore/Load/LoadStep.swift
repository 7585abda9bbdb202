/// One load level: closed-loop users for a duration, or open-loop arrivals at a rate.
public enum LoadStep: Sendable, Hashable, Codable {
    /// `users` loops that each send, wait for the answer, think, and send again until the step
    /// ends; users start spread over `rampUp` seconds.
    case closed(users: Int, duration: Double, rampUp: Double, thinkTime: Double)
    /// `requests` arrivals at `rate` per second on an absolute schedule, at most
    /// `maxConcurrency` in flight (late ones wait, and their lateness is recorded).
    case open(rate: Double, process: ArrivalProcess, requests: Int, maxConcurrency: Int?)

    /// The offered load: users, or requests per second.
    public var load: Double {
        switch self {
        case .closed(let users, _, _, _): Double(users)
        case .open(let rate, _, _, _): rate
        }
    }

    /// `users` or `req/s`.
    public var unit: String {
        switch self {
        case .closed: "users"
        case .open: "req/s"
        }
    }

    /// The most requests this step can have in flight.
    public var concurrencyBound: Int? {
        switch self {
        case .closed(let users, _, _, _): users
        case .open(_, _, _, let maxConcurrency): maxConcurrency
        }
    }
}

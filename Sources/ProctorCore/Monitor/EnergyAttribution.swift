/// Shares measured (or estimated) energy among the requests that were in flight when it was used.
///
/// Within each sampling interval power is taken as constant (the interval's joules over its
/// length). At every moment that power is split equally among the requests in flight; moments
/// with none in flight go to ``Result/idleJoules``. So the requests' energy plus idle equals the
/// energy of the samples exactly (up to floating-point rounding) — the conservation rule that
/// COMPARE.md §D asks for, and that the tests check.
///
/// One sweep over the sorted breakpoints: a running "energy per active request" integral makes
/// each request's share its value at the end minus its value at the start, so the cost is
/// O((samples + requests) · log) whatever the concurrency.
public enum EnergyAttribution {
    /// A request's time in flight, in seconds on the samples' clock (Unix time).
    public struct Request: Sendable, Hashable {
        /// When it was sent.
        public var start: Double
        /// When its last byte arrived or it failed.
        public var end: Double

        /// Creates a request interval.
        public init(start: Double, end: Double) {
            self.start = start
            self.end = end
        }
    }

    /// A span of constant power: `joules` spread evenly over [`start`, `end`).
    public struct Interval: Sendable, Hashable {
        /// Start, in seconds.
        public var start: Double
        /// End, in seconds.
        public var end: Double
        /// Energy used in it.
        public var joules: Double

        /// Creates an interval.
        public init(start: Double, end: Double, joules: Double) {
            self.start = start
            self.end = end
            self.joules = joules
        }
    }

    /// The shares.
    public struct Result: Sendable, Hashable {
        /// Each request's energy, in the order given.
        public var requestJoules: [Double]
        /// Energy used while no request was in flight.
        public var idleJoules: Double
        /// All the intervals' energy.
        public var totalJoules: Double
    }

    /// Shares the energy of `intervals` among `requests`. Intervals may overlap (consecutive samples
    /// whose clocks differ by a tick); each keeps its own energy.
    public static func share(_ intervals: [Interval], among requests: [Request]) -> Result {
        enum Event {
            case intervalEnd(Double)
            case requestEnd(Int)
            case requestStart(Int)
            case intervalStart(Double)
        }
        var events: [(time: Double, order: Int, event: Event)] = []
        events.reserveCapacity(2 * (intervals.count + requests.count))
        var total = 0.0
        for interval in intervals where interval.end > interval.start {
            let watts = interval.joules / (interval.end - interval.start)
            events.append((interval.start, 3, .intervalStart(watts)))
            events.append((interval.end, 0, .intervalEnd(watts)))
            total += interval.joules
        }
        for (index, request) in requests.enumerated() {
            events.append((request.start, 2, .requestStart(index)))
            events.append((max(request.end, request.start), 1, .requestEnd(index)))
        }
        // At one moment: intervals close, then requests end, then start, then the next interval opens.
        events.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }

        var shares = [Double](repeating: 0, count: requests.count)
        var perActive = 0.0
        var idle = 0.0
        var active = 0
        var power = 0.0
        var open = 0
        var previous = events.first?.time ?? 0
        for (time, _, event) in events {
            let energy = power * (time - previous)
            if active > 0 { perActive += energy / Double(active) } else { idle += energy }
            previous = time
            switch event {
            // Power is the sum over open intervals: samples whose clocks overlap by a tick each
            // keep their own energy.
            case .intervalStart(let watts):
                power += watts
                open += 1
            case .intervalEnd(let watts):
                open -= 1
                power = open > 0 ? power - watts : 0
            case .requestStart(let index):
                shares[index] = -perActive
                active += 1
            case .requestEnd(let index):
                shares[index] += perActive
                active -= 1
            }
        }
        return Result(requestJoules: shares, idleJoules: idle, totalJoules: total)
    }
}

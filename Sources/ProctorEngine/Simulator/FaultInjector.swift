import ProctorCore
import Synchronization

/// Decides, per arriving request, which fault (if any) to inject.
final class FaultInjector: Sendable {
    private struct State {
        var arrivals = 0
        var generator: SplitMix64
    }

    private let configuration: FaultConfiguration
    private let state: Mutex<State>

    init(_ configuration: FaultConfiguration) {
        self.configuration = configuration
        state = Mutex(State(generator: SplitMix64(seed: configuration.seed)))
    }

    /// The fault for the next request.
    func next() -> SimulatedFault {
        state.withLock { state in
            defer { state.arrivals += 1 }
            if state.arrivals < configuration.sequence.count { return configuration.sequence[state.arrivals] }
            let draw = Double(state.generator.next() >> 11) / Double(1 << 53)
            var threshold = 0.0
            let rates: [(SimulatedFault, Double)] = [
                (.serverError, configuration.serverError), (.rateLimit, configuration.rateLimit),
                (.disconnect, configuration.disconnect), (.malformed, configuration.malformed),
                (.stall, configuration.stall),
            ]
            for (fault, rate) in rates {
                threshold += rate
                if draw < threshold { return fault }
            }
            return .none
        }
    }
}

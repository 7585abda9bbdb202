import Foundation
public import ProctorCore

/// One line the trainer script prints on standard output, as JSON: how Proctor follows training
/// without parsing a library's log format.
///
/// ```json
/// {"event": "versions", "versions": {"torch": "2.13.0", "peft": "0.21.0"}}
/// {"event": "step", "step": 3, "loss": 1.234, "seconds": 27.5, "peak_rss": 2900000000}
/// {"event": "eval", "step": 0, "loss": 1.456, "seconds": 12.0, "peak_rss": 2900000000}
/// {"event": "saved", "adapter": "/path/to/adapter"}
/// {"event": "error", "message": "out of memory"}
/// ```
public enum TrainerEvent: Sendable, Hashable {
    /// The trainer's package versions.
    case versions([String: String])
    /// A logged optimiser step.
    case step(TrainingStep)
    /// The loss on the held-out examples after `step` steps (0: the base, before training).
    case heldOut(TrainingStep)
    /// The adapter was written.
    case saved(adapter: String)
    /// The trainer failed and says why.
    case error(String)
    /// The trainer stopped on an interrupt, after saving nothing.
    case interrupted
    /// Any other line (library warnings that reached standard output), kept for the log.
    case other(String)

    private struct Wire: Decodable {
        var event: String
        var versions: [String: String]?
        var step: Int?
        var loss: Double?
        var seconds: Double?
        var peakRSS: Int?
        var adapter: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case event, versions, step, loss, seconds, adapter, message
            case peakRSS = "peak_rss"
        }
    }

    /// Reads one output line; anything that is not a known event is ``other(_:)``.
    public init(line: String) {
        guard line.hasPrefix("{"), let wire = try? JSONDecoder().decode(Wire.self, from: Data(line.utf8)) else {
            self = .other(line)
            return
        }
        switch wire.event {
        case "versions": self = .versions(wire.versions ?? [:])
        case "step", "eval":
            guard let step = wire.step, let loss = wire.loss, loss.isFinite else {
                self = .other(line)
                return
            }
            let logged = TrainingStep(step: step, loss: loss, seconds: wire.seconds ?? 0, peakMemoryBytes: wire.peakRSS)
            self = wire.event == "step" ? .step(logged) : .heldOut(logged)
        case "saved": self = wire.adapter.map { .saved(adapter: $0) } ?? .other(line)
        case "error": self = .error(wire.message ?? "the trainer failed without a message")
        case "interrupted": self = .interrupted
        default: self = .other(line)
        }
    }
}

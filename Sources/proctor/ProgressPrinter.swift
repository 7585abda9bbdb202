import ProctorRunner
import Synchronization

/// Shows evaluation progress — done/total, rate, ETA, errors — redrawn on a terminal (at most ten
/// times a second) or printed every tenth of the way elsewhere.
final class ProgressPrinter: Sendable {
    private struct State {
        var lastDraw: ContinuousClock.Instant?
        var lastDecile = -1
        var drew = false
    }

    private let label: String
    private let enabled: Bool
    private let showsAccuracy: Bool
    private let state = Mutex(State())

    /// A printer for `label`; `showsAccuracy` is false for benchmarks a judge grades later.
    init(label: String, enabled: Bool, showsAccuracy: Bool = true) {
        self.label = label
        self.enabled = enabled
        self.showsAccuracy = showsAccuracy
    }

    func update(_ progress: EvalProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            let done = progress.completed == progress.total
            if Terminal.stderrIsTTY {
                if !done, let last = state.lastDraw, now - last < .milliseconds(100) { return nil }
            } else {
                let decile = progress.total > 0 ? progress.completed * 10 / progress.total : 10
                if decile == state.lastDecile, !done { return nil }
                state.lastDecile = decile
            }
            state.lastDraw = now
            state.drew = true
            return Self.render(label: label, progress, showsAccuracy: showsAccuracy)
        }
        if let line { Terminal.progress(line) }
    }

    func finish() {
        if state.withLock({ $0.drew }) { Terminal.endProgress() }
    }

    static func render(label: String, _ p: EvalProgress, showsAccuracy: Bool = true) -> String {
        let percent = p.total > 0 ? Double(p.completed) * 100 / Double(p.total) : 100
        let eta = p.estimatedSecondsLeft.map { "ETA \(Format.seconds($0))" } ?? "ETA –"
        let accuracy = p.completedThisSession - p.errors > 0
            ? Format.percent(Double(p.correct) / Double(p.completedThisSession - p.errors)) : "–"
        return "\(label) \(p.completed)/\(p.total) \(Format.fixed(percent, 0))% · \(Format.fixed(p.rate, 2))/s · \(eta)"
            + " · errors \(p.errors)" + (showsAccuracy ? " · accuracy so far \(accuracy)" : "")
    }
}

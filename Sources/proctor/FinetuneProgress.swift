import Foundation
import ProctorCore
import ProctorStore
import ProctorTrain
import Synchronization

/// Follows a trainer's events: a progress line per step with the loss and the time left, and
/// each step written into the run's record as it arrives (so an interrupted run keeps its curve).
final class FinetuneProgress: Sendable {
    private let store: ProctorDatabase
    private let quiet: Bool
    private let total: Int
    private let run: Mutex<Run>
    private let writes = Mutex<[Task<Void, any Error>]>([])

    init(run: Run, store: ProctorDatabase, quiet: Bool, total: Int) {
        self.store = store
        self.quiet = quiet
        self.total = total
        self.run = Mutex(run)
    }

    func handle(_ event: TrainerEvent) {
        guard case .step(let step) = event else {
            switch event {
            case .versions(let versions): record { $0.trainerVersions = versions }
            case .heldOut(let loss):
                record { $0.heldOutLosses = ($0.heldOutLosses ?? []) + [loss] }
                if !quiet { Terminal.info("held-out loss \(Format.fixed(loss.loss, 3)) \(loss.step == 0 ? "before training" : "after \(loss.step) steps")") }
            default: break
            }
            return
        }
        let first = run.withLock { $0.finetune?.losses.first }
        record { $0.losses.append(step) }
        if !quiet {
            // From the first step on, so that loading the model is not counted as training time.
            let perStep = first.map { step.step > $0.step ? (step.seconds - $0.seconds) / Double(step.step - $0.step) : step.seconds } ?? step.seconds
            let left = Double(max(total - step.step, 0)) * perStep
            Terminal.progress(
                "finetune \(step.step)/\(total) · loss \(Format.fixed(step.loss, 3)) · \(Format.fixed(perStep, 1)) s/step · ETA \(Format.seconds(left))")
        }
    }

    private func record(_ change: (inout FinetuneSpecification) -> Void) {
        let updated = run.withLock { run -> Run? in
            guard case .finetune(var specification) = run.specification else { return nil }
            change(&specification)
            run.specification = .finetune(specification)
            return run
        }
        guard let updated else { return }
        let store = self.store
        let previous = writes.withLock { $0.last }
        let write = Task {
            try await previous?.value
            var current = try await store.run(id: updated.id) ?? updated
            current.specification = updated.specification
            try await store.update(current)
        }
        writes.withLock { $0.append(write) }
    }

    /// The run's specification with every event so far.
    var specification: RunSpecification { run.withLock { $0.specification } }

    /// Waits for every write.
    func flush() async throws {
        for write in writes.withLock({ $0 }) { try await write.value }
    }
}

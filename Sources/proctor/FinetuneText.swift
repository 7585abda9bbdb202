import ProctorCore

/// A fine-tuning run for people: what was trained on what, with which settings and trainer, the
/// loss curve's ends, and the adapter.
enum FinetuneText {
    static func text(run: Run, specification: FinetuneSpecification) -> String {
        let settings = specification.hyperparameters
        var lines = [
            "run \(run.id) · finetune \(Format.plain(specification.name)) · \(specification.method) · \(run.status.rawValue)",
            "base         \(Format.plain(specification.base)) sha256 \(specification.baseSHA256.prefix(16))",
            "data         \(Format.plain(specification.data.source)) sha256 \(specification.data.sha256.prefix(16)) · "
                + "\(specification.data.trainExamples) examples, \(specification.data.heldOutExamples) held out",
            "overlap      \(Format.plain(specification.data.overlapCheck))",
            "settings     \(settings.steps) steps · rank \(settings.rank) · alpha \(settings.alpha) · learning rate \(settings.learningRate) · "
                + "batch \(settings.batchSize) · max length \(settings.maxLength) · seed \(settings.seed) · \(settings.threads) threads",
        ]
        if !specification.trainerVersions.isEmpty {
            lines.append("trainer      " + specification.trainerVersions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " · "))
        }
        if let first = specification.losses.first, let last = specification.losses.last {
            lines.append(
                "loss         \(Format.fixed(first.loss, 3)) at step \(first.step) → \(Format.fixed(last.loss, 3)) at step \(last.step) "
                    + (last.step > first.step
                        ? "(\(Format.fixed((last.seconds - first.seconds) / Double(last.step - first.step), 2)) s per step after the first)"
                        : "(\(Format.fixed(last.seconds, 1)) s to the first step, loading included)"))
        }
        if let before = specification.heldOutLosses?.first, let after = specification.heldOutLosses?.last, after.step > before.step {
            lines.append(
                "held out     loss \(Format.fixed(before.loss, 3)) before training → \(Format.fixed(after.loss, 3)) after \(after.step) steps "
                    + "(\(specification.data.heldOutExamples) examples never trained on)")
        }
        if let peak = (specification.losses + (specification.heldOutLosses ?? [])).compactMap(\.peakMemoryBytes).max() {
            lines.append("memory       trainer peak RSS \(ResourceText.bytes(Double(peak)))")
        }
        if let path = specification.adapterPath {
            lines.append("adapter      \(Format.plain(path)) sha256 \(specification.adapterSHA256?.prefix(16) ?? "?")")
        }
        if let served = specification.servedAdapter {
            lines.append("served       \(Format.plain(served.path)) sha256 \(served.sha256.prefix(16)) · \(Format.plain(served.converter))")
            lines.append("             evaluate with --model local+\(Format.plain(specification.name))")
        }
        return lines.joined(separator: "\n")
    }
}

public import ProctorCore

/// Chooses which samples a run uses, deterministically.
///
/// Without a seed the first `limit` samples in dataset order are used, as lm-eval's `--limit`
/// does. With a seed the samples are shuffled by a SplitMix64 generator first, so the same seed
/// picks the same subset on every machine.
public enum SampleSelection {
    /// The selected samples, in run order.
    public static func select(_ samples: [EvalSample], limit: Int?, seed: Int?) -> [EvalSample] {
        var ordered = samples
        if let seed {
            var generator = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
            ordered.shuffle(using: &generator)
        }
        guard let limit, limit < ordered.count else { return ordered }
        return Array(ordered.prefix(max(0, limit)))
    }
}


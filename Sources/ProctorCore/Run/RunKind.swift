/// What a run measured. Each kind has its own ``RunSpecification`` case and its own result tables.
public enum RunKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// A benchmark evaluation: one result per sample and turn.
    case eval
    /// A load test: levels and requests.
    case load
    /// A resource and energy recording alongside other runs (`proctor monitor`, `--monitor`).
    case monitor
    /// A fine-tuning job: the data, the trainer, the loss curve and the adapter.
    case finetune
}

/// Where a run stands. A run is created ``running``; it ends ``completed``, or ``interrupted``
/// (Ctrl-C, a crash: resumable), or ``failed`` (an error that resuming would meet again).
public enum RunStatus: String, Codable, Sendable, Hashable, CaseIterable {
    /// Being worked on (or killed before it could say otherwise).
    case running
    /// Finished: every sample or level has a result.
    case completed
    /// Stopped before the end; `proctor eval --resume` continues it.
    case interrupted
    /// Stopped by an error.
    case failed
}

import Foundation
public import ProctorCore

/// Creates runs of every kind and moves them through their lifecycle — running, then completed,
/// interrupted or failed — with the wall time of each session added up, so that eval and load
/// (and later kinds) record runs the same way.
public struct RunLifecycle: Sendable {
    /// Where runs are kept.
    public let store: any RunStore
    /// The machine runs are recorded as running on.
    public let machine: MachineInfo

    /// A lifecycle over `store`.
    public init(store: any RunStore, machine: MachineInfo = .current()) {
        self.store = store
        self.machine = machine
    }

    /// Records a new run of `specification` against `endpointURL` (asking for `modelName`) and
    /// returns it; nothing is sent yet.
    public func create(
        _ specification: RunSpecification, target: String, endpointURL: String, modelName: String, modelId: String?,
        configHash: String
    ) async throws -> Run {
        let run = Run(
            id: Self.newRunId(), status: .running, createdAt: Date(), target: target, endpointURL: endpointURL,
            modelName: modelName, modelId: modelId, machine: machine, proctorVersion: BuildInfo.version,
            gitCommit: BuildInfo.gitCommit(), configHash: configHash, specification: specification)
        try await store.insert(run)
        return run
    }

    /// Marks `run` running, performs `work`, and records how it ended: completed when `work`
    /// returns (interrupted if the task was cancelled meanwhile), interrupted when it throws
    /// `CancellationError`, failed when it throws anything else. The record is written even
    /// when the task is cancelled.
    public func perform<Value: Sendable>(_ run: Run, _ work: () async throws -> Value) async throws -> Value {
        var record = run
        record.status = .running
        try await store.update(record)
        let start = ContinuousClock.now
        let value: Value
        do {
            value = try await work()
        } catch {
            let status: RunStatus = error is CancellationError || Task.isCancelled ? .interrupted : .failed
            do {
                try await finish(record, status: status, elapsed: ContinuousClock.now - start)
            } catch let storeError {
                // The run's own failure is what the user must see; the store's is logged beside it.
                throw RunFailure(underlying: error, recording: storeError)
            }
            throw error
        }
        try await finish(record, status: Task.isCancelled ? .interrupted : .completed, elapsed: ContinuousClock.now - start)
        return value
    }

    /// Writes the run's final state from a task of its own, so that a cancelled caller still
    /// records it.
    private func finish(_ run: Run, status: RunStatus, elapsed: Duration) async throws {
        var record = run
        record.status = status
        record.wallSeconds += elapsed.seconds
        record.finishedAt = Date()
        let final = record
        try await Task { [store] in try await store.update(final) }.value
    }

    /// A short random id, `r` and eight hex digits.
    static func newRunId() -> String {
        var generator = SystemRandomNumberGenerator()
        return "r" + String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator))
    }
}

/// A run that failed and whose failure could not be recorded either: both are reported.
public struct RunFailure: ProctorFailure, Sendable {
    /// Why the run stopped.
    public var underlying: any Error
    /// Why its final state could not be stored.
    public var recording: any Error

    /// The underlying failure's code when it has one, else ``ErrorCode/storeFailed``.
    public var code: ErrorCode { (underlying as? any ProctorFailure)?.code ?? .storeFailed }

    /// Both failures.
    public var description: String { "\(underlying)\n  and its state could not be stored: \(recording)" }
}

import Foundation
import ProctorCore
import ProctorMonitor
import ProctorRunner
import ProctorStore

/// A monitor recording in the store, sampled on its own thread while a command works; each
/// sample is written as it arrives, so a killed command leaves what it measured.
struct MonitorRecording: Sendable {
    /// The recording's run.
    let run: Run
    private let recorder: MonitorRecorder
    private let writer: Task<Void, any Error>
    private let database: ProctorDatabase

    /// Creates the recording's run and starts sampling.
    static func start(
        _ configuration: MonitorConfiguration, attachedTo runId: String?, target: String, database: ProctorDatabase
    ) async throws -> MonitorRecording {
        let sampler = try ResourceSampler(configuration: configuration, attachedRunId: runId)
        let run = try await RunLifecycle(store: database).create(
            .monitor(sampler.specification), target: target, endpointURL: "", modelName: "", modelId: nil, configHash: "")
        let recorder = MonitorRecorder(sampler: sampler)
        let writer = Task {
            for await sample in recorder.samples { try await database.record([sample], runId: run.id) }
        }
        return MonitorRecording(run: run, recorder: recorder, writer: writer, database: database)
    }

    /// Takes the last sample, waits for every sample to be stored and marks the recording
    /// completed (or `status`).
    @discardableResult
    func finish(status: RunStatus = .completed) async throws -> Run {
        recorder.stop()
        try await writer.value
        let end = Date()
        var finished = run
        finished.status = status
        finished.finishedAt = end
        finished.wallSeconds = end.timeIntervalSince(run.createdAt)
        try await database.update(finished)
        for problem in recorder.problems { Terminal.info("monitor: \(problem)") }
        return finished
    }

    /// Runs `body` with a recording attached to run `runId` when `options` ask for one (watching
    /// `serverPid` too), and finishes the recording however `body` ends.
    static func around<Result: Sendable>(
        _ options: MonitorOptions, runId: String, serverPid: Int?, target: String, database: ProctorDatabase, quiet: Bool,
        _ body: () async throws -> Result
    ) async throws -> Result {
        guard options.enabled(local: serverPid != nil) else { return try await body() }
        let recording = try await start(
            try options.configuration(pids: serverPid.map { [$0] } ?? []), attachedTo: runId, target: target, database: database)
        if !quiet {
            let specification = recording.run.monitor
            Terminal.info(
                "monitor \(recording.run.id): CPU energy \(specification?.cpuEnergySource.stored ?? "?"); "
                    + "\(specification?.gpuState ?? "")")
        }
        do {
            let result = try await body()
            try await recording.finish()
            return result
        } catch {
            _ = try? await recording.finish(status: .interrupted)
            throw error
        }
    }
}

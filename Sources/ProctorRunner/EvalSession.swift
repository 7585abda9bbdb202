import Foundation
public import ProctorBenchmarks
public import ProctorClient
public import ProctorCore
public import ProctorStore

/// Creates, runs, resumes and summarises evaluation runs in the store.
///
/// ```swift
/// let session = EvalSession(store: store)
/// let run = try await session.create(plan: plan, modelId: "smollm2")
/// let summary = try await session.execute(run, benchmark: plan.benchmark, client: client)
/// ```
public struct EvalSession: Sendable {
    /// The run store.
    public let store: ProctorDatabase
    /// The machine runs are recorded as running on.
    public let machine: MachineInfo

    /// Creates a session over `store`.
    public init(store: ProctorDatabase, machine: MachineInfo = .current()) {
        self.store = store
        self.machine = machine
    }

    /// Records a new run for `plan` and returns it; no request is sent yet.
    public func create(plan: EvalPlan, modelId: String?) async throws -> RunRecord {
        let selected = SampleSelection.select(plan.benchmark.samples(), limit: plan.limit, seed: plan.seed)
        let ids = selected.map(\.id)
        let run = RunRecord(
            id: Self.newRunId(), kind: "eval", status: "running", createdAt: Date(), finishedAt: nil,
            benchmark: plan.benchmark.name, promptProtocol: plan.benchmark.protocolName,
            datasetName: plan.benchmark.dataset.name, datasetSHA256: plan.benchmark.dataset.sha256, target: plan.target,
            endpointURL: plan.endpoint.baseURL, modelName: plan.endpoint.model, modelId: modelId,
            parameters: plan.parameters, streaming: plan.streaming, concurrency: plan.concurrency, sampleSeed: plan.seed,
            sampleLimit: plan.limit, sampleIds: ids, extractorNames: plan.benchmark.extractorNames, host: machine.host,
            os: machine.os, cpu: machine.cpu, proctorVersion: BuildInfo.version, gitCommit: BuildInfo.gitCommit(),
            configHash: ConfigHash.compute(plan: plan, sampleIds: ids), wallSeconds: 0,
            taskDefinition: try (plan.benchmark as? JSONLTask).map { task in
                String(decoding: try JSONEncoder().encode(task.definition), as: UTF8.self)
            })
        try await store.insert(run)
        return run
    }

    /// The run's samples that have no successful result yet, in run order.
    public func pendingSamples(of run: RunRecord, benchmark: any Benchmark) async throws -> [EvalSample] {
        guard benchmark.dataset.sha256 == run.datasetSHA256 else {
            throw ProctorError.badInput(
                "run \(run.id) used \(run.datasetName) with SHA-256 \(run.datasetSHA256), but this Proctor has \(benchmark.dataset.sha256)",
                hint: "resume it with the Proctor version that started it (\(run.proctorVersion))")
        }
        let byId = Dictionary(benchmark.samples().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let answered = try await store.answeredSampleIds(runId: run.id)
        return run.sampleIds.compactMap { id in answered.contains(id) ? nil : byId[id] }
    }

    /// Runs whatever the run still lacks, then marks it completed (or interrupted, when cancelled)
    /// and returns its summary over every stored result.
    public func execute(
        _ run: RunRecord, benchmark: any Benchmark, client: any ChatCompleting,
        progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }
    ) async throws -> EvalSummary {
        let pending = try await pendingSamples(of: run, benchmark: benchmark)
        let runner = EvalRunner(benchmark: benchmark, client: client, store: store, concurrency: run.concurrency)
        let start = ContinuousClock.now
        var record = run
        record.status = "running"
        try await store.update(record)
        do {
            try await runner.run(
                runId: run.id, pending: pending, alreadyDone: run.sampleIds.count - pending.count,
                total: run.sampleIds.count, parameters: run.parameters, progress: progress)
        } catch {
            record.status = "interrupted"
            record.wallSeconds += (ContinuousClock.now - start).seconds
            record.finishedAt = Date()
            let final = record
            try? await Task { [store] in try await store.update(final) }.value
            throw error
        }
        record.status = "completed"
        record.wallSeconds += (ContinuousClock.now - start).seconds
        record.finishedAt = Date()
        try await store.update(record)
        return try await summary(of: record)
    }

    /// The summary of everything stored for `run`.
    public func summary(of run: RunRecord) async throws -> EvalSummary {
        EvalSummary(
            outcomes: try await store.outcomes(runId: run.id), extractorNames: run.extractorNames,
            wallSeconds: run.wallSeconds)
    }

    static func newRunId() -> String {
        var generator = SystemRandomNumberGenerator()
        return "r" + String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator))
    }
}

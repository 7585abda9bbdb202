import Foundation
public import ProctorClient
import ProctorBenchmarks
import ProctorCore
public import ProctorStore

/// Creates and runs load tests, storing every level and request.
public struct LoadSession: Sendable {
    /// The run store.
    public let store: ProctorDatabase
    /// The machine runs are recorded as running on.
    public let machine: MachineInfo

    /// Creates a session over `store`.
    public init(store: ProctorDatabase, machine: MachineInfo = .current()) {
        self.store = store
        self.machine = machine
    }

    /// Records a new load run for `plan`.
    public func create(plan: LoadPlan, modelId: String?) async throws -> RunRecord {
        let protocolName: String =
            switch plan.mode {
            case .steps(let steps): steps.first.map { if case .closed = $0 { "load:closed" } else { "load:open" } } ?? "load"
            case .sweep: "load:sweep"
            }
        let run = RunRecord(
            id: EvalSession.newRunId(), kind: "load", status: "running", createdAt: Date(), finishedAt: nil,
            benchmark: plan.workload.name, promptProtocol: protocolName, datasetName: plan.workload.dataset.name,
            datasetSHA256: plan.workload.dataset.sha256, target: plan.target, endpointURL: plan.endpoint.baseURL,
            modelName: plan.endpoint.model, modelId: modelId, parameters: plan.workload.parameters,
            streaming: plan.streaming, concurrency: plan.concurrencyBound, sampleSeed: Int(truncatingIfNeeded: plan.seed),
            sampleLimit: nil, sampleIds: [], extractorNames: plan.workload.scorer.map { Array($0.extractorNames.prefix(1)) } ?? [],
            host: machine.host, os: machine.os, cpu: machine.cpu, proctorVersion: BuildInfo.version,
            gitCommit: BuildInfo.gitCommit(), configHash: "", wallSeconds: 0,
            taskDefinition: String(
                decoding: try JSONEncoder().encode(
                    LoadCriteria(objectives: plan.objectives, maxErrorRate: plan.maxErrorRate, sloPercentile: plan.sloPercentile)),
                as: UTF8.self))
        try await store.insert(run)
        return run
    }

    /// A stored load run's report, rebuilt from its levels with the criteria it ran under.
    public func report(of run: RunRecord) async throws -> LoadReport {
        let criteria =
            run.taskDefinition.flatMap { try? JSONDecoder().decode(LoadCriteria.self, from: Data($0.utf8)) }
            ?? LoadCriteria(objectives: .init(), maxErrorRate: 0.01, sloPercentile: 90)
        let levels = try await store.loadLevels(runId: run.id).map {
            LoadReport.Level(level: $0.level, phase: $0.phase, load: $0.load, unit: $0.unit, metrics: $0.metrics)
        }
        let ordered = levels.filter { $0.phase != "ceiling" }
        let analysis = SaturationAnalysis(
            levels: ordered.map { SaturationAnalysis.Level(load: $0.load, metrics: $0.metrics) }, objectives: criteria.objectives,
            maxErrorRate: criteria.maxErrorRate, percentile: criteria.sloPercentile, unit: ordered.first?.unit ?? "users")
        return LoadReport(
            runId: run.id, levels: levels, saturation: analysis, saturationLoad: analysis.saturationIndex.map { ordered[$0].load },
            peakThroughput: levels.map(\.metrics.requestThroughput).max() ?? 0)
    }

    /// Runs the plan's levels, reporting each as it finishes, and returns the report.
    public func execute(
        _ run: RunRecord, plan: LoadPlan, client: any ChatCompleting,
        progress: @escaping @Sendable (LoadReport.Level) -> Void = { _ in }
    ) async throws -> LoadReport {
        let writer = LoadRequestWriter(store: store, runId: run.id)
        let runner = LoadRunner(client: client, workload: plan.workload, objectives: plan.objectives)
        let start = ContinuousClock.now
        var levels: [LoadReport.Level] = []
        func measure(_ step: LoadStep, phase: String) async throws -> LoadReport.Level {
            let startedAt = Date()
            let metrics = await runner.run(step, level: levels.count, seed: plan.seed) { writer.write($0) }
            let level = LoadReport.Level(level: levels.count, phase: phase, load: step.load, unit: step.unit, metrics: metrics)
            try await store.save(
                LoadLevelRecord(
                    runId: run.id, level: level.level, phase: phase, load: level.load, unit: level.unit, startedAt: startedAt,
                    metrics: metrics))
            levels.append(level)
            progress(level)
            return level
        }

        var ordered: [LoadReport.Level] = []
        switch plan.mode {
        case .steps(let steps):
            for step in steps {
                if Task.isCancelled { break }
                let phase: String = if case .closed = step { "closed" } else { "open" }
                ordered.append(try await measure(step, phase: phase))
            }
        case .sweep(let duration, let maxUsers):
            let closed = { (users: Int) in LoadStep.closed(users: users, duration: duration, rampUp: 0, thinkTime: 0) }
            let baseline = try await measure(closed(1), phase: "baseline")
            ordered.append(baseline)
            let ceiling = try await measure(closed(maxUsers), phase: "ceiling")
            for users in Self.sweepLevels(baseline: baseline.metrics, ceiling: ceiling.metrics, maxUsers: maxUsers) {
                if Task.isCancelled { break }
                ordered.append(try await measure(closed(users), phase: "sweep"))
                if Self.isPastSaturation(ordered, plan: plan) { break }
            }
        }
        try await writer.finish()
        let analysis = Self.analyse(ordered, plan: plan)
        var record = run
        record.status = Task.isCancelled ? "interrupted" : "completed"
        record.finishedAt = Date()
        record.wallSeconds = (ContinuousClock.now - start).seconds
        try await store.update(record)
        return LoadReport(
            runId: run.id, levels: levels, saturation: analysis,
            saturationLoad: analysis.saturationIndex.map { ordered[$0].load },
            peakThroughput: levels.map(\.metrics.requestThroughput).max() ?? 0)
    }

    /// Closed-loop user counts between the baseline and the ceiling: doubling from 2 up to twice
    /// the concurrency the two imply (ceiling throughput over one user's), capped at `maxUsers`.
    static func sweepLevels(baseline: LoadLevelMetrics, ceiling: LoadLevelMetrics, maxUsers: Int) -> [Int] {
        let single = max(baseline.requestThroughput, 1e-9)
        let knee = max(1, ceiling.requestThroughput / single)
        let top = min(maxUsers, max(2, Int((2 * knee).rounded(.up))))
        var levels: [Int] = []
        var users = 2
        while users < top {
            levels.append(users)
            users *= 2
        }
        levels.append(top)
        return levels
    }

    /// What a load run's levels are judged by; stored with the run.
    struct LoadCriteria: Codable {
        var objectives: ServiceLevelObjectives
        var maxErrorRate: Double
        var sloPercentile: Double
    }

    private static func analyse(_ levels: [LoadReport.Level], plan: LoadPlan) -> SaturationAnalysis {
        SaturationAnalysis(
            levels: levels.map { SaturationAnalysis.Level(load: $0.load, metrics: $0.metrics) }, objectives: plan.objectives,
            maxErrorRate: plan.maxErrorRate, percentile: plan.sloPercentile, unit: levels.first?.unit ?? "users")
    }

    private static func isPastSaturation(_ levels: [LoadReport.Level], plan: LoadPlan) -> Bool {
        analyse(levels, plan: plan).brokenIndex != nil
    }
}

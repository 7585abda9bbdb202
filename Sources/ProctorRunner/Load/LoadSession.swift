import Foundation
import ProctorClient
public import ProctorCore

/// Creates and runs load tests, handing every level and request to the store as it is measured.
public struct LoadSession: Sendable {
    /// Where runs and results are kept.
    public let store: any RunStore
    /// Creates runs and records how they end.
    public let lifecycle: RunLifecycle

    /// Creates a session over `store`.
    public init(store: any RunStore, machine: MachineInfo = .current()) {
        self.store = store
        lifecycle = RunLifecycle(store: store, machine: machine)
    }

    /// Records a new load run for `plan`.
    public func create(plan: LoadPlan, modelId: String?) async throws -> Run {
        try await lifecycle.create(
            .load(plan.specification), target: plan.target, endpointURL: plan.endpoint.baseURL,
            modelName: plan.endpoint.model, modelId: modelId, configHash: "")
    }

    /// A stored load run's report, rebuilt from its levels with the criteria it ran under.
    public func report(of run: Run) async throws -> LoadReport {
        guard let specification = run.load else {
            throw ProctorError.badInput("run \(run.id) is a \(run.kind.rawValue) run, not a load test")
        }
        return LoadReport(runId: run.id, levels: try await store.loadLevels(runId: run.id), criteria: specification.criteria)
    }

    /// Runs the plan's levels, reporting each as it finishes, and returns the report. Cancelling
    /// stops after the level in progress; the run is then recorded as interrupted.
    public func execute(
        _ run: Run, plan: LoadPlan, client: any ChatCompleting,
        progress: @escaping @Sendable (LoadReport.Level) -> Void = { _ in }
    ) async throws -> LoadReport {
        let levels = try await lifecycle.perform(run) {
            try await measureLevels(runId: run.id, plan: plan, client: client, progress: progress)
        }
        return LoadReport(runId: run.id, levels: levels, criteria: plan.criteria)
    }

    private func measureLevels(
        runId: String, plan: LoadPlan, client: any ChatCompleting, progress: @escaping @Sendable (LoadReport.Level) -> Void
    ) async throws -> [LoadReport.Level] {
        switch plan.mode {
        case .steps, .sweep: break
        case .imported, .recorded:
            throw ProctorError.badInput("a load run whose levels were imported or recorded earlier cannot be run again")
        }
        let writer = LoadRequestWriter(sink: store, runId: runId)
        let runner = LoadRunner(client: client, workload: plan.workload, objectives: plan.criteria.objectives)
        var levels: [LoadReport.Level] = []
        func measure(_ step: LoadStep, phase: String) async throws -> LoadReport.Level {
            let startedAt = Date()
            let metrics = await runner.run(step, level: levels.count, seed: plan.seed) { writer.write($0) }
            let level = LoadReport.Level(level: levels.count, phase: phase, load: step.load, unit: step.unit, metrics: metrics)
            try await store.record(level, startedAt: startedAt, runId: runId)
            levels.append(level)
            progress(level)
            return level
        }

        switch plan.mode {
        case .steps(let steps):
            for step in steps {
                if Task.isCancelled { break }
                let phase: String = if case .closed = step { "closed" } else { "open" }
                _ = try await measure(step, phase: phase)
            }
        case .sweep(let duration, let maxUsers):
            let closed = { (users: Int) in LoadStep.closed(users: users, duration: duration, rampUp: 0, thinkTime: 0) }
            let baseline = try await measure(closed(1), phase: "baseline")
            let ceiling = try await measure(closed(maxUsers), phase: "ceiling")
            for users in Self.sweepLevels(baseline: baseline.metrics, ceiling: ceiling.metrics, maxUsers: maxUsers) {
                if Task.isCancelled { break }
                _ = try await measure(closed(users), phase: "sweep")
                let increasing = levels.filter { $0.phase != "ceiling" }
                if LoadReport.analyse(increasing, criteria: plan.criteria).brokenIndex != nil { break }
            }
        case .imported, .recorded:
            break  // refused before the writer started
        }
        try await writer.finish()
        return levels
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
}

import Foundation
import ProctorClient
public import ProctorBenchmarks
public import ProctorCore

/// Creates, prepares, runs, resumes and summarises evaluation runs.
///
/// ```swift
/// let session = EvalSession(store: store)
/// let run = try await session.create(plan: plan, modelId: "smollm2")
/// let prepared = try await session.prepare(run, benchmark: plan.benchmark)
/// let summary = try await session.execute(prepared, client: client)
/// ```
public struct EvalSession: Sendable {
    /// Where runs and results are kept.
    public let store: any RunStore
    /// Creates runs and records how they end.
    public let lifecycle: RunLifecycle

    /// Creates a session over `store`.
    public init(store: any RunStore, machine: MachineInfo = .current()) {
        self.store = store
        lifecycle = RunLifecycle(store: store, machine: machine)
    }

    /// Records a new run for `plan` and returns it with its samples, built once; nothing is sent yet.
    public func create(plan: EvalPlan, modelId: String?, judge: JudgeSpecification? = nil) async throws -> PreparedEval {
        let candidates = plan.benchmark.samples().filter {
            plan.categories.isEmpty || plan.categories.contains($0.groups["category"] ?? "")
        }
        let selected = SampleSelection.select(candidates, limit: plan.limit, seed: plan.seed)
        let specification = EvalSpecification(
            benchmark: plan.benchmark.name, promptProtocol: plan.benchmark.protocolName, dataset: plan.benchmark.dataset,
            parameters: plan.parameters, streaming: plan.streaming, concurrency: plan.concurrency, sampleSeed: plan.seed,
            sampleLimit: plan.limit, sampleIds: selected.map(\.id), extractorNames: plan.benchmark.extractorNames,
            task: (plan.benchmark as? JSONLTask)?.definition, judge: judge, prices: plan.endpoint.prices)
        let run = try await lifecycle.create(
            .eval(specification), target: plan.target, endpointURL: plan.endpoint.baseURL, modelName: plan.endpoint.model,
            modelId: modelId,
            configHash: ConfigHash.compute(specification, endpoint: plan.endpoint))
        return PreparedEval(run: run, specification: specification, benchmark: plan.benchmark, samples: selected, stored: [:])
    }

    /// Prepares a stored run for resuming: its benchmark rebuilt from the specification (or
    /// `benchmark`, when the caller has it) and checked against the dataset the run used, its
    /// samples in run order, and what each already has.
    public func prepare(_ run: Run, benchmark given: (any Benchmark)? = nil) async throws -> PreparedEval {
        guard let specification = run.eval else {
            throw ProctorError.badInput(
                "run \(run.id) is a \(run.kind.rawValue) run, not an evaluation", hint: "resume evaluations only")
        }
        let benchmark: any Benchmark =
            if let given {
                given
            } else if let task = specification.task {
                try JSONLTask(task)
            } else {
                try BenchmarkCatalog.make(specification.benchmark, protocol: specification.promptProtocol)
            }
        guard benchmark.dataset.sha256 == specification.dataset.sha256 else {
            throw ProctorError.badInput(
                "run \(run.id) used \(specification.dataset.name) with SHA-256 \(specification.dataset.sha256), "
                    + "but this Proctor has \(benchmark.dataset.sha256)",
                hint: "resume it with the Proctor version that started it (\(run.proctorVersion))")
        }
        let byId = Dictionary(benchmark.samples().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let samples = try specification.sampleIds.map { id in
            guard let sample = byId[id] else {
                throw ProctorError.badInput("run \(run.id) names sample \(id), which \(specification.dataset.name) lacks")
            }
            return sample
        }
        return PreparedEval(
            run: run, specification: specification, benchmark: benchmark, samples: samples,
            stored: try await store.storedConversations(runId: run.id))
    }

    /// Runs whatever the run still lacks, records how the session ended, and returns the summary
    /// over every stored result. With `cacheAnswers`, a request identical to one already stored
    /// (same endpoint, model id, messages and parameters) reuses its answer.
    public func execute(
        _ prepared: PreparedEval, client: any ChatCompleting, cacheAnswers: Bool = false,
        progress: @escaping @Sendable (EvalProgress) -> Void = { _ in }
    ) async throws -> EvalSummary {
        let run = prepared.run
        let caching =
            cacheAnswers
            ? AnswerCaching(cache: store, endpointURL: run.endpointURL, modelId: run.modelId ?? run.modelName) : nil
        let runner = EvalRunner(client: client, sink: store, caching: caching)
        try await lifecycle.perform(prepared.run) {
            try await runner.run(prepared, progress: progress)
        }
        return try await summary(of: prepared.run.id)
    }

    /// The summary of everything stored for run `runId`.
    public func summary(of runId: String) async throws -> EvalSummary {
        guard let run = try await store.run(id: runId), let specification = run.eval else {
            throw ProctorError.badInput("no evaluation run \(runId) in the store")
        }
        return EvalSummary(
            outcomes: try await store.outcomes(runId: run.id), extractorNames: specification.extractorNames,
            wallSeconds: run.wallSeconds)
    }
}

/// An evaluation run ready to execute: its benchmark and samples built once, with what earlier
/// sessions stored.
public struct PreparedEval: Sendable {
    /// The run.
    public var run: Run
    /// Its specification.
    public var specification: EvalSpecification
    /// The benchmark that runs each sample's conversation.
    public var benchmark: any Benchmark
    /// Every sample of the run, in run order.
    public var samples: [EvalSample]
    /// What each sample already has, by sample id.
    public var stored: [String: StoredConversation]

    /// The samples whose conversation is not finished, in run order.
    public var pending: [EvalSample] { samples.filter { stored[$0.id]?.isFinished != true } }
    /// How many samples are finished.
    public var finished: Int { samples.count - pending.count }
}

public import Foundation
public import ProctorCore
public import ProctorStore

/// A candidate run compared with a base run: who they are, how they differ in set-up, and the
/// figures — paired for evaluations, level by level for load tests.
public struct RunComparison: Codable, Sendable {
    /// The figures, by kind.
    public enum Figures: Codable, Sendable {
        /// Two evaluations.
        case eval(EvalComparison)
        /// Two load tests.
        case load(LoadComparison)
    }

    /// The base run.
    public var base: RunHeader
    /// The candidate.
    public var candidate: RunHeader
    /// Set-up differences the user allowed (`--allow-different`); shown as warnings.
    public var allowedDifferences: [RunDifference]
    /// The figures.
    public var figures: Figures
    /// Bootstrap resamples asked for.
    public var iterations: Int
    /// Bootstrap seed.
    public var seed: UInt64

    /// Creates a comparison from its parts.
    public init(base: RunHeader, candidate: RunHeader, allowedDifferences: [RunDifference], figures: Figures, iterations: Int, seed: UInt64) {
        self.base = base
        self.candidate = candidate
        self.allowedDifferences = allowedDifferences
        self.figures = figures
        self.iterations = iterations
        self.seed = seed
    }

    /// The eval figures, or `nil`.
    public var eval: EvalComparison? {
        if case .eval(let eval) = figures { return eval }
        return nil
    }

    /// The load figures, or `nil`.
    public var load: LoadComparison? {
        if case .load(let load) = figures { return load }
        return nil
    }
}

/// What a comparison shows of a run: enough to say which is which, never the endpoint's secrets.
public struct RunHeader: Codable, Sendable, Hashable {
    /// Run id.
    public var id: String
    /// `eval` or `load`.
    public var kind: String
    /// Benchmark or workload name.
    public var benchmark: String
    /// Protocol or load mode.
    public var protocolName: String
    /// The model id (or the name asked for).
    public var model: String
    /// The configuration hash.
    public var configHash: String
    /// The dataset's SHA-256.
    public var datasetSHA256: String
    /// When the run was created.
    public var createdAt: Date

    /// The header of `run`.
    public init(_ run: Run) {
        id = run.id
        kind = run.kind.rawValue
        model = run.modelLabel
        configHash = run.configHash
        createdAt = run.createdAt
        switch run.specification {
        case .eval(let eval):
            benchmark = eval.benchmark
            protocolName = eval.promptProtocol
            datasetSHA256 = eval.dataset.sha256
        case .load(let load):
            benchmark = load.workload.name
            protocolName = load.modeName
            datasetSHA256 = load.workload.dataset.sha256
        case .monitor:
            benchmark = "monitor"
            protocolName = "monitor"
            datasetSHA256 = ""
        case .finetune(let finetune):
            benchmark = "finetune"
            protocolName = finetune.method
            datasetSHA256 = finetune.data.sha256
        }
    }
}

/// Runs that must not be compared as asked: what differs, and how to proceed anyway.
public struct ComparisonRefused: ProctorFailure, Sendable {
    /// The differences not allowed.
    public var differences: [RunDifference]
    /// The runs.
    public var runs: (String, String)

    /// ``ErrorCode/badInput``.
    public var code: ErrorCode { .badInput }

    /// Names every difference and the flag that allows it.
    public var description: String {
        let aspects = Set(differences.map(\.aspect.rawValue)).sorted().joined(separator: ",")
        return "runs \(runs.0) and \(runs.1) differ in what they measure:\n"
            + differences.map { "  \($0)" }.joined(separator: "\n")
            + "\n  hint: compare runs of the same set-up, or pass --allow-different \(aspects) to compare them anyway"
    }
}

/// Builds comparisons from the store.
public struct RunComparer: Sendable {
    private let database: ProctorDatabase

    /// A comparer over `database`.
    public init(database: ProctorDatabase) {
        self.database = database
    }

    /// Compares `candidateId` with `baseId`.
    ///
    /// - Throws: ``ProctorError`` for an unknown run or two kinds; ``ComparisonRefused`` when the
    ///   set-ups differ in an aspect not in `allowing`.
    public func compare(
        base baseId: String, candidate candidateId: String, allowing: Set<ComparedAspect> = [],
        bootstrap: PairedBootstrap, test: McNemar.Variant = .midP
    ) async throws -> RunComparison {
        let base = try await run(baseId)
        let candidate = try await run(candidateId)
        guard base.kind == candidate.kind else {
            throw ProctorError.badInput(
                "run \(baseId) is a \(base.kind.rawValue) run and \(candidateId) a \(candidate.kind.rawValue) run",
                hint: "compare two evaluations or two load tests")
        }
        let differences = RunCompatibility.differences(base, candidate)
        let refused = differences.filter { !allowing.contains($0.aspect) }
        guard refused.isEmpty else { throw ComparisonRefused(differences: refused, runs: (baseId, candidateId)) }
        let figures: RunComparison.Figures
        switch (base.specification, candidate.specification) {
        case (.eval(let a), .eval):
            figures = .eval(
                EvalComparison(
                    base: try await database.results(runId: base.id), candidate: try await database.results(runId: candidate.id),
                    extractorNames: a.extractorNames, baseJudgments: try await database.judgments(runIds: [base.id]),
                    candidateJudgments: try await database.judgments(runIds: [candidate.id]), bootstrap: bootstrap,
                    test: test))
        case (.load(let a), .load(let b)):
            figures = .load(
                LoadComparison(
                    base: LoadReport(runId: base.id, levels: try await database.loadLevels(runId: base.id), criteria: a.criteria),
                    candidate: LoadReport(runId: candidate.id, levels: try await database.loadLevels(runId: candidate.id), criteria: b.criteria),
                    baseRequests: try await database.loadRequests(runId: base.id).map(\.sample),
                    candidateRequests: try await database.loadRequests(runId: candidate.id).map(\.sample), bootstrap: bootstrap))
        default:
            throw ProctorError.badInput("runs \(baseId) and \(candidateId) are of different kinds")
        }
        return RunComparison(
            base: RunHeader(base), candidate: RunHeader(candidate), allowedDifferences: differences, figures: figures,
            iterations: bootstrap.iterations, seed: bootstrap.seed)
    }

    private func run(_ id: String) async throws -> Run {
        guard let run = try await database.run(id: id) else {
            throw ProctorError.badInput("no run \(id) in the store", hint: "`proctor runs list` shows the stored runs")
        }
        return run
    }
}

public import ProctorCore
public import ProctorStore

/// What a gate can measure of one run, read once from the store: an evaluation's summary, turns
/// and judgments, or a load run's report and requests.
public struct GateSubject: Sendable {
    /// The run.
    public var run: Run
    /// An evaluation's summary.
    public var summary: EvalSummary?
    /// An evaluation's stored turns (latencies, tokens).
    public var results: [SampleResultRecord]
    /// An evaluation's judgments.
    public var judgments: [Judgment]
    /// A load run's report.
    public var report: LoadReport?
    /// A load run's requests.
    public var requests: [LoadRequestSample]
    /// Resources and energy, when a monitor recording overlaps the run.
    public var resources: ResourceSummary?

    /// Creates a subject from parts (tests build them by hand).
    public init(
        run: Run, summary: EvalSummary? = nil, results: [SampleResultRecord] = [], judgments: [Judgment] = [],
        report: LoadReport? = nil, requests: [LoadRequestSample] = [], resources: ResourceSummary? = nil
    ) {
        self.run = run
        self.summary = summary
        self.results = results
        self.judgments = judgments
        self.report = report
        self.requests = requests
        self.resources = resources
    }

    /// Reads run `id` from `database`.
    public static func load(_ id: String, from database: ProctorDatabase) async throws -> GateSubject {
        guard let run = try await database.run(id: id) else {
            throw ProctorError.badInput("no run \(id) in the store", hint: "`proctor runs list` shows the stored runs")
        }
        switch run.specification {
        case .eval(let eval):
            let results = try await database.results(runId: id)
            return GateSubject(
                run: run, summary: EvalSummary(outcomes: results.map(\.outcome), extractorNames: eval.extractorNames, wallSeconds: run.wallSeconds),
                results: results, judgments: try await database.judgments(runIds: [id]),
                resources: try await ResourceSummaryLoader.load(for: run, from: database))
        case .load(let load):
            return GateSubject(
                run: run, report: LoadReport(runId: id, levels: try await database.loadLevels(runId: id), criteria: load.criteria),
                requests: try await database.loadRequests(runId: id).map(\.sample),
                resources: try await ResourceSummaryLoader.load(for: run, from: database))
        case .monitor:
            throw ProctorError.badInput(
                "run \(id) is a monitor recording, which has no gate metrics",
                hint: "gate the eval or load run it watched: its energy thresholds read the recording")
        case .finetune:
            throw ProctorError.badInput(
                "run \(id) is a fine-tuning run, which has no gate metrics", hint: "gate the evaluation of the tuned model against the base")
        }
    }

    /// The levels a selector's tags pick (`users:8`, `rate:4`, `level:2`); all levels without
    /// such a tag. `nil` when a tag names a level the run does not have.
    func levels(_ tags: [String: String]) -> [LoadReport.Level]? {
        guard let report else { return nil }
        if let users = tags["users"].flatMap(Double.init) {
            let found = report.levels.filter { $0.unit == "users" && $0.load == users }
            return found.isEmpty ? nil : found
        }
        if let rate = tags["rate"].flatMap(Double.init) {
            let found = report.levels.filter { $0.unit != "users" && $0.load == rate }
            return found.isEmpty ? nil : found
        }
        if let index = tags["level"].flatMap(Int.init) {
            let found = report.levels.filter { $0.level == index }
            return found.isEmpty ? nil : found
        }
        return report.levels
    }

    /// Latency values (seconds) of `metric` among successful requests or turns at the selected levels.
    func latencies(_ metric: GateMetric, tags: [String: String]) -> [Double]? {
        if report != nil {
            guard let levels = levels(tags) else { return nil }
            let chosen = Set(levels.map(\.level))
            return LoadComparison.values(metric.rawValue, requests.filter { chosen.contains($0.level) })
        }
        let timed = results.filter { $0.errorKind == nil && !$0.isCached }.compactMap { record in
            record.timings.map { (timings: $0, tokens: record.completionTokens ?? 1) }
        }
        switch metric {
        case .ttft: return timed.compactMap(\.timings.timeToFirstToken)
        case .tpot: return timed.compactMap { $0.timings.timePerOutputToken(outputTokens: $0.tokens) }
        case .itl: return timed.flatMap(\.timings.interTokenLatencies)
        default: return timed.map(\.timings.endToEndLatency)
        }
    }

    /// The mean judge score over single-answer judgments, with the number of items.
    var judgeScore: (mean: Double, items: Int)? {
        let scores = EvalComparison.ScoreComparison.itemScores(judgments)
        guard !scores.isEmpty else { return nil }
        return (scores.values.reduce(0) { $0 + $1.score } / Double(scores.count), scores.count)
    }
}

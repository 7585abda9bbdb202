import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore

/// A stored run with what its kind shows: an evaluation's summary or a load run's report. The one
/// place `runs list` and `runs show` branch on the kind.
enum RunView {
    /// An evaluation and its summary.
    case eval(Run, EvalSpecification, EvalSummary)
    /// A load run and its report.
    case load(Run, LoadSpecification, LoadReport)
    /// A judged evaluation (MT-bench) and its judged figures (with the runs it was compared with,
    /// in pairwise grading).
    case judged(Run, EvalSpecification, JudgedComparison)
    /// A monitor recording and its totals (none when it has no samples yet).
    case monitor(Run, MonitorSpecification, ResourceSummary?)
    /// A fine-tuning run: its data, settings, loss curve and adapter.
    case finetune(Run, FinetuneSpecification)

    /// Reads what `run` shows from `database`.
    static func load(_ run: Run, from database: ProctorDatabase) async throws -> RunView {
        switch run.specification {
        case .eval(let specification) where BenchmarkCatalog.isJudged(specification):
            let compared = specification.judge.flatMap { $0.mode == .pairwise ? $0.comparedRunIds : nil } ?? [run.id]
            return .judged(run, specification, try await JudgeSession(store: database).comparison(runIds: compared))
        case .eval(let specification):
            return .eval(run, specification, try await EvalSession(store: database).summary(of: run.id))
        case .load(let specification):
            return .load(run, specification, try await LoadSession(store: database).report(of: run))
        case .monitor(let specification):
            return .monitor(run, specification, try await ResourceSummaryLoader.load(for: run, from: database))
        case .finetune(let specification):
            return .finetune(run, specification)
        }
    }

    /// The run's line in `runs list`.
    var row: [String] {
        switch self {
        case .eval(let run, let specification, let summary):
            let accuracy = summary.extractors.first.map { Format.percent($0.accuracy.value) } ?? "–"
            return [
                run.id, Format.date(run.createdAt), run.status.rawValue, "eval",
                "\(specification.benchmark) (\(specification.promptProtocol))", model(run),
                "\(summary.samples)/\(specification.sampleIds.count)", accuracy,
            ]
        case .judged(let run, let specification, let comparison):
            let entry = comparison.entries.first { $0.runId == run.id }
            let score = entry?.scores?.overall.map { "MT-bench \(Format.fixed($0.mean, 2))" } ?? "not judged"
            return [
                run.id, Format.date(run.createdAt), run.status.rawValue, "eval",
                "\(specification.benchmark) (\(specification.promptProtocol))", model(run),
                "\(entry?.answers ?? 0) answers", score,
            ]
        case .load(let run, let specification, let report):
            let requests = report.levels.reduce(0) { $0 + $1.metrics.completed + $1.metrics.failed }
            return [
                run.id, Format.date(run.createdAt), run.status.rawValue, "load",
                "\(specification.workload.name) (\(specification.modeName))", model(run), "\(requests) requests",
                "peak \(Format.fixed(report.peakThroughput, 1)) req/s",
            ]
        case .monitor(let run, let specification, let summary):
            return [
                run.id, Format.date(run.createdAt), run.status.rawValue, "monitor",
                specification.attachedRunId.map { "beside run \($0)" } ?? "pids \(specification.pids.map(String.init).joined(separator: ","))",
                Format.plain(specification.cpuModel), "\(Format.fixed(summary?.coveredSeconds ?? 0, 0)) s",
                summary.map { "\(EnergyFormat.joules($0.totalJoules)) \($0.energySource)" } ?? "no samples",
            ]
        case .finetune(let run, let specification):
            return [
                run.id, Format.date(run.createdAt), run.status.rawValue, "finetune",
                "\(Format.plain(specification.name)) (\(specification.method) on \(Format.plain(specification.data.source)))",
                Format.plain(specification.base), "\(specification.losses.last?.step ?? 0)/\(specification.hyperparameters.steps) steps",
                specification.losses.last.map { "loss \(Format.fixed($0.loss, 3))" } ?? "no step yet",
            ]
        }
    }

    private func model(_ run: Run) -> String {
        run.modelId.map(SummaryReport.displayId) ?? run.modelName
    }

    /// The run in `runs list --json`: the run (without its sample id list), and its summary or report.
    var listed: ListedRun {
        switch self {
        case .eval(let run, let specification, let summary):
            ListedRun(run: SummaryReport.compact(run, specification), summary: summary, load: nil)
        case .load(let run, _, let report): ListedRun(run: run, summary: nil, load: report)
        case .judged(let run, let specification, let comparison):
            ListedRun(run: SummaryReport.compact(run, specification), summary: nil, load: nil, judged: comparison)
        case .monitor(let run, _, let summary): ListedRun(run: run, summary: nil, load: nil, resources: summary)
        case .finetune(let run, _): ListedRun(run: run, summary: nil, load: nil)
        }
    }

    /// `runs show` for people.
    func text() -> String {
        switch self {
        case .eval(let run, let specification, let summary):
            let parameters = specification.parameters
            return SummaryReport.text(run: run, specification: specification, summary: summary) + "\n" + """
                created      \(Format.date(run.createdAt))\(run.finishedAt.map { " · finished \(Format.date($0))" } ?? "")
                dataset      \(specification.dataset.name) sha256 \(specification.dataset.sha256)
                generation   temperature \(parameters.temperature) · max tokens \(parameters.maxTokens) · seed \(parameters.seed.map(String.init) ?? "none") · stop \(parameters.stop) · \(specification.streaming ? "streamed" : "not streamed")
                selection    \(specification.sampleLimit.map { "limit \($0)" } ?? "all samples")\(specification.sampleSeed.map { " · shuffled with seed \($0)" } ?? " · dataset order")
                machine      \(run.machine.host) · \(run.machine.os) · \(run.machine.cpu)
                proctor      \(run.proctorVersion)\(run.gitCommit.map { " (commit \($0.prefix(12)))" } ?? "")
                config hash  \(run.configHash)
                """
        case .load(_, _, let report):
            return LoadReportText.table(report)
        case .judged(let run, let specification, let comparison):
            return "run \(run.id) · \(specification.benchmark) · protocol \(specification.promptProtocol) · \(run.status.rawValue)\n"
                + "model        \(Format.plain(run.modelName)) @ \(run.endpointURL)\n"
                + (specification.judge.map { "judge        \(Format.plain($0.modelId ?? $0.modelName)) @ \($0.endpointURL)\n" } ?? "")
                + (specification.sourceRunId.map { "source       run \($0)\n" } ?? "")
                + "created      \(Format.date(run.createdAt))\n\n" + JudgedComparisonText.text(comparison)
        case .monitor(let run, let specification, let summary):
            return MonitorText.header(run: run, specification: specification) + "\n"
                + (summary.map(ResourceText.text) ?? "no samples recorded")
        case .finetune(let run, let specification):
            return FinetuneText.text(run: run, specification: specification)
        }
    }

    /// `runs show --json`.
    func json() throws -> String {
        switch self {
        case .eval(let run, let specification, let summary):
            try SummaryReport.json(run: run, specification: specification, summary: summary)
        case .load(_, _, let report):
            try LoadReportText.json(report)
        case .judged(let run, let specification, let comparison):
            String(
                decoding: try JSONOutput.encode(
                    ListedRun(run: SummaryReport.compact(run, specification), summary: nil, load: nil, judged: comparison)),
                as: UTF8.self)
        case .monitor(let run, _, let summary):
            String(decoding: try JSONOutput.encode(ListedRun(run: run, summary: nil, load: nil, resources: summary)), as: UTF8.self)
        case .finetune(let run, _):
            String(decoding: try JSONOutput.encode(ListedRun(run: run, summary: nil, load: nil)), as: UTF8.self)
        }
    }
}

/// One run in `runs list --json`: an eval run with its summary, or a load run with its report.
struct ListedRun: Encodable {
    var run: Run
    var summary: EvalSummary?
    var load: LoadReport?
    var judged: JudgedComparison? = nil
    var resources: ResourceSummary? = nil
}

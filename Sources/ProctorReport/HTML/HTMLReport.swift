public import Foundation
import Mustache
public import ProctorCore
public import ProctorStore

/// Builds report pages from the store: one self-contained HTML file for `proctor report`, and
/// the dashboard's pages. Pages work offline — inline CSS and SVG, no script, a strict
/// Content-Security-Policy — and every byte a model wrote is escaped.
public struct HTMLReport: Sendable {
    private let database: ProctorDatabase
    /// The bootstrap behind paired differences.
    public var bootstrap: PairedBootstrap
    /// Rows of an evaluation's sample table at most.
    public var sampleLimit: Int

    /// A report builder over `database`.
    public init(database: ProctorDatabase, bootstrap: PairedBootstrap = PairedBootstrap(iterations: 2000, seed: 1234), sampleLimit: Int = 500) {
        self.database = database
        self.bootstrap = bootstrap
        self.sampleLimit = sampleLimit
    }

    /// The page of runs `ids` (evaluations compared against the first; load runs one after
    /// another); the sample table starts `sampleOffset` rows in.
    public func page(runIds ids: [String], sampleOffset: Int = 0, now: Date = Date()) async throws -> ReportPage {
        guard !ids.isEmpty else { throw ProctorError.badInput("no run to report", hint: "name one or more run ids") }
        var runs: [Run] = []
        for id in ids {
            guard let run = try await database.run(id: id) else {
                throw ProctorError.badInput("no run \(id) in the store", hint: "`proctor runs list` shows the stored runs")
            }
            runs.append(run)
        }
        var sections: [Section] = []
        var samples: SampleTable?
        var notes: [String] = []
        let evals = runs.filter { $0.kind == .eval }
        if !evals.isEmpty {
            var inputs: [EvalReportBuilder.Input] = []
            for run in evals {
                guard let specification = run.eval else { continue }
                let results = try await database.results(runId: run.id)
                inputs.append(
                    EvalReportBuilder.Input(
                        run: run, specification: specification, results: results, judgments: try await database.judgments(runIds: [run.id]),
                        summary: EvalSummary(
                            outcomes: results.map(\.outcome), extractorNames: specification.extractorNames, wallSeconds: run.wallSeconds)))
            }
            if let first = inputs.first {
                for other in inputs.dropFirst() {
                    for difference in RunCompatibility.differences(first.run, other.run) {
                        notes.append("\(other.run.id) differs from \(first.run.id) in \(difference)")
                    }
                }
            }
            let built = EvalReportBuilder(inputs: inputs, bootstrap: bootstrap, sampleLimit: sampleLimit, sampleOffset: sampleOffset).sections()
            sections += built.sections
            samples = built.samples
            for input in inputs {
                var section = ResourceSectionBuilder.section(try await ResourceSummaryLoader.load(for: input.run, from: database), runId: input.run.id)
                if inputs.count > 1 { section.heading += ": \(input.run.id)" }
                sections.append(section)
            }
        }
        var loads: [LoadReportBuilder.Input] = []
        for run in runs where run.kind == .load {
            guard let specification = run.load else { continue }
            let levels = try await database.loadLevelRecords(runId: run.id)
            let report = LoadReport(runId: run.id, levels: levels.map(\.reportLevel), criteria: specification.criteria)
            let requests = try await database.loadRequests(runId: run.id).map(\.sample)
            loads.append(
                LoadReportBuilder.Input(
                    run: run, specification: specification, levels: levels, requests: requests, report: report,
                    resources: try await ResourceSummaryLoader.load(for: run, from: database)))
        }
        if let base = loads.first {
            for candidate in loads.dropFirst() {
                sections.append(LoadReportBuilder.comparisonSection(base: base, candidate: candidate, bootstrap: bootstrap))
            }
        }
        for input in loads {
            sections += LoadReportBuilder(input: input).sections()
        }
        for run in runs where run.kind == .monitor {
            var section = ResourceSectionBuilder.section(try await ResourceSummaryLoader.load(for: run, from: database), runId: run.id)
            section.heading += ": recording \(run.id)"
            sections.append(section)
        }
        let title = runs.count == 1 ? "Proctor report: run \(runs[0].id)" : "Proctor report: runs \(ids.joined(separator: ", "))"
        return ReportPage(
            title: title, generated: ReportFormat.date(now), runs: runs.map(Self.card), sections: sections, samples: samples, notes: notes)
    }

    /// The HTML of `page`.
    public static func render(_ page: ReportPage) -> String {
        template.render(page)
    }

    /// The template, parsed once.
    static let template: MustacheTemplate = {
        do {
            return try MustacheTemplate(string: ReportTemplate.page)
        } catch {
            preconditionFailure("the report template does not parse: \(error)")
        }
    }()

    static func card(_ run: Run) -> RunCard {
        let benchmark: String
        let protocolName: String
        let dataset: DatasetInfo
        switch run.specification {
        case .eval(let eval):
            benchmark = eval.benchmark
            protocolName = eval.promptProtocol
            dataset = eval.dataset
        case .load(let load):
            benchmark = load.workload.name
            protocolName = load.modeName
            dataset = load.workload.dataset
        case .monitor:
            benchmark = "monitor"
            protocolName = "monitor"
            dataset = DatasetInfo(name: "none", sha256: "", count: 0)
        case .finetune(let finetune):
            benchmark = "finetune \(finetune.name)"
            protocolName = finetune.method
            dataset = DatasetInfo(name: finetune.data.source, sha256: finetune.data.sha256, count: finetune.data.trainExamples)
        }
        return RunCard(
            id: run.id, kind: run.kind.rawValue, benchmark: benchmark, protocolName: protocolName, model: run.modelLabel,
            endpoint: Self.publicURL(run.endpointURL), status: run.status.rawValue, created: ReportFormat.date(run.createdAt),
            configHash: String(run.configHash.prefix(12)), dataset: "\(dataset.name) \(dataset.sha256.prefix(12))")
    }

    /// An endpoint without user info, query or fragment: what may be shown on a page.
    static func publicURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable URL)" }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? "(unparseable URL)"
    }
}

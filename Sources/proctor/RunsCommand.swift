import ArgumentParser
import Foundation
import ProctorCore
import ProctorRunner
import ProctorStore

/// `proctor runs`: list, show, export and delete stored runs.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show, export and delete stored runs.",
        subcommands: [List.self, Show.self, Export.self, Remove.self],
        defaultSubcommand: List.self)

    struct StoreOption: ParsableArguments {
        @Option(help: "The run store (SQLite).")
        var store: String = "proctor.db"

        func open() throws -> ProctorDatabase {
            guard FileManager.default.fileExists(atPath: store) else {
                throw ProctorError.badInput("no run store at \(store)", hint: "run an evaluation first, or pass --store PATH")
            }
            return try ProctorDatabase(path: store)
        }

        func run(_ id: String, in database: ProctorDatabase) async throws -> RunRecord {
            guard let run = try await database.run(id: id) else {
                throw ProctorError.badInput("no run \(id) in \(store)", hint: "see the ids with: proctor runs list")
            }
            return run
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List runs, newest first.")
        @OptionGroup var store: StoreOption
        @Option(help: "Show at most this many runs.") var limit: Int = 20
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingFailures {
                let database = try store.open()
                let runs = try await database.runs(limit: limit)
                let session = EvalSession(store: database)
                let loadSession = LoadSession(store: database)
                var rows: [[String]] = [["id", "created (UTC)", "status", "benchmark", "protocol", "model", "samples", "accuracy"]]
                var listed: [ListedRun] = []
                for run in runs {
                    var compact = run
                    compact.sampleIds = []
                    if run.kind == "load" {
                        // A load run: requests sent, and the peak throughput in place of accuracy.
                        let report = try await loadSession.report(of: run)
                        listed.append(ListedRun(run: compact, summary: nil, load: report))
                        let requests = report.levels.reduce(0) { $0 + $1.metrics.completed + $1.metrics.failed }
                        rows.append([
                            run.id, Format.date(run.createdAt), run.status, run.benchmark, run.promptProtocol,
                            run.modelId.map(SummaryReport.displayId) ?? run.modelName, "\(requests) requests",
                            "peak \(Format.fixed(report.peakThroughput, 1)) req/s",
                        ])
                        continue
                    }
                    let summary = try await session.summary(of: run)
                    listed.append(ListedRun(run: compact, summary: summary, load: nil))
                    let accuracy = summary.extractors.first.map { Format.percent($0.accuracy.value) } ?? "–"
                    rows.append([
                        run.id, Format.date(run.createdAt), run.status, run.benchmark, run.promptProtocol,
                        run.modelId.map(SummaryReport.displayId) ?? run.modelName, "\(summary.samples)/\(run.sampleIds.count)", accuracy,
                    ])
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    encoder.dateEncodingStrategy = .iso8601
                    Terminal.out(String(decoding: try encoder.encode(listed), as: UTF8.self))
                } else if runs.isEmpty {
                    Terminal.out("no runs in \(store.store)")
                } else {
                    Terminal.out(Table.render(rows))
                }
            }
        }
    }

    /// One run in `runs list --json`: an eval run with its summary, or a load run with its report.
    struct ListedRun: Encodable {
        var run: RunRecord
        var summary: EvalSummary?
        var load: LoadReport?
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a run's settings, machine and summary.")
        @OptionGroup var store: StoreOption
        @Argument(help: "The run id.") var id: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await reportingFailures {
                let database = try store.open()
                let run = try await store.run(id, in: database)
                if run.kind == "load" {
                    let report = try await LoadSession(store: database).report(of: run)
                    Terminal.out(json ? try LoadReportText.json(report) : LoadReportText.table(report))
                    return
                }
                let summary = try await EvalSession(store: database).summary(of: run)
                if json {
                    Terminal.out(try SummaryReport.json(run: run, summary: summary))
                    return
                }
                Terminal.out(SummaryReport.text(run: run, summary: summary))
                let parameters = run.parameters
                Terminal.out("""
                    created      \(Format.date(run.createdAt))\(run.finishedAt.map { " · finished \(Format.date($0))" } ?? "")
                    dataset      \(run.datasetName) sha256 \(run.datasetSHA256)
                    generation   temperature \(parameters.temperature) · max tokens \(parameters.maxTokens) · seed \(parameters.seed.map(String.init) ?? "none") · stop \(parameters.stop) · \(run.streaming ? "streamed" : "not streamed")
                    selection    \(run.sampleLimit.map { "limit \($0)" } ?? "all samples")\(run.sampleSeed.map { " · shuffled with seed \($0)" } ?? " · dataset order")
                    machine      \(run.host) · \(run.os) · \(run.cpu)
                    proctor      \(run.proctorVersion)\(run.gitCommit.map { " (commit \($0.prefix(12)))" } ?? "")
                    config hash  \(run.configHash)
                    """)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export a run's per-sample results.")
        @OptionGroup var store: StoreOption
        @Argument(help: "The run id.") var id: String
        @Option(help: "jsonl or csv (eval runs); vllm-json or jtl (load runs).") var format: String = "jsonl"
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await reportingFailures {
                let loadFormats = ["vllm-json", "jtl"]
                guard RunExporter.Format(rawValue: format) != nil || loadFormats.contains(format) else {
                    throw ProctorError.badInput(
                        "unknown export format '\(format)'",
                        hint: "eval runs: \(RunExporter.Format.allCases.map(\.rawValue).joined(separator: ", ")); load runs: "
                            + loadFormats.joined(separator: ", "))
                }
                let database = try store.open()
                let run = try await store.run(id, in: database)
                let data: Data
                switch (run.kind, format) {
                case ("load", "vllm-json"):
                    data = try LoadExporter.vllmJSON(run: run, levels: try await database.loadLevels(runId: id))
                case ("load", "jtl"):
                    data = Data(
                        LoadExporter.jtl(
                            run: run, levels: try await database.loadLevels(runId: id),
                            requests: try await database.loadRequests(runId: id)
                        ).utf8)
                case ("load", _):
                    throw ProctorError.badInput("unknown export format '\(format)' for a load run", hint: "choose vllm-json or jtl")
                default:
                    guard let chosen = RunExporter.Format(rawValue: format) else {
                        throw ProctorError.badInput(
                            "unknown export format '\(format)' for an eval run",
                            hint: "choose one of: \(RunExporter.Format.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    data = try RunExporter.export(try await database.results(runId: id), format: chosen)
                }
                if let out {
                    try data.write(to: URL(fileURLWithPath: out))
                    Terminal.info("wrote \(out)")
                } else {
                    Terminal.write(data, to: .standardOutput)
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a run and its results.")
        @OptionGroup var store: StoreOption
        @Argument(help: "The run id.") var id: String

        func run() async throws {
            try await reportingFailures {
                let database = try store.open()
                guard try await database.deleteRun(id: id) else {
                    throw ProctorError.badInput("no run \(id) in \(store.store)")
                }
                Terminal.info("deleted run \(id)")
            }
        }
    }
}

/// Left-aligned text tables.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

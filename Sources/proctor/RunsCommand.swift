import ArgumentParser
import Foundation
import ProctorCore
import ProctorRunner
import ProctorReport
import ProctorStore

/// `proctor runs`: list, show, export and delete stored runs.
struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show, export and delete stored runs.",
        subcommands: [List.self, Show.self, Export.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List runs, newest first.")
        @OptionGroup var storage: StoreOptions
        @Option(help: "Show at most this many runs.") var limit: Int = 20
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let database = try storage.openExisting()
                var rows: [[String]] = [["id", "created (UTC)", "status", "kind", "what", "model", "done", "result"]]
                var listed: [ListedRun] = []
                for run in try await database.runs(limit: limit) {
                    let view = try await RunView.load(run, from: database)
                    listed.append(view.listed)
                    rows.append(view.row)
                }
                if output.json {
                    Terminal.out(String(decoding: try JSONOutput.encode(listed), as: UTF8.self))
                } else if listed.isEmpty {
                    Terminal.out("no runs in \(storage.store)")
                } else {
                    Terminal.out(Table.render(rows))
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a run's settings, machine and summary.")
        @OptionGroup var storage: StoreOptions
        @Argument(help: "The run id.") var id: String
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                let database = try storage.openExisting()
                let run = try await storage.run(id, in: database)
                let view = try await RunView.load(run, from: database)
                // An eval or load run shows the resources of the recordings that overlap it.
                let resources = run.kind == .monitor ? nil : try await ResourceSummaryLoader.load(for: run, from: database)
                if output.json {
                    let json = try view.json()
                    Terminal.out(try JSONOutput.adding("resources", resources, to: json))
                } else {
                    Terminal.out(view.text() + (resources.map { "\n" + ResourceText.text($0) } ?? ""))
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export a run's per-sample or per-request results.")
        @OptionGroup var storage: StoreOptions
        @Argument(help: "The run id.") var id: String
        @Option(help: "jsonl or csv (eval runs); judgments (judged runs: every judgment as JSON Lines); vllm-json or jtl (load runs); prometheus (eval and load runs: the text exposition format); codecarbon (any monitored run or recording: CodeCarbon's emissions.csv).")
        var format: String = "jsonl"
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await reportingFailures {
                let loadFormats = ["vllm-json", "jtl", "prometheus", "codecarbon"]
                let evalFormats = RunExporter.Format.allCases.map(\.rawValue) + ["judgments", "prometheus", "codecarbon"]
                guard evalFormats.contains(format) || loadFormats.contains(format) else {
                    throw ProctorError.badInput(
                        "unknown export format '\(format)'",
                        hint: "eval runs: \(evalFormats.joined(separator: ", ")); load runs: \(loadFormats.joined(separator: ", "))")
                }
                let database = try storage.openExisting()
                let run = try await storage.run(id, in: database)
                let data: Data
                switch (run.kind, format) {
                case (_, "codecarbon"):
                    guard let loaded = try await ResourceSummaryLoader.loadDetailed(for: run, from: database) else {
                        throw ProctorError.badInput(
                            "run \(id) has no monitor recording with samples",
                            hint: "record one with --monitor on eval or load, or `proctor monitor` beside the test")
                    }
                    data = Data(CodeCarbonCSV.csv(run: run, loaded: loaded).utf8)
                case (.load, "vllm-json"):
                    data = try LoadExporter.vllmJSON(run: run, levels: try await database.loadLevelRecords(runId: id))
                case (.load, "jtl"):
                    data = Data(
                        LoadExporter.jtl(
                            run: run, levels: try await database.loadLevelRecords(runId: id),
                            requests: try await database.loadRequests(runId: id)
                        ).utf8)
                case (.load, "prometheus"):
                    data = Data(PrometheusExport.load(run, report: try await LoadSession(store: database).report(of: run)).utf8)
                case (.eval, "prometheus"):
                    data = Data(PrometheusExport.eval(run, summary: try await EvalSession(store: database).summary(of: id)).utf8)
                case (.eval, "judgments"):
                    data = try await database.exportJudgments(runId: id)
                case (.eval, _):
                    guard let chosen = RunExporter.Format(rawValue: format) else {
                        throw ProctorError.badInput(
                            "format '\(format)' is for load runs; \(id) is an eval run", hint: "choose one of: \(evalFormats.joined(separator: ", "))")
                    }
                    data = try RunExporter.export(try await database.results(runId: id), format: chosen)
                default:
                    throw ProctorError.badInput(
                        "format '\(format)' does not apply to \(run.kind.rawValue) run \(id)",
                        hint: "load runs: \(loadFormats.joined(separator: ", ")); eval runs: \(evalFormats.joined(separator: ", "))")
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
        @OptionGroup var storage: StoreOptions
        @Argument(help: "The run id.") var id: String

        func run() async throws {
            try await reportingFailures {
                let database = try storage.openExisting()
                guard try await database.deleteRun(id: id) else {
                    throw ProctorError.badInput("no run \(id) in \(storage.store)")
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

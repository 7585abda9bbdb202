import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorRunner
import ProctorStore

/// `proctor import jtl FILE`: a JMeter results file becomes a load run.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import results from other tools as Proctor runs.",
        subcommands: [JTL.self, MTBenchAnswers.self])

    struct JTL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jtl",
            abstract: "Turn a JMeter results file (CSV .jtl) into a load run: one level per thread count.",
            discussion: """
                Each thread count (allThreads) becomes a closed-loop level with its request count, error rate,
                elapsed time (as E2EL) and latency (as TTFT), as the seed project's analysis computed them.
                """)

        @Argument(help: "The JMeter results file.") var file: String
        @OptionGroup var storage: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ProctorError.badInput("cannot read \(file)", hint: "check the path and its permissions")
                }
                let rows = try JTLFormat.read(String(decoding: data, as: UTF8.self), file: file)
                guard !rows.isEmpty else { throw ProctorError.badInput("\(file) has a header but no samples") }
                let samples = rows.map {
                    JTLImport.Sample(
                        timeStamp: $0.timeStamp, elapsed: $0.elapsed, latency: $0.latency, success: $0.success,
                        responseCode: $0.responseCode, responseMessage: $0.responseMessage, allThreads: $0.allThreads)
                }
                let report = try await JTLImport.importSamples(
                    samples, file: file, sha256: FileDigest.sha256(data), url: rows[0].url, label: rows[0].label,
                    into: try storage.open())
                Terminal.out(output.json ? try LoadReportText.json(report) : LoadReportText.table(report))
            }
        }
    }

    struct MTBenchAnswers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mt-bench-answers",
            abstract: "Turn FastChat MT-bench model-answer files into runs that `proctor judge` can grade.",
            discussion: """
                Examples:
                  proctor import mt-bench-answers --bundled        # FastChat's gpt-4, gpt-3.5-turbo and vicuna-13b answers
                  proctor import mt-bench-answers model_answer/my-model.jsonl
                  proctor judge RUN1 RUN2 --judge gpt-4o
                """)

        @Argument(help: "FastChat model-answer JSONL files (question_id, model_id, choices[0].turns).")
        var files: [String] = []

        @Flag(help: "Import FastChat's pre-generated answers bundled with Proctor.")
        var bundled = false

        @OptionGroup var storage: StoreOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if files.isEmpty, !bundled { throw ValidationError("name answer files, or pass --bundled") }
        }

        func run() async throws {
            try await reportingFailures {
                let store = try storage.open()
                let benchmark = try MTBenchBenchmark()
                var sources: [(data: Data, sha256: String, path: String, origin: String)] = []
                if bundled {
                    for file in MTBenchDataset.bundledAnswerFiles {
                        let bundled = try MTBenchDataset.bundledAnswers(file.name)
                        sources.append((bundled.data, bundled.sha256, bundled.path, "bundled:mt_bench/model_answer/\(file.name)"))
                    }
                }
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw ProctorError.badInput("cannot read \(file)", hint: "check the path and its permissions")
                    }
                    let origin = URL(fileURLWithPath: file).standardizedFileURL.absoluteString
                    sources.append((data, FileDigest.sha256(data), file, origin))
                }
                var imported: [Run] = []
                for source in sources {
                    let answers = try MTBenchAnswerFile.parse(source.data, file: source.path)
                    imported.append(
                        try await MTBenchImport.importAnswers(
                            answers, path: source.path, origin: source.origin, sha256: source.sha256, benchmark: benchmark,
                            into: store))
                }
                if output.json {
                    Terminal.out(String(decoding: try JSONOutput.encode(imported.map { run in run.eval.map { SummaryReport.compact(run, $0) } ?? run }), as: UTF8.self))
                } else {
                    for run in imported {
                        Terminal.out(
                            "\(run.id)  \(Format.plain(run.modelName))  \(run.eval?.sampleIds.count ?? 0) questions  from \(run.target.dropFirst("import:".count))")
                    }
                    Terminal.out("judge them with: proctor judge \(imported.map(\.id).joined(separator: " ")) --judge MODEL")
                }
            }
        }
    }
}

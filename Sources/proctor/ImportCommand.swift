import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorRunner
import ProctorStore

/// `proctor import jtl FILE`: a JMeter results file becomes a load run.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import results from other tools as Proctor runs.", subcommands: [JTL.self])

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
                        responseCode: $0.responseCode, allThreads: $0.allThreads)
                }
                let report = try await JTLImport.importSamples(
                    samples, file: file, sha256: FileDigest.sha256(data), url: rows[0].url, label: rows[0].label,
                    into: try storage.open())
                Terminal.out(output.json ? try LoadReportText.json(report) : LoadReportText.table(report))
            }
        }
    }
}

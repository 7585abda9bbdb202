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
        @Option(help: "The run store (SQLite).") var store: String = "proctor.db"
        @Flag(help: "Print the report as JSON.") var json = false

        func run() async throws {
            try await reportingFailures {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ProctorError.badInput("cannot read \(file)", hint: "check the path and its permissions")
                }
                let rows = try JTLFormat.read(String(decoding: data, as: UTF8.self), file: file)
                guard !rows.isEmpty else { throw ProctorError.badInput("\(file) has a header but no samples") }
                let database = try ProctorDatabase(path: store)
                let report = try await JTLImport.importRows(rows, file: file, sha256: FileDigest.sha256(data), into: database)
                Terminal.out(json ? try LoadReportText.json(report) : LoadReportText.table(report))
            }
        }
    }
}

import ArgumentParser
import Foundation
import ProctorCore
import ProctorReport
import ProctorStore

/// `proctor report RUN… --out report.html`: one self-contained HTML file (inline CSS and SVG,
/// no script, a strict Content-Security-Policy) that works offline.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of one or more runs (evaluations are compared with the first).")

    @OptionGroup var storage: StoreOptions
    @Argument(help: "The runs.") var ids: [String]
    @Option(help: "The HTML file to write.") var out: String = "report.html"
    @Option(help: "Rows of the per-sample table at most (flipped, failed and wrong first).") var sampleRows: Int = 500
    @Option(help: "Bootstrap resamples for paired differences.") var iterations: Int = 2000
    @Option(help: "Bootstrap seed.") var seed: UInt64 = 1234

    func validate() throws {
        guard !ids.isEmpty else { throw ValidationError("name at least one run") }
    }

    func run() async throws {
        try await reportingFailures {
            let database = try storage.openExisting()
            let report = HTMLReport(database: database, bootstrap: PairedBootstrap(iterations: iterations, seed: seed), sampleLimit: sampleRows)
            let html = HTMLReport.render(try await report.page(runIds: ids))
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw ProctorError.badInput("cannot write \(out): \(error.localizedDescription)", hint: "choose a writable path with --out")
            }
            Terminal.info("wrote \(out) (\(html.utf8.count / 1024) KiB)")
        }
    }
}

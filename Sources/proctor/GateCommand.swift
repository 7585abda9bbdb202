import ArgumentParser
import ProctorCore
import ProctorReport
import ProctorStore

/// `proctor gate RUN --gate gates.yaml`: one run against absolute limits; exit 1 when a
/// threshold fails.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Hold one run to a gate file's absolute thresholds (exit 1 when one fails).",
        discussion: "Thresholds relative to a baseline are inconclusive here; use `proctor compare BASE RUN --gate FILE`.")

    @OptionGroup var storage: StoreOptions
    @Argument(help: "The run.") var id: String
    @Option(help: "The gate file (k6 threshold grammar).") var gate: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let file = try GateFile(contentsOf: gate)
            if file.needsBaseline {
                Terminal.info("\(gate) has thresholds relative to a baseline; they are inconclusive here (proctor compare BASE \(id) --gate \(gate) applies them)")
            }
            let database = try storage.openExisting()
            let report = GateEvaluator(file: file).evaluate(candidate: try await GateSubject.load(id, from: database))
            Terminal.out(output.json ? String(decoding: try JSONOutput.encode(report), as: UTF8.self) : ComparisonText.gates(report))
            if !report.passed { throw ExitCode(1) }
        }
    }
}

import ArgumentParser
import Foundation
import ProctorCore
import ProctorMonitor
import ProctorReport
import ProctorStore

/// `proctor monitor`: a resource and energy recording on its own, beside a test Proctor does not
/// run (JMeter, a notebook) or a server under someone else's load. Runs until Ctrl-C or
/// `--duration`; any eval or load run it overlaps reads its samples.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Record CPU, memory, GPU, energy and carbon until Ctrl-C or --duration.",
        discussion: """
            Energy is measured where a sensor exists (RAPL package counters, NVML's energy counter) and estimated \
            by CodeCarbon's method otherwise; every figure says which. Runs that overlap the recording show its \
            resources per level and per request (proctor runs show ID).

            Examples:
              proctor monitor --pid 1234 --interval 1s
              proctor monitor --duration 60s --country FRA --json
            """)

    @Option(help: "A process whose tree's CPU time and memory are recorded (repeatable); the estimate then covers those processes.")
    var pid: [Int] = []

    @Option(help: "Seconds between samples (e.g. 1s, 500ms).")
    var interval: String = "1s"

    @Option(help: "Stop after this long (e.g. 60s, 10m); default: until Ctrl-C.")
    var duration: String?

    @OptionGroup var energy: EnergyOptions
    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            for pid in pid where kill(pid_t(pid), 0) != 0 && errno == ESRCH {
                throw ProctorError.badInput("--pid \(pid): no such process", hint: "check the server's pid with `pgrep -f SERVER`")
            }
            let seconds = try LoadOptionParsing.seconds(interval, option: "--interval")
            let limit = try duration.map { try LoadOptionParsing.seconds($0, option: "--duration") }
            let database = try storage.open()
            let recording = try await MonitorRecording.start(
                try energy.configuration(interval: seconds, pids: pid), attachedTo: nil, target: "monitor", database: database)
            if !output.json, let specification = recording.run.monitor {
                Terminal.info(MonitorText.header(run: recording.run, specification: specification))
                Terminal.info("recording every \(Format.seconds(seconds)); Ctrl-C stops")
            }
            do {
                try await interruptible {
                    try await Task.sleep(for: .seconds(limit ?? 365 * 86_400))
                }
            } catch is Interrupted {
                // Ctrl-C is how a recording without --duration ends: it completes normally.
            }
            let finished = try await recording.finish()
            let summary = try await ResourceSummaryLoader.load(for: finished, from: database)
            if output.json {
                Terminal.out(String(decoding: try JSONOutput.encode(ListedRun(run: finished, summary: nil, load: nil, resources: summary)), as: UTF8.self))
            } else {
                Terminal.out(summary.map(ResourceText.text) ?? "no samples recorded (stopped before the first interval ended)")
            }
        }
    }
}

/// The lines that say what a recording watches and how its energy is obtained.
enum MonitorText {
    static func header(run: Run, specification: MonitorSpecification) -> String {
        [
            "monitor \(run.id) · \(run.status.rawValue) · every \(Format.seconds(specification.interval))"
                + (specification.attachedRunId.map { " · beside run \($0)" } ?? "")
                + (specification.pids.isEmpty ? "" : " · watching pids \(specification.pids.map(String.init).joined(separator: ", "))"),
            "cpu          \(Format.plain(specification.cpuModel)) · \(specification.cpuCount) threads · \(Format.fixed(specification.cpuPower.watts, 1)) W (\(Format.plain(specification.cpuPower.source)))",
            "cpu energy   \(Format.plain(specification.cpuEnergySource.stored))",
            "memory       \(Format.fixed(specification.memoryGB, 1)) GiB",
            "gpu          \(Format.plain(specification.gpus.isEmpty ? specification.gpuState : specification.gpus.joined(separator: ", ")))",
        ].joined(separator: "\n")
    }
}

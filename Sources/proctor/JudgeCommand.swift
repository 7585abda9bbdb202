import ArgumentParser
import Foundation
import ProctorCore
import ProctorRunner

/// `proctor judge RUN…`: grade stored MT-bench answers with a judge, into new runs that name
/// their source; the answers are copied, never regenerated.
struct JudgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge stored runs of a judged benchmark again (another judge or pairing) without regenerating answers.",
        discussion: """
            Each run's answers are copied into a new run that names its source and is judged there, so the
            source keeps its own judgments.
            Examples:
              proctor judge r1a2b3c4d --judge local
              proctor import mt-bench-answers --bundled && proctor judge RUN1 RUN2 RUN3 --judge gpt-4o --judge-rate 10/s
              proctor judge RUN1 RUN2 --judge gpt-4o --pairwise --baseline RUN2
            """)

    @Argument(help: "Runs to judge: MT-bench (from `proctor eval mt-bench` or `proctor import mt-bench-answers`) or another judged benchmark.")
    var runs: [String]

    @OptionGroup var judging: JudgeOptions

    @Option(help: "Config file with named endpoints.")
    var config: String = "proctor.yaml"

    @Option(help: "Seconds one judge request may take, retries included.")
    var timeout: Double = 600

    @OptionGroup var storage: StoreOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if runs.isEmpty { throw ValidationError("name at least one run") }
        if judging.judge == nil { throw ValidationError("pass --judge MODEL (local, a config name, or a URL)") }
        if judging.pairwise, runs.count < 2 { throw ValidationError("--pairwise compares runs: name at least two") }
        if let baseline = judging.baseline, !runs.contains(baseline) { throw ValidationError("--baseline must be one of the runs named") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    @OptionGroup var tracing: TracingOptions

    func run() async throws {
        try await reportingFailures {
            let store = try storage.openExisting()
            let session = JudgeSession(store: store)
            guard let judgeName = judging.judge, let target = try judging.resolve(config: config),
                let specification = try judging.specification(comparedRunIds: [], baselineRunId: nil)
            else { return }
            let created = try await session.rejudge(runs, judge: specification, baselineSourceId: judging.baseline)
            let ids = created.map(\.id)
            if !output.json {
                Terminal.info(zip(runs, ids).map { "run \($1) re-judges \($0)" }.joined(separator: "\n"))
            }
            do {
                try await tracing.around(quiet: output.json) {
                    try await interruptible {
                        try await JudgePhase.run(
                            runIds: ids, target: target, targetName: judgeName, attempts: judging.judgeAttempts,
                            timeout: .milliseconds(Int64(timeout * 1000)), session: session, quiet: output.json)
                    }
                }
            } catch let interruption as Interrupted {
                Terminal.info(
                    "interrupted; every finished judgment is stored. Resume with: proctor eval --resume \(ids[0]) --store \(storage.store)")
                throw ExitCode(interruption.exitCode)
            }
            try await JudgePhase.report(runIds: ids, session: session, json: output.json)
        }
    }
}

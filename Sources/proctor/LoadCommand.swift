import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore

/// `proctor load`: closed-loop users, open-loop arrivals, or a sweep to the saturation point.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test a model server: closed-loop users, open-loop arrivals, or a sweep to the saturation point.",
        discussion: """
            Examples:
              proctor load --model local --users 1,2,4,8 --step-duration 30s
              proctor load --model http://gpu:8000/v1 --rate 1,2,4,8 --arrival gamma --burstiness 0.5 --requests-per-step 200
              proctor load --model vllm-qwen --sweep --slo ttft=500ms,tpot=50ms,e2el=10s --max-error-rate 1%
              proctor load --model local --users 1,2,4 --workload gsm8k --score
            Metrics follow vllm bench serve: TTFT is the first chunk with choices, ITL the gaps between
            chunks, TPOT (E2EL − TTFT)/(output tokens − 1), goodput the requests meeting every SLO per
            second. Lateness is sent − scheduled: the client's own queueing, shown so it is never hidden.
            """)

    @OptionGroup var target: TargetOptions

    @Option(help: "Closed loop: user counts, one level each, e.g. 1,2,4,8.")
    var users: String?

    @Option(help: "Open loop: request rates per second, one level each, e.g. 0.5,1,2,4.")
    var rate: String?

    @Flag(help: "Find the saturation point: a one-user baseline, a ceiling, then levels between them.")
    var sweep = false

    @Option(help: "Closed loop and sweep: how long each level sends (30s, 500ms, 2m).")
    var stepDuration: String = "30s"

    @Option(help: "Closed loop: spread the users' starts over this long.")
    var rampUp: String = "0s"

    @Option(help: "Closed loop: each user's pause between an answer and its next request.")
    var thinkTime: String = "0s"

    @Option(help: "Open loop: poisson, constant or gamma.")
    var arrival: String = "poisson"

    @Option(help: "Open loop: the gamma shape k (1 is Poisson; below 1 burstier).")
    var burstiness: Double = 1

    @Option(help: "Open loop: requests sent per level.")
    var requestsPerStep: Int = 200

    @Option(help: "Open loop: at most this many requests in flight; later arrivals wait (and show as late).")
    var maxConcurrency: Int?

    @Option(help: "Sweep: the users of the ceiling probe, and the most any level uses.")
    var maxUsers: Int = 64

    @Option(help: "Objectives for goodput and saturation, e.g. ttft=500ms,tpot=50ms,e2el=10s.")
    var slo: String?

    @Option(help: "The percentile at which an SLO must hold: 50, 90, 95 or 99.")
    var sloPercentile: Double = 90

    @Option(help: "The largest error rate a level may have and still hold (1% or 0.01).")
    var maxErrorRate: String = "1%"

    @Option(help: "Prompts from a bundled benchmark (gsm8k, math500, math).")
    var workload: String?

    @Option(help: "Prompts from a JSON Lines file.")
    var data: String?

    @Option(help: "With --data: the field holding each prompt.")
    var promptField: String = "prompt"

    @Option(help: "Synthetic prompts of about this many tokens (the default workload: 256).")
    var inputTokens: Int?

    @Option(help: "Synthetic: exactly this many output tokens, sent with ignore_eos (default 128).")
    var outputTokens: Int?

    @Flag(help: "With --workload: score every answer, giving accuracy per level.")
    var score = false

    @Option(help: "Seed of the arrival schedules and synthetic prompts.")
    var seed: UInt64 = 0

    @OptionGroup var generation: GenerationOptions

    @OptionGroup var storage: StoreOptions

    @OptionGroup var monitoring: MonitorOptions

    @OptionGroup var tracing: TracingOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if target.models.count > 1 { throw ValidationError("load takes one --model; run one load test per server") }
        let modes = [users != nil, rate != nil, sweep].filter { $0 }.count
        if modes != 1 { throw ValidationError("choose one of --users, --rate or --sweep") }
        if [workload != nil, data != nil, inputTokens != nil || outputTokens != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one workload: --workload, --data, or --input-tokens/--output-tokens")
        }
        if score, workload == nil { throw ValidationError("--score needs a benchmark workload (--workload gsm8k)") }
        if generation.maxTokens != nil, workload == nil, data == nil {
            throw ValidationError("synthetic prompts take --output-tokens (sent with ignore_eos), not --max-tokens")
        }
        if requestsPerStep < 1 { throw ValidationError("--requests-per-step must be at least 1") }
        if let maxConcurrency, maxConcurrency < 1 { throw ValidationError("--max-concurrency must be at least 1") }
        if maxUsers < 2 { throw ValidationError("--max-users must be at least 2") }
        if burstiness <= 0 { throw ValidationError("--burstiness must be positive") }
        if ![50, 90, 95, 99].contains(sloPercentile) { throw ValidationError("--slo-percentile is 50, 90, 95 or 99") }
    }

    func run() async throws {
        try await reportingFailures {
            try await tracing.around(quiet: output.json) { try await measure() }
        }
    }

    private func measure() async throws {
        let mode = try makeMode()
        let workload = try makeWorkload()
        let criteria = LoadCriteria(
            objectives: try slo.map { try ServiceLevelObjectives(parsing: $0) } ?? ServiceLevelObjectives(),
            maxErrorRate: try LoadOptionParsing.fraction(maxErrorRate, option: "--max-error-rate"),
            sloPercentile: sloPercentile)
        let database = try storage.open()
        let session = LoadSession(store: database)
        let resolved = try target.resolve()
        let json = output.json
        try await EndpointSession.with(
            resolved, targetName: target.model ?? "", concurrency: mode.concurrencyBound, quiet: json
        ) { ready in
            let plan = LoadPlan(
                workload: workload, target: ready.targetName, endpoint: ready.endpoint, mode: mode, criteria: criteria,
                streaming: !generation.noStream, seed: seed)
            let run = try await session.create(plan: plan, modelId: ready.modelId)
            if !json {
                Terminal.info(
                    "run \(run.id): load on \(ready.endpoint) with \(plan.workload.name) prompts; "
                        + "levels are printed as they finish")
            }
            let configuration = ChatClientConfiguration(
                concurrency: mode.concurrencyBound, streaming: !generation.noStream,
                requestTimeout: generation.requestTimeout(default: 600), retry: .none)
            do {
                let report = try await MonitorRecording.around(
                    monitoring, runId: run.id, serverPid: ready.serverPid, target: ready.targetName, database: database, quiet: json
                ) {
                    try await interruptible {
                        try await withChatClient(endpoint: ready.endpoint, configuration: configuration) { client in
                            let traced = TraceExport.traced(client, model: ready.endpoint.model, role: "model")
                            return try await session.execute(run, plan: plan, client: traced) { level in
                                if !json { Terminal.info(LoadReportText.line(level)) }
                            }
                        }
                    }
                }
                let resources = try await ResourceSummaryLoader.load(for: try await database.run(id: run.id) ?? run, from: database)
                if json {
                    let text = try LoadReportText.json(report)
                    Terminal.out(try JSONOutput.adding("resources", resources, to: text))
                } else {
                    Terminal.out(LoadReportText.table(report) + (resources.map { "\n" + ResourceText.text($0) } ?? ""))
                }
            } catch let interruption as Interrupted {
                Terminal.info(
                    "interrupted; the finished levels are stored: proctor runs show \(run.id) --store \(storage.store)")
                throw ExitCode(interruption.exitCode)
            }
        }
    }

    private func makeMode() throws -> LoadMode {
        let duration = try LoadOptionParsing.seconds(stepDuration, option: "--step-duration")
        if let users {
            let ramp = try LoadOptionParsing.seconds(rampUp, option: "--ramp-up")
            let think = try LoadOptionParsing.seconds(thinkTime, option: "--think-time")
            return .steps(
                try LoadOptionParsing.numbers(users, option: "--users").map {
                    .closed(users: Int($0), duration: duration, rampUp: ramp, thinkTime: think)
                })
        }
        if let rate {
            let process = try LoadOptionParsing.arrival(arrival, burstiness: burstiness)
            return .steps(
                try LoadOptionParsing.numbers(rate, option: "--rate").map {
                    .open(rate: $0, process: process, requests: requestsPerStep, maxConcurrency: maxConcurrency)
                })
        }
        return .sweep(stepDuration: duration, maxUsers: maxUsers)
    }

    private func makeWorkload() throws -> LoadWorkload {
        var chosen: LoadWorkload
        if let workload {
            chosen = try .benchmark(try BenchmarkCatalog.make(workload, protocol: nil), score: score)
        } else if let data {
            let task = try JSONLTask(
                JSONLTaskDefinition(path: data, promptField: promptField, labelField: nil, system: nil, scorer: "none"))
            chosen = try .benchmark(task, score: false)
        } else {
            chosen = .synthetic(inputTokens: inputTokens ?? 256, outputTokens: outputTokens ?? 128, seed: seed)
        }
        chosen.parameters = generation.applied(to: chosen.parameters)
        return chosen
    }
}

import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorReport
import ProctorRunner
import ProctorStore

/// `proctor eval`: run benchmarks against a model and store every answer.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on benchmarks; every answer is stored and the run can be resumed.",
        discussion: """
            Examples:
              proctor eval gsm8k --model local --limit 50
              proctor eval gsm8k --model http://gpu:8000/v1 --protocol gsm8k_zeroshot_chat --concurrency 32
              proctor eval math500 --model local --protocol math_zeroshot_boxed --max-tokens 1024
              proctor eval --data router.jsonl --prompt-field prompt --label-field answer --scorer exact --model local
              proctor eval mt-bench --model local --judge local --limit 2
              proctor eval mt-bench --model a --model b --judge gpt-4o --judge-rate 10/s --pairwise
              proctor eval --resume r1a2b3c4d
            Benchmarks: \(BenchmarkCatalog.names.joined(separator: ", ")). \
            GSM8K protocols: \(BenchmarkCatalog.protocols(for: "gsm8k").joined(separator: ", ")) (default gsm8k_cot). \
            MATH protocols: \(BenchmarkCatalog.protocols(for: "math").joined(separator: ", ")) (default minerva_math).
            MT-bench protocols: fastchat (FastChat's per-category temperatures; the default) and fixed_temperature \
            (chosen when --temperature is given). MT-bench answers are judged by --judge, or later by `proctor judge`.
            EdgeJSON protocols: edgejson (EdgeJSON's instruction and the text) and edgejson_schema (with the JSON Schema).
            Scorers for --data: exact, numeric, contains, regex:PATTERN, math, json (with --schema FILE), \
            judge:rubric (with --judge, optional --rubric FILE and --context-field), judge:grade, none.
            """)

    @Argument(help: "Benchmarks to run, one run each.")
    var benchmarks: [String] = []

    @OptionGroup var target: TargetOptions

    @Option(help: "Evaluate any JSON Lines file instead of a bundled benchmark: one prompt per line.")
    var data: String?

    @Option(help: "With --data: the field holding each prompt.")
    var promptField: String = "prompt"

    @Option(help: "With --data: the field holding each reference answer; without it no accuracy is claimed.")
    var labelField: String?

    @Option(help: "With --data: a system message sent before every prompt.")
    var system: String?

    @Option(help: "With --data: exact, numeric, contains, regex:PATTERN, math, json or none (default: exact with labels, else none).")
    var scorer: String?

    @Option(help: "With --data and --scorer json: a JSON Schema file every answer is validated against.")
    var schema: String?

    @Option(help: "With --data and a judge scorer: the field holding each question's context, shown to the judge.")
    var contextField: String?

    @Option(help: "With --scorer judge:rubric: a file whose text replaces the built-in rubric instructions.")
    var rubric: String?

    @Option(name: .customLong("protocol"), help: "Prompt protocol (default: the benchmark's lm-eval protocol).")
    var promptProtocol: String?

    @Option(help: "Evaluate at most this many samples.")
    var limit: Int?

    @Option(help: "MT-bench: only questions of this category (repeatable): \(MTBenchDataset.categories.joined(separator: ", ")).")
    var category: [String] = []

    @Flag(
        inversion: .prefixedNo,
        help: "Reuse a stored answer to an identical request (endpoint, model id, messages, parameters) instead of asking again (default: on for judged benchmarks).")
    var cache: Bool?

    @OptionGroup var judging: JudgeOptions

    @Option(help: "Shuffle samples with this seed before --limit, and send it as the generation seed.")
    var seed: Int?

    @Option(help: "Requests in flight at once.")
    var concurrency: Int = 4

    @OptionGroup var generation: GenerationOptions

    @Option(help: "Attempts per request, the first included.")
    var attempts: Int = 4

    @Option(help: "Resume the run with this id: only samples without an answer are sent.")
    var resume: String?

    @OptionGroup var storage: StoreOptions

    @OptionGroup var monitoring: MonitorOptions

    @OptionGroup var tracing: TracingOptions

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if resume == nil, data == nil, benchmarks.isEmpty {
            throw ValidationError("name a benchmark (e.g. gsm8k, math500), pass --data FILE.jsonl, or pass --resume RUN_ID")
        }
        if resume != nil, !benchmarks.isEmpty || data != nil {
            throw ValidationError("--resume continues an existing run; give no benchmark or --data with it")
        }
        if data != nil, !benchmarks.isEmpty { throw ValidationError("--data is a task of its own; give no benchmark name with it") }
        if data == nil, labelField != nil || system != nil || scorer != nil || schema != nil {
            throw ValidationError("--label-field, --system, --scorer and --schema apply to --data tasks only")
        }
        if schema != nil, scorer != "json" { throw ValidationError("--schema applies to --scorer json") }
        if contextField != nil, scorer?.hasPrefix("judge:") != true {
            throw ValidationError("--context-field applies to --scorer judge:rubric or judge:grade")
        }
        if rubric != nil, scorer != "judge:rubric" { throw ValidationError("--rubric applies to --scorer judge:rubric") }
        if data != nil, promptProtocol != nil { throw ValidationError("--protocol applies to bundled benchmarks; --data tasks use --system and --scorer") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if attempts < 1 { throw ValidationError("--attempts must be at least 1") }
        let judged = expandedBenchmarks.contains { BenchmarkCatalog.judgedNames.contains($0) } || scorer?.hasPrefix("judge:") == true
        if judging.judge != nil, !judged, resume == nil {
            throw ValidationError("--judge applies to judged benchmarks (\(BenchmarkCatalog.judgedNames.joined(separator: ", ")))")
        }
        if !category.isEmpty {
            guard benchmarks.contains("mt-bench") else { throw ValidationError("--category applies to mt-bench") }
            for name in category where !MTBenchDataset.categories.contains(name) {
                throw ValidationError("unknown category '\(name)'; choose from \(MTBenchDataset.categories.joined(separator: ", "))")
            }
        }
        if let baseline = judging.baseline, !target.models.contains(baseline) {
            throw ValidationError("--baseline must be one of the --model values")
        }
        if judging.pairwise, target.models.count < 2, resume == nil {
            throw ValidationError("--pairwise compares models: give at least two --model")
        }
    }

    func run() async throws {
        try await reportingFailures {
            try await tracing.around(quiet: output.json) { _ = try await evaluate() }
        }
    }

    /// Runs what the arguments ask for and returns the ids of the runs it made, in order.
    func evaluate() async throws -> [String] {
        let session = EvalSession(store: try storage.open())
        if let resume {
            try await resumeRun(resume, session: session)
            return [resume]
        }
        var made: [String] = []
        if let data {
            let definition = JSONLTaskDefinition(
                path: data, promptField: promptField, labelField: labelField, system: system,
                scorer: scorer ?? (labelField == nil ? "none" : "exact"), schema: schema, contextField: contextField,
                rubric: rubric)
            let task = try JSONLTask(definition)
            var runIds: [String] = []
            for model in target.models.isEmpty ? [nil] : target.models.map(Optional.some) {
                runIds.append(try await start(task, model: model, session: session))
            }
            if task.isJudged { try await finishJudged(runIds, session: session) }
            made += runIds
        }
        var runsByBenchmark: [String: [String]] = [:]
        for name in expandedBenchmarks {
            let benchmark = try BenchmarkCatalog.make(name, protocol: protocolName(for: name))
            var runIds: [String] = []
            for model in target.models.isEmpty ? [nil] : target.models.map(Optional.some) {
                runIds.append(try await start(benchmark, model: model, session: session))
            }
            if (benchmark as? any JudgedBenchmark)?.isJudged == true { try await finishJudged(runIds, session: session) }
            runsByBenchmark[name] = runIds
            made += runIds
        }
        if benchmarks.contains("mathchat") { try await reportMathChat(runsByBenchmark, session: session) }
        return made
    }

    /// The benchmarks to run, `mathchat` expanded into its four tasks.
    private var expandedBenchmarks: [String] {
        benchmarks.flatMap { $0 == "mathchat" ? BenchmarkCatalog.mathChatTasks : [$0] }
    }

    /// Prints MathChat's overall average for each model.
    private func reportMathChat(_ runs: [String: [String]], session: EvalSession) async throws {
        let judge = JudgeSession(store: session.store)
        for (index, model) in (target.models.isEmpty ? [""] : target.models).enumerated() {
            func run(_ task: String) -> String? { runs[task].flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            let overall = try await judge.mathChatOverall(
                followUp: run("mathchat-followup"), correction: run("mathchat-error-correction"),
                analysis: run("mathchat-error-analysis"), generation: run("mathchat-problem-generation"))
            if output.json {
                Terminal.out(String(decoding: try JSONOutput.encode(overall), as: UTF8.self))
            } else {
                let parts = overall.parts.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.fixed($0.value, 3))" }
                Terminal.out(
                    "MathChat overall (Proctor's protocol; accuracies and (score − 1) / 4, averaged)\(model.isEmpty ? "" : " · \(Format.plain(model))"): "
                        + "\(Format.fixed(overall.average, 3)) over \(overall.parts.count) of 10 sub-metrics\n  " + parts.joined(separator: " · "))
            }
        }
    }

    /// The protocol for `benchmark`: `--protocol`, or for MT-bench with `--temperature` the fixed one.
    private func protocolName(for benchmark: String) -> String? {
        if benchmark == "mt-bench", promptProtocol == nil, generation.temperature != nil {
            return MTBenchBenchmark.TemperatureRule.fixed.rawValue
        }
        return promptProtocol
    }

    @discardableResult
    private func start(_ benchmark: any Benchmark, model: String?, session: EvalSession) async throws -> String {
        var parameters = generation.applied(to: benchmark.defaultParameters)
        if let seed { parameters.seed = seed }
        let resolved = try target.resolve(model)
        let chosen = parameters
        let judge =
            (benchmark as? any JudgedBenchmark)?.isJudged == true
            ? try judging.specification(comparedRunIds: [], baselineRunId: nil) : nil
        return try await EndpointSession.with(resolved, targetName: model ?? "", concurrency: concurrency, quiet: output.json) {
            ready in
            var plan = EvalPlan(
                benchmark: benchmark, target: ready.targetName, endpoint: ready.endpoint, parameters: chosen,
                streaming: !generation.noStream, concurrency: concurrency, limit: limit, seed: seed)
            plan.categories = Set(category)
            let prepared = try await session.create(plan: plan, modelId: ready.modelId, judge: judge)
            try await execute(prepared, endpoint: ready.endpoint, serverPid: ready.serverPid, session: session)
            return prepared.run.id
        }
    }

    private func resumeRun(_ id: String, session: EvalSession) async throws {
        let run = try await storage.run(id, in: session.store)
        var prepared = try await session.prepare(run)
        if BenchmarkCatalog.isJudged(prepared.specification), prepared.specification.judge == nil,
            let judge = try judging.specification(comparedRunIds: [run.id], baselineRunId: nil)
        {
            // An MT-bench run answered without a judge is judged in place when --resume gets one.
            prepared.specification.judge = judge
            prepared.run.specification = .eval(prepared.specification)
            try await session.store.update(prepared.run)
        }
        let ready = prepared
        // A judged run whose answers are all in (re-judged and imported runs among them) needs only its judge.
        if ready.specification.judge == nil || !ready.pending.isEmpty {
            let resolved = try target.resolve(target.model ?? run.target, storedModelName: run.modelName)
            try await EndpointSession.with(
                resolved, targetName: target.model ?? run.target, concurrency: ready.specification.concurrency,
                quiet: output.json
            ) { endpointReady in
                try await execute(ready, endpoint: endpointReady.endpoint, serverPid: endpointReady.serverPid, session: session)
            }
        }
        if let judge = ready.specification.judge {
            try await resumeJudging(run.id, judge: judge, session: session)
        } else if BenchmarkCatalog.isJudged(ready.specification) {
            try await JudgePhase.report(runIds: [run.id], session: JudgeSession(store: session.store), json: output.json)
        }
    }

    private func execute(_ prepared: PreparedEval, endpoint: Endpoint, serverPid: Int?, session: EvalSession) async throws {
        let run = prepared.run
        let specification = prepared.specification
        let configuration = ChatClientConfiguration(
            concurrency: specification.concurrency, streaming: specification.streaming,
            requestTimeout: generation.requestTimeout(default: 300),
            retry: RetryPolicy(
                maxAttempts: attempts, baseDelay: .milliseconds(500), maxDelay: .seconds(10), maxRetryAfter: .seconds(60)))
        if !output.json {
            Terminal.info(
                "run \(run.id): \(specification.benchmark) (\(specification.promptProtocol)), "
                    + "\(prepared.pending.count) of \(prepared.samples.count) samples to go, \(endpoint), "
                    + "concurrency \(specification.concurrency)")
        }
        let printer = ProgressPrinter(
            label: specification.benchmark, enabled: !output.json, showsAccuracy: !specification.extractorNames.isEmpty)
        do {
            let database = try storage.open()
            let summary = try await MonitorRecording.around(
                monitoring, runId: run.id, serverPid: serverPid, target: run.target, database: database, quiet: output.json
            ) {
                try await interruptible {
                    try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                        try await session.execute(
                            prepared, client: TraceExport.traced(client, model: endpoint.model, role: "model"), cacheAnswers: cache ?? BenchmarkCatalog.isJudged(specification),
                            progress: { printer.update($0) })
                    }
                }
            }
            printer.finish()
            let finished = try await session.store.run(id: run.id) ?? run
            let resources = try await ResourceSummaryLoader.load(for: finished, from: database)
            if BenchmarkCatalog.isJudged(specification) {
                if !output.json {
                    let turns = summary.turns ?? summary.samples
                    Terminal.info("run \(run.id): \(turns - summary.errors) of \(turns) turns answered")
                    if let resources { Terminal.out(ResourceText.text(resources)) }
                }
            } else if output.json {
                let json = try SummaryReport.json(run: finished, specification: specification, summary: summary)
                Terminal.out(try JSONOutput.adding("resources", resources, to: json))
            } else {
                Terminal.out(
                    SummaryReport.text(run: finished, specification: specification, summary: summary)
                        + (resources.map { "\n" + ResourceText.text($0) } ?? ""))
            }
        } catch let interruption as Interrupted {
            printer.finish()
            Terminal.info(
                "interrupted; every finished answer is stored. Resume with: proctor eval --resume \(run.id) --store \(storage.store)")
            throw ExitCode(interruption.exitCode)
        }
    }
}

import ArgumentParser
import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorEngine
import ProctorRunner
import ProctorStore
import ProctorTrain

/// `proctor finetune`: LoRA on Hugging Face TRL/PEFT in a managed Python environment, recorded as
/// a run with its data, settings, trainer versions, loss curve and adapter.
struct FinetuneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finetune",
        abstract: "Train a LoRA adapter with Hugging Face TRL and record the run.",
        discussion: """
            The trainer runs in a Python environment Proctor installs under its cache on first use (torch's CPU \
            wheel, transformers, PEFT, TRL; about 1.5 GB). The training data never overlaps the evaluation set \
            (checked by id and question text). The adapter is registered by its --name and converted to GGUF with \
            llama.cpp's own converter: `--model local+NAME` serves the local engine with it. Its PEFT folder also \
            works with vLLM: `vllm serve BASE --enable-lora --lora-modules NAME=FOLDER`.

            With --eval, base and tuned are evaluated on the same samples and compared (paired, as `proctor compare`).

            Examples:
              proctor finetune --base local --data gsm8k:train --steps 50 --name gsm8k-50 --eval gsm8k --limit 200
              proctor finetune --base local --data chats.jsonl --steps 20 --rank 8 --name support-v1
              proctor eval gsm8k --model local --model local+gsm8k-50 --limit 50
            """)

    @Option(help: "The base model: local (the bundled engine's SmolLM2-135M-Instruct GGUF) or a Hugging Face model folder.")
    var base = "local"

    @Option(help: "Training data: gsm8k:train, math:train, or a chat JSONL file with one {\"messages\": [...]} per line.")
    var data: String?

    @Option(help: "lora, or qlora (a 4-bit NF4 base through bitsandbytes; needs a CUDA GPU and bitsandbytes in the trainer's environment).")
    var method = "lora"

    @Option(help: "The adapter's name (default: the run id).") var name: String?
    @Option(help: "Optimiser steps.") var steps = 50
    @Option(help: "LoRA rank.") var rank = 16
    @Option(help: "LoRA alpha.") var alpha = 32
    @Option(help: "Learning rate.") var learningRate = 2e-4
    @Option(help: "Examples per step.") var batchSize = 4
    @Option(help: "Tokens per example at most.") var maxLength = 256
    @Option(help: "Examples held out for the validation loss.") var heldOut = 100
    @Option(help: "Use only the first N training examples (before the split).") var trainLimit: Int?
    @Option(help: "After training, evaluate base and tuned on this benchmark and compare them (needs --base local).") var eval: String?
    @Option(help: "With --eval: evaluate at most this many samples.") var limit: Int?
    @Option(help: "With --eval: requests in flight at once.") var concurrency = 1
    @Option(help: "Seed for the split and the trainer.") var seed = 1234
    @Option(help: "Torch threads (default: the cores not already busy, at least 1).") var threads: Int?
    @Flag(help: "Only install the trainer's environment.") var installOnly = false

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard installOnly || data != nil else { throw ValidationError("name the training data with --data (gsm8k:train, math:train or FILE.jsonl)") }
        guard ["lora", "qlora"].contains(method) else { throw ValidationError("--method \(method) is not offered; use lora or qlora") }
        for (value, option) in [(steps, "--steps"), (rank, "--rank"), (alpha, "--alpha"), (batchSize, "--batch-size"), (maxLength, "--max-length")]
        where value < 1 {
            throw ValidationError("\(option) must be at least 1")
        }
        if heldOut < 0 { throw ValidationError("--held-out must not be negative") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let name, !AdapterRegistry.isValidName(name) {
            throw ValidationError("--name \(name): use letters, digits, '.', '_' and '-' (not starting with '.' or 'base-')")
        }
        if eval != nil, base != "local" {
            throw ValidationError("--eval serves the adapter on the local engine, so it needs --base local")
        }
        if eval == nil, limit != nil { throw ValidationError("--limit applies to --eval; use --train-limit for the training data") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = TrainerEnvironment()
            try await environment.install { Terminal.info($0) }
            if installOnly {
                Terminal.info("the trainer's environment is installed in \(environment.root.path)")
                return
            }
            try await train(environment)
        }
    }

    private func train(_ environment: TrainerEnvironment) async throws {
        let source = try TrainingSource(parsing: data ?? "")
        var (examples, info) = try source.examples()
        if let trainLimit { examples = Array(examples.prefix(trainLimit)) }
        let set = try TrainingSet(examples: examples, heldOut: heldOut, seed: UInt64(seed), evaluation: try source.evaluationSet(),
            dropOverlap: source != .file(data ?? ""))
        let (basePath, baseSHA256) = try await resolveBase()
        let database = try storage.open()
        let settings = LoRAHyperparameters(
            steps: steps, rank: rank, alpha: alpha, learningRate: learningRate, batchSize: batchSize, maxLength: maxLength, seed: seed,
            threads: threads ?? Self.freeCores())
        let specification = FinetuneSpecification(
            name: name ?? "", method: method, base: base, baseSHA256: baseSHA256,
            data: TrainingDataInfo(
                source: source.name, sha256: info.sha256, trainExamples: set.train.count, heldOutExamples: set.heldOut.count,
                overlapCheck: set.overlapCheck),
            hyperparameters: settings)
        let lifecycle = RunLifecycle(store: database)
        let created = try await lifecycle.create(
            .finetune(specification), target: base, endpointURL: "", modelName: base, modelId: nil, configHash: "")
        var run = created
        let adapterName = name ?? run.id
        let folder = environment.adapters.appendingPathComponent(adapterName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try TrainingSet.jsonLines(set.train).write(to: folder.appendingPathComponent("train.jsonl"))
        try TrainingSet.jsonLines(set.heldOut).write(to: folder.appendingPathComponent("held-out.jsonl"))
        let baseFolder = base == "local" ? environment.adapters.appendingPathComponent("base-\(baseSHA256.prefix(16))").path : basePath
        let config: [String: Any] = [
            "base": basePath, "base_export": baseFolder,
            "train_file": folder.appendingPathComponent("train.jsonl").path,
            "held_out_file": set.heldOut.isEmpty ? "" : folder.appendingPathComponent("held-out.jsonl").path, "output_dir": folder.path,
            "steps": steps, "rank": rank, "alpha": alpha, "learning_rate": learningRate, "batch_size": batchSize, "max_length": maxLength,
            "seed": seed, "threads": settings.threads, "method": method,
        ]
        let configFile = folder.appendingPathComponent("config.json")
        try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys]).write(to: configFile)
        if !output.json {
            Terminal.info(
                "run \(run.id): \(method == "qlora" ? "QLoRA" : "LoRA") on \(base) with \(set.train.count) examples of \(source.name) (\(set.heldOut.count) held out), "
                    + "\(steps) steps, \(settings.threads) threads; \(set.overlapCheck)")
        }
        let driver = TrainerDriver(
            python: environment.python.path, script: try TrainerEnvironment.script(), arguments: [configFile.path],
            environment: ["OMP_NUM_THREADS": String(settings.threads), "TOKENIZERS_PARALLELISM": "false", "HF_HUB_OFFLINE": "1"],
            logFile: folder.appendingPathComponent("trainer.log"))
        let recorder = FinetuneProgress(run: run, store: database, quiet: output.json, total: steps)
        do {
            let outcome = try await interruptible {
                try await lifecycle.perform(created) {
                    try await driver.run { event in recorder.handle(event) }
                }
            }
            try await recorder.flush()
            run = try await database.run(id: run.id) ?? run
            guard var finished = run.finetune else { return }
            finished.name = adapterName
            finished.trainerVersions = outcome.versions
            finished.losses = outcome.steps
            finished.heldOutLosses = outcome.heldOut
            Terminal.endProgress()
            if let adapter = outcome.adapter {
                finished.adapterPath = adapter
                let weights = URL(fileURLWithPath: adapter).appendingPathComponent("adapter_model.safetensors")
                finished.adapterSHA256 = (try? Data(contentsOf: weights)).map(FileDigest.sha256)
                // The training is recorded before the conversion, which may fail on its own (and
                // is retried whenever the adapter is next served).
                run.specification = .finetune(finished)
                try await database.update(run)
                finished.servedAdapter = try await register(
                    RegisteredAdapter(
                        name: adapterName, runId: run.id, base: base, baseSHA256: baseSHA256, baseFolder: baseFolder, peftPath: adapter))
            }
            run.specification = .finetune(finished)
            try await database.update(run)
            Terminal.out(output.json ? try await RunView.load(run, from: database).json() : FinetuneText.text(run: run, specification: finished))
            if let eval {
                try await FinetuneEvaluation(
                    benchmark: eval, adapter: adapterName, promptProtocol: source.evaluationProtocol(for: eval), limit: limit,
                    concurrency: concurrency, storage: storage, json: output.json
                ).run()
            }
        } catch let interruption as Interrupted {
            Terminal.endProgress()
            // The lifecycle recorded the interruption with the specification it started with; put
            // back the steps that arrived.
            try? await recorder.flush()
            if var stopped = try await database.run(id: created.id) {
                stopped.specification = recorder.specification
                try await database.update(stopped)
            }
            Terminal.info("interrupted; the trainer was stopped and run \(run.id) is marked interrupted (its loss curve so far is stored)")
            throw ExitCode(interruption.exitCode)
        }
    }

    /// Registers the adapter by name and, for the local engine's base, converts it to the GGUF the
    /// engine serves.
    private func register(_ adapter: RegisteredAdapter) async throws -> ServedAdapter? {
        let registry = AdapterRegistry()
        try registry.register(adapter)
        guard base == "local" else {
            Terminal.info("adapter \(adapter.name) registered; serve it beside its base, e.g. vLLM --enable-lora --lora-modules \(adapter.name)=\(adapter.peftPath)")
            return nil
        }
        let engine = try await LocalEngine.installed(progress: { Terminal.info($0) })
        let served = try await registry.servable(adapter.name, engine: engine) { Terminal.info($0) }
        Terminal.info("adapter \(adapter.name) registered: evaluate it with --model local+\(adapter.name)")
        return served
    }

    /// The base's weights file and its SHA-256: the engine's GGUF for `local`, else the folder's
    /// `model.safetensors`.
    private func resolveBase() async throws -> (String, String) {
        if base == "local" {
            let engine = try await LocalEngine.installed(progress: { Terminal.info($0) })
            let file = engine.manifest.modelFile
            return (file, FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: file), options: .mappedIfSafe)))
        }
        let weights = URL(fileURLWithPath: base).appendingPathComponent("model.safetensors")
        guard let data = try? Data(contentsOf: weights, options: .mappedIfSafe) else {
            throw ProctorError.badInput(
                "--base \(base) is neither `local` nor a Hugging Face model folder with model.safetensors",
                hint: "pass local, or the folder `save_pretrained` wrote")
        }
        return (base, FileDigest.sha256(data))
    }

    /// Cores not already busy by the one-minute load average, at least one: a trainer given
    /// cores another process is using runs several times slower (measured on this project's VMs).
    static func freeCores() -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { Double($0.split(separator: " ").first ?? "") } ?? 0
        return max(1, cores - Int(load.rounded()))
    }
}

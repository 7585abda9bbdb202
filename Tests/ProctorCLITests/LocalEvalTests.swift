import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("proctor eval --model local (real engine)", .enabled(if: LocalEngineFixture.enabled, "the local engine is not installed; run `proctor engine install` or set PROCTOR_E2E=1"))
struct LocalEvalTests {
    @Test("eval gsm8k --limit 10 on SmolLM2-135M completes with every sample answered")
    func gsm8kOnLocalModel() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    ["eval", "gsm8k", "--model", "local", "--limit", "10", "--concurrency", "2"], directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("samples      10 of 10 · scored 10 · errors 0"), "\(output.stdout)")
            #expect(output.stdout.contains("SmolLM2"))
            // The real model's answers through compare, gate and report (no more requests).
            let id = try #require(output.stdout.components(separatedBy: "stored in    run ").last?.prefix(9)).description
            let cli = CommandLineRunner()
            let compared = try await cli.run(["compare", id, id, "--format", "markdown", "--iterations", "200"], directory: directory)
            #expect(compared.status == 0, "\(compared.stderr)")
            #expect(compared.stdout.contains("| strict-match |"), "\(compared.stdout)")
            try Data("thresholds:\n  accuracy{vs:baseline}: [\"delta >= 0\"]\n  e2el: [\"p(50) > 0ms\"]\n".utf8)
                .write(to: directory.appendingPathComponent("gates.yaml"))
            let gated = try await cli.run(["compare", id, id, "--gate", "gates.yaml"], directory: directory)
            #expect(gated.status == 0, "\(gated.stdout)")
            let report = try await cli.run(["report", id, "--out", "r.html"], directory: directory)
            #expect(report.status == 0, "\(report.stderr)")
            let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
            #expect(html.contains("data-key=\"accuracy:\(id):strict-match\">"))
            #expect(html.contains("10 of 10 rows shown"))
        }
    }

    @Test("eval math500 --limit 10 on SmolLM2-135M answers every sample and reports subjects and levels")
    func math500OnLocalModel() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    ["eval", "math500", "--model", "local", "--limit", "10", "--concurrency", "2", "--max-tokens", "128"],
                    directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("protocol minerva_math"), "\(output.stdout)")
            #expect(output.stdout.contains("samples      10 of 10 · scored 10 · errors 0"), "\(output.stdout)")
            #expect(output.stdout.contains("by subject"), "\(output.stdout)")
        }
    }

    @Test("eval edgejson --limit 3 on SmolLM2-135M: every answer scored by both extractors")
    func edgeJSONOnLocalModel() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    ["eval", "edgejson", "--model", "local", "--limit", "3", "--max-tokens", "128"], directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("samples      3 of 3 · scored 3 · errors 0"), "\(output.stdout)")
            #expect(output.stdout.contains("means: compliance"), "\(output.stdout)")
        }
    }

    @Test("eval mathchat-error-correction --limit 3 on SmolLM2-135M: every correction answered and scored")
    func mathChatOnLocalModel() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    ["eval", "mathchat-error-correction", "--model", "local", "--limit", "3", "--max-tokens", "128"],
                    directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("samples      3 of 3 · scored 3 · errors 0"), "\(output.stdout)")
        }
    }

    @Test("eval mt-bench --judge local --limit 2 on SmolLM2-135M: both turns answered, every answer judged and its output parsed")
    func mtBenchJudgedLocally() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            // Short budgets keep CI lean: the small model is a poor judge, so values are not checked.
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    [
                        "eval", "mt-bench", "--model", "local", "--judge", "local", "--limit", "2", "--max-tokens", "128",
                        "--judge-max-tokens", "256", "--concurrency", "2",
                    ], directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("4 answers to 2 questions"), "\(output.stdout)")
            let store = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            let runs = try await store.runs()
            let run = try #require(runs.first { $0.kind == .eval })
            #expect(try await store.results(runId: run.id).map(\.turn) == [1, 2, 1, 2])
            // The local engine is monitored by default: a recording beside the run, with samples.
            let recording = try #require(runs.first { $0.monitor?.attachedRunId == run.id })
            #expect(recording.status == .completed)
            #expect(try await store.resourceSamples(runId: recording.id).isEmpty == false)
            #expect(output.stdout.contains("energy       "), "\(output.stdout)")
            let judgments = try await store.judgments(runIds: [run.id])
            #expect(judgments.count == 4)
            for judgment in judgments {
                #expect(judgment.error == nil)
                #expect(judgment.output?.isEmpty == false)
                #expect(["[[n]]", "[n]", "no rating", "invalid number"].contains(judgment.parseRule))
                #expect((judgment.verdict == nil) == ["no rating", "invalid number"].contains(judgment.parseRule))
                #expect(judgment.prompt.first?.role == .system)
            }
        }
    }
}

import Foundation
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
}

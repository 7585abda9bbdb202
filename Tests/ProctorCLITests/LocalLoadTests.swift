import Foundation
import ProctorTestSupport
import Testing

@Suite("proctor load --model local (real engine)", .enabled(if: LocalEngineFixture.enabled, "the local engine is not installed; run `proctor engine install` or set PROCTOR_E2E=1"))
struct LocalLoadTests {
    struct Report: Decodable {
        struct Level: Decodable {
            struct Metrics: Decodable { var completed: Int; var failed: Int }
            var load: Double
            var metrics: Metrics
        }
        var levels: [Level]
    }

    @Test("closed-loop streamed load at 1 and 4 users on SmolLM2-135M loses no request")
    func closedLoopOnLocalModel() async throws {
        _ = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        try await withTemporaryDirectory { directory in
            let output = try await TestLock.localEngine.withLock {
                try await CommandLineRunner().run(
                    [
                        "load", "--model", "local", "--users", "1,4", "--step-duration", "4s", "--input-tokens", "16",
                        "--output-tokens", "4", "--json",
                    ], directory: directory)
            }
            #expect(output.status == 0, "\(output.stderr)")
            let report = try JSONDecoder().decode(Report.self, from: Data(output.stdout.utf8))
            #expect(report.levels.map(\.load) == [1, 4])
            for level in report.levels {
                #expect(level.metrics.completed > 0, "\(level.load) users: \(level.metrics.completed) completed")
                #expect(level.metrics.failed == 0, "\(level.load) users: \(level.metrics.failed) failed")
            }
        }
    }
}

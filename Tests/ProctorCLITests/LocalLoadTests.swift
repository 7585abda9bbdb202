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
        struct Resources: Decodable {
            struct Level: Decodable { var level: Int; var joules: Double?; var processCPUs: Double?; var energySource: String }
            var totalJoules: Double
            var requestJoules: Double
            var idleJoules: Double
            var energySource: String
            var levels: [Level]
        }
        var levels: [Level]
        var resources: Resources?
    }

    @Test("closed-loop streamed load at 1 and 4 users on SmolLM2-135M loses no request; the engine's resources per level")
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
            // Monitored by default: the engine's process tree worked at every level, energy is
            // labelled (estimated on a machine without RAPL or a GPU), and it is conserved.
            let resources = try #require(report.resources, "\(output.stdout.prefix(500))")
            #expect(resources.levels.map(\.level) == [0, 1])
            for level in resources.levels {
                #expect((level.joules ?? 0) > 0)
                #expect((level.processCPUs ?? 0) > 0)
                #expect(["measured", "estimated", "partly estimated"].contains(level.energySource))
            }
            #expect(abs(resources.requestJoules + resources.idleJoules - resources.totalJoules) < 1e-6 * resources.totalJoules)
        }
    }
}

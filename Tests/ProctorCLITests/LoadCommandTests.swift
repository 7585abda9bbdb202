import Foundation
import ProctorClient
import ProctorEngine
import ProctorTestSupport
import Testing

/// `proctor load`, its exports and `proctor import jtl`, end to end against the simulator.
@Suite("proctor load (command line)", .serialized)
struct LoadCommandTests {
    let cli = CommandLineRunner()

    @Test("closed-loop levels print a table, store every request, export as vllm JSON and JTL, and import back")
    func closedLoopRoundTrip() async throws {
        let simulator = SimulatorConfiguration(slots: 2, tokensPerSecond: 400, answers: ScriptedAnswers(fallback: "a b c d e f g h"))
        try await withSimulator(simulator) { endpoint in
            try await withTemporaryDirectory { directory in
                let output = try await cli.run(
                    ["load", "--model", endpoint.baseURL, "--users", "1,2", "--step-duration", "1s", "--input-tokens", "16",
                        "--output-tokens", "8", "--slo", "e2el=5s"], directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stderr.contains("level 1 (closed) · 1 users"))
                #expect(output.stdout.contains("saturation"))
                let runId = try #require(output.stdout.split(separator: " ").first { $0.hasPrefix("r") && $0.count == 9 }.map(String.init))

                let list = try await cli.run(["runs", "list"], directory: directory)
                let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix(runId) })
                #expect(row.contains(" load ") && row.contains("(closed)"), "\(row)")
                #expect(list.stdout.contains("req/s"))
                let shown = try await cli.run(["runs", "show", runId], directory: directory)
                #expect(shown.stdout.contains("saturation"))

                let vllm = try await cli.run(["runs", "export", runId, "--format", "vllm-json"], directory: directory)
                #expect(vllm.status == 0, "\(vllm.stderr)")
                let objects = try vllm.stdout.split(separator: "\n").map {
                    try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                }
                #expect(objects.count == 2)
                #expect(objects[0]["max_concurrency"] as? Int == 1)
                #expect(objects[1]["max_concurrent_requests"] as? Int == 2)
                #expect(objects[0]["p99_ttft_ms"] is Double)
                #expect(objects[0]["request_goodput"] is Double)
                let completed = objects.compactMap { $0["completed"] as? Int }.reduce(0, +)

                let jtl = directory.appendingPathComponent("run.jtl")
                let exported = try await cli.run(["runs", "export", runId, "--format", "jtl", "--out", jtl.path], directory: directory)
                #expect(exported.status == 0, "\(exported.stderr)")
                let imported = try await cli.run(["import", "jtl", jtl.path, "--json"], directory: directory)
                #expect(imported.status == 0, "\(imported.stderr)")
                struct Report: Decodable {
                    struct Level: Decodable {
                        struct Metrics: Decodable { var completed: Int; var failed: Int }
                        var load: Double
                        var metrics: Metrics
                    }
                    var levels: [Level]
                }
                let report = try JSONDecoder().decode(Report.self, from: Data(imported.stdout.utf8))
                #expect(report.levels.map(\.load) == [1, 2])
                #expect(report.levels.map(\.metrics.completed).reduce(0, +) == completed)
            }
        }
    }

    @Test("bad options are usage errors (exit 2)")
    func usage() async throws {
        try await withTemporaryDirectory { directory in
            let both = try await cli.run(["load", "--model", "http://127.0.0.1:9/v1", "--users", "1", "--rate", "2"], directory: directory)
            #expect(both.status == 2)
            let slo = try await cli.run(["load", "--model", "http://127.0.0.1:9/v1", "--users", "1", "--slo", "speed=1"], directory: directory)
            #expect(slo.status == 2)
            #expect(slo.stderr.contains("unknown SLO 'speed'"))
            let unreachable = try await cli.run(["load", "--model", "http://127.0.0.1:9/v1", "--users", "1"], directory: directory)
            #expect(unreachable.status == 3)
        }
    }
}

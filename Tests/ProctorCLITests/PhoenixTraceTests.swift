import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import ProctorClient
import ProctorEngine
import ProctorTestSupport
import Testing

/// Traces into a real Arize Phoenix (started by `scripts/test.sh` through `scripts/phoenix.sh`):
/// an evaluation against the simulator sends its spans with `--otlp-endpoint`, and Phoenix's REST
/// API returns them with OpenInference attributes, each model call under its sample, and the
/// canary API key in none of them.
@Suite("traces in Arize Phoenix", .enabled(if: Phoenix.url != nil || Phoenix.required))
struct PhoenixTraceTests {
    let cli = CommandLineRunner()

    @Test func anEvalsSpansArriveInPhoenix() async throws {
        let phoenix = try #require(Phoenix.url, "PROCTOR_PHOENIX_URL is not set: run the tests with scripts/test.sh, which starts Phoenix")
        let project = "proctor-test-\(UUID().uuidString.prefix(8).lowercased())"
        let canary = "sk-canary-\(UUID().uuidString)"
        try await withTemporaryDirectory { directory in
            try await withSimulator { endpoint in
                let output = try await cli.run(
                    [
                        "eval", "gsm8k", "--model", endpoint.baseURL, "--api-key-env", "PROCTOR_CANARY_KEY", "--limit", "3",
                        "--otlp-endpoint", phoenix, "--trace-content", "--trace-project", project, "--no-monitor",
                        "--store", directory.appendingPathComponent("t.db").path,
                    ], directory: directory, environment: ["PROCTOR_CANARY_KEY": canary])
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stderr.contains("traces: 6 spans sent to \(phoenix)/v1/traces"), "\(output.stderr)")
            }
        }
        // Phoenix ingests asynchronously: poll its API for up to a minute (a loaded CI machine is slow).
        var spans: [[String: Any]] = []
        var raw = ""
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let (data, _) = try await URLSession.shared.data(from: URL(string: "\(phoenix)/v1/projects/\(project)/spans?limit=100")!)
            raw = String(decoding: data, as: UTF8.self)
            spans = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["data"] as? [[String: Any]] ?? []
            if spans.count >= 6 { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        #expect(spans.count == 6, "\(raw.prefix(2000))")
        let attributes = { (span: [String: Any]) in span["attributes"] as? [String: Any] ?? [:] }
        // Phoenix files openinference.span.kind as the span's `span_kind`.
        let samples = spans.filter { $0["span_kind"] as? String == "CHAIN" }
        let calls = spans.filter { $0["span_kind"] as? String == "LLM" }
        #expect(samples.count == 3)
        #expect(calls.count == 3)
        let sampleIds = Set(samples.compactMap { ($0["context"] as? [String: Any])?["span_id"] as? String })
        for call in calls {
            let values = attributes(call)
            #expect(sampleIds.contains(call["parent_id"] as? String ?? ""), "\(call)")
            #expect(values["llm.model_name"] as? String == "proctor-sim")
            #expect((values["llm.token_count.completion"] as? Int ?? 0) > 0)
            #expect((values["llm.token_count.prompt"] as? Int ?? 0) > 0)
            #expect(values["gen_ai.response.time_to_first_chunk"] != nil)
            #expect((values["llm.input_messages.0.message.content"] as? String)?.isEmpty == false)
            #expect(values["llm.invocation_parameters"] as? String != nil)
        }
        #expect(!raw.contains(canary))
    }
}

/// Where scripts/test.sh started Phoenix, and whether the trace test must run.
enum Phoenix {
    static let url = ProcessInfo.processInfo.environment["PROCTOR_PHOENIX_URL"]
    /// CI and `PROCTOR_E2E=1` run `scripts/test.sh`, which starts Phoenix: there the test must run.
    static let required = ProcessInfo.processInfo.environment["CI"] == "true" || ProcessInfo.processInfo.environment["PROCTOR_E2E"] == "1"
}

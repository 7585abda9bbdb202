import Foundation
import ProctorClient
import ProctorEngine
import ProctorTestSupport
import Testing

/// `proctor runs` on a store written by the previous release: the same summaries and reports,
/// and every export.
@Suite("proctor runs on an old store (command line)", .serialized)
struct OldStoreCommandTests {
    let cli = CommandLineRunner()

    /// A JSON object.
    static func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test("runs show --json prints what the old release printed for every summary and report", arguments: OldStore.runIds)
    func showMatchesOldRelease(runId: String) async throws {
        try await withTemporaryDirectory { directory in
            _ = try OldStore.copy(into: directory)
            let output = try await cli.run(["runs", "show", runId, "--json"], directory: directory)
            #expect(output.status == 0, "\(output.stderr)")
            let now = try Self.object(Data(output.stdout.utf8))
            let then = try Self.object(try OldStore.shown(runId))
            if let summary = then["summary"] {
                // An evaluation: the summary is identical; the run is now typed.
                #expect(now["summary"] as? NSDictionary == summary as? NSDictionary)
                let run = try #require(now["run"] as? NSDictionary)
                let eval = try #require((run["specification"] as? NSDictionary)?["eval"] as? NSDictionary)
                #expect(eval["promptProtocol"] as? String == (then["run"] as? NSDictionary)?["promptProtocol"] as? String)
            } else {
                // A load run: the whole report is identical.
                #expect(now == then)
            }
        }
    }

    @Test("runs list, text show and every export work on the old store")
    func listAndExports() async throws {
        try await withTemporaryDirectory { directory in
            _ = try OldStore.copy(into: directory)
            let list = try await cli.run(["runs", "list"], directory: directory)
            #expect(list.status == 0, "\(list.stderr)")
            #expect(OldStore.runIds.allSatisfy { list.stdout.contains($0) })
            #expect(list.stdout.contains("(jtl)"))
            let shown = try await cli.run(["runs", "show", "rdf084bbb"], directory: directory)
            #expect(shown.stdout.contains("20.0% (1/5)"), "\(shown.stdout)")
            for (runId, format) in [("rdf084bbb", "jsonl"), ("rdf084bbb", "csv"), ("r0167f7e1", "vllm-json"), ("r619aab9d", "jtl")] {
                let export = try await cli.run(["runs", "export", runId, "--format", format], directory: directory)
                #expect(export.status == 0, "\(runId) \(format): \(export.stderr)")
                #expect(!export.stdout.isEmpty)
            }
            let wrong = try await cli.run(["runs", "export", "r0167f7e1", "--format", "csv"], directory: directory)
            #expect(wrong.status == 2)
        }
    }

    @Test("an old evaluation resumes with nothing left to send and the same summary")
    func resumeOldRun() async throws {
        let simulator = SimulatorConfiguration(answers: ScriptedAnswers(fallback: "not the stored answer"))
        try await withSimulator(simulator) { endpoint in
            try await withTemporaryDirectory { directory in
                _ = try OldStore.copy(into: directory)
                let output = try await cli.run(
                    ["eval", "--resume", "rdf084bbb", "--model", endpoint.baseURL, "--json"], directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                // Everything but the wall time (which a resumed session adds to) is as stored; a
                // re-sent sample would have met the simulator's different answer.
                var now = try #require(try Self.object(Data(output.stdout.utf8))["summary"] as? [String: Any])
                var then = try #require(try Self.object(try OldStore.shown("rdf084bbb"))["summary"] as? [String: Any])
                now["wallSeconds"] = nil
                then["wallSeconds"] = nil
                #expect(NSDictionary(dictionary: now) == NSDictionary(dictionary: then))
            }
        }
    }
}

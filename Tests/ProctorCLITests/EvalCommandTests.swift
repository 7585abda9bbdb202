import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorStore
import ProctorTestSupport
import Testing

/// The command line end to end against the simulator: exit codes, summaries, kill and resume.
@Suite("proctor eval (command line)", .serialized)
struct EvalCommandTests {
    let cli = CommandLineRunner()

    /// A simulator that answers gsm8k_cot prompts: problems with an even index right, odd ones wrong.
    static func scriptedSimulator(tokensPerSecond: Double = 0, slots: Int = 8) throws -> SimulatorConfiguration {
        let (problems, _) = try GSM8KDataset.loadTest()
        var byPrompt: [String: String] = [:]
        for problem in problems.prefix(40) {
            let answer = problem.index.isMultiple(of: 2) ? problem.finalAnswer : "0.5"
            byPrompt["Q: \(problem.question)\nA:"] = "Let me think step by step. The answer is \(answer)."
        }
        return SimulatorConfiguration(
            modelName: "sim-gsm8k", slots: slots, tokensPerSecond: tokensPerSecond,
            answers: ScriptedAnswers(byPrompt: byPrompt, fallback: "I do not know."))
    }

    struct Summary: Decodable {
        struct Specification: Decodable {
            struct Eval: Decodable { var promptProtocol: String }
            var version: Int
            var eval: Eval
        }
        struct Run: Decodable {
            var id: String
            var status: String
            var specification: Specification
            /// The protocol, from the eval specification (`{"version": 1, "eval": {…}}`).
            var promptProtocol: String { specification.eval.promptProtocol }
            var modelId: String?
        }
        struct Body: Decodable {
            struct Extractor: Decodable {
                struct Accuracy: Decodable { var successes: Int; var trials: Int; var ci95Low: Double; var ci95High: Double }
                var name: String
                var accuracy: Accuracy
            }
            var samples: Int
            var errors: Int
            var extractors: [Extractor]
            var promptTokens: Int
            var completionTokens: Int
        }
        var run: Run
        var summary: Body
    }

    @Test func version() async throws {
        try await withTemporaryDirectory { directory in
            let output = try await cli.run(["--version"], directory: directory)
            #expect(output.status == 0)
            #expect(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        }
    }

    @Test("an evaluation against a URL prints an exact summary and stores every sample")
    func evalAgainstSimulator() async throws {
        try await withSimulator(try Self.scriptedSimulator()) { endpoint in
            try await withTemporaryDirectory { directory in
                let output = try await cli.run(
                    ["eval", "gsm8k", "--model", endpoint.baseURL, "--limit", "20", "--concurrency", "4", "--json"],
                    directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                let summary = try JSONDecoder().decode(Summary.self, from: Data(output.stdout.utf8))
                #expect(summary.run.status == "completed")
                #expect(summary.run.promptProtocol == "gsm8k_cot")
                #expect(summary.run.modelId == "sim-gsm8k")
                #expect(summary.summary.samples == 20)
                #expect(summary.summary.errors == 0)
                #expect(summary.summary.extractors.map(\.name) == ["strict-match", "flexible-extract"])
                #expect(summary.summary.extractors[0].accuracy.successes == 10)
                #expect(summary.summary.extractors[0].accuracy.trials == 20)
                #expect(summary.summary.completionTokens > 0)

                let text = try await cli.run(["runs", "show", summary.run.id], directory: directory)
                #expect(text.status == 0)
                #expect(text.stdout.contains("50.0% (10/20)"))
                #expect(text.stdout.contains("sha256 3730d312"))
                let csv = try await cli.run(["runs", "export", summary.run.id, "--format", "csv"], directory: directory)
                #expect(csv.stdout.split(separator: "\n").count == 21)
                let list = try await cli.run(["runs", "list"], directory: directory)
                #expect(list.stdout.contains(summary.run.id))
            }
        }
    }

    @Test("the human summary has accuracy with its interval, latency percentiles and the run id")
    func textSummary() async throws {
        try await withSimulator(try Self.scriptedSimulator()) { endpoint in
            try await withTemporaryDirectory { directory in
                let output = try await cli.run(
                    ["eval", "gsm8k", "--model", endpoint.baseURL, "--model-name", "sim-gsm8k", "--limit", "4"],
                    directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                for fragment in ["accuracy     strict-match", "95% CI [", "flexible-extract", "latency      p50", "p95", "p99",
                                 "tokens       in", "requests/s", "wall time", "errors 0", "run r"] {
                    #expect(output.stdout.contains(fragment), "missing \(fragment) in:\n\(output.stdout)")
                }
                #expect(output.stderr.contains("4/4"))
            }
        }
    }

    @Test("a config-file endpoint works, and its API key never reaches the store or the output")
    func configEndpointKeepsKeySecret() async throws {
        try await withSimulator(try Self.scriptedSimulator()) { endpoint in
            try await withTemporaryDirectory { directory in
                try """
                    models:
                      simmy:
                        url: \(endpoint.baseURL)
                        model: sim-gsm8k
                        api_key_env: PROCTOR_TEST_KEY
                    """.write(to: directory.appendingPathComponent("proctor.yaml"), atomically: true, encoding: .utf8)
                let secret = "sk-proctor-test-\(UUID().uuidString)"
                let output = try await cli.run(
                    ["eval", "gsm8k", "--model", "simmy", "--limit", "3", "--json"], directory: directory,
                    environment: ["PROCTOR_TEST_KEY": secret])
                #expect(output.status == 0, "\(output.stderr)")
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
                let stored = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                    .filter { $0.hasPrefix("proctor.db") }
                    .compactMap { FileManager.default.contents(atPath: directory.appendingPathComponent($0).path) }
                #expect(!stored.isEmpty)
                for data in stored { #expect(!String(decoding: data, as: UTF8.self).contains(secret)) }
            }
        }
    }

    @Test("an unreachable endpoint fails within 5 s with exit code 3 and names the URL")
    func unreachable() async throws {
        try await withTemporaryDirectory { directory in
            let start = ContinuousClock.now
            let output = try await cli.run(
                ["eval", "gsm8k", "--model", "http://127.0.0.1:9/v1", "--model-name", "m", "--limit", "1"], directory: directory)
            #expect(output.status == 3)
            #expect(output.stderr.contains("http://127.0.0.1:9/v1/models"))
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test("bad usage exits 2 with a clear message", arguments: [
        (["eval", "nosuch", "--model", "http://127.0.0.1:9/v1"], "unknown benchmark 'nosuch'"),
        (["eval", "gsm8k", "--model", "http://127.0.0.1:9/v1", "--protocol", "x"], "unknown protocol 'x'"),
        (["eval", "gsm8k", "--model", "nosuchname"], "proctor.yaml does not exist"),
        (["eval", "--resume", "rnothere"], "no run rnothere"),
        (["eval"], "name a benchmark"),
        (["runs", "export", "r1", "--format", "xml", "--store", "/nonexistent.db"], "unknown export format 'xml'"),
    ])
    func badUsage(arguments: [String], message: String) async throws {
        try await withTemporaryDirectory { directory in
            if arguments.contains("--resume") {
                _ = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            }
            let output = try await cli.run(arguments, directory: directory)
            #expect(output.status == 2, "\(output.stderr)")
            #expect(output.stderr.contains(message), "\(output.stderr)")
        }
    }

    @Test("killed mid-run with SIGKILL, then resumed: nothing lost or duplicated, same score as an uninterrupted run")
    func killAndResume() async throws {
        try await withSimulator(try Self.scriptedSimulator(tokensPerSecond: 60, slots: 2)) { endpoint in
            try await withTemporaryDirectory { directory in
                let arguments = ["eval", "gsm8k", "--model", endpoint.baseURL, "--limit", "24", "--concurrency", "2", "--json"]
                let reference = try await cli.run(arguments, directory: directory)
                #expect(reference.status == 0, "\(reference.stderr)")
                let expected = try JSONDecoder().decode(Summary.self, from: Data(reference.stdout.utf8))

                // The store is created before the process starts: two processes migrating a new
                // store at once can make one fail with "database is locked".
                let store = try ProctorDatabase(path: directory.appendingPathComponent("killed.db").path)
                let victim = try cli.start(arguments + ["--store", "killed.db"], directory: directory)
                let started = await victim.waitUntil {
                    guard let run = try await store.runs().first else { return false }
                    return try await store.results(runId: run.id).count >= 5
                }
                victim.signal(SIGKILL)
                _ = await victim.wait()
                #expect(started)
                let id = try #require(try await store.runs().first?.id)
                let partial = try await store.results(runId: id).count
                #expect(partial >= 5 && partial < 24)

                let resumed = try await cli.run(["eval", "--resume", id, "--store", "killed.db", "--json"], directory: directory)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                let summary = try JSONDecoder().decode(Summary.self, from: Data(resumed.stdout.utf8))
                let results = try await store.results(runId: id)
                #expect(results.count == 24)
                #expect(Set(results.map(\.sampleId)).count == 24)
                #expect(summary.summary.samples == 24)
                #expect(summary.summary.extractors[0].accuracy.successes == expected.summary.extractors[0].accuracy.successes)
                #expect(summary.summary.extractors[1].accuracy.successes == expected.summary.extractors[1].accuracy.successes)
            }
        }
    }

    @Test("SIGTERM stops as Ctrl-C does, with exit code 143; two signals in a row leave the store intact and the run resumable")
    func terminate() async throws {
        try await withSimulator(try Self.scriptedSimulator(tokensPerSecond: 30, slots: 1)) { endpoint in
            try await withTemporaryDirectory { directory in
                let arguments = ["eval", "gsm8k", "--model", endpoint.baseURL, "--limit", "20", "--concurrency", "1"]
                let store = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
                let started = { () async throws -> Bool in
                    guard let run = try await store.runs().first else { return false }
                    return try await store.results(runId: run.id).count >= 2
                }
                let running = try cli.start(arguments, directory: directory)
                #expect(await running.waitUntil(started))
                running.signal(SIGTERM)
                let output = await running.wait()
                #expect(output.status == 143)
                #expect(output.stderr.contains("proctor eval --resume r"), "\(output.stderr)")
                let run = try #require(try await store.runs().first)
                #expect(run.status == .interrupted)

                // Twice in a row: the second signal cuts the wind-down short.
                let again = try cli.start(["eval", "--resume", run.id], directory: directory)
                let before = try await store.results(runId: run.id).count
                #expect(await again.waitUntil { try await store.results(runId: run.id).count > before })
                again.signal(SIGINT)
                again.signal(SIGINT)
                #expect(await again.wait().status == 130)
                let resumed = try await cli.run(["eval", "--resume", run.id], directory: directory)
                #expect(resumed.status == 0, "\(resumed.stderr)")
                let results = try await store.results(runId: run.id)
                #expect(results.count == 20 && Set(results.map(\.sampleId)).count == 20)
                #expect(try await store.integrityCheck() == ["ok"])
            }
        }
    }

    @Test("Ctrl-C stops cleanly, marks the run interrupted and says how to resume")
    func interrupt() async throws {
        try await withSimulator(try Self.scriptedSimulator(tokensPerSecond: 30, slots: 1)) { endpoint in
            try await withTemporaryDirectory { directory in
                let store = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
                let running = try cli.start(
                    ["eval", "gsm8k", "--model", endpoint.baseURL, "--limit", "20", "--concurrency", "1"], directory: directory)
                let started = await running.waitUntil {
                    guard let run = try await store.runs().first else { return false }
                    return try await store.results(runId: run.id).count >= 2
                }
                #expect(started)
                running.signal(SIGINT)
                let output = await running.wait()
                #expect(output.status == 130)
                #expect(output.stderr.contains("proctor eval --resume r"))
                let run = try #require(try await store.runs().first)
                #expect(run.status == .interrupted)
            }
        }
    }
}

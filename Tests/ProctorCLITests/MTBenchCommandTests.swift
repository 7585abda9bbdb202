import Foundation
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorStore
import ProctorTestSupport
import Testing

/// `proctor eval mt-bench`, `proctor judge` and `proctor import mt-bench-answers` end to end
/// against simulators: one per model, one as the judge with scripted verdicts.
@Suite("proctor eval mt-bench (command line)", .serialized)
struct MTBenchCommandTests {
    let cli = CommandLineRunner()

    struct Comparison: Decodable {
        struct Score: Decodable { var mean: Double; var low: Double; var high: Double; var count: Int }
        struct Scores: Decodable {
            var overall: Score?
            var turns: [String: Score]
            var rated: Int
            var unparsed: Int
        }
        struct Entry: Decodable {
            var runId: String
            var model: String
            var answers: Int
            var scores: Scores?
            var sourceRunId: String?
            var judgeTokens: Tokens
            var judgeCost: Double?
        }
        struct Tokens: Decodable { var promptTokens: Int; var completionTokens: Int }
        struct Pairwise: Decodable {
            struct Record: Decodable { var runId: String; var wins: Int; var losses: Int; var ties: Int }
            var records: [Record]
            var matches: Int
        }
        var entries: [Entry]
        var pairwise: Pairwise?
    }

    static func model(_ name: String, answer: String) -> SimulatorConfiguration {
        SimulatorConfiguration(modelName: name, answers: ScriptedAnswers(fallback: answer))
    }

    /// A judge that rates answers by who wrote them: "good" answers 8 (turn 1) and 6 (turn 2),
    /// others 3, and says nothing readable about question 83's second turn.
    static func judge(tokensPerSecond: Double = 0) -> SimulatorConfiguration {
        var verdicts = ScriptedAnswers(fallback: "Rating: [[3]]")
        verdicts.script(sampleId: "83", turn: 2, response: "I cannot rate this.")
        verdicts.script(containing: "### Assistant A:\ngood", response: "Rating: [[6]]")
        verdicts.script(containing: "[The Start of Assistant's Answer]\ngood", response: "Rating: [[8]]")
        return SimulatorConfiguration(modelName: "judge-sim", tokensPerSecond: tokensPerSecond, answers: verdicts)
    }

    @Test("two models and a judge: answers, ratings, ranking with intervals and judge tokens with their price")
    func twoModels() async throws {
        try await withSimulator(Self.model("good-model", answer: "good answer")) { good in
            try await withSimulator(Self.model("poor-model", answer: "poor answer")) { poor in
                try await withSimulator(Self.judge()) { judge in
                    try await withTemporaryDirectory { directory in
                        try """
                            models:
                              sim-judge:
                                url: \(judge.baseURL)
                                model: judge-sim
                                prices: {input_per_million: 2, output_per_million: 8}
                            """.write(to: directory.appendingPathComponent("proctor.yaml"), atomically: true, encoding: .utf8)
                        let output = try await cli.run(
                            [
                                "eval", "mt-bench", "--model", poor.baseURL, "--model", good.baseURL, "--judge", "sim-judge",
                                "--limit", "3", "--judge-rate", "200/s", "--json",
                            ], directory: directory)
                        #expect(output.status == 0, "\(output.stderr)")
                        let comparison = try JSONDecoder().decode(Comparison.self, from: Data(output.stdout.utf8))
                        #expect(comparison.entries.map(\.model) == ["good-model", "poor-model"])
                        let best = try #require(comparison.entries[0].scores)
                        #expect(best.turns["1"]?.mean == 8)
                        #expect(best.turns["2"]?.mean == 6)
                        #expect(best.overall?.mean == 36.0 / 5)
                        #expect(best.unparsed == 1)
                        #expect(comparison.entries[1].scores?.overall?.mean == 3)
                        #expect(comparison.entries.allSatisfy { $0.answers == 6 })
                        let tokens = comparison.entries[0].judgeTokens
                        #expect(tokens.promptTokens > 0)
                        let cost = try #require(comparison.entries[0].judgeCost)
                        let expected = (Double(tokens.promptTokens) * 2 + Double(tokens.completionTokens) * 8) / 1_000_000
                        #expect(abs(cost - expected) < 1e-12)

                        let text = try await cli.run(
                            ["runs", "show", comparison.entries[0].runId], directory: directory)
                        #expect(text.status == 0)
                        #expect(text.stdout.contains("judge-sim"), "\(text.stdout)")
                        #expect(text.stdout.contains("95% interval"))

                        let exported = try await cli.run(
                            ["runs", "export", comparison.entries[0].runId, "--format", "judgments"], directory: directory)
                        #expect(exported.status == 0, "\(exported.stderr)")
                        let lines = exported.stdout.split(separator: "\n")
                        #expect(lines.count == 6)
                        let judgment = try #require(
                            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
                        #expect(judgment["parseRule"] as? String == "[[n]]")
                        #expect(judgment["rating"] as? Double == 8)
                        #expect((judgment["output"] as? String)?.contains("[[8]]") == true)
                        #expect(judgment["promptName"] as? String == "single-v1")
                    }
                }
            }
        }
    }

    @Test("pairwise against a baseline: both orders judged, the fair judge picks the good model")
    func pairwise() async throws {
        var verdicts = ScriptedAnswers(fallback: "[[C]]")
        verdicts.script(containing: "Assistant A's Answer]\ngood", response: "[[A]]")
        verdicts.script(containing: "Assistant A's Answer]\npoor", response: "[[B]]")
        verdicts.script(containing: "### Assistant A:\ngood", response: "[[A]]")
        verdicts.script(containing: "### Assistant A:\npoor", response: "[[B]]")
        let fair = verdicts
        try await withSimulator(Self.model("good-model", answer: "good answer")) { good in
            try await withSimulator(Self.model("poor-model", answer: "poor answer")) { poor in
                try await withSimulator(SimulatorConfiguration(modelName: "judge-sim", answers: fair)) { judge in
                    try await withTemporaryDirectory { directory in
                        let output = try await cli.run(
                            [
                                "eval", "mt-bench", "--model", good.baseURL, "--model", poor.baseURL, "--judge", judge.baseURL,
                                "--pairwise", "--baseline", poor.baseURL, "--category", "math", "--limit", "2", "--json",
                            ], directory: directory)
                        #expect(output.status == 0, "\(output.stderr)")
                        let comparison = try JSONDecoder().decode(Comparison.self, from: Data(output.stdout.utf8))
                        let pairwise = try #require(comparison.pairwise)
                        #expect(pairwise.matches == 4)
                        #expect(pairwise.records.count == 1)
                        #expect(pairwise.records[0].wins == 4)
                    }
                }
            }
        }
    }

    @Test("the bundled FastChat answers import as runs, and `proctor judge` grades them into new runs")
    func importAndJudge() async throws {
        try await withSimulator(SimulatorConfiguration(modelName: "judge-sim", answers: ScriptedAnswers(fallback: "Rating: [[5]]"))) {
            judge in
            try await withTemporaryDirectory { directory in
                let imported = try await cli.run(["import", "mt-bench-answers", "--bundled"], directory: directory)
                #expect(imported.status == 0, "\(imported.stderr)")
                let ids = imported.stdout.split(separator: "\n").dropLast().map { String($0.prefix(9)) }
                #expect(ids.count == 3)
                #expect(imported.stdout.contains("gpt-3.5-turbo"))
                let judged = try await cli.run(
                    ["judge"] + ids + ["--judge", judge.baseURL, "--judge-concurrency", "8", "--json"], directory: directory)
                #expect(judged.status == 0, "\(judged.stderr)")
                let comparison = try JSONDecoder().decode(Comparison.self, from: Data(judged.stdout.utf8))
                #expect(comparison.entries.count == 3)
                #expect(Set(comparison.entries.compactMap(\.sourceRunId)) == Set(ids))
                for entry in comparison.entries {
                    #expect(entry.answers == 160)
                    #expect(entry.scores?.rated == 160)
                    #expect(entry.scores?.overall?.mean == 5)
                }
            }
        }
    }

    @Test("killed with SIGKILL while judging, the run resumes and judges only what it lacks")
    func killWhileJudging() async throws {
        try await withSimulator(Self.model("good-model", answer: "good answer")) { model in
            // 12 tokens a second: each verdict takes about half a second.
            try await withSimulator(Self.judge(tokensPerSecond: 12)) { judge in
                try await withTemporaryDirectory { directory in
                    // The store is created before the process starts: polling a store the process
                    // is still migrating made its migration fail ("database is locked") and the
                    // process exit before it created the run.
                    let storePath = directory.appendingPathComponent("proctor.db").path
                    _ = try ProctorDatabase(path: storePath)
                    let running = try cli.start(
                        [
                            "eval", "mt-bench", "--model", model.baseURL, "--judge", judge.baseURL, "--limit", "4",
                            "--judge-concurrency", "2",
                        ], directory: directory)
                    let judging = await running.waitUntil { try await Self.judgmentCount(storePath) >= 2 }
                    running.signal(SIGKILL)
                    _ = await running.wait()
                    #expect(judging)
                    let store = try ProctorDatabase(path: storePath)
                    let run = try #require(try await store.runs().first)
                    let before = try await store.judgments(runIds: [run.id]).count
                    #expect(before < 8)

                    let resumed = try await cli.run(["eval", "--resume", run.id], directory: directory)
                    #expect(resumed.status == 0, "\(resumed.stderr)")
                    let after = try await store.judgments(runIds: [run.id])
                    #expect(after.count == 8)
                    #expect(Set(after.map { "\($0.sampleId)-\($0.turn)" }).count == 8)
                    #expect(try await store.run(id: run.id)?.status == .completed)
                    #expect(resumed.stdout.contains("MT-bench"), "\(resumed.stdout)")
                }
            }
        }
    }

    @Test("answers stored without a judge are judged later by --resume with --judge, the model server gone")
    func judgeLaterOnResume() async throws {
        try await withTemporaryDirectory { directory in
            let answered = try await withSimulator(Self.model("good-model", answer: "good answer")) { model in
                try await cli.run(["eval", "mt-bench", "--model", model.baseURL, "--limit", "2"], directory: directory)
            }
            #expect(answered.status == 0, "\(answered.stderr)")
            #expect(answered.stdout.contains("answers only"), "\(answered.stdout)")
            let store = try ProctorDatabase(path: directory.appendingPathComponent("proctor.db").path)
            let run = try #require(try await store.runs().first)
            try await withSimulator(Self.judge()) { judge in
                let judged = try await cli.run(["eval", "--resume", run.id, "--judge", judge.baseURL, "--json"], directory: directory)
                #expect(judged.status == 0, "\(judged.stderr)")
                let comparison = try JSONDecoder().decode(Comparison.self, from: Data(judged.stdout.utf8))
                #expect(comparison.entries.first?.scores?.turns["1"]?.mean == 8)
            }
            #expect(try await store.run(id: run.id)?.eval?.judge?.modelId == "judge-sim")
        }
    }

    static func judgmentCount(_ path: String) async throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        let store = try ProctorDatabase(path: path)
        guard let run = try await store.runs().first else { return 0 }
        return try await store.judgments(runIds: [run.id]).count
    }
}

import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorTestSupport
import Testing

/// `proctor eval math500` and `proctor eval --data` end to end against the simulator.
@Suite("proctor eval math500 and --data (command line)", .serialized)
struct MathAndDataEvalTests {
    let cli = CommandLineRunner()

    struct Summary: Decodable {
        struct Specification: Decodable {
            struct Task: Decodable { var system: String? }
            struct Eval: Decodable { var promptProtocol: String; var task: Task? }
            var version: Int
            var eval: Eval
        }
        struct Run: Decodable {
            var id: String
            var specification: Specification
            /// The protocol, from the eval specification (`{"version": 1, "eval": {…}}`).
            var promptProtocol: String { specification.eval.promptProtocol }
        }
        struct Body: Decodable {
            struct Extractor: Decodable {
                struct Accuracy: Decodable { var successes: Int; var trials: Int }
                var name: String
                var accuracy: Accuracy
                var scorableAccuracy: Accuracy
                var unscorableByReason: [String: Int]
                var decidedBy: [String: Int]
            }
            struct Breakdown: Decodable {
                struct Row: Decodable { var value: String }
                var key: String
                var rows: [Row]
            }
            var samples: Int
            var extractors: [Extractor]
            var breakdowns: [Breakdown]
        }
        var run: Run
        var summary: Body
    }

    @Test("math500: minerva extraction, native equivalence, unscorable reasons and per-subject breakdown")
    func math500() async throws {
        let problems = try MathDataset.load(.math500).problems.prefix(12)
        var byPrompt: [String: String] = [:]
        for (position, problem) in problems.enumerated() {
            let prompt = "Problem:\n\(problem.problem)\n\nSolution:"
            switch position % 3 {
            case 0: byPrompt[prompt] = "Work.\nFinal Answer: The final answer is $\(problem.answer ?? "")$. I hope it is correct."
            case 1: byPrompt[prompt] = "Work.\nFinal Answer: The final answer is $123456789$. I hope it is correct."
            default: byPrompt[prompt] = "I am not sure."
            }
        }
        let simulator = SimulatorConfiguration(
            modelName: "sim-math", slots: 4, tokensPerSecond: 0, answers: ScriptedAnswers(byPrompt: byPrompt, fallback: "?"))
        try await withSimulator(simulator) { endpoint in
            try await withTemporaryDirectory { directory in
                let output = try await cli.run(
                    ["eval", "math500", "--model", endpoint.baseURL, "--limit", "12", "--json"], directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                let summary = try JSONDecoder().decode(Summary.self, from: Data(output.stdout.utf8))
                #expect(summary.run.promptProtocol == "minerva_math")
                #expect(summary.summary.samples == 12)
                let primary = try #require(summary.summary.extractors.first)
                #expect(primary.name == "minerva-match")
                #expect(primary.accuracy.successes == 4)
                #expect(primary.accuracy.trials == 12)
                #expect(primary.scorableAccuracy.trials == 8)
                #expect(primary.unscorableByReason == ["no answer found": 4])
                #expect(primary.decidedBy.values.reduce(0, +) == 8)
                #expect(summary.summary.breakdowns.map(\.key) == ["level", "subject"])

                let text = try await cli.run(["runs", "show", summary.run.id], directory: directory)
                #expect(text.stdout.contains("by subject"))
                #expect(text.stdout.contains("of scorable: 50.0% (4/8)"))
            }
        }
    }

    @Test("--data with labels scores, without labels stores outputs and claims nothing, and resumes")
    func dataTask() async throws {
        let simulator = SimulatorConfiguration(
            modelName: "sim-data", slots: 2, tokensPerSecond: 0,
            answers: ScriptedAnswers(byPrompt: ["What is 2+2?": "4", "Capital of France?": "Lyon."], fallback: "tac."))
        try await withSimulator(simulator) { endpoint in
            try await withTemporaryDirectory { directory in
                let file = directory.appendingPathComponent("task.jsonl")
                try Data(
                    """
                    {"id": "q1", "question": "What is 2+2?", "answer": 4}
                    {"id": "q2", "question": "Capital of France?", "answer": "Paris"}

                    {"id": "q3", "question": "Spell cat backwards.", "answer": "TAC"}

                    """.utf8
                ).write(to: file)
                let scored = try await cli.run(
                    ["eval", "--data", file.path, "--prompt-field", "question", "--label-field", "answer", "--system", "Be brief.",
                        "--model", endpoint.baseURL, "--json"], directory: directory)
                #expect(scored.status == 0, "\(scored.stderr)")
                let summary = try JSONDecoder().decode(Summary.self, from: Data(scored.stdout.utf8))
                #expect(summary.run.promptProtocol == "jsonl:question:answer:exact")
                #expect(summary.summary.extractors.map(\.name) == ["exact"])
                #expect(summary.summary.extractors[0].accuracy.successes == 2)
                #expect(summary.summary.extractors[0].accuracy.trials == 3)
                #expect(summary.run.specification.eval.task?.system == "Be brief.")

                let resumed = try await cli.run(["eval", "--resume", summary.run.id, "--json"], directory: directory)
                #expect(resumed.status == 0, "\(resumed.stderr)")

                let unlabelled = try await cli.run(
                    ["eval", "--data", file.path, "--prompt-field", "question", "--model", endpoint.baseURL], directory: directory)
                #expect(unlabelled.status == 0, "\(unlabelled.stderr)")
                #expect(unlabelled.stdout.contains("none claimed"))

                let wrongField = try await cli.run(
                    ["eval", "--data", file.path, "--prompt-field", "prompt", "--model", endpoint.baseURL], directory: directory)
                #expect(wrongField.status == 2)
                #expect(wrongField.stderr.contains("task.jsonl:1: field \"prompt\": missing"))
            }
        }
    }
}

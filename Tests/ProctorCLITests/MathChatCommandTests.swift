import Foundation
import ProctorClient
import ProctorEngine
import ProctorTestSupport
import Testing

/// `proctor eval mathchat-followup` end to end against the simulator: three rounds per sample,
/// accuracy per round, rows without a reference answer counted apart.
@Suite("proctor eval mathchat (command line)")
struct MathChatCommandTests {
    @Test("follow-up QA: three turns a sample, one accuracy per round")
    func followUp() async throws {
        var answers = ScriptedAnswers(fallback: "I am not sure.")
        for index in 0..<5 {
            answers.script(sampleId: "followup-\(index)", turn: 1, response: "Working it out, the answer is 18.")
        }
        try await withSimulator(SimulatorConfiguration(answers: answers)) { endpoint in
            try await withTemporaryDirectory { directory in
                let output = try await CommandLineRunner().run(
                    ["eval", "mathchat-followup", "--model", endpoint.baseURL, "--limit", "5"], directory: directory)
                #expect(output.status == 0, "\(output.stderr)")
                #expect(output.stdout.contains("samples      5 of 5 · turns 15 · scored 15 · errors 0"), "\(output.stdout)")
                #expect(output.stdout.contains("round-1"))
                #expect(output.stdout.contains("round-3"))
                #expect(output.stdout.contains("protocol mathchat_proctor"))
            }
        }
    }

    @Test("error analysis judged on three criteria; a JSONL task judged by rubric and by grade")
    func judgedTasks() async throws {
        let verdict = #"Sound analysis. {"instruction_following": 4, "error_diagnosis": 2, "solution_accuracy": 5, "correctness": 3, "completeness": 4, "format": 5, "rationale": "x"} GRADE: I"#
        try await withSimulator(SimulatorConfiguration(answers: ScriptedAnswers(fallback: "Step 2 is wrong; it is 18."))) { model in
            try await withSimulator(SimulatorConfiguration(modelName: "judge-sim", answers: ScriptedAnswers(fallback: verdict))) { judge in
                try await withTemporaryDirectory { directory in
                    let cli = CommandLineRunner()
                    let analysis = try await cli.run(
                        ["eval", "mathchat-error-analysis", "--model", model.baseURL, "--judge", judge.baseURL, "--limit", "3"],
                        directory: directory)
                    #expect(analysis.status == 0, "\(analysis.stderr)")
                    #expect(
                        analysis.stdout.contains(
                            "instruction_following 4.00 [4.00, 4.00] · error_diagnosis 2.00 [2.00, 2.00] · solution_accuracy 5.00 [5.00, 5.00] · judged 3"),
                        "\(analysis.stdout)")

                    try #"{"q": "Capital of France?", "a": "Paris"}"#.write(
                        to: directory.appendingPathComponent("qa.jsonl"), atomically: true, encoding: .utf8)
                    for (scorer, expected) in [("judge:rubric", "correctness 3.00"), ("judge:grade", "graded correct 0.0% (0/1)")] {
                        let output = try await cli.run(
                            [
                                "eval", "--data", "qa.jsonl", "--prompt-field", "q", "--label-field", "a", "--scorer", scorer,
                                "--model", model.baseURL, "--judge", judge.baseURL,
                            ], directory: directory)
                        #expect(output.status == 0, "\(output.stderr)")
                        #expect(output.stdout.contains(expected), "\(output.stdout)")
                    }
                }
            }
        }
    }
}

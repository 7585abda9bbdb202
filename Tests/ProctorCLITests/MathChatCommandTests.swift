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
}

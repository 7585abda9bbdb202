import Foundation
import ProctorBenchmarks
import ProctorCore
import Synchronization
import Testing

/// MathChat's problem-solving tasks: dialogues split as the authors' scripts split them,
/// conversations built as their generation scripts build them, gold answers by Proctor's rule.
@Suite("MathChat follow-up QA and error correction")
struct MathChatTests {
    final class Recorder: ChatCompleting, TurnSink {
        let requests = Mutex<[[ChatMessage]]>([])
        let turns = Mutex<[TurnResult]>([])

        func complete(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) async throws
            -> Completion
        {
            requests.withLock { $0.append(messages) }
            return Completion(
                text: "Round \(context.turn ?? 0): the answer is 18.", finishReason: "stop", usage: nil,
                timings: RequestTimings(chunkArrivals: [], completed: 0), model: nil, attempts: 1)
        }

        func record(_ turn: TurnResult) async throws { turns.withLock { $0.append(turn) } }
    }

    @Test("dialogues split as re.split(r'\\n*\\s*(A:|B:)'): stripped turns, text before the first tag dropped, every tag splits")
    func split() {
        let dialogue = MathChatDialogue.split("Intro text\nA:  Hello there  \n\nB: I live in the USA: it is big.\n\nA: ok")
        // "USA:" splits too, as upstream: "US" ends B's turn and "it is big." becomes an A turn.
        #expect(dialogue.a == ["Hello there", "it is big.", "ok"])
        #expect(dialogue.b == ["I live in the US"])
        #expect(MathChatDialogue.split("A: one\nB: two").a == ["one"])
        #expect(MathChatDialogue.split("no tags at all").a.isEmpty)
    }

    @Test("the bundled files split into the turn counts the upstream scripts see")
    func turnCounts() throws {
        let followUp = try MathChatData.load(.followUp).rows
        #expect(followUp.count == 1319)
        #expect(followUp.allSatisfy { $0.a.count == 2 && $0.b.count == 2 })
        let correction = try MathChatData.load(.errorCorrection).rows
        #expect(correction.filter { $0.a.count == 2 && $0.b.count == 2 }.count == 1313)
        #expect(correction.filter { $0.a.count == 3 && $0.b.count == 3 }.count == 6)
        #expect(try MathChatErrorCorrection().samples().count == 1313)
    }

    @Test("gold answers: GSM8K's ####, \\ANSWER{} with balanced braces, units and fractions, or none")
    func golds() throws {
        #expect(MathChatAnswers.gsm8kGold("She sells 9 eggs.\n#### 1,234") == 1234)
        #expect(MathChatAnswers.gsm8kGold("no marker") == nil)
        #expect(MathChatAnswers.answerTag("So she makes $14. The answer is \\ANSWER{14}.") == 14)
        #expect(MathChatAnswers.answerTag("The answer is \\ANSWER{$1,050}.") == 1050)
        #expect(MathChatAnswers.answerTag("\\ANSWER{170 \\text{ miles}}") == 170)
        #expect(MathChatAnswers.answerTag("\\ANSWER{62.5\\%}") == 62.5)
        #expect(MathChatAnswers.answerTag("\\ANSWER{2/3 hours}") == 2.0 / 3)
        #expect(MathChatAnswers.answerTag("\\ANSWER{Yes}") == nil)
        #expect(MathChatAnswers.answerTag("The answer is 14.") == nil)
        // Counted with an independent Python port of the same rules: 1,227 and 1,225 rows have a
        // numeric gold for rounds 2 and 3.
        let benchmark = try MathChatFollowUp()
        let references = benchmark.samples().map { $0.reference.components(separatedBy: " | ") }
        #expect(references.filter { $0[1] != "–" }.count == 1227)
        #expect(references.filter { $0[2] != "–" }.count == 1225)
    }

    @Test("predictions: the last number, without , and $; missing gold is unscored, not wrong")
    func predictions() {
        #expect(MathChatAnswers.score("She makes $1,234.", gold: 1234, name: "r").correct)
        #expect(!MathChatAnswers.score("About 17 or 18 eggs, maybe 19.", gold: 18, name: "r").correct)
        #expect(MathChatAnswers.score("Half: 0.5", gold: 0.5, name: "r").correct)
        let noGold = MathChatAnswers.score("It is 14.", gold: nil, name: "r")
        #expect(!noGold.correct && noGold.unscorable == UnscorableReason.noReference)
        #expect(MathChatAnswers.score("I do not know.", gold: 3, name: "r").unscorable == UnscorableReason.noAnswer)
    }

    @Test("follow-up QA: round 3's history holds the model's answers to rounds 1 and 2, never the references")
    func followUpConversation() async throws {
        let benchmark = try MathChatFollowUp()
        let sample = try #require(benchmark.samples().first)
        let row = try #require(try MathChatData.load(.followUp).rows.first)
        let recorder = Recorder()
        try await benchmark.converse(
            sample,
            in: Conversation(
                sample: sample, runId: "r", parameters: benchmark.defaultParameters, client: recorder,
                stored: StoredConversation(), sink: recorder))
        let requests = recorder.requests.withLock { $0 }
        #expect(requests.count == 3)
        #expect(requests[0] == [ChatMessage(role: .user, content: "Solve this problem: " + row.question)])
        #expect(
            requests[2] == [
                ChatMessage(role: .user, content: "Solve this problem: " + row.question),
                ChatMessage(role: .assistant, content: "Round 1: the answer is 18."),
                ChatMessage(role: .user, content: row.a[0]),
                ChatMessage(role: .assistant, content: "Round 2: the answer is 18."),
                ChatMessage(role: .user, content: row.a[1]),
            ])
        #expect(requests.allSatisfy { $0.allSatisfy { message in message.role != .system } })
        #expect(!requests.flatMap { $0 }.contains { $0.content == row.b[0] })
        let turns = recorder.turns.withLock { $0 }.sorted { $0.turn < $1.turn }
        #expect(turns.map { $0.score?.outputs.first?.name } == ["round-1", "round-2", "round-3"])
        // Row 0: 18 eggs' worth in round 1; the references tag 14 for rounds 2 and 3.
        #expect(turns.map { $0.score?.outputs.first?.correct } == [true, false, false])
        #expect(benchmark.defaultParameters.maxTokens == 400 && benchmark.defaultParameters.temperature == 0)
    }

    @Test("error correction: the problem, the wrong answer as the assistant's, the nudge; scored against GSM8K")
    func errorCorrectionConversation() throws {
        let benchmark = try MathChatErrorCorrection()
        let sample = try #require(benchmark.samples().first)
        let row = try #require(try MathChatData.load(.errorCorrection).rows.first)
        #expect(sample.messages.map(\.role) == [.user, .assistant, .user])
        #expect(sample.messages.map(\.content) == [row.a[0], row.b[0], row.a[1]])
        #expect(benchmark.score(response: "Oh, I see. It is $18 every day.", for: sample).outputs.first?.correct == true)
        #expect(benchmark.defaultParameters.maxTokens == 300)
    }
}

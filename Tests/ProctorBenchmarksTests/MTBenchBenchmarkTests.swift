import Foundation
import ProctorBenchmarks
import ProctorCore
import Synchronization
import Testing

/// MT-bench answers as FastChat generates them: turn 2 carries the model's own turn-1 answer, at
/// the category's temperature, with 1,024 new tokens.
@Suite("MT-bench answering")
struct MTBenchBenchmarkTests {
    final class Recorder: ChatCompleting, TurnSink {
        let requests = Mutex<[([ChatMessage], GenerationParameters)]>([])
        let turns = Mutex<[TurnResult]>([])

        func complete(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) async throws
            -> Completion
        {
            requests.withLock { $0.append((messages, parameters)) }
            return Completion(
                text: "answer \(context.sampleId ?? "?")-\(context.turn ?? 0)", finishReason: "stop", usage: nil,
                timings: RequestTimings(chunkArrivals: [], completed: 0), model: nil, attempts: 1)
        }

        func record(_ turn: TurnResult) async throws { turns.withLock { $0.append(turn) } }
    }

    @Test("turn 2 is sent with the model's own turn-1 answer, at the category's temperature")
    func secondTurnCarriesFirstAnswer() async throws {
        let benchmark = try MTBenchBenchmark()
        let samples = benchmark.samples()
        #expect(samples.count == 80)
        #expect(benchmark.defaultParameters.maxTokens == 1024)
        for id in ["81", "111", "141"] {
            let sample = try #require(samples.first { $0.id == id })
            let recorder = Recorder()
            let conversation = Conversation(
                sample: sample, runId: "r", parameters: benchmark.defaultParameters, client: recorder, stored: StoredConversation(),
                sink: recorder)
            try await benchmark.converse(sample, in: conversation)
            let requests = recorder.requests.withLock { $0 }
            let question = try #require(benchmark.question(for: sample))
            #expect(requests.count == 2)
            #expect(requests[0].0 == [ChatMessage(role: .user, content: question.turns[0])])
            #expect(
                requests[1].0 == [
                    ChatMessage(role: .user, content: question.turns[0]),
                    ChatMessage(role: .assistant, content: "answer \(id)-1"),
                    ChatMessage(role: .user, content: question.turns[1]),
                ])
            let expected = MTBenchDataset.temperature(for: question.category)
            #expect(requests.allSatisfy { $0.1.temperature == expected && $0.1.maxTokens == 1024 })
            let turns = recorder.turns.withLock { $0 }
            #expect(turns.map(\.turn) == [1, 2])
            #expect(turns.map(\.isFinal) == [false, true])
        }
        #expect(MTBenchDataset.temperature(for: "writing") == 0.7)
        #expect(MTBenchDataset.temperature(for: "math") == 0)
        #expect(MTBenchDataset.temperature(for: "stem") == 0.1)
    }

    @Test("the fixed-temperature protocol sends the run's temperature everywhere")
    func fixedTemperature() async throws {
        let benchmark = try MTBenchBenchmark(temperatureRule: .fixed)
        let sample = try #require(benchmark.samples().first { $0.id == "81" })
        let recorder = Recorder()
        var parameters = benchmark.defaultParameters
        parameters.temperature = 0.3
        try await benchmark.converse(
            sample,
            in: Conversation(sample: sample, runId: "r", parameters: parameters, client: recorder, stored: StoredConversation(), sink: recorder))
        #expect(recorder.requests.withLock { $0.map(\.1.temperature) } == [0.3, 0.3])
    }

    @Test("a FastChat answer file with a repeated question is refused with file, line and field")
    func answerFileErrors() throws {
        let data = Data(
            """
            {"question_id": 81, "model_id": "m", "choices": [{"index": 0, "turns": ["a", "b"]}]}
            {"question_id": 81, "model_id": "m", "choices": [{"index": 0, "turns": ["a", "b"]}]}
            """.utf8)
        #expect {
            try MTBenchAnswerFile.parse(data, file: "answers.jsonl")
        } throws: { error in
            "\(error)".contains("answers.jsonl") && "\(error)".contains("2") && "\(error)".contains("question_id")
        }
        let noTurns = Data(#"{"question_id": 81, "choices": []}"#.utf8)
        #expect(throws: DatasetError.self) { try MTBenchAnswerFile.parse(noTurns, file: "x.jsonl") }
    }
}

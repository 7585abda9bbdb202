import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Testing

/// A benchmark that owns a two-turn conversation runs through the ordinary runner: the model's
/// first answer is in the second request, both turns are stored, and a run resumes turn by turn.
@Suite("Multi-turn conversations")
struct MultiTurnTests {
    static let benchmark = TwoTurnBenchmark(count: 4)

    func plan(_ endpoint: Endpoint) -> EvalPlan {
        EvalPlan(
            benchmark: Self.benchmark, target: endpoint.baseURL, endpoint: endpoint, parameters: GenerationParameters(),
            streaming: true, concurrency: 2, limit: nil, seed: nil)
    }

    @Test("against the simulator both turns are sent and stored, the first answer inside the second request")
    func twoTurnsAgainstTheSimulator() async throws {
        var answers = ScriptedAnswers(fallback: "unscripted")
        for index in 0..<4 {
            answers.script(sampleId: "chat-\(index)", turn: 1, response: "Answer \(index) is \(index * 7).")
            // Samples 0 and 1 repeat themselves; 2 and 3 do not.
            answers.script(sampleId: "chat-\(index)", turn: 2, response: index < 2 ? "Answer \(index) is \(index * 7)." : "Something else.")
        }
        try await withSimulator(SimulatorConfiguration(slots: 2, tokensPerSecond: 0, answers: answers)) { endpoint in
            let store = try ProctorDatabase()
            let session = EvalSession(store: store)
            let prepared = try await session.create(plan: plan(endpoint), modelId: nil)
            let summary = try await withChatClient(endpoint: endpoint) { try await session.execute(prepared, client: $0) }

            let results = try await store.results(runId: prepared.run.id)
            #expect(results.count == 8)
            #expect(results.map(\.turn) == [1, 2, 1, 2, 1, 2, 1, 2])
            #expect(results.map(\.isFinal) == [false, true, false, true, false, true, false, true])
            for index in 0..<4 {
                let second = try #require(results.first { $0.sampleId == "chat-\(index)" && $0.turn == 2 })
                #expect(second.prompt[1] == ChatMessage(role: .assistant, content: "Answer \(index) is \(index * 7)."))
                #expect(second.prompt.last?.content == TwoTurnBenchmark.followUp)
            }
            #expect(summary.extractors.first?.accuracy == Proportion(successes: 2, trials: 4))
            #expect(try await store.run(id: prepared.run.id)?.status == .completed)
        }
    }

    @Test("a run whose second turns failed resumes with only the second turns")
    func resumesTurnByTurn() async throws {
        let store = try ProctorDatabase()
        let session = EvalSession(store: store)
        let endpoint = try Endpoint(baseURL: "http://127.0.0.1:1/v1", model: "m")
        let prepared = try await session.create(plan: plan(endpoint), modelId: nil)
        let failing = FakeChat { messages in
            if messages.count > 1 { throw CompletionError(kind: .serverError, message: "boom", statusCode: 500) }
            return FakeChat.completion("first answer to \(messages[0].content)")
        }
        let interrupted = try await session.execute(prepared, client: failing)
        #expect(interrupted.errors == 4)
        let firstTurns = try await store.results(runId: prepared.run.id).filter { $0.turn == 1 }
        #expect(firstTurns.count == 4)

        let stored = try #require(try await store.run(id: prepared.run.id))
        let resumed = try await session.prepare(stored, benchmark: Self.benchmark)
        #expect(resumed.pending.count == 4)
        #expect(resumed.stored["chat-2"]?.answers == [1: "first answer to Question 2?"])
        let echo = FakeChat { messages in
            FakeChat.completion(messages[1].content)
        }
        let summary = try await session.execute(resumed, client: echo)
        #expect(echo.callCount == 4)
        #expect(Set(echo.contexts.map(\.turn)) == [2])
        #expect(summary.errors == 0)
        #expect(summary.extractors.first?.accuracy == Proportion(successes: 4, trials: 4))
        let results = try await store.results(runId: prepared.run.id)
        #expect(results.count == 8)
        #expect(results.filter { $0.turn == 1 }.map(\.startedAt) == firstTurns.map(\.startedAt))
        #expect(try await session.prepare(try #require(try await store.run(id: prepared.run.id)), benchmark: Self.benchmark).pending.isEmpty)
    }
}

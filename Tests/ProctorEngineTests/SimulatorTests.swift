import Foundation
import ProctorClient
import ProctorCore
@testable import ProctorEngine
import ProctorTestSupport
import Testing

@Suite("Simulator")
struct SimulatorTests {
    let question = [ChatMessage(role: .user, content: "Q: 1+1?\nA:")]

    @Test("beyond its slots requests wait in a FIFO queue, and the wait shows as TTFT")
    func capacityAndQueue() async throws {
        let config = SimulatorConfiguration(slots: 2, tokensPerSecond: 20, answers: ScriptedAnswers(fallback: "a b c d"))
        // The queue's timing is the assertion: heavy tests (engine, Chromium) must not share the cores.
        let ttfts = try await TestLock.cores.withLock { try await withSimulator(config) { endpoint in
            try await withChatClient(endpoint: endpoint, configuration: ChatClientConfiguration(concurrency: 4, retry: .none)) {
                client in
                try await withThrowingTaskGroup(of: Double.self) { group in
                    for _ in 0..<4 {
                        group.addTask { try await client.complete(question, parameters: GenerationParameters()).timings.timeToFirstToken ?? -1 }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }.sorted()
                }
            }
        } }
        // Two requests start at once; two wait for a slot, which frees only after a full answer
        // (first token at 0, then three more 1/20 s apart: 0.15 s).
        #expect(ttfts.count == 4)
        #expect(ttfts[2] >= 0.15)
        #expect(ttfts[0] < ttfts[2] - 0.1)
        #expect(ttfts[3] < 1)
    }

    @Test("the request's sample id and turn reach the simulator, which can script answers by them")
    func answersBySampleIdAndTurn() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            {"id": "test-3", "response": "The answer is 3."}
            {"id": "test-3", "turn": 2, "response": "Still 3."}

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let config = SimulatorConfiguration(answers: try ScriptedAnswers.load(path: path, fallback: "fallback"))
        let answers = try await withSimulator(config) { endpoint in
            try await withChatClient(endpoint: endpoint) { client in
                var texts: [String] = []
                for context in [RequestContext(sampleId: "test-3"), RequestContext(sampleId: "test-3", turn: 2), .none] {
                    texts.append(try await client.complete(question, parameters: GenerationParameters(), context: context).text)
                }
                return texts
            }
        }
        #expect(answers == ["The answer is 3.", "Still 3.", "fallback"])
    }

    @Test("scripted answers match by whole prompt, then by substring, else the fallback")
    func scriptedAnswers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
            {"id": "test-7", "response": "The answer is 7."}
            {"prompt": "Q: 1+1?\\nA:", "response": "The answer is 2."}
            {"contains": "golf", "response": "The answer is 33."}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let answers = try ScriptedAnswers.load(path: path, fallback: "no idea")
        #expect(answers.answer(for: "Q: 1+1?\nA:") == "The answer is 2.")
        #expect(answers.answer(for: "Q: golf balls?") == "The answer is 33.")
        #expect(answers.answer(for: "other") == "no idea")
        #expect(answers.answer(for: "Q: 1+1?\nA:", sampleId: "test-7") == "The answer is 7.")
        #expect(answers.answer(for: "Q: 1+1?\nA:", sampleId: "test-8") == "The answer is 2.")
    }

    @Test("a script line without prompt or contains names its line")
    func badScript() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"response\": \"x\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: (any Error).self) { try ScriptedAnswers.load(path: path) }
        #expect(String(describing: error!).contains(":1:"))
    }

    @Test("fault rates hold over many draws and are repeatable by seed")
    func faultRates() {
        let injector = FaultInjector(FaultConfiguration.uniform(0.5, seed: 1))
        let draws = (0..<20_000).map { _ in injector.next() }
        let faults = draws.filter { $0 != .none }.count
        #expect(abs(Double(faults) / 20_000 - 0.5) < 0.02)
        for fault in [SimulatedFault.serverError, .rateLimit, .disconnect, .malformed, .stall] {
            #expect(abs(Double(draws.filter { $0 == fault }.count) / 20_000 - 0.1) < 0.015)
        }
        let again = FaultInjector(FaultConfiguration.uniform(0.5, seed: 1))
        #expect((0..<100).map { _ in again.next() } == Array(draws.prefix(100)))
    }

    @Test func tokenizer() {
        #expect(SimulatedTokenizer.tokens("The answer  is 4.").map(String.init) == ["The", " answer", "  is", " 4."])
        #expect(SimulatedTokenizer.count("The answer  is 4.") == 4)
        #expect(SimulatedTokenizer.tokens("").isEmpty)
    }

    @Test("the engine lives under XDG_CACHE_HOME when it is set")
    func enginePaths() {
        #expect(EnginePaths.default(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]).root.path == "/c/proctor/engine")
        #expect(EnginePaths.default(environment: ["HOME": "/h"]).root.path == "/h/.cache/proctor/engine")
    }

    @Test func freePortIsBindable() throws {
        let port = try FreePort.find()
        #expect(port > 0 && port < 65536)
    }
}

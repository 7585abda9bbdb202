import Foundation
import GRDB
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("Run store")
struct ProctorDatabaseTests {
    let sample = EvalSample(id: "test-1", index: 1, messages: [ChatMessage(role: .user, content: "Q: 1+1?\nA:")], reference: "2")

    func completion(_ text: String) -> Completion {
        Completion(
            text: text, finishReason: "stop", usage: TokenUsage(promptTokens: 7, completionTokens: 3),
            timings: RequestTimings(chunkArrivals: [0.1, 0.2], completed: 0.21), model: "m", attempts: 1)
    }

    @Test("runs round-trip with their metadata")
    func runRoundTrip() async throws {
        let store = try ProctorDatabase()
        let run = Fixtures.run(id: "r1")
        try await store.insert(run)
        #expect(try await store.run(id: "r1") == run)
        #expect(try await store.runs().map(\.id) == ["r1"])
        #expect(try await store.run(id: "missing") == nil)
    }

    @Test("a result is stored once per sample and turn; a retry replaces it")
    func upsertAndAnswered() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        let failure = CompletionError(kind: .timeout, message: "slow", attempts: 2)
        try await store.save(SampleResultRecord(runId: "r1", sample: sample, startedAt: Date(), result: .failure(failure), score: nil))
        #expect(try await store.answeredSampleIds(runId: "r1").isEmpty)
        let score = SampleScore(outputs: [ExtractorOutput(name: "strict-match", extracted: "2", normalized: "2", correct: true)])
        try await store.save(
            SampleResultRecord(runId: "r1", sample: sample, startedAt: Date(), result: .success(completion("2")), score: score))
        let results = try await store.results(runId: "r1")
        #expect(results.count == 1)
        #expect(results[0].correct == true)
        #expect(results[0].errorKind == nil)
        #expect(results[0].timings?.chunkArrivals == [0.1, 0.2])
        #expect(results[0].prompt == sample.messages)
        #expect(try await store.answeredSampleIds(runId: "r1") == ["test-1"])
    }

    @Test("deleting a run deletes its results")
    func cascade() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        try await store.save(SampleResultRecord(runId: "r1", sample: sample, startedAt: Date(), result: .success(completion("2")), score: nil))
        #expect(try await store.deleteRun(id: "r1"))
        #expect(try await store.results(runId: "r1").isEmpty)
        #expect(try await store.deleteRun(id: "r1") == false)
    }

    @Test("a file store uses WAL")
    func walOnDisk() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ProctorDatabase(path: path)
        let mode = try await store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("exports hold every result; CSV quotes commas, quotes and newlines")
    func exports() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        try await store.save(
            SampleResultRecord(runId: "r1", sample: sample, startedAt: Date(), result: .success(completion("a, \"b\"\nc")), score: nil))
        let results = try await store.results(runId: "r1")
        let jsonl = String(decoding: try RunExporter.export(results, format: .jsonl), as: UTF8.self)
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.contains("\"sampleId\":\"test-1\""))
        let csv = String(decoding: try RunExporter.export(results, format: .csv), as: UTF8.self)
        #expect(csv.hasPrefix("run_id,sample_id,"))
        #expect(csv.contains("\"a, \"\"b\"\"\nc\""))
    }
}

import Foundation
import ProctorCore
import ProctorStore
import ProctorTestSupport
import Testing

@Suite("Run store")
struct ProctorDatabaseTests {
    @Test("runs round-trip with their typed specification")
    func runRoundTrip() async throws {
        let store = try ProctorDatabase()
        let run = Fixtures.run(id: "r1")
        try await store.insert(run)
        #expect(try await store.run(id: "r1") == run)
        #expect(try await store.runs().map(\.id) == ["r1"])
        #expect(try await store.run(id: "missing") == nil)
        var finished = run
        finished.status = .completed
        finished.wallSeconds = 12.5
        try await store.update(finished)
        #expect(try await store.run(id: "r1") == finished)
    }

    @Test("a load run's specification round-trips, criteria and mode included")
    func loadRunRoundTrip() async throws {
        let store = try ProctorDatabase()
        var run = Fixtures.run(id: "r2")
        run.specification = .load(
            LoadSpecification(
                mode: .steps([.open(rate: 4, process: .gamma(burstiness: 0.5), requests: 20, maxConcurrency: 8)]),
                workload: WorkloadDescription(
                    name: "synthetic-256x128", dataset: DatasetInfo(name: "synthetic", sha256: "seed-0", count: 256),
                    parameters: GenerationParameters(maxTokens: 128, seed: nil, ignoreEOS: true), scoredBy: nil),
                streaming: true, concurrencyBound: 8,
                criteria: LoadCriteria(objectives: ServiceLevelObjectives(ttft: 0.5), maxErrorRate: 0.02, sloPercentile: 99),
                seed: 7))
        try await store.insert(run)
        #expect(try await store.run(id: "r2") == run)
    }

    @Test("a turn is stored once per sample and turn; a later answer replaces a failure")
    func upsertAndStoredConversations() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        let failure = CompletionError(kind: .timeout, message: "slow", attempts: 2)
        try await store.record(Fixtures.turn(runId: "r1", sampleId: "test-1", error: failure))
        #expect(try await store.storedConversations(runId: "r1").isEmpty)
        try await store.record(Fixtures.turn(runId: "r1", sampleId: "test-1", text: "The answer is 2."))
        let results = try await store.results(runId: "r1")
        #expect(results.count == 1)
        #expect(results[0].correct == true)
        #expect(results[0].errorKind == nil)
        #expect(results[0].timings?.chunkArrivals == [0.1, 0.2])
        #expect(results[0].prompt == [ChatMessage(role: .user, content: "Q")])
        #expect(try await store.storedConversations(runId: "r1") == ["test-1": StoredConversation(answers: [1: "The answer is 2."], isFinished: true)])
    }

    @Test("a conversation is finished only when its final turn has an answer")
    func partialConversations() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        try await store.record(Fixtures.turn(runId: "r1", sampleId: "chat-1", turn: 1, isFinal: false, text: "first"))
        try await store.record(
            Fixtures.turn(runId: "r1", sampleId: "chat-1", turn: 2, error: CompletionError(kind: .serverError, message: "500")))
        #expect(try await store.storedConversations(runId: "r1")["chat-1"] == StoredConversation(answers: [1: "first"], isFinished: false))
        #expect(try await store.outcomes(runId: "r1").count == 2)
    }

    @Test("deleting a run deletes its results")
    func cascade() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        try await store.record(Fixtures.turn(runId: "r1", sampleId: "test-1"))
        #expect(try await store.deleteRun(id: "r1"))
        #expect(try await store.results(runId: "r1").isEmpty)
        #expect(try await store.deleteRun(id: "r1") == false)
    }

    @Test("a file store uses WAL")
    func walOnDisk() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proctor-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try ProctorDatabase(path: path)
        #expect(try await store.journalMode() == "wal")
    }

    @Test("exports hold every result; CSV quotes commas, quotes and newlines")
    func exports() async throws {
        let store = try ProctorDatabase()
        try await store.insert(Fixtures.run(id: "r1"))
        try await store.record(Fixtures.turn(runId: "r1", sampleId: "test-1", text: "a, \"b\"\nc"))
        let results = try await store.results(runId: "r1")
        let jsonl = String(decoding: try RunExporter.export(results, format: .jsonl), as: UTF8.self)
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.contains("\"sampleId\":\"test-1\""))
        let csv = String(decoding: try RunExporter.export(results, format: .csv), as: UTF8.self)
        #expect(csv.hasPrefix("run_id,sample_id,"))
        #expect(csv.contains("\"a, \"\"b\"\"\nc\""))
    }
}

@Suite("Judgments in the store")
struct JudgmentStoreTests {
    @Test("judgments round-trip, replace by key, and are found from either run of a pair")
    func roundTrip() async throws {
        let store = try ProctorDatabase()
        for id in ["ra", "rb"] { try await store.insert(Fixtures.run(id: id)) }
        let single = Judgment(
            runId: "ra", sampleId: "81", turn: 2, category: "writing", promptName: "single-v1-multi-turn",
            prompt: [ChatMessage(role: .system, content: "judge"), ChatMessage(role: .user, content: "<script>x</script>")],
            startedAt: Date(timeIntervalSince1970: 1_700_000_000), output: "Rating: [[7]]", verdict: .rating(7),
            parseRule: "[[n]]", usage: TokenUsage(promptTokens: 900, completionTokens: 40), latency: 0.5, judgeModel: "j")
        var failed = single
        failed.turn = 1
        failed.output = nil
        failed.verdict = nil
        failed.parseRule = "judge failed"
        failed.error = CompletionError(kind: .rateLimited, message: "429", statusCode: 429, attempts: 6)
        let pair = Judgment(
            runId: "ra", opponentRunId: "rb", sampleId: "81", turn: 1, game: 2, category: "writing", promptName: "pair-v2",
            prompt: [], startedAt: Date(timeIntervalSince1970: 1_700_000_000), output: "[[C]]", verdict: .winner(.tie),
            parseRule: "[[C]]", judgeModel: "j")
        for judgment in [single, failed, pair] { try await store.record(judgment) }
        #expect(Set(try await store.judgments(runIds: ["ra"])) == [single, failed, pair])
        #expect(try await store.judgments(runIds: ["rb"]) == [pair])
        var retried = failed
        retried.error = nil
        retried.verdict = .rating(3)
        retried.parseRule = "[[n]]"
        try await store.record(retried)
        #expect(try await store.judgments(runIds: ["ra"]).filter { $0.opponentRunId == nil }.count == 2)
        #expect(try await store.judgments(runIds: ["ra"]).contains(retried))
    }
}

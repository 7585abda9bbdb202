import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorRunner
import ProctorStore
import ProctorTestSupport
import Synchronization
import Testing

/// Judging stored MT-bench answers: every judgment stored with its prompt, output, verdict and
/// rule; failures unscored; 429s honoured; resumable; pairwise in both orders.
@Suite("Judging MT-bench runs")
struct JudgeSessionTests {
    static func benchmark() throws -> MTBenchBenchmark { try MTBenchBenchmark() }

    static func judge(_ mode: JudgeMode = .single, samples: Int = 1) -> JudgeSpecification {
        JudgeSpecification(
            target: "judge", endpointURL: "http://127.0.0.1:1/v1", modelName: "judge", modelId: "judge", samples: samples,
            concurrency: 3, mode: mode)
    }

    /// A run of the first `limit` questions answered by a fake model whose answers start with `prefix`.
    static func answeredRun(
        _ store: ProctorDatabase, prefix: String, limit: Int = 3, judge: JudgeSpecification?, cache: Bool = false
    ) async throws -> (Run, FakeChat) {
        let session = EvalSession(store: store)
        let model = FakeChat { messages in FakeChat.completion("\(prefix)-\(messages.count)") }
        let endpoint = try Endpoint(baseURL: "http://127.0.0.1:1/v1", model: prefix)
        let benchmark = try Self.benchmark()
        let plan = EvalPlan(
            benchmark: benchmark, target: prefix, endpoint: endpoint, parameters: benchmark.defaultParameters, streaming: false,
            concurrency: 2, limit: limit, seed: nil)
        let prepared = try await session.create(plan: plan, modelId: prefix, judge: judge)
        _ = try await session.execute(prepared, client: model, cacheAnswers: cache)
        return (try #require(try await store.run(id: prepared.run.id)), model)
    }

    @Test("single grading stores prompt, raw output, verdict and rule per judgment, and scores per turn")
    func singleGrading() async throws {
        let store = try ProctorDatabase()
        let (run, _) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge(samples: 2))
        var verdicts = ScriptedAnswers(fallback: "No rating here.")
        verdicts.script(sampleId: "81", turn: 1, response: "Good. Rating: [[8]]")
        verdicts.script(sampleId: "81", turn: 2, response: "Fine. Rating: [6]")
        verdicts.script(sampleId: "82", turn: 1, response: "Rating: [[9]]")
        verdicts.script(sampleId: "82", turn: 2, response: "Rating: [[3]]")
        verdicts.script(sampleId: "83", turn: 1, response: "Rating: [[10]]")
        try await withSimulator(SimulatorConfiguration(modelName: "judge-sim", answers: verdicts)) { endpoint in
            try await withChatClient(endpoint: endpoint) { client in
                try await JudgeSession(store: store).judge(runIds: [run.id], benchmark: try Self.benchmark(), judge: client)
            }
        }
        let judgments = try await store.judgments(runIds: [run.id])
        #expect(judgments.count == 3 * 2 * 2)
        let first = try #require(judgments.first { $0.sampleId == "81" && $0.turn == 2 && $0.repeatIndex == 1 })
        #expect(first.output == "Fine. Rating: [6]")
        #expect(first.verdict == .rating(6))
        #expect(first.parseRule == "[n]")
        #expect(first.promptName == "single-v1-multi-turn")
        #expect(first.prompt[1].content.contains("### Assistant A:\nalpha-1"))
        #expect(first.prompt[1].content.contains("### Assistant A:\nalpha-3"))
        #expect(first.judgeModel == "judge-sim")
        #expect(first.usage != nil)

        let comparison = try await JudgeSession(store: store).comparison(runIds: [run.id])
        let scores = try #require(comparison.entries.first?.scores)
        #expect(scores.turns[1]?.mean == 9)  // 8, 9, 10 twice each
        #expect(scores.turns[2]?.mean == 4.5)  // 6 and 3; 83's turn 2 has no rating
        #expect(scores.overall?.mean == 36.0 / 5)
        #expect(scores.unparsed == 2)
        #expect(scores.spread?.agreement == 1)
        #expect(try await store.run(id: run.id)?.status == .completed)
    }

    @Test("a judge that fails after its retries leaves answers unscored, counted by error kind")
    func failingJudge() async throws {
        let store = try ProctorDatabase()
        let (run, _) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge())
        let judge = FakeChat { _ in throw CompletionError(kind: .serverError, message: "judge down", statusCode: 503, attempts: 6) }
        try await JudgeSession(store: store).judge(runIds: [run.id], benchmark: try Self.benchmark(), judge: judge)
        let scores = try #require(try await JudgeSession(store: store).comparison(runIds: [run.id]).entries.first?.scores)
        #expect(scores.rated == 0)
        #expect(scores.overall == nil)
        #expect(scores.judgeErrors == ["server_error": 6])
        let stored = try await store.judgments(runIds: [run.id])
        #expect(stored.allSatisfy { $0.verdict == nil && $0.error?.statusCode == 503 && $0.parseRule == "judge failed" })
    }

    @Test("a judge answering 429 with Retry-After slows every request down, and judging completes")
    func rateLimitedJudge() async throws {
        let store = try ProctorDatabase()
        let (run, _) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge())
        let faults = FaultConfiguration(sequence: [.rateLimit, .rateLimit, .rateLimit], retryAfterSeconds: 0.5)
        let limiter = RateLimiter(requestsPerSecond: 100)
        let started = ContinuousClock.now
        try await withSimulator(SimulatorConfiguration(answers: ScriptedAnswers(fallback: "Rating: [[7]]"), faults: faults)) {
            endpoint in
            let configuration = ChatClientConfiguration(
                concurrency: 3, streaming: false,
                retry: RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10), maxDelay: .seconds(1), maxRetryAfter: .seconds(5)))
            try await withChatClient(endpoint: endpoint, configuration: configuration, rateLimiter: limiter) { client in
                try await JudgeSession(store: store).judge(runIds: [run.id], benchmark: try Self.benchmark(), judge: client)
            }
        }
        let elapsed = ContinuousClock.now - started
        let scores = try #require(try await JudgeSession(store: store).comparison(runIds: [run.id]).entries.first?.scores)
        #expect(scores.rated == 6)
        #expect(scores.judgeErrors.isEmpty)
        #expect(await limiter.pauses >= 1)
        #expect(elapsed >= .milliseconds(500))
    }

    @Test("judging killed midway resumes with only the judgments it lacks")
    func resumeMidJudging() async throws {
        let store = try ProctorDatabase()
        let (run, _) = try await Self.answeredRun(store, prefix: "alpha", limit: 5, judge: Self.judge())
        let answered = Mutex(0)
        let stalling = FakeChat { _ in
            let count = answered.withLock { value in
                value += 1
                return value
            }
            if count > 4 { try await Task.sleep(for: .seconds(3600)) }
            return FakeChat.completion("Rating: [[5]]")
        }
        let judging = Task {
            try await JudgeSession(store: store).judge(runIds: [run.id], benchmark: try Self.benchmark(), judge: stalling)
        }
        while try await store.judgments(runIds: [run.id]).count < 4 { try await Task.sleep(for: .milliseconds(5)) }
        judging.cancel()
        _ = await judging.result
        #expect(try await store.judgments(runIds: [run.id]).count == 4)
        #expect(try await store.run(id: run.id)?.status == .interrupted)

        let rest = FakeChat(text: "Rating: [[5]]")
        try await JudgeSession(store: store).judge(runIds: [run.id], benchmark: try Self.benchmark(), judge: rest)
        #expect(rest.callCount == 10 - 4)
        #expect(try await store.judgments(runIds: [run.id]).count == 10)
        #expect(try await store.run(id: run.id)?.status == .completed)
    }

    @Test("pairwise: each pair judged in both orders; a judge that always picks A gives ties, a fair one a winner")
    func pairwiseBothOrders() async throws {
        let store = try ProctorDatabase()
        let (alpha, _) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge(.pairwise))
        let (beta, _) = try await Self.answeredRun(store, prefix: "beta", judge: Self.judge(.pairwise))
        let session = JudgeSession(store: store)

        let biased = FakeChat(text: "Assistant A is better. [[A]]")
        try await session.judge(runIds: [alpha.id, beta.id], benchmark: try Self.benchmark(), judge: biased)
        #expect(biased.callCount == 3 * 2 * 2)
        let tied = try #require(try await session.comparison(runIds: [alpha.id, beta.id]).pairwise)
        #expect(tied.matches == 6)
        #expect(tied.inconsistent == 6)
        #expect(tied.records.allSatisfy { $0.ties == 6 && $0.wins == 0 && $0.adjustedWinRate == 0.5 })

        let store2 = try ProctorDatabase()
        let (a2, _) = try await Self.answeredRun(store2, prefix: "alpha", judge: Self.judge(.pairwise))
        let (b2, _) = try await Self.answeredRun(store2, prefix: "beta", judge: Self.judge(.pairwise))
        var fair = ScriptedAnswers(fallback: "[[C]]")
        fair.script(containing: "Assistant A's Answer]\nalpha", response: "[[A]]")
        fair.script(containing: "Assistant A's Answer]\nbeta", response: "[[B]]")
        fair.script(containing: "### Assistant A:\nalpha", response: "[[A]]")
        fair.script(containing: "### Assistant A:\nbeta", response: "[[B]]")
        try await withSimulator(SimulatorConfiguration(answers: fair)) { endpoint in
            try await withChatClient(endpoint: endpoint) { client in
                try await JudgeSession(store: store2).judge(runIds: [a2.id, b2.id], benchmark: try Self.benchmark(), judge: client)
            }
        }
        let games = try await store2.judgments(runIds: [a2.id])
        #expect(Set(games.map(\.game)) == [1, 2])
        #expect(games.filter { $0.game == 2 }.allSatisfy { $0.verdict == .winner(.b) })
        let decided = try #require(try await JudgeSession(store: store2).comparison(runIds: [a2.id, b2.id]).pairwise)
        #expect(decided.inconsistent == 0)
        #expect(decided.records.first?.runId == a2.id)
        #expect(decided.records.first?.wins == 6)
        #expect(decided.records.first?.winRate == 1)
    }

    @Test("answers are cached by endpoint, model, messages and parameters; re-judging copies them")
    func answerCacheAndRejudge() async throws {
        let store = try ProctorDatabase()
        let (first, firstModel) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge(), cache: true)
        #expect(firstModel.callCount == 6)
        let (second, secondModel) = try await Self.answeredRun(store, prefix: "alpha", judge: Self.judge(), cache: true)
        #expect(secondModel.callCount == 0)
        let reused = try await store.results(runId: second.id)
        #expect(reused.count == 6 && reused.allSatisfy(\.isCached))
        #expect(reused.map(\.response) == (try await store.results(runId: first.id)).map(\.response))
        // Another model name is another key.
        let (_, otherModel) = try await Self.answeredRun(store, prefix: "gamma", judge: Self.judge(), cache: true)
        #expect(otherModel.callCount == 6)

        let session = JudgeSession(store: store)
        let rejudged = try await session.rejudge([first.id], judge: Self.judge(samples: 1))
        #expect(rejudged.count == 1)
        #expect(rejudged[0].eval?.sourceRunId == first.id)
        #expect(try await store.results(runId: rejudged[0].id).map(\.response) == (try await store.results(runId: first.id)).map(\.response))
        let judge = FakeChat(text: "Rating: [[4]]")
        try await session.judge(runIds: rejudged.map(\.id), benchmark: try Self.benchmark(), judge: judge)
        #expect(judge.callCount == 6)
        #expect(try await store.judgments(runIds: [first.id]).isEmpty)
    }

    @Test("runs judged together each get every question they answered, whatever the first run asked")
    func runsOfDifferentSizes() async throws {
        let store = try ProctorDatabase()
        let (small, _) = try await Self.answeredRun(store, prefix: "alpha", limit: 2, judge: Self.judge())
        let (large, _) = try await Self.answeredRun(store, prefix: "beta", limit: 3, judge: Self.judge())
        let judge = FakeChat(text: "Rating: [[6]]")
        try await JudgeSession(store: store).judge(runIds: [small.id, large.id], benchmark: try Self.benchmark(), judge: judge)
        #expect(try await store.judgments(runIds: [small.id]).count == 4)
        #expect(try await store.judgments(runIds: [large.id]).count == 6)
    }
}

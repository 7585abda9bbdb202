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

@Suite("Evaluation runner")
struct EvalRunnerTests {
    /// Ten problems whose answer is their index; even ones are answered right by `answers`.
    static let problems = (0..<10).map { GSM8KProblem(index: $0, question: "What is \($0)?", answer: "work\n#### \($0)") }
    static let benchmark = GSM8KBenchmark(
        protocol: .chainOfThought8Shot, problems: problems, dataset: DatasetInfo(name: "tiny", sha256: "tiny-sha", count: 10))

    static func answer(_ messages: [ChatMessage]) -> String {
        let question = messages.last?.content ?? ""
        let number = Int(question.filter(\.isNumber)) ?? -1
        return number.isMultiple(of: 2) ? "So it is \(number). The answer is \(number)." : "The answer is 999."
    }

    func plan(_ endpoint: Endpoint, limit: Int? = nil, seed: Int? = nil, concurrency: Int = 3) -> EvalPlan {
        EvalPlan(
            benchmark: Self.benchmark, target: endpoint.baseURL, endpoint: endpoint,
            parameters: Self.benchmark.defaultParameters, streaming: true, concurrency: concurrency, limit: limit, seed: seed)
    }

    @Test("every sample is scored and stored; concurrency never exceeds the bound")
    func boundedAndComplete() async throws {
        let inFlight = Mutex((now: 0, peak: 0))
        let chat = FakeChat { messages in
            inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            try await Task.sleep(for: .milliseconds(20))
            inFlight.withLock { $0.now -= 1 }
            return FakeChat.completion(Self.answer(messages))
        }
        let store = try ProctorDatabase()
        let session = EvalSession(store: store)
        let run = try await session.create(plan: plan(try Endpoint(baseURL: "http://x/v1", model: "m")), modelId: "m")
        let progress = Mutex<[Int]>([])
        let summary = try await session.execute(run, client: chat) { p in
            progress.withLock { $0.append(p.completed) }
        }
        #expect(chat.callCount == 10)
        #expect(inFlight.withLock { $0.peak } == 3)
        #expect(summary.samples == 10)
        #expect(summary.extractors[0].accuracy == Proportion(successes: 5, trials: 10))
        #expect(progress.withLock { $0.sorted() } == Array(1...10))
        #expect(try await store.run(id: run.run.id)?.status == .completed)
        #expect(Set(chat.contexts) == Set(Self.problems.map { RequestContext(sampleId: "test-\($0.index)", turn: 1) }))
    }

    @Test("a transport error is stored as an error and never scored as wrong")
    func transportErrors() async throws {
        let chat = FakeChat { messages in
            if messages.last?.content.contains("3") == true {
                throw CompletionError(kind: .serverError, message: "boom", statusCode: 500, attempts: 4)
            }
            return FakeChat.completion(Self.answer(messages))
        }
        let store = try ProctorDatabase()
        let session = EvalSession(store: store)
        let run = try await session.create(plan: plan(try Endpoint(baseURL: "http://x/v1", model: "m")), modelId: nil)
        let summary = try await session.execute(run, client: chat)
        #expect(summary.errors == 1)
        #expect(summary.errorsByKind == ["server_error": 1])
        #expect(summary.extractors[0].accuracy == Proportion(successes: 5, trials: 9))
        let failed = try await store.results(runId: run.run.id).first { $0.sampleId == "test-3" }
        #expect(failed?.correct == nil)
        #expect(failed?.extractions == nil)
        #expect(failed?.httpStatus == 500)
        #expect(failed?.attempts == 4)
    }

    @Test("limit and seed choose a deterministic subset")
    func selection() throws {
        let samples = Self.benchmark.samples()
        #expect(SampleSelection.select(samples, limit: 3, seed: nil).map(\.id) == ["test-0", "test-1", "test-2"])
        let a = SampleSelection.select(samples, limit: 4, seed: 7).map(\.id)
        let b = SampleSelection.select(samples, limit: 4, seed: 7).map(\.id)
        let c = SampleSelection.select(samples, limit: 4, seed: 8).map(\.id)
        #expect(a == b)
        #expect(a != c)
        #expect(Set(a).count == 4)
    }

    @Test("a cancelled run resumes to exactly the uninterrupted result, nothing lost or duplicated")
    func cancelThenResume() async throws {
        let config = SimulatorConfiguration(
            slots: 2, tokensPerSecond: 200,
            answers: ScriptedAnswers(byPrompt: Dictionary(uniqueKeysWithValues: Self.problems.map { problem in
                ("Q: \(problem.question)\nA:", Self.answer([ChatMessage(role: .user, content: "Q: \(problem.question)\nA:")]))
            })))
        try await withSimulator(config) { endpoint in
            let store = try ProctorDatabase()
            let session = EvalSession(store: store)
            // Uninterrupted reference run.
            let reference = try await session.create(plan: plan(endpoint, concurrency: 2), modelId: nil)
            let expected = try await withChatClient(endpoint: endpoint) { client in
                try await session.execute(reference, client: client)
            }
            // Interrupted run: cancel after four results.
            let run = try await session.create(plan: plan(endpoint, concurrency: 2), modelId: nil)
            let (fourDone, signal) = AsyncStream.makeStream(of: Void.self)
            let cancelled = try await withChatClient(endpoint: endpoint) { client in
                let task = Task {
                    try await session.execute(run, client: client) { progress in
                        if progress.completed >= 4 { signal.yield() }
                    }
                }
                for await _ in fourDone { break }
                task.cancel()
                return await task.result
            }
            #expect(throws: CancellationError.self) { try cancelled.get() }
            let partial = try await store.results(runId: run.run.id).count
            #expect(partial >= 4 && partial < 10)
            let stopped = try #require(try await store.run(id: run.run.id))
            #expect(stopped.status == .interrupted)
            // Resume.
            let prepared = try await session.prepare(stopped, benchmark: Self.benchmark)
            #expect(prepared.pending.count == 10 - partial)
            let resumed = try await withChatClient(endpoint: endpoint) { client in
                try await session.execute(prepared, client: client)
            }
            #expect(try await store.run(id: run.run.id)?.status == .completed)
            let results = try await store.results(runId: run.run.id)
            #expect(results.count == 10)
            #expect(Set(results.map(\.sampleId)).count == 10)
            #expect(resumed.extractors == expected.extractors)
            #expect(resumed.samples == expected.samples)
        }
    }

    @Test("resuming with a different dataset is refused")
    func datasetMismatch() async throws {
        let store = try ProctorDatabase()
        let session = EvalSession(store: store)
        let run = try await session.create(plan: plan(try Endpoint(baseURL: "http://x/v1", model: "m")), modelId: nil)
        let other = GSM8KBenchmark(
            protocol: .chainOfThought8Shot, problems: Self.problems, dataset: DatasetInfo(name: "tiny", sha256: "other", count: 10))
        await #expect(throws: ProctorError.self) { try await session.prepare(run.run, benchmark: other) }
    }
}

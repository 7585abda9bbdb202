public import ProctorCore
import ProctorBenchmarks
import NIOCore
import Synchronization

/// Drives one load level against a client and measures every request on the monotonic clock.
///
/// Every request is one attempt (``ChatCompleting/send(_:parameters:context:)``): a retry would
/// hide a failure and distort the latency. Closed loop: each user sends, waits for the answer,
/// thinks, and sends again until the step's time is up; requests still in flight then finish and
/// count. Open loop: an ``ArrivalDispatcher`` sends each request from its own thread at its
/// absolute time (`start + offset`, never `previous + gap`, so one late request does not delay
/// the rest); with a concurrency cap, an arrival waits for a free slot and that wait shows as
/// lateness.
public struct LoadRunner: Sendable {
    /// Sends the requests.
    public let client: any ChatCompleting
    /// What is sent.
    public let workload: LoadWorkload
    /// The objectives goodput is measured against.
    public let objectives: ServiceLevelObjectives

    /// Creates a runner.
    public init(client: any ChatCompleting, workload: LoadWorkload, objectives: ServiceLevelObjectives = .init()) {
        self.client = client
        self.workload = workload
        self.objectives = objectives
    }

    /// Runs `step` as level `level`, handing every request's sample to `sink` as it ends, and
    /// returns the level's metrics. Cancellation stops sending and returns what was measured.
    public func run(
        _ step: LoadStep, level: Int, seed: UInt64 = 0,
        sink: @escaping @Sendable (LoadRequestSample) -> Void = { _ in }
    ) async -> LoadLevelMetrics {
        let clock = ContinuousClock()
        let start = clock.now
        let accumulator = Mutex(LoadLevelAccumulator(objectives: objectives))
        let record: @Sendable (LoadRequestSample) -> Void = { sample in
            accumulator.withLock { $0.add(sample) }
            sink(sample)
        }
        switch step {
        case .closed(let users, let duration, let rampUp, let thinkTime):
            await runClosed(
                users: users, until: start + .seconds(duration), rampUp: rampUp, thinkTime: thinkTime, level: level,
                start: start, record: record)
        case .open(let rate, let process, let requests, let maxConcurrency):
            var generator = SplitMix64(seed: seed &+ UInt64(level))
            let offsets = process.offsets(count: requests, rate: rate, using: &generator)
            await runOpen(offsets: offsets, maxConcurrency: maxConcurrency, level: level, start: start, record: record)
        }
        let duration = (clock.now - start).seconds
        return accumulator.withLock { $0.metrics(duration: duration) }
    }

    private func runClosed(
        users: Int, until deadline: ContinuousClock.Instant, rampUp: Double, thinkTime: Double, level: Int,
        start: ContinuousClock.Instant, record: @escaping @Sendable (LoadRequestSample) -> Void
    ) async {
        let counter = RequestCounter()
        await withDiscardingTaskGroup { group in
            for user in 0..<users {
                group.addTask {
                    let clock = ContinuousClock()
                    var ready = start + .seconds(rampUp * Double(user) / Double(users))
                    try? await clock.sleep(until: ready)
                    while !Task.isCancelled, clock.now < deadline {
                        let index = counter.next()
                        record(await send(index: index, level: level, scheduled: ready, start: start).measure())
                        if thinkTime > 0 { try? await clock.sleep(for: .seconds(thinkTime)) }
                        ready = clock.now
                    }
                }
            }
        }
    }

    private func runOpen(
        offsets: [Double], maxConcurrency: Int?, level: Int, start: ContinuousClock.Instant,
        record: @escaping @Sendable (LoadRequestSample) -> Void
    ) async {
        let (sent, continuation) = AsyncStream.makeStream(of: SentRequest.self)
        // The dispatcher's timers run on NIO's clock; both clocks are monotonic, so its start is
        // this moment on that clock.
        let dispatcher = ArrivalDispatcher(
            offsets: offsets, start: .now() - .nanoseconds((ContinuousClock.now - start).wholeNanoseconds),
            maxConcurrency: maxConcurrency,
            send: { index in
                continuation.yield(send(index: index, level: level, scheduled: start + .seconds(offsets[index]), start: start))
            },
            finished: { continuation.finish() })
        continuation.onTermination = { _ in dispatcher.stop() }
        dispatcher.run()
        await withDiscardingTaskGroup { group in
            for await request in sent {
                group.addTask {
                    record(await request.measure())
                    dispatcher.release()
                }
            }
        }
        await dispatcher.shutdown()
    }

    /// Sends request `index` now, on the calling thread, and returns it in flight.
    func send(index: Int, level: Int, scheduled: ContinuousClock.Instant, start: ContinuousClock.Instant) -> SentRequest {
        let prompt = workload.prompt(at: index)
        let sent = ContinuousClock.now
        let completion = client.send(
            prompt.messages, parameters: workload.parameters, context: RequestContext(sampleId: prompt.id))
        return SentRequest(
            level: level, index: index, prompt: prompt, scheduled: scheduled, sent: sent, start: start, completion: completion,
            scorer: workload.scorer)
    }
}

/// One request in flight and when it was due and sent; ``measure()`` waits for it.
struct SentRequest: Sendable {
    var level: Int
    var index: Int
    var prompt: EvalSample
    var scheduled: ContinuousClock.Instant
    var sent: ContinuousClock.Instant
    var start: ContinuousClock.Instant
    var completion: SentCompletion
    var scorer: (any SingleTurnBenchmark)?

    /// Waits for the answer and measures it; a failure is a sample with its error class, never a throw.
    func measure() async -> LoadRequestSample {
        let offset = { (instant: ContinuousClock.Instant) in (instant - start).seconds }
        do {
            let answer = try await completion.value()
            let ended = ContinuousClock.now
            let correct = scorer.map { $0.score(response: answer.text, for: prompt).outputs.first?.correct ?? false }
            return LoadRequestSample(
                level: level, index: index, scheduled: offset(scheduled), sent: offset(sent), ended: offset(ended),
                timings: answer.timings, promptTokens: answer.usage?.promptTokens,
                outputTokens: answer.usage?.completionTokens, httpStatus: 200, errorKind: nil, correct: correct)
        } catch {
            let failure = error as? CompletionError
            return LoadRequestSample(
                level: level, index: index, scheduled: offset(scheduled), sent: offset(sent), ended: offset(.now),
                timings: nil, promptTokens: nil, outputTokens: nil, httpStatus: failure?.statusCode,
                errorKind: failure?.kind.rawValue ?? (error is CancellationError ? "cancelled" : "client_error"),
                errorMessage: failure?.message ?? String(describing: error))
        }
    }
}

/// Hands out request numbers to closed-loop users.
private final class RequestCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}

import Foundation
import ProctorBenchmarks
import ProctorClient
import ProctorCore
import ProctorRunner

/// Judges stored MT-bench runs: makes the judge reachable (starting the local engine if it is the
/// judge), records its endpoint in each run, and grades what is not graded yet, with the judge's
/// own rate limits and retries.
enum JudgePhase {
    static func run(
        runIds: [String], target: TargetOptions.Target, targetName: String, attempts: Int, timeout: Duration,
        session: JudgeSession, quiet: Bool
    ) async throws {
        guard let first = try await session.store.run(id: runIds[0]), let specification = first.eval?.judge else { return }
        guard let benchmark = try await EvalSession(store: session.store).prepare(first).benchmark as? any JudgedBenchmark,
            benchmark.isJudged
        else {
            throw ProctorError.badInput(
                "run \(first.id) is not of a judged benchmark",
                hint: "judge runs of \(BenchmarkCatalog.judgedNames.joined(separator: ", ")) or of a JSONL task with --scorer judge:rubric")
        }
        try await EndpointSession.with(target, targetName: targetName, concurrency: specification.concurrency, quiet: quiet) {
            ready in
            for id in runIds {
                guard var run = try await session.store.run(id: id), var evaluation = run.eval, var judge = evaluation.judge
                else { continue }
                judge.target = targetName
                judge.endpointURL = ready.endpoint.baseURL
                judge.modelName = ready.endpoint.model
                judge.modelId = ready.modelId
                judge.prices = ready.endpoint.prices
                judge.apiKeyEnvironmentVariable = ready.endpoint.apiKeyEnvironmentVariable
                evaluation.judge = judge
                run.specification = .eval(evaluation)
                try await session.store.update(run)
            }
            let configuration = ChatClientConfiguration(
                concurrency: specification.concurrency, streaming: false, requestTimeout: timeout,
                retry: RetryPolicy(
                    maxAttempts: attempts, baseDelay: .seconds(1), maxDelay: .seconds(30), maxRetryAfter: .seconds(120)))
            let limiter = RateLimiter(
                requestsPerSecond: specification.requestsPerSecond, tokensPerMinute: specification.tokensPerMinute)
            if !quiet { Terminal.info("judging with \(ready.endpoint) (\(specification.mode.rawValue) grading)") }
            try await withChatClient(endpoint: ready.endpoint, configuration: configuration, rateLimiter: limiter) { client in
                try await session.judge(
                    runIds: runIds, benchmark: benchmark, judge: TraceExport.traced(client, model: ready.endpoint.model, role: "judge")
                ) { done, total in
                    if !quiet, Terminal.stderrIsTTY || done == total || done % max(1, total / 10) == 0 {
                        Terminal.progress("judged \(done)/\(total)")
                    }
                }
            }
            if !quiet { Terminal.endProgress() }
        }
    }

    /// Prints the comparison of `runIds`.
    static func report(runIds: [String], session: JudgeSession, json: Bool) async throws {
        let comparison = try await session.comparison(runIds: runIds)
        Terminal.out(json ? try JudgedComparisonText.json(comparison) : JudgedComparisonText.text(comparison))
    }
}

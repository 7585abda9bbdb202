import Foundation
import Hummingbird
import HummingbirdTesting
import ProctorCore
import ProctorStore
import ProctorTestSupport

/// A store whose model output tries every way into a page: a `<script>`, an `<img onerror>`, a
/// `javascript:` link, a closing `</pre>`, and a model id with markup. Every attack would change
/// the page title or call the canary server, so a silent canary and an unchanged title mean
/// nothing ran.
enum HostileStore {
    static func answer(canary: Int) -> String {
        """
        The answer is 7.</pre><script>document.title='pwned';fetch('http://127.0.0.1:\(canary)/script')</script>
        <img src="http://127.0.0.1:\(canary)/img" onerror="document.title='pwned'">
        <a href="javascript:fetch('http://127.0.0.1:\(canary)/js')">[click](javascript:alert(1))</a>
        <svg onload="fetch('http://127.0.0.1:\(canary)/svg')"></svg>
        """
    }

    /// Fills `database` with a base run (right on 3 of 4) and a hostile candidate (right on 1).
    static func fill(_ database: ProctorDatabase, canary: Int) async throws {
        var base = Fixtures.run(id: "rbase", sampleIds: (0..<4).map { "test-\($0)" })
        base.status = .completed
        var candidate = Fixtures.run(id: "rhostile", sampleIds: (0..<4).map { "test-\($0)" })
        candidate.status = .completed
        candidate.modelId = "<script>fetch('http://127.0.0.1:\(canary)/model')</script>"
        try await database.insert(base)
        try await database.insert(candidate)
        for index in 0..<4 {
            try await database.record(turn(run: "rbase", index: index, text: "The answer is 4.", correct: index != 3))
            try await database.record(turn(run: "rhostile", index: index, text: answer(canary: canary), correct: index == 0))
        }
    }

    static func turn(run: String, index: Int, text: String, correct: Bool) -> TurnResult {
        let sample = EvalSample(id: "test-\(index)", index: index, messages: [ChatMessage(role: .user, content: "What is 2+2? <b>bold</b>")], reference: "4")
        return TurnResult(
            runId: run, sample: sample, turn: 1, isFinal: true, startedAt: Date(timeIntervalSince1970: 1_800_000_000), prompt: sample.messages,
            outcome: .success(
                Completion(
                    text: text, finishReason: "stop", usage: TokenUsage(promptTokens: 5, completionTokens: 9),
                    timings: RequestTimings(chunkArrivals: [0.01, 0.02], completed: 0.02), model: "m", attempts: 1)),
            score: SampleScore(outputs: [
                ExtractorOutput(name: "strict-match", extracted: correct ? "4" : "<img src=x onerror=alert(1)>", normalized: "x", correct: correct),
                ExtractorOutput(name: "flexible-extract", extracted: correct ? "4" : "7", normalized: "7", correct: correct),
            ]))
    }
}

/// Counts every request it receives, on any path: the canary a successful attack would call.
actor CanaryCounter {
    private(set) var hits: [String] = []
    func hit(_ path: String) { hits.append(path) }
}

/// Runs a canary server on loopback while `body` runs, giving it the port and the counter.
func withCanary<Result: Sendable>(_ body: @Sendable (Int, CanaryCounter) async throws -> Result) async throws -> Result {
    let counter = CanaryCounter()
    let router = Router()
    router.get("**") { request, _ in
        await counter.hit(request.uri.path)
        return "ok"
    }
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    return try await app.test(.live) { client in
        guard let port = client.port else { throw ChromiumError(message: "the canary server has no port") }
        return try await body(port, counter)
    }
}

/// The text of the table cell with `data-key="key"` in `html`, or `nil`.
func cell(_ key: String, in html: String) -> String? {
    guard let start = html.range(of: "data-key=\"\(key)\">") else { return nil }
    guard let end = html[start.upperBound...].range(of: "<") else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}

/// The `<title>` of `html`.
func title(of html: String) -> String? {
    guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>") else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}

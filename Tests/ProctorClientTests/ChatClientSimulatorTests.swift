import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorTestSupport
import Testing

@Suite("Chat client against the simulator")
struct ChatClientSimulatorTests {
    let question = [ChatMessage(role: .user, content: "Q: how many?\nA:")]
    let noRetries = ChatClientConfiguration(concurrency: 4, requestTimeout: .seconds(5), retry: .none)

    @Test("streamed timings follow the simulator's TTFT and token rate")
    func streamingTimings() async throws {
        let config = SimulatorConfiguration(
            slots: 1, tokensPerSecond: 50, timeToFirstToken: .milliseconds(100),
            answers: ScriptedAnswers(fallback: "one two three four five"))
        let completion = try await withSimulator(config) { endpoint in
            try await withChatClient(endpoint: endpoint, configuration: noRetries) { client in
                try await client.complete(question, parameters: GenerationParameters())
            }
        }
        #expect(completion.text == "one two three four five")
        #expect(completion.usage?.completionTokens == 5)
        #expect(completion.usage?.promptTokens == 4)
        #expect(completion.finishReason == "stop")
        #expect(completion.model == "proctor-sim")
        #expect(completion.timings.chunkArrivals.count == 5)
        let ttft = try #require(completion.timings.timeToFirstToken)
        // Lower bounds are the simulator's guarantee (nothing can arrive before it is sent: the
        // first token 0.1 s after the request, the fifth 4 × 1/50 s later); upper bounds only
        // catch gross errors, since CI runs these tests beside the real engine on two cores (a
        // loaded run saw a 3.4 s answer); the order of the chunks is what must hold.
        #expect(ttft >= 0.1 && ttft < 5)
        #expect(completion.timings.endToEndLatency >= 0.18)
        #expect(completion.timings.endToEndLatency < 8)
        #expect(ttft < completion.timings.endToEndLatency)
        let tpot = try #require(completion.timings.timePerOutputToken(outputTokens: 5))
        #expect(abs(tpot - (completion.timings.endToEndLatency - ttft) / 4) < 1e-12)
    }

    @Test("a server that closes the connection after every streamed response loses no request", arguments: [1, 4])
    func serverClosesAfterStream(users: Int) async throws {
        let config = SimulatorConfiguration(slots: 4, answers: ScriptedAnswers(fallback: "one two three"), closesAfterStream: true)
        let failures = try await withSimulator(config) { endpoint in
            try await closedLoopFailures(endpoint, users: users, requests: 300 / users)
        }
        #expect(failures.isEmpty, "\(failures.count) lost: \(failures.prefix(3))")
    }

    @Test func wholeResponses() async throws {
        let config = SimulatorConfiguration(answers: ScriptedAnswers(fallback: "The answer is 4."))
        var whole = noRetries
        whole.streaming = false
        let configuration = whole
        let completion = try await withSimulator(config) { endpoint in
            try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                try await client.complete(question, parameters: GenerationParameters())
            }
        }
        #expect(completion.text == "The answer is 4.")
        #expect(completion.usage == TokenUsage(promptTokens: 4, completionTokens: 4))
        #expect(completion.timings.chunkArrivals.count == 1)
    }

    @Test("max_tokens truncates and says why")
    func maxTokens() async throws {
        let completion = try await withSimulator(SimulatorConfiguration(answers: ScriptedAnswers(fallback: "a b c d e f"))) {
            endpoint in
            try await withChatClient(endpoint: endpoint, configuration: noRetries) { client in
                try await client.complete(question, parameters: GenerationParameters(maxTokens: 2))
            }
        }
        #expect(completion.text == "a b")
        #expect(completion.finishReason == "length")
    }

    @Test("429 with Retry-After is retried after exactly the server's wait")
    func retryAfterIsHonoured() async throws {
        var faults = FaultConfiguration(sequence: [.rateLimit, .rateLimit])
        faults.retryAfterSeconds = 0.25
        let configuration = ChatClientConfiguration(
            requestTimeout: .seconds(10),
            retry: RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), maxRetryAfter: .seconds(5)))
        let start = ContinuousClock.now
        let completion = try await withSimulator(SimulatorConfiguration(faults: faults)) { endpoint in
            try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                try await client.complete(question, parameters: GenerationParameters())
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(completion.attempts == 3)
        #expect(elapsed >= .milliseconds(500))
        #expect(completion.text == "The answer is 42.")
    }

    @Test("a 500 is retried with backoff")
    func serverErrorRetried() async throws {
        let configuration = ChatClientConfiguration(
            retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(50), maxRetryAfter: .seconds(1)))
        let completion = try await withSimulator(SimulatorConfiguration(faults: FaultConfiguration(sequence: [.serverError]))) {
            endpoint in
            try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                try await client.complete(question, parameters: GenerationParameters())
            }
        }
        #expect(completion.attempts == 2)
    }

    @Test("every injected fault ends as a classified error", arguments: [
        (SimulatedFault.serverError, CompletionError.Kind.serverError, true),
        (.rateLimit, .rateLimited, true),
        (.disconnect, .disconnected, true),
        (.malformed, .malformedResponse, true),
        (.stall, .timeout, true),
        (.serverError, .serverError, false),
        (.disconnect, .disconnected, false),
        (.malformed, .malformedResponse, false),
        (.stall, .timeout, false),
    ])
    func faultsAreClassified(fault: SimulatedFault, kind: CompletionError.Kind, streaming: Bool) async throws {
        var faults = FaultConfiguration(sequence: [fault])
        faults.stallDuration = .seconds(60)
        let config = SimulatorConfiguration(answers: ScriptedAnswers(fallback: "a b c d e f g h"), faults: faults)
        var chosen = noRetries
        chosen.streaming = streaming
        // Generous for a busy CI machine; only the stall (60 s) should reach it.
        chosen.requestTimeout = .seconds(3)
        let configuration = chosen
        let error = try await withSimulator(config) { endpoint in
            await #expect(throws: CompletionError.self) {
                try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                    try await client.complete(question, parameters: GenerationParameters())
                }
            }
        }
        #expect(error?.kind == kind, "\(fault) gave \(String(describing: error))")
        #expect(error?.attempts == 1)
    }

    @Test("the per-request deadline cuts a slow answer")
    func deadline() async throws {
        // A hundred tokens at 5 per second would take 20 s; the deadline is 0.3 s.
        let config = SimulatorConfiguration(
            tokensPerSecond: 5, answers: ScriptedAnswers(fallback: String(repeating: "word ", count: 100)))
        var chosen = noRetries
        chosen.requestTimeout = .milliseconds(300)
        let configuration = chosen
        let (error, elapsed) = try await withSimulator(config) { endpoint in
            try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
                let start = ContinuousClock.now
                let error = await #expect(throws: CompletionError.self) {
                    try await client.complete(question, parameters: GenerationParameters(maxTokens: 200))
                }
                return (error, ContinuousClock.now - start)
            }
        }
        #expect(error?.kind == .timeout)
        #expect(elapsed < .seconds(10), "the answer would have taken 20 s")
    }

    @Test("nothing listening is a connection error, quickly")
    func unreachable() async throws {
        let endpoint = try Endpoint(baseURL: "http://127.0.0.1:9/v1", model: "m")
        let (error, elapsed) = try await withChatClient(endpoint: endpoint, configuration: noRetries) { client in
            let start = ContinuousClock.now
            let error = await #expect(throws: CompletionError.self) { try await client.listModels(timeout: .seconds(30)) }
            return (error, ContinuousClock.now - start)
        }
        #expect(error?.kind == .connection)
        // AsyncHTTPClient alone would retry the refused connection until the 30 s deadline; a
        // loaded CI machine took 17 s to give up at once.
        #expect(elapsed < .seconds(25))
    }

    @Test func listsModels() async throws {
        let models = try await withSimulator(SimulatorConfiguration(modelName: "sim-7b")) { endpoint in
            try await withChatClient(endpoint: endpoint) { try await $0.listModels() }
        }
        #expect(models == ["sim-7b"])
    }
}

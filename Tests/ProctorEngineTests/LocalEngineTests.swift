import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorTestSupport
import Testing

@Suite("Local engine (real llama-server)", .enabled(if: LocalEngineFixture.enabled, "the local engine is not installed; run `proctor engine install` or set PROCTOR_E2E=1"))
struct LocalEngineTests {
    @Test("starts on a free port, answers a streamed chat request with usage, and stops")
    func startAnswerStop() async throws {
        let engine = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        let (completion, port) = try await TestLock.localEngine.withLock { try await engine.withServer(parallel: 1, contextPerSlot: 2048) { endpoint in
            let completion = try await withChatClient(endpoint: endpoint) { client in
                try await client.complete(
                    [ChatMessage(role: .user, content: "Say hello.")], parameters: GenerationParameters(maxTokens: 16))
            }
            return (completion, Int(endpoint.baseURL.split(separator: ":").last!.split(separator: "/").first!)!)
        } }
        #expect(!completion.text.isEmpty)
        #expect(completion.usage?.completionTokens ?? 0 > 0)
        #expect(completion.usage?.completionTokens ?? 99 <= 16)
        #expect(completion.timings.timeToFirstToken != nil)
        let stillUp = try? await withChatClient(endpoint: try Endpoint(baseURL: "http://127.0.0.1:\(port)/v1", model: "x")) {
            try await $0.listModels(timeout: .seconds(1))
        }
        #expect(stillUp == nil)
    }

    /// llama-server answers streamed requests with `Keep-Alive` and then closes the connection;
    /// a request sent at once on that pooled connection used to fail (16 of 62 at one user).
    @Test("streamed and whole requests at 1 and 4 users lose nothing to connection reuse", arguments: [1, 4])
    func noRequestLostToConnectionReuse(users: Int) async throws {
        let engine = try #require(LocalEngineFixture.installed(), "CI installs the engine before the tests; it is missing")
        let (streamed, whole) = try await TestLock.localEngine.withLock {
            try await engine.withServer(parallel: 4, contextPerSlot: 512) { endpoint in
                let streamed = try await closedLoopFailures(endpoint, users: users, requests: 200 / users)
                let whole = try await closedLoopFailures(endpoint, users: users, requests: 20 / users, streaming: false)
                return (streamed, whole)
            }
        }
        #expect(streamed.isEmpty, "\(streamed.count) of 200 streamed requests failed: \(streamed.prefix(3))")
        #expect(whole.isEmpty, "\(whole.count) of 20 whole requests failed: \(whole.prefix(3))")
    }
}

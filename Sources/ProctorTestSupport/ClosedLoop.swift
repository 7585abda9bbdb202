public import ProctorClient
public import ProctorCore

/// Closed-loop users that each send `requests` single-attempt requests one after another, as a
/// load test does, each the moment the previous answer ended; returns every failure. Used to
/// show that no request is lost to connection reuse.
public func closedLoopFailures(
    _ endpoint: Endpoint, users: Int, requests: Int, streaming: Bool = true,
    messages: [ChatMessage] = [ChatMessage(role: .user, content: "Say one word.")],
    parameters: GenerationParameters = GenerationParameters(maxTokens: 4)
) async throws -> [CompletionError] {
    let configuration = ChatClientConfiguration(concurrency: users, streaming: streaming, requestTimeout: .seconds(60), retry: .none)
    return try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
        try await withThrowingTaskGroup(of: [CompletionError].self) { group in
            for user in 0..<users {
                group.addTask {
                    var failures: [CompletionError] = []
                    for index in 0..<requests {
                        let context = RequestContext(sampleId: "user\(user)-\(index)")
                        do {
                            _ = try await client.send(messages, parameters: parameters, context: context).value()
                        } catch let error as CompletionError {
                            failures.append(error)
                        }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}

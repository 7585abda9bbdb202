/// Anything that answers chat messages: the HTTP client, the simulator's in-process fakes, or a
/// judge. Benchmarks hold one to run their conversations without knowing about HTTP.
public protocol ChatCompleting: Sendable {
    /// Answers `messages`, retrying as the implementation's policy allows.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had, `CancellationError` when the
    ///   task was cancelled.
    func complete(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) async throws
        -> Completion

    /// Sends `messages` at once, from whatever thread calls, without waiting, and returns the
    /// request in flight. One attempt, no retries: a load test measures every request as sent.
    func send(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) -> SentCompletion
}

extension ChatCompleting {
    /// Sends through ``complete(_:parameters:context:)`` in a task of its own, for backends that
    /// have no faster way; the HTTP client starts the request on the calling thread instead.
    public func send(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) -> SentCompletion {
        let task = Task { try await complete(messages, parameters: parameters, context: context) }
        return SentCompletion {
            try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        }
    }
}

/// A request already sent, whose answer is awaited later.
public struct SentCompletion: Sendable {
    private let answer: @Sendable () async throws -> Completion

    /// A request whose answer `answer` waits for.
    public init(answer: @escaping @Sendable () async throws -> Completion) {
        self.answer = answer
    }

    /// Waits for the answer.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had, `CancellationError` when the
    ///   waiting task was cancelled (which also cancels the request).
    public func value() async throws -> Completion {
        try await answer()
    }
}

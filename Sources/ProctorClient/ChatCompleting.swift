public import ProctorCore

/// Anything that answers chat messages: the HTTP ``ChatClient``, or a fake in tests.
public protocol ChatCompleting: Sendable {
    /// Answers `messages`.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had, `CancellationError` when the
    ///   task was cancelled.
    func complete(_ messages: [ChatMessage], parameters: GenerationParameters) async throws -> Completion

    /// Sends `messages` at once, from whatever thread calls, without waiting, and returns the
    /// request in flight. One attempt, no retries: a load test measures every request as sent.
    /// `sampleId` travels in the ``RequestContext/sampleIdHeader`` header.
    func send(_ messages: [ChatMessage], parameters: GenerationParameters, sampleId: String?) -> SentCompletion
}

extension ChatCompleting {
    /// Sends through ``complete(_:parameters:)`` in a task of its own, for backends that have no
    /// faster way; ``ChatClient`` starts the HTTP request on the calling thread instead.
    public func send(_ messages: [ChatMessage], parameters: GenerationParameters, sampleId: String?) -> SentCompletion {
        let task = Task {
            try await RequestContext.$sampleId.withValue(sampleId) {
                try await complete(messages, parameters: parameters)
            }
        }
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

extension ChatClient: ChatCompleting {}

public import ProctorCore

/// Anything that answers chat messages: the HTTP ``ChatClient``, or a fake in tests.
public protocol ChatCompleting: Sendable {
    /// Answers `messages`.
    ///
    /// - Throws: ``CompletionError`` when no answer could be had, `CancellationError` when the
    ///   task was cancelled.
    func complete(_ messages: [ChatMessage], parameters: GenerationParameters) async throws -> Completion
}

extension ChatClient: ChatCompleting {}

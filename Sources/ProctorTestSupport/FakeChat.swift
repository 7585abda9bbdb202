public import ProctorCore
import Synchronization

/// A chat backend for tests that answers from a closure, counts calls and keeps every request's
/// context.
public final class FakeChat: ChatCompleting {
    private let answer: @Sendable ([ChatMessage]) async throws -> Completion
    private let calls = Mutex<[RequestContext]>([])

    /// Answers each conversation with `answer`.
    public init(answer: @escaping @Sendable ([ChatMessage]) async throws -> Completion) {
        self.answer = answer
    }

    /// Answers every conversation with `text`.
    public convenience init(text: String) {
        self.init { _ in FakeChat.completion(text) }
    }

    /// How many requests were made.
    public var callCount: Int { calls.withLock { $0.count } }

    /// The context of every request, in the order they were made.
    public var contexts: [RequestContext] { calls.withLock { $0 } }

    /// Answers `messages`.
    public func complete(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) async throws
        -> Completion
    {
        calls.withLock { $0.append(context) }
        return try await answer(messages)
    }

    /// A completion with `text`, one chunk, fixed usage.
    public static func completion(_ text: String) -> Completion {
        Completion(
            text: text, finishReason: "stop", usage: TokenUsage(promptTokens: 10, completionTokens: 5),
            timings: RequestTimings(chunkArrivals: [0.01], completed: 0.01), model: "fake", attempts: 1)
    }
}

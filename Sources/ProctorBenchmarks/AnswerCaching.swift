import Foundation
public import ProctorCore

/// Reuses answers a run has already had for the very same request: the key covers the endpoint,
/// the model id, the messages and every generation parameter, so only an identical request hits.
public struct AnswerCaching: Sendable {
    /// Where stored answers are looked up.
    public var cache: any AnswerCache
    /// The endpoint and model the answers come from, e.g. `http://gpu:8000/v1 qwen2.5-7b`.
    public var identity: String

    /// Caches answers from `identity` in `cache`.
    public init(cache: any AnswerCache, endpointURL: String, modelId: String) {
        self.cache = cache
        identity = endpointURL + " " + modelId
    }

    private struct Request: Encodable {
        var identity: String
        var messages: [ChatMessage]
        var parameters: GenerationParameters
    }

    /// The key of a request: SHA-256 of its canonical JSON (sorted keys).
    public func key(messages: [ChatMessage], parameters: GenerationParameters) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Request(identity: identity, messages: messages, parameters: parameters))) ?? Data()
        return FileDigest.sha256(data)
    }
}

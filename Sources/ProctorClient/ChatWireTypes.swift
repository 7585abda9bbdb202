package import Foundation
package import ProctorCore

/// The JSON body of a `/v1/chat/completions` request, rendered directly (one per sample, each
/// carrying every few-shot message).
struct ChatRequestBody {
    var model: String
    var messages: [ChatMessage]
    var parameters: GenerationParameters
    var stream: Bool

    /// The body as JSON bytes; stop sequences are cut to four, as lm-eval does.
    var json: [UInt8] {
        var text = "{\"model\":" + JSONString.quoted(model) + ",\"messages\":" + JSONString.messages(messages)
        text += ",\"temperature\":" + Self.number(parameters.temperature) + ",\"max_tokens\":" + String(parameters.maxTokens)
        if let seed = parameters.seed { text += ",\"seed\":" + String(seed) }
        if let topP = parameters.topP { text += ",\"top_p\":" + Self.number(topP) }
        if parameters.ignoreEOS == true { text += ",\"ignore_eos\":true" }
        if !parameters.stop.isEmpty {
            text += ",\"stop\":[" + parameters.stop.prefix(4).map { JSONString.quoted($0) }.joined(separator: ",") + "]"
        }
        text += stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}" : ",\"stream\":false}"
        return Array(text.utf8)
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(value) : "0"
    }
}

/// The `usage` object of a whole (non-streamed) response.
struct UsageBody: Decodable {
    var promptTokens: Int?
    var completionTokens: Int?

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }

    var tokenUsage: TokenUsage {
        TokenUsage(promptTokens: promptTokens ?? 0, completionTokens: completionTokens ?? 0)
    }
}

/// One `data:` payload of a streamed chat completion, read with `JSONSerialization`: a stream
/// has one payload per token, and this skips the Codable machinery that dominated the client's
/// CPU time in the zero-latency benchmark.
package struct ChatChunk: Equatable {
    package var model: String?
    package var hasChoices = false
    package var content: String?
    package var finishReason: String?
    package var usage: TokenUsage?
    package var errorMessage: String?

    /// An empty chunk, filled in by ``ChunkScanner``.
    init() {}

    /// Parses one payload: the fast scanner first, `JSONSerialization` for anything it declines.
    ///
    /// - Throws: ``ChunkShapeError`` naming the field when the payload is not a JSON object or a
    ///   field Proctor reads has the wrong type (`"choices": 7`, `"content": 42`, negative usage).
    package init(payload: [UInt8]) throws(ChunkShapeError) {
        if let scanned = ChunkScanner.scan(payload) {
            self = scanned
            return
        }
        try self.init(json: Data(payload))
    }

    /// Parses one payload with `JSONSerialization`, checking the type of every field it reads: a
    /// wrongly typed field is a malformed answer, never an empty one.
    package init(json: Data) throws(ChunkShapeError) {
        guard let parsed = try? JSONSerialization.jsonObject(with: json) else { throw ChunkShapeError(field: nil, problem: "is not JSON") }
        guard let object = parsed as? [String: Any] else { throw ChunkShapeError(field: nil, problem: "is not a JSON object") }
        model = try Self.field(object, "model", path: "model", as: String.self)
        if let error = object["error"], !(error is NSNull) {
            errorMessage = ((error as? [String: Any])?["message"] as? String) ?? String(describing: error)
        }
        if let usage = try Self.field(object, "usage", path: "usage", as: [String: Any].self) {
            self.usage = TokenUsage(
                promptTokens: try Self.tokens(usage, "prompt_tokens"), completionTokens: try Self.tokens(usage, "completion_tokens"))
        }
        guard let choices = try Self.field(object, "choices", path: "choices", as: [Any].self), let first = choices.first else { return }
        guard let choice = first as? [String: Any] else { throw ChunkShapeError(field: "choices[0]", problem: "is not an object") }
        hasChoices = true
        _ = try Self.field(choice, "index", path: "choices[0].index", as: Int.self)
        if let delta = try Self.field(choice, "delta", path: "choices[0].delta", as: [String: Any].self) {
            content = try Self.field(delta, "content", path: "choices[0].delta.content", as: String.self)
        }
        finishReason = try Self.field(choice, "finish_reason", path: "choices[0].finish_reason", as: String.self)
    }

    /// The most tokens one answer can plausibly report; more is a broken counter, not a count.
    static let maximumTokens = 100_000_000

    /// `object[key]` as a `T`; `nil` when absent or `null`.
    private static func field<T>(_ object: [String: Any], _ key: String, path: String, as type: T.Type) throws(ChunkShapeError) -> T? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        // JSONSerialization gives numbers and booleans as NSNumber, which bridges to String never
        // and to Int only when whole; a boolean is not a count.
        if T.self == Int.self, let number = value as? NSNumber, String(cString: number.objCType) == "c" {
            throw ChunkShapeError(field: path, problem: "is not an integer")
        }
        guard let typed = value as? T else {
            throw ChunkShapeError(field: path, problem: "is not \(Self.describe(type))")
        }
        return typed
    }

    private static func tokens(_ usage: [String: Any], _ key: String) throws(ChunkShapeError) -> Int {
        let count = try field(usage, key, path: "usage.\(key)", as: Int.self) ?? 0
        guard (0...maximumTokens).contains(count) else {
            throw ChunkShapeError(field: "usage.\(key)", problem: "is \(count), not a token count")
        }
        return count
    }

    private static func describe<T>(_ type: T.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}

/// A streamed chunk Proctor cannot read: which field (none: the payload as a whole) and why.
package struct ChunkShapeError: Error, Hashable {
    /// The JSON path of the field, e.g. `choices[0].delta.content`.
    var field: String?
    /// What is wrong with it, e.g. "is not a string".
    var problem: String

    package var description: String { field.map { "\($0) \(problem)" } ?? "the payload \(problem)" }
}

/// A complete, non-streamed chat completion.
struct ChatResponseBody: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }
        var message: Message?
        var finishReason: String?
        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    var model: String?
    var choices: [Choice]?
    var usage: UsageBody?
}

/// The body of `/v1/models`.
struct ModelListBody: Decodable {
    struct Model: Decodable {
        var id: String
    }
    var data: [Model]
}

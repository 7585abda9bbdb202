import Foundation
import ProctorCore

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
struct ChatChunk {
    var model: String?
    var hasChoices = false
    var content: String?
    var finishReason: String?
    var usage: TokenUsage?
    var errorMessage: String?

    /// An empty chunk, filled in by ``ChunkScanner``.
    init() {}

    /// Parses one payload: the fast scanner first, `JSONSerialization` for anything it declines;
    /// `nil` when the payload is not a JSON object.
    init?(payload: [UInt8]) {
        if let scanned = ChunkScanner.scan(payload) {
            self = scanned
            return
        }
        self.init(json: Data(payload))
    }

    /// Parses one payload with `JSONSerialization`; `nil` when it is not a JSON object.
    init?(json: Data) {
        guard let object = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else { return nil }
        model = object["model"] as? String
        if let error = object["error"] {
            errorMessage = ((error as? [String: Any])?["message"] as? String) ?? String(describing: error)
        }
        if let usage = object["usage"] as? [String: Any] {
            self.usage = TokenUsage(
                promptTokens: (usage["prompt_tokens"] as? Int) ?? 0, completionTokens: (usage["completion_tokens"] as? Int) ?? 0)
        }
        if let choices = object["choices"] as? [Any], let choice = choices.first as? [String: Any] {
            hasChoices = true
            content = (choice["delta"] as? [String: Any])?["content"] as? String
            finishReason = choice["finish_reason"] as? String
        }
    }
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

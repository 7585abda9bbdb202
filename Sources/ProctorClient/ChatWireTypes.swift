import ProctorCore

/// The JSON body of a `/v1/chat/completions` request.
struct ChatRequestBody: Encodable {
    struct StreamOptions: Encodable {
        var includeUsage: Bool
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var model: String
    var messages: [ChatMessage]
    var temperature: Double
    var maxTokens: Int
    var seed: Int?
    var stop: [String]?
    var topP: Double?
    var stream: Bool
    var streamOptions: StreamOptions?

    init(model: String, messages: [ChatMessage], parameters: GenerationParameters, stream: Bool) {
        self.model = model
        self.messages = messages
        temperature = parameters.temperature
        maxTokens = parameters.maxTokens
        seed = parameters.seed
        stop = parameters.stop.isEmpty ? nil : Array(parameters.stop.prefix(4))
        topP = parameters.topP
        self.stream = stream
        streamOptions = stream ? StreamOptions(includeUsage: true) : nil
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed, stop, stream
        case maxTokens = "max_tokens"
        case topP = "top_p"
        case streamOptions = "stream_options"
    }
}

/// The `usage` object of a response or final stream chunk.
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

/// An error object some servers send instead of, or inside, a response.
struct ErrorBody: Decodable {
    var message: String?
}

/// One `data:` payload of a streamed chat completion.
struct ChatChunkBody: Decodable {
    struct Choice: Decodable {
        struct Delta: Decodable {
            var content: String?
        }
        var delta: Delta?
        var finishReason: String?
        enum CodingKeys: String, CodingKey {
            case delta
            case finishReason = "finish_reason"
        }
    }

    var model: String?
    var choices: [Choice]?
    var usage: UsageBody?
    var error: ErrorBody?
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

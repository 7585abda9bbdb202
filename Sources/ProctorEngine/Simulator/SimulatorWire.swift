import Foundation
import ProctorCore

/// The parts of a chat request the simulator reads.
struct SimulatorRequest: Decodable {
    struct StreamOptions: Decodable {
        var includeUsage: Bool?
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var messages: [ChatMessage]
    var maxTokens: Int?
    var maxCompletionTokens: Int?
    var stream: Bool?
    var streamOptions: StreamOptions?
    var ignoreEOS: Bool?

    enum CodingKeys: String, CodingKey {
        case messages, stream
        case ignoreEOS = "ignore_eos"
        case maxTokens = "max_tokens"
        case maxCompletionTokens = "max_completion_tokens"
        case streamOptions = "stream_options"
    }

    var tokenLimit: Int? { maxCompletionTokens ?? maxTokens }
    var lastUserMessage: String { messages.last { $0.role == .user }?.content ?? "" }
}

/// Renders the simulator's JSON bodies and server-sent events.
struct SimulatorWire {
    let id: String
    let model: String
    let created: Int
    /// Every chunk event up to its delta's fields, rendered once per response.
    private let chunkPrefix: [UInt8]

    init(id: String, model: String) {
        self.id = id
        self.model = model
        created = Int(Date().timeIntervalSince1970)
        chunkPrefix = Array(
            "data: {\"id\":\"\(id)\",\"object\":\"chat.completion.chunk\",\"created\":\(created),\"model\":\(JSONString.quoted(model)),\"choices\":[{\"index\":0,\"delta\":{"
                .utf8)
    }

    func quoted(_ text: some StringProtocol) -> String {
        JSONString.quoted(text)
    }

    /// Appends one streamed chunk event carrying `content` to `bytes`.
    func appendChunkEvent(content: some StringProtocol, first: Bool, finishReason: String?, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: chunkPrefix)
        if first { bytes.append(contentsOf: #""role":"assistant","#.utf8) }
        bytes.append(contentsOf: #""content":"#.utf8)
        JSONString.appendQuoted(content, to: &bytes)
        bytes.append(contentsOf: #"},"finish_reason":"#.utf8)
        if let finishReason { JSONString.appendQuoted(finishReason, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: "}]}\n\n".utf8)
    }

    /// Appends the final chunk event that carries the token usage to `bytes`.
    func appendUsageEvent(prompt: Int, completion: Int, to bytes: inout [UInt8]) {
        let event =
            "data: {\"id\":\"\(id)\",\"object\":\"chat.completion.chunk\",\"created\":\(created),\"model\":\(quoted(model)),"
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion),"
            + "\"total_tokens\":\(prompt + completion)}}\n\n"
        bytes.append(contentsOf: event.utf8)
    }

    static let done = Array("data: [DONE]\n\n".utf8)
    static let malformed = Array("data: {\"choices\":[{\"delta\":{\"content\":\"trunc\n\n".utf8)

    func completionBody(content: String, finishReason: String, prompt: Int, completion: Int) -> String {
        "{\"id\":\"\(id)\",\"object\":\"chat.completion\",\"created\":\(created),\"model\":\(quoted(model)),"
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\(quoted(content))},"
            + "\"finish_reason\":\"\(finishReason)\"}],\"usage\":{\"prompt_tokens\":\(prompt),"
            + "\"completion_tokens\":\(completion),\"total_tokens\":\(prompt + completion)}}"
    }

    func modelsBody() -> String {
        "{\"object\":\"list\",\"data\":[{\"id\":\(quoted(model)),\"object\":\"model\",\"owned_by\":\"proctor\"}]}"
    }

    static func errorBody(_ message: String, type: String) -> String {
        "{\"error\":{\"message\":\"\(message)\",\"type\":\"\(type)\"}}"
    }
}

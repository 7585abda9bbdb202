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

    init(id: String, model: String) {
        self.id = id
        self.model = model
        created = Int(Date().timeIntervalSince1970)
    }

    func quoted(_ text: some StringProtocol) -> String {
        JSONString.quoted(text)
    }

    func chunkEvent(content: some StringProtocol, first: Bool, finishReason: String?) -> String {
        let role = first ? "\"role\":\"assistant\"," : ""
        let finish = finishReason.map { "\"\($0)\"" } ?? "null"
        return "data: {\"id\":\"\(id)\",\"object\":\"chat.completion.chunk\",\"created\":\(created),\"model\":\(quoted(model)),"
            + "\"choices\":[{\"index\":0,\"delta\":{\(role)\"content\":\(quoted(content))},\"finish_reason\":\(finish)}]}\n\n"
    }

    func usageEvent(prompt: Int, completion: Int) -> String {
        "data: {\"id\":\"\(id)\",\"object\":\"chat.completion.chunk\",\"created\":\(created),\"model\":\(quoted(model)),"
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion),"
            + "\"total_tokens\":\(prompt + completion)}}\n\n"
    }

    static let done = "data: [DONE]\n\n"
    static let malformed = "data: {\"choices\":[{\"delta\":{\"content\":\"trunc\n\n"

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

/// One message of a chat conversation, as the OpenAI chat API carries it.
///
/// ```swift
/// let question = ChatMessage(role: .user, content: "Q: 2+2?\nA:")
/// ```
public struct ChatMessage: Codable, Sendable, Hashable {
    /// Who wrote a message.
    public enum Role: String, Codable, Sendable, Hashable {
        /// Instructions that frame the conversation.
        case system
        /// The person asking.
        case user
        /// The model answering.
        case assistant
    }

    /// Who wrote this message.
    public var role: Role
    /// The text of the message.
    public var content: String

    /// Creates a message.
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

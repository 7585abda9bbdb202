import Foundation
import ProctorClient
import ProctorCore
import ProctorTestSupport
import Testing

/// Every way a server has been seen to answer badly, streamed and not: each is classified, never
/// scored as an empty or wrong answer.
@Suite("Chat client against a hostile server")
struct HostileServerTests {
    typealias Behaviour = HostileServer.Behaviour

    /// The class each behaviour must get when streamed (`nil`: a good answer), and a phrase its
    /// message must hold.
    static let streamed: [(Behaviour, CompletionError.Kind?, String)] = [
        (.garbage, .malformedResponse, "holds no server-sent event"),
        (.invalidUTF8, .malformedResponse, "the payload is not JSON"),
        (.hugeLine, .malformedResponse, "a line over 8388608 bytes"),
        (.choicesNotAList, .malformedResponse, "choices is not a list"),
        (.wrongTypes, .malformedResponse, "choices[0].index is not an integer"),
        (.nullChoices, .emptyResponse, "streamed no choices"),
        (.negativeUsage, .malformedResponse, "usage.completion_tokens is -5"),
        (.absurdUsage, .malformedResponse, "usage.completion_tokens is 1000000000000000"),
        (.html, .malformedResponse, "Content-Type text/html"),
        (.jsonToStream, .malformedResponse, "Content-Type application/json"),
        (.emptyBody, .malformedResponse, "an empty body"),
        (.commentsOnly, .malformedResponse, "holds no server-sent event (Content-Type text/event-stream)"),
        (.noDone, nil, ""),
        (.resetMidStream, .disconnected, ""),
        (.headersThenClose, .disconnected, ""),
    ]

    @Test("the table covers every behaviour")
    func covered() {
        #expect(Set(Self.streamed.map(\.0)) == Set(Behaviour.allCases))
    }

    @Test("streamed: each behaviour gets its class and a message naming what was wrong", arguments: streamed)
    func streamedAnswers(behaviour: Behaviour, expected: CompletionError.Kind?, phrase: String) async throws {
        try await HostileServer.run { base in
            let outcome = try await Self.ask(base, behaviour, stream: true)
            switch (outcome, expected) {
            case (.success(let completion), nil):
                #expect(completion.text == "The answer is 4.")
            case (.failure(let error), let kind?):
                #expect(error.kind == kind, "\(behaviour): \(error.kind.rawValue): \(error.message)")
                #expect(phrase.isEmpty || error.message.contains(phrase), "\(behaviour): \(error.message)")
                #expect(error.message.count < 500, "\(behaviour): the message quotes too much")
            default:
                Issue.record("\(behaviour): expected \(expected?.rawValue ?? "an answer"), got \(outcome)")
            }
        }
    }

    @Test("whole responses: a wrongly typed field is named, an HTML page or an empty body is malformed", arguments: [
        (Behaviour.html, "Content-Type text/html"), (.emptyBody, "not a chat completion"), (.garbage, "not a chat completion"),
    ])
    func wholeAnswers(behaviour: Behaviour, phrase: String) async throws {
        try await HostileServer.run { base in
            let outcome = try await Self.ask(base, behaviour, stream: false)
            guard case .failure(let error) = outcome else {
                Issue.record("\(behaviour): accepted")
                return
            }
            #expect(error.kind == .malformedResponse, "\(error.message)")
            #expect(error.message.contains(phrase), "\(error.message)")
        }
    }

    private static func ask(_ base: String, _ behaviour: Behaviour, stream: Bool) async throws -> Result<Completion, CompletionError> {
        let endpoint = try Endpoint(baseURL: "\(base)/\(behaviour.rawValue)/v1", model: "hostile")
        let configuration = ChatClientConfiguration(
            concurrency: 1, streaming: stream, requestTimeout: .seconds(30),
            retry: RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, maxRetryAfter: .zero))
        return try await withChatClient(endpoint: endpoint, configuration: configuration) { client in
            do {
                return .success(try await client.complete([ChatMessage(role: .user, content: "2+2?")], parameters: GenerationParameters()))
            } catch let error as CompletionError {
                return .failure(error)
            }
        }
    }
}

import Foundation
@testable import ProctorClient
import ProctorCore
import Testing

@Suite("Streamed chunk parsing")
struct ChunkScannerTests {
    @Test("the fast scanner reads what JSONSerialization reads", arguments: [
        #"{"id":"x","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}"#,
        #"{"choices":[{"delta":{"content":"a \"quoted\" \\ line\nnext\u00e9\ud83d\ude00 /"},"finish_reason":"stop","logprobs":null}],"usage":null}"#,
        #"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46,"prompt_tokens_details":{"cached_tokens":0}}}"#,
        #" { "model" : null , "choices" : [ { "delta" : { } , "finish_reason" : "length" } , { "delta" : {"content": "second"} } ] , "x": [1, -2.5e3, true, false, null, {"a": []}] } "#,
        #"{"choices":[{"delta":{"content":""},"finish_reason":null}],"timings":{"predicted_ms":12.5}}"#,
        #"{"id":"a\"b\\c\u00e9\ud83d\ude00","system_fingerprint":"fp","choices":[{"delta":{"content":"x"},"finish_reason":null}]}"#,
    ])
    func matchesFoundation(payload: String) throws {
        let fast = try #require(ChunkScanner.scan(payload.utf8))
        let reference = try ChatChunk(json: Data(payload.utf8))
        #expect(fast.model == reference.model)
        #expect(fast.hasChoices == reference.hasChoices)
        #expect(fast.content == reference.content)
        #expect(fast.finishReason == reference.finishReason)
        #expect(fast.usage == reference.usage)
    }

    @Test("anything unusual is left to JSONSerialization", arguments: [
        #"{"error":{"message":"overloaded"}}"#, #"{"choices":[{"delta":{"content":"cut"#, #"[1,2]"#, #"{"a":1} trailing"#,
        #"{"choices":"nope"}"#, #"{"usage":{"prompt_tokens":1.5}}"#, #"{"mo\u0064el":"m"}"#, #"{"id":"bad \q escape"}"#,
    ])
    func declines(payload: String) {
        #expect(ChunkScanner.scan(payload.utf8) == nil)
    }

    @Test func errorPayloadStillParses() throws {
        let chunk = try ChatChunk(payload: Array(#"{"error":{"message":"overloaded"}}"#.utf8))
        #expect(chunk.errorMessage == "overloaded")
        #expect(throws: ChunkShapeError(field: nil, problem: "is not JSON")) { try ChatChunk(payload: Array("{not json".utf8)) }
    }

    @Test("a field with the wrong type is an error naming the field, never an empty answer", arguments: [
        (#"{"choices": 7}"#, "choices is not a list"),
        (#"{"choices":[{"index":"zero","delta":{"content":"x"}}]}"#, "choices[0].index is not an integer"),
        (#"{"choices":[{"index":0,"delta":{"content":42}}]}"#, "choices[0].delta.content is not a string"),
        (#"{"choices":[{"delta":"text"}]}"#, "choices[0].delta is not an object"),
        (#"{"choices":[7]}"#, "choices[0] is not an object"),
        (#"{"choices":[{"delta":{},"finish_reason":1}]}"#, "choices[0].finish_reason is not a string"),
        (#"{"model":5,"choices":[]}"#, "model is not a string"),
        (#"{"choices":[],"usage":{"completion_tokens":-5}}"#, "usage.completion_tokens is -5, not a token count"),
        (#"{"choices":[],"usage":{"completion_tokens":1000000000000000}}"#, "usage.completion_tokens is 1000000000000000, not a token count"),
        (#"{"choices":[],"usage":{"prompt_tokens":true}}"#, "usage.prompt_tokens is not an integer"),
        (#"{"choices":[],"usage":"lots"}"#, "usage is not an object"),
        ("[1,2]", "the payload is not a JSON object"),
    ])
    func wrongTypes(payload: String, message: String) {
        do {
            _ = try ChatChunk(payload: Array(payload.utf8))
            Issue.record("\(payload) was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("null choices and null fields are absent, not wrong")
    func nulls() throws {
        let chunk = try ChatChunk(payload: Array(#"{"model":null,"choices":null,"usage":null,"error":null}"#.utf8))
        #expect(!chunk.hasChoices && chunk.model == nil && chunk.usage == nil && chunk.errorMessage == nil)
    }

    @Test("request bodies are valid JSON with every parameter")
    func requestBody() throws {
        let body = ChatRequestBody(
            model: "m\"1", messages: [ChatMessage(role: .system, content: "be\tbrief"), ChatMessage(role: .user, content: "Q: \u{1}?\nA:")],
            parameters: GenerationParameters(temperature: 0.5, maxTokens: 64, seed: 7, stop: ["a", "b", "c", "d", "e"], topP: 0.9),
            stream: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.json)) as? [String: Any])
        #expect(object["model"] as? String == "m\"1")
        let messages = try #require(object["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "be\tbrief"], ["role": "user", "content": "Q: \u{1}?\nA:"]])
        #expect(object["temperature"] as? Double == 0.5)
        #expect(object["max_tokens"] as? Int == 64)
        #expect(object["seed"] as? Int == 7)
        #expect(object["top_p"] as? Double == 0.9)
        #expect(object["stop"] as? [String] == ["a", "b", "c", "d"])
        #expect(object["stream"] as? Bool == true)
        #expect((object["stream_options"] as? [String: Bool])?["include_usage"] == true)
    }
}

/// Starting inputs for the response targets: the shapes servers send, taken from llama-server,
/// vLLM and OpenAI answers and from the hostile server's behaviours.
enum StreamSeeds {
    /// Single `data:` payloads.
    static let payloads = [
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"smollm","choices":[{"index":0,"delta":{"role":"assistant","content":"The"},"finish_reason":null}]}"#,
        #"{"choices":[{"index":0,"delta":{"content":" answer \"is\" \u00e9\n\ud83d\ude00"},"logprobs":null,"finish_reason":null}],"model":"m"}"#,
        #"{"choices":[{"finish_reason":"stop","index":0,"delta":{}}],"created":1,"model":"m","object":"chat.completion.chunk"}"#,
        #"{"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46},"model":"m"}"#,
        #"{"error":{"message":"context length exceeded","type":"invalid_request_error"}}"#,
        #"{"choices": 7}"#,
        #"{"choices":[{"index":"zero","delta":{"content":42},"finish_reason":null}]}"#,
        #"{"model":"hostile","choices":null}"#,
        #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":-5}}"#,
        #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1000000000000000}}"#,
        #" { "model" : null , "choices" : [ { "delta" : { "content" : null } , "finish_reason" : "length" } ] , "extra" : [1, 2.5e3, true, false, {"a": [null]}] } "#,
    ]

    /// Whole streamed bodies.
    static let streams: [String] = [
        payloads.prefix(4).map { "data: \($0)\n\n" }.joined() + "data: [DONE]\n\n",
        payloads.prefix(3).map { "data: \($0)\r\n\r\n" }.joined(),
        ": keep-alive\n\nevent: message\nid: 7\nretry: 100\ndata: \(payloads[0])\n\ndata: [DONE]\n\n",
        "data: \(payloads[1])\n\ndata: \(payloads[4])\n\n",
        "data: \(payloads[5])\n\ndata: [DONE]\n\n",
        "data: {\"choices\":[{\"delta\":{\"content\":\"split\n",
        "data: \(payloads[0])\n\n",
        ": only comments\n\n: more\n\n",
        "<!doctype html><html><body>502 Bad Gateway</body></html>",
        #"{"choices":[{"message":{"content":"whole"}}]}"#,
        "",
        "data:\(payloads[2])\rdata: [DONE]\r\r",
    ]

    /// Whole (non-streamed) bodies.
    static let wholeBodies = [
        #"{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"smollm","choices":[{"index":0,"message":{"role":"assistant","content":"The answer is 18."},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":6,"total_tokens":26}}"#,
        #"{"choices":[{"message":{"content":null},"finish_reason":"length"}]}"#,
        #"{"choices":[]}"#,
        #"{"choices":[{"message":{"content":42}}]}"#,
        #"{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":-1,"completion_tokens":2}}"#,
        "data: {\"choices\":[]}\n\n",
        "<html>error</html>",
        "",
    ]
}

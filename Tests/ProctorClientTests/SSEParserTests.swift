import ProctorClient
import Testing

@Suite("Server-sent events parser")
struct SSEParserTests {
    func parse(_ chunks: [String]) throws -> [String] {
        var parser = SSEParser()
        var data: [String] = []
        for chunk in chunks { data += try parser.feed(Array(chunk.utf8)).map(\.data) }
        if let last = parser.finish() { data.append(last.data) }
        return data
    }

    @Test func wholeEvents() throws {
        #expect(try parse(["data: {\"a\":1}\n\ndata: [DONE]\n\n"]) == ["{\"a\":1}", "[DONE]"])
    }

    @Test("events split at every byte boundary come out the same")
    func splitAnywhere() throws {
        let stream = "data: {\"x\":\"é\"}\r\n\r\n: keep-alive\n\ndata: second\n\n"
        let bytes = Array(stream.utf8)
        for cut in 1..<bytes.count {
            var parser = SSEParser()
            var data = try parser.feed(bytes[..<cut]).map(\.data)
            data += try parser.feed(bytes[cut...]).map(\.data)
            #expect(data == ["{\"x\":\"é\"}", "second"], "cut at \(cut)")
        }
    }

    @Test("CRLF, CR and LF all end lines, also when CR and LF arrive apart")
    func lineEndings() throws {
        #expect(try parse(["data: a\r\n\r\n", "data: b\r\r", "data: c\n\n"]) == ["a", "b", "c"])
        #expect(try parse(["data: a\r", "\n\r", "\n"]) == ["a"])
    }

    @Test("comments are skipped; events without data are not dispatched")
    func commentsAndEmptyEvents() throws {
        #expect(try parse([": ping\n\n", "event: keepalive\n\n", "id: 3\ndata: x\n\n"]) == ["x"])
    }

    @Test("several data lines join with LF; one leading space is dropped")
    func multiLineData() throws {
        #expect(try parse(["data:  two spaces\ndata:none\n\n"]) == [" two spaces\nnone"])
    }

    @Test("a final event without a blank line is still delivered at the end")
    func unterminatedFinalEvent() throws {
        #expect(try parse(["data: [DONE]"]) == ["[DONE]"])
    }

    @Test func eventType() throws {
        var parser = SSEParser()
        let events = try parser.feed(Array("event: error\ndata: oops\n\n".utf8))
        #expect(events.first?.event == "error")
    }

    @Test("an endless line is refused, not buffered")
    func lineLimit() {
        var parser = SSEParser(maximumLineLength: 16)
        #expect(throws: SSEParser.LineTooLong.self) { try parser.feed(Array(String(repeating: "x", count: 17).utf8)) }
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func exponentialBackoffWithJitterAndCap() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .milliseconds(350), maxRetryAfter: .seconds(2))
        #expect(policy.delay(afterAttempt: 1, retryAfter: nil, jitter: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, jitter: 1) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil, jitter: 1) == .milliseconds(350))
        #expect(policy.delay(afterAttempt: 2, retryAfter: nil, jitter: 0.5) == .milliseconds(100))
    }

    @Test("Retry-After wins over backoff, capped")
    func retryAfter() {
        let policy = RetryPolicy.default
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(600)) == .seconds(60))
    }
}

@Suite("Endpoints")
struct EndpointTests {
    @Test func normalisesBaseURL() throws {
        #expect(try Endpoint(baseURL: "http://h:8000", model: "m").baseURL == "http://h:8000/v1")
        #expect(try Endpoint(baseURL: "http://h:8000/v1/", model: "m").chatCompletionsURL == "http://h:8000/v1/chat/completions")
        #expect(throws: EndpointError.self) { try Endpoint(baseURL: "ftp://h", model: "m") }
        #expect(throws: EndpointError.self) { try Endpoint(baseURL: "not a url", model: "m") }
    }

    @Test("the description never holds the key")
    func noSecretInDescription() throws {
        let endpoint = try Endpoint(baseURL: "http://h/v1", model: "m", apiKeyEnvironmentVariable: "SECRET_KEY")
        #expect(!endpoint.description.contains("SECRET"))
    }
}

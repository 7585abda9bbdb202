import Foundation
import ProctorClient
import ProctorCore
import ProctorEngine
import ProctorTestSupport
import Testing
import Tracing

@testable import ProctorTelemetry

@Suite("OTLP export")
struct OTLPExportTests {
    @Test("the wire format: varints, fixed64 times, and zero kept where it is a value")
    func wire() throws {
        var writer = ProtobufWriter()
        writer.uint(1, 300)
        writer.uint(2, 0)
        writer.int(3, 0, keepZero: true)
        writer.fixed64(4, 1)
        writer.string(5, "é")
        #expect(writer.bytes == [0x08, 0xAC, 0x02, 0x18, 0x00, 0x21, 1, 0, 0, 0, 0, 0, 0, 0, 0x2A, 0x02, 0xC3, 0xA9])
        // A message of 200 bytes gets a two-byte length written in place, and nests correctly.
        var outer = ProtobufWriter()
        outer.message(1) { $0.message(2) { $0.string(3, String(repeating: "x", count: 197)) } }
        #expect(Array(outer.bytes.prefix(6)) == [0x0A, 0xCB, 0x01, 0x12, 0xC8, 0x01])
        #expect(outer.bytes.count == 3 + 3 + 200)
        let middle = try #require(try ProtobufReader.messages(outer.bytes, 1).first)
        let inner = try #require(try ProtobufReader.messages(middle, 2).first)
        #expect(try ProtobufReader.string(inner, 3)?.count == 197)
    }

    @Test("a request carries the resource, the scope and every span with ids, times, kind, attributes and status")
    func encoding() throws {
        let span = SpanRecord(
            traceId: Array(repeating: 1, count: 16), spanId: Array(repeating: 2, count: 8), parentSpanId: Array(repeating: 3, count: 8),
            name: "chat m", kind: .client, startNanoseconds: 1_700_000_000_000_000_000, endNanoseconds: 1_700_000_001_000_000_000,
            attributes: [("llm.token_count.prompt", .int(0)), ("gen_ai.response.finish_reasons", .strings(["stop"])), ("x", .double(0.5)), ("y", .bool(true))],
            error: "timeout")
        let body = OTLPTraceEncoding.request(spans: [span], resource: [("service.name", .string("proctor"))], scope: "proctor", version: "1")
        let decoded = try ProtobufReader.spans(body)
        #expect(decoded.resource == ["service.name": "proctor"])
        let only = try #require(decoded.spans.first)
        #expect(only.traceId == span.traceId)
        #expect(only.parentSpanId == span.parentSpanId)
        #expect(only.name == "chat m")
        #expect(only.kind == 3)
        #expect(only.end - only.start == 1_000_000_000)
        #expect(only.attributes == ["llm.token_count.prompt": "0", "gen_ai.response.finish_reasons": "stop", "x": "0.5", "y": "true"])
        #expect(only.statusCode == 2)
    }

    @Test("settings: the flag is a base URL, the traces variable a full one, headers decoded, gRPC refused")
    func settings() throws {
        let flag = try #require(try OTLPSettings.resolve(endpoint: "http://127.0.0.1:6006/", project: "p", environment: [:]))
        #expect(flag.configuration.tracesURL == "http://127.0.0.1:6006/v1/traces")
        #expect(try OTLPSettings.resolve(endpoint: nil, project: "p", environment: [:]) == nil)
        let environment = [
            "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_EXPORTER_OTLP_HEADERS": "authorization=Bearer%20abc,x-team=ml",
            "OTEL_SERVICE_NAME": "bench", "OTEL_RESOURCE_ATTRIBUTES": "deployment.environment=ci",
        ]
        let general = try #require(try OTLPSettings.resolve(endpoint: nil, project: "p", environment: environment))
        #expect(general.configuration.tracesURL == "http://collector:4318/v1/traces")
        #expect(general.configuration.headers.map(\.value) == ["Bearer abc", "ml"])
        #expect(general.configuration.resource.map(\.key) == ["service.name", "openinference.project.name", "deployment.environment"])
        var traces = environment
        traces["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "https://x.example/custom/traces"
        #expect(try OTLPSettings.resolve(endpoint: nil, project: "p", environment: traces)?.configuration.tracesURL == "https://x.example/custom/traces")
        #expect(throws: ProctorError.self) { try OTLPSettings.resolve(endpoint: "localhost:6006", project: "p", environment: [:]) }
        #expect(throws: ProctorError.self) {
            try OTLPSettings.resolve(endpoint: nil, project: "p", environment: ["OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4317", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"])
        }
        #expect(try OTLPSettings.resolve(endpoint: nil, project: "p", environment: ["OTEL_SDK_DISABLED": "true", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c"]) == nil)
    }

    @Test("calls through the simulator arrive as LLM spans under their sample span, with tokens and TTFT; the API key in none")
    func tracedCalls() async throws {
        let canary = "sk-canary-\(UUID().uuidString)"
        setenv("PROCTOR_TEST_CANARY_KEY", canary, 1)
        try await OTLPReceiver.run { base, receiver in
            let exporter = OTLPExporter(configuration: .init(tracesURL: base + "/v1/traces", batchSize: 2), version: "test")
            let runner = Task { await exporter.run() }
            let tracer = OTLPTracer(exporter: exporter)
            try await withSimulator { simulator in
                var endpoint = simulator
                endpoint.apiKeyEnvironmentVariable = "PROCTOR_TEST_CANARY_KEY"
                try await withChatClient(endpoint: endpoint) { client in
                    let traced = TracedChatClient(client, model: endpoint.model, role: "model", includeContent: true, tracer: tracer)
                    for index in 0..<3 {
                        try await tracer.withSpan("sample test") { span in
                            span.attributes["openinference.span.kind"] = "CHAIN"
                            _ = try await traced.complete(
                                [ChatMessage(role: .user, content: "question \(index)")], parameters: GenerationParameters(maxTokens: 8),
                                context: RequestContext(sampleId: "s\(index)", turn: 1))
                        }
                    }
                }
            }
            let statistics = await exporter.finish(after: runner)
            #expect(statistics == OTLPExporter.Statistics(sent: 6, dropped: 0, failed: 0, lastError: nil))
            let bodies = receiver.received
            #expect(bodies.count >= 3)
            let spans = try bodies.flatMap { try ProtobufReader.spans($0).spans }
            let samples = spans.filter { $0.name == "sample test" }
            let calls = spans.filter { $0.name.hasPrefix("chat ") }
            #expect(samples.count == 3)
            #expect(calls.count == 3)
            for call in calls {
                let parent = try #require(samples.first { $0.spanId == call.parentSpanId })
                #expect(parent.traceId == call.traceId)
                #expect(call.kind == 3)
                #expect(call.attributes["openinference.span.kind"] == "LLM")
                #expect(call.attributes["llm.model_name"] == endpoint(call))
                #expect(Int(call.attributes["llm.token_count.completion"] ?? "") ?? 0 > 0)
                #expect(Double(call.attributes["gen_ai.response.time_to_first_chunk"] ?? "") ?? -1 >= 0)
                #expect(call.attributes["llm.input_messages.0.message.content"]?.hasPrefix("question ") == true)
                #expect(call.attributes["proctor.sample_id"]?.hasPrefix("s") == true)
                #expect(call.statusCode == 1)
            }
            for body in bodies { #expect(String(decoding: body, as: UTF8.self).contains(canary) == false) }
        }
    }

    private func endpoint(_ span: ProtobufReader.Span) -> String? { span.attributes["llm.request.model_name"] }

    @Test("a failed call is an error span with its class and no content; a receiver that refuses is counted, not retried")
    func failures() async throws {
        try await OTLPReceiver.run { base, receiver in
            let failing = FakeChat { _ in throw CompletionError(kind: .timeout, message: "no answer", statusCode: nil, attempts: 1) }
            for path in ["/v1/traces", "/missing/v1/traces"] {
                let exporter = OTLPExporter(configuration: .init(tracesURL: base + path), version: "test")
                let runner = Task { await exporter.run() }
                let traced = TracedChatClient(failing, model: "m", role: "judge", includeContent: false, tracer: OTLPTracer(exporter: exporter))
                await #expect(throws: CompletionError.self) {
                    try await traced.complete([ChatMessage(role: .user, content: "secret prompt")], parameters: GenerationParameters(), context: .none)
                }
                let statistics = await exporter.finish(after: runner)
                if path == "/v1/traces" {
                    #expect(statistics.sent == 1)
                    let body = try #require(receiver.received.first)
                    let span = try #require(try ProtobufReader.spans(body).spans.first)
                    #expect(span.attributes["error.type"] == "timeout")
                    #expect(span.attributes["proctor.role"] == "judge")
                    #expect(span.statusCode == 2)
                    #expect(!span.attributes.values.contains { $0.contains("secret prompt") })
                } else {
                    #expect(statistics.failed == 1)
                    #expect(statistics.lastError?.contains("HTTP 404") == true)
                    #expect(receiver.received.count == 1)
                }
            }
        }
    }
}

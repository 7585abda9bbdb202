/// Encodes spans as OTLP's `ExportTraceServiceRequest` (opentelemetry-proto
/// `collector/trace/v1/trace_service.proto`), the body of `POST /v1/traces` with
/// `Content-Type: application/x-protobuf` — the one format Phoenix's HTTP ingest accepts.
public enum OTLPTraceEncoding {
    /// The request body for `spans` from a service described by `resource` attributes.
    public static func request(spans: [SpanRecord], resource: [(key: String, value: SpanRecord.Value)], scope: String, version: String) -> [UInt8] {
        var request = ProtobufWriter()
        request.message(1) { resourceSpans in  // ResourceSpans
            resourceSpans.message(1) { resourceMessage in  // Resource
                for attribute in resource { resourceMessage.message(1) { keyValue(&$0, attribute) } }
            }
            resourceSpans.message(2) { scopeSpans in  // ScopeSpans
                scopeSpans.message(1) { instrumentation in  // InstrumentationScope
                    instrumentation.string(1, scope)
                    instrumentation.string(2, version)
                }
                for span in spans { scopeSpans.message(2) { encode(span, into: &$0) } }
            }
        }
        return request.bytes
    }

    private static func encode(_ span: SpanRecord, into writer: inout ProtobufWriter) {
        writer.bytes(1, span.traceId)
        writer.bytes(2, span.spanId)
        if !span.parentSpanId.isEmpty { writer.bytes(4, span.parentSpanId) }
        writer.string(5, span.name)
        writer.uint(6, span.kind.rawValue)
        writer.fixed64(7, span.startNanoseconds)
        writer.fixed64(8, span.endNanoseconds)
        for attribute in span.attributes { writer.message(9) { keyValue(&$0, attribute) } }
        writer.message(15) { status in  // Status: message 2, code 3 (OK 1, ERROR 2)
            if let error = span.error {
                status.string(2, error)
                status.uint(3, 2)
            } else {
                status.uint(3, 1)
            }
        }
    }

    private static func keyValue(_ writer: inout ProtobufWriter, _ attribute: (key: String, value: SpanRecord.Value)) {
        writer.string(1, attribute.key)
        writer.message(2) { anyValue(&$0, attribute.value) }
    }

    private static func anyValue(_ writer: inout ProtobufWriter, _ value: SpanRecord.Value) {
        switch value {
        case .string(let text): writer.bytes(1, Array(text.utf8))
        case .bool(let flag): writer.bool(2, flag)
        case .int(let number): writer.int(3, number, keepZero: true)
        case .double(let number): writer.double(4, number)
        case .strings(let texts):
            writer.message(5) { array in  // ArrayValue { repeated AnyValue values = 1 }
                for text in texts { array.message(1) { $0.bytes(1, Array(text.utf8)) } }
            }
        }
    }
}

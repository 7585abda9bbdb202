/// A finished span as OTLP carries it: ids, name, kind, times, attributes and status. The tracer
/// makes one when a span ends; the exporter batches and encodes them.
public struct SpanRecord: Sendable, Hashable {
    /// A typed attribute value, as OTLP's `AnyValue` holds it.
    public enum Value: Sendable, Hashable {
        /// Text.
        case string(String)
        /// A whole number.
        case int(Int64)
        /// A real number.
        case double(Double)
        /// A flag.
        case bool(Bool)
        /// A list of texts (finish reasons).
        case strings([String])
    }

    /// OTLP's span kinds.
    public enum Kind: UInt64, Sendable, Hashable {
        /// Work inside Proctor (a sample).
        case `internal` = 1
        /// A server's handling of a request.
        case server = 2
        /// A call to another service (a model or judge request).
        case client = 3
        /// A message sent.
        case producer = 4
        /// A message received.
        case consumer = 5
    }

    /// 16 bytes.
    public var traceId: [UInt8]
    /// 8 bytes.
    public var spanId: [UInt8]
    /// 8 bytes, or empty for a root span.
    public var parentSpanId: [UInt8]
    /// The operation's name.
    public var name: String
    /// The kind.
    public var kind: Kind
    /// Start, nanoseconds since the Unix epoch.
    public var startNanoseconds: UInt64
    /// End, nanoseconds since the Unix epoch.
    public var endNanoseconds: UInt64
    /// Attributes, in the order the span holds them.
    public var attributes: [(key: String, value: Value)]
    /// Whether the span failed, and why.
    public var error: String?

    /// Creates a record.
    public init(
        traceId: [UInt8], spanId: [UInt8], parentSpanId: [UInt8], name: String, kind: Kind, startNanoseconds: UInt64,
        endNanoseconds: UInt64, attributes: [(key: String, value: Value)], error: String?
    ) {
        self.traceId = traceId
        self.spanId = spanId
        self.parentSpanId = parentSpanId
        self.name = name
        self.kind = kind
        self.startNanoseconds = startNanoseconds
        self.endNanoseconds = endNanoseconds
        self.attributes = attributes
        self.error = error
    }

    /// The attribute `key`'s value, if set.
    public subscript(key: String) -> Value? { attributes.first { $0.key == key }?.value }

    /// Equal when every field and attribute is.
    public static func == (lhs: SpanRecord, rhs: SpanRecord) -> Bool {
        lhs.traceId == rhs.traceId && lhs.spanId == rhs.spanId && lhs.parentSpanId == rhs.parentSpanId && lhs.name == rhs.name
            && lhs.kind == rhs.kind && lhs.startNanoseconds == rhs.startNanoseconds && lhs.endNanoseconds == rhs.endNanoseconds
            && lhs.error == rhs.error && lhs.attributes.map(\.key) == rhs.attributes.map(\.key)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    /// Hashes the ids, which identify a span.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(traceId)
        hasher.combine(spanId)
    }
}

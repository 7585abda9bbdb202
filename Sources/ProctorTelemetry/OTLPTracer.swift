import Foundation
import ProctorCore
public import Tracing
import Synchronization

/// A swift-distributed-tracing ``Tracer`` that hands every ended span to an ``OTLPExporter``.
/// Bootstrapped once per process (`InstrumentationSystem.bootstrap`) when tracing is asked for;
/// otherwise the no-op tracer stays, and `withSpan` costs next to nothing.
public struct OTLPTracer: Tracer {
    /// The exporter spans go to.
    public let exporter: OTLPExporter

    /// A tracer exporting through `exporter`.
    public init(exporter: OTLPExporter) {
        self.exporter = exporter
    }

    /// Starts a span, the child of the span in `context` if there is one.
    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> OTLPSpan {
        let parentContext = context()
        let parent = parentContext.otlpSpanIdentity
        let identity = SpanIdentity(traceId: parent?.traceId ?? SpanIdentity.randomBytes(16), spanId: SpanIdentity.randomBytes(8))
        var spanContext = parentContext
        spanContext.otlpSpanIdentity = identity
        return OTLPSpan(
            name: operationName, kind: kind, context: spanContext, identity: identity, parentSpanId: parent?.spanId ?? [],
            startNanoseconds: instant().nanosecondsSinceEpoch, exporter: exporter)
    }

    /// Sends what is queued.
    public func forceFlush() {
        exporter.requestFlush()
    }

    /// Proctor does not propagate trace context to the servers it tests.
    public func inject<Carrier, Inject: Injector>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject.Carrier == Carrier {}

    /// Proctor receives no trace context.
    public func extract<Carrier, Extract: Extractor>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract.Carrier == Carrier {}
}

/// A span's trace and span ids.
struct SpanIdentity: Sendable, Hashable {
    var traceId: [UInt8]
    var spanId: [UInt8]

    /// Ids come from a SplitMix64 stream seeded once from the system's generator: unique enough
    /// for tracing, and one multiply-shift per 8 bytes instead of a system call per id.
    private static let generator = Mutex(SplitMix64(seed: UInt64.random(in: .min ... .max)))

    static func randomBytes(_ count: Int) -> [UInt8] {
        generator.withLock { generator in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            while bytes.count < count {
                let word = generator.next()
                for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                    bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
                }
            }
            return bytes
        }
    }
}

private enum SpanIdentityKey: ServiceContextKey {
    typealias Value = SpanIdentity
}

extension ServiceContext {
    var otlpSpanIdentity: SpanIdentity? {
        get { self[SpanIdentityKey.self] }
        set { self[SpanIdentityKey.self] = newValue }
    }
}

/// A span being recorded; ending it passes a ``SpanRecord`` to the exporter.
public final class OTLPSpan: Tracing.Span, Sendable {
    private struct State {
        var name: String
        var attributes: SpanAttributes = [:]
        var error: String?
        var ended = false
    }

    /// The span's context, holding its ids for children.
    public let context: InstrumentationContext
    private let kind: SpanKind
    private let identity: SpanIdentity
    private let parentSpanId: [UInt8]
    private let startNanoseconds: UInt64
    private let exporter: OTLPExporter
    private let state: Mutex<State>

    init(
        name: String, kind: SpanKind, context: InstrumentationContext, identity: SpanIdentity, parentSpanId: [UInt8],
        startNanoseconds: UInt64, exporter: OTLPExporter
    ) {
        self.context = context
        self.kind = kind
        self.identity = identity
        self.parentSpanId = parentSpanId
        self.startNanoseconds = startNanoseconds
        self.exporter = exporter
        state = Mutex(State(name: name))
    }

    /// The operation's name.
    public var operationName: String {
        get { state.withLock { $0.name } }
        set { state.withLock { $0.name = newValue } }
    }

    /// The span's attributes.
    public var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    /// Always recording: a span exists only when tracing is on.
    public var isRecording: Bool { true }

    /// Sets the status; an error status marks the span failed with its message.
    public func setStatus(_ status: SpanStatus) {
        if status.code == .error { state.withLock { $0.error = status.message ?? "error" } }
    }

    /// Events are not exported.
    public func addEvent(_ event: SpanEvent) {}

    /// Marks the span failed with the error's description.
    public func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        state.withLock { $0.error = String(describing: error) }
    }

    /// Links are not exported.
    public func addLink(_ link: SpanLink) {}

    /// Ends the span (once) and queues it for export.
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        let end = instant().nanosecondsSinceEpoch
        guard let finished = state.withLock({ state -> State? in
            guard !state.ended else { return nil }
            state.ended = true
            return state
        }) else { return }
        var attributes: [(key: String, value: SpanRecord.Value)] = []
        attributes.reserveCapacity(finished.attributes.count)
        finished.attributes.forEach { key, value in
            if let converted = Self.convert(value) { attributes.append((key, converted)) }
        }
        exporter.enqueue(
            SpanRecord(
                traceId: identity.traceId, spanId: identity.spanId, parentSpanId: parentSpanId, name: finished.name,
                kind: SpanRecord.Kind(kind), startNanoseconds: startNanoseconds, endNanoseconds: max(end, startNanoseconds),
                attributes: attributes, error: finished.error))
    }

    private static func convert(_ attribute: SpanAttribute) -> SpanRecord.Value? {
        switch attribute {
        case .string(let text): .string(text)
        case .int32(let number): .int(Int64(number))
        case .int64(let number): .int(number)
        case .double(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .stringArray(let texts): .strings(texts)
        case .stringConvertible(let value): .string(value.description)
        default: nil
        }
    }
}

extension SpanRecord.Kind {
    init(_ kind: SpanKind) {
        switch kind {
        case .server: self = .server
        case .client: self = .client
        case .producer: self = .producer
        case .consumer: self = .consumer
        default: self = .internal
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ProctorCore
import Synchronization

/// Answers chat requests according to a ``SimulatorConfiguration``: faults first, then a FIFO
/// wait for a slot, then tokens at the configured rate.
final class SimulatorHandler: Sendable {
    let configuration: SimulatorConfiguration
    let slots: FIFOSemaphore
    private let faults: FaultInjector
    private let requestCounter = Atomic<Int>(0)

    init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        slots = FIFOSemaphore(slots: configuration.slots)
        faults = FaultInjector(configuration.faults)
    }

    /// A simulated generation stopped on purpose (the disconnect fault).
    struct InjectedDisconnect: Error {}

    func models() -> Response {
        let wire = SimulatorWire(id: "models", model: configuration.modelName)
        return Self.json(.ok, wire.modelsBody())
    }

    func chatCompletion(_ request: Request) async throws -> Response {
        let bytes = try await request.body.collect(upTo: 64 * 1024 * 1024)
        let decoded: SimulatorRequest
        do {
            decoded = try JSONDecoder().decode(SimulatorRequest.self, from: Data(bytes.readableBytesView))
        } catch {
            return Self.json(.badRequest, SimulatorWire.errorBody("request body is not a chat completion request", type: "invalid_request_error"))
        }
        let number = requestCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let fault = faults.next()
        switch fault {
        case .serverError:
            return Self.json(.internalServerError, SimulatorWire.errorBody("injected server error", type: "server_error"))
        case .rateLimit:
            var response = Self.json(.tooManyRequests, SimulatorWire.errorBody("injected rate limit", type: "rate_limit"))
            response.headers[.retryAfter] = Self.format(configuration.faults.retryAfterSeconds)
            return response
        default:
            break
        }
        let sampleId = HTTPField.Name(RequestContext.sampleIdHeader).flatMap { request.headers[$0] }
        let turn = HTTPField.Name(RequestContext.turnHeader).flatMap { request.headers[$0] }
        var tokens = SimulatedTokenizer.tokens(
            configuration.answers.answer(for: decoded.lastUserMessage, sampleId: sampleId, turn: turn))
        var finishReason = "stop"
        if decoded.ignoreEOS == true, let limit = decoded.tokenLimit, tokens.count < limit, !tokens.isEmpty {
            // `ignore_eos`: keep generating (the answer again) until the limit, as a real server would.
            tokens = (0..<limit).map { tokens[$0 % tokens.count] }
            finishReason = "length"
        }
        if let limit = decoded.tokenLimit, limit >= 0, tokens.count > limit {
            tokens = Array(tokens.prefix(limit))
            finishReason = "length"
        }
        let promptTokens = decoded.messages.reduce(0) { $0 + SimulatedTokenizer.count($1.content) }
        let plan = Generation(
            wire: SimulatorWire(id: "chatcmpl-sim-\(number)", model: configuration.modelName), tokens: tokens,
            finishReason: finishReason, promptTokens: promptTokens, fault: fault,
            includeUsage: decoded.streamOptions?.includeUsage ?? false)
        if decoded.stream ?? false {
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: ResponseBody { [self] writer in
                try await stream(plan, to: &writer)
                try await writer.finish(nil)
            })
        }
        return try await whole(plan)
    }

    struct Generation: Sendable {
        var wire: SimulatorWire
        var tokens: [Substring]
        var finishReason: String
        var promptTokens: Int
        var fault: SimulatedFault
        var includeUsage: Bool
    }

    private func stream(_ plan: Generation, to writer: inout any ResponseBodyWriter) async throws {
        if plan.fault == .stall {
            try await Task.sleep(for: configuration.faults.stallDuration)
            return
        }
        await slots.acquire()
        defer { slots.release() }
        let start = ContinuousClock.now
        let cutAt = plan.fault == .disconnect || plan.fault == .malformed ? plan.tokens.count / 2 : Int.max
        var pending: [UInt8] = []
        pending.reserveCapacity(4096)
        for (index, token) in plan.tokens.enumerated() {
            if index == cutAt {
                if plan.fault == .disconnect {
                    try await writer.write(ByteBuffer(bytes: pending))
                    throw InjectedDisconnect()
                }
                pending += SimulatorWire.malformed
            }
            let last = index == plan.tokens.count - 1
            plan.wire.appendChunkEvent(content: token, first: index == 0, finishReason: last ? plan.finishReason : nil, to: &pending)
            if let due = arrival(ofToken: index, after: start) {
                try await Task.sleep(until: due, clock: .continuous)
                try await writer.write(ByteBuffer(bytes: pending))
                pending.removeAll(keepingCapacity: true)
            }
        }
        if plan.tokens.isEmpty {
            plan.wire.appendChunkEvent(content: "", first: true, finishReason: plan.finishReason, to: &pending)
        }
        if plan.includeUsage {
            plan.wire.appendUsageEvent(prompt: plan.promptTokens, completion: plan.tokens.count, to: &pending)
        }
        pending += SimulatorWire.done
        try await writer.write(ByteBuffer(bytes: pending))
    }

    /// When token `index` is due, or `nil` when generation is instantaneous. Tokens are sent on an
    /// absolute schedule (TTFT, then one every 1/rate seconds) so delays never accumulate drift.
    private func arrival(ofToken index: Int, after start: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        let rate = configuration.tokensPerSecond
        guard rate > 0 || configuration.timeToFirstToken > .zero else { return nil }
        let perToken = rate > 0 ? Duration.seconds(1 / rate) : .zero
        return start + configuration.timeToFirstToken + perToken * (index + 1) - perToken
    }

    private func whole(_ plan: Generation) async throws -> Response {
        if plan.fault == .stall {
            try await Task.sleep(for: configuration.faults.stallDuration)
        }
        await slots.acquire()
        defer { slots.release() }
        let start = ContinuousClock.now
        if let due = arrival(ofToken: max(0, plan.tokens.count - 1), after: start) {
            try await Task.sleep(until: due, clock: .continuous)
        }
        switch plan.fault {
        case .disconnect:
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let partial = String(plan.wire.completionBody(content: plan.tokens.joined(), finishReason: plan.finishReason,
                prompt: plan.promptTokens, completion: plan.tokens.count).prefix(40))
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: partial))
                throw InjectedDisconnect()
            })
        case .malformed:
            return Self.json(.ok, "{\"choices\": [")
        default:
            let body = plan.wire.completionBody(
                content: plan.tokens.joined(), finishReason: plan.finishReason, prompt: plan.promptTokens,
                completion: plan.tokens.count)
            return Self.json(.ok, body)
        }
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

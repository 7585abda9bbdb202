import Foundation
import Synchronization
public import ProctorCore
public import Tracing

/// Wraps a chat client so that every model or judge call becomes an LLM span with OpenInference
/// attributes (span kind, model, invocation parameters, token counts, error type) and their OTel
/// GenAI equivalents (time to first chunk among them). Prompts and answers are added only when
/// `includeContent` is set; API keys and endpoint URLs never are.
///
/// Installed only when tracing is on, so that an untraced run pays nothing for it.
public struct TracedChatClient: ChatCompleting {
    /// Who answers.
    public let base: any ChatCompleting
    /// The model name requested.
    public let model: String
    /// `model` or `judge`, recorded as `proctor.role`.
    public let role: String
    /// Whether prompts and answers go into the spans (`--trace-content`).
    public let includeContent: Bool
    /// The tracer spans start in: the bootstrapped one unless a test passes its own.
    public let tracer: any Tracer
    private let encodedParameters = ParametersCache()

    /// Wraps `base`.
    public init(_ base: any ChatCompleting, model: String, role: String, includeContent: Bool, tracer: (any Tracer)? = nil) {
        self.base = base
        self.model = model
        self.role = role
        self.includeContent = includeContent
        self.tracer = tracer ?? InstrumentationSystem.tracer
    }

    /// Answers through the wrapped client inside a span.
    public func complete(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) async throws -> Completion {
        let span: any Span = tracer.startSpan("chat \(model)", ofKind: .client)
        describe(span, messages: messages, parameters: parameters, context: context)
        do {
            let completion = try await InstrumentationContext.withValue(span.context) {
                try await base.complete(messages, parameters: parameters, context: context)
            }
            finish(span, with: completion)
            return completion
        } catch {
            fail(span, error)
            throw error
        }
    }

    /// Sends through the wrapped client at once; the span ends when the answer is awaited.
    public func send(_ messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) -> SentCompletion {
        let span: any Span = tracer.startSpan("chat \(model)", ofKind: .client)
        describe(span, messages: messages, parameters: parameters, context: context)
        let sent = base.send(messages, parameters: parameters, context: context)
        return SentCompletion {
            do {
                let completion = try await sent.value()
                finish(span, with: completion)
                return completion
            } catch {
                fail(span, error)
                throw error
            }
        }
    }

    private func describe(_ span: any Span, messages: [ChatMessage], parameters: GenerationParameters, context: RequestContext) {
        var attributes = SpanAttributes()
        attributes["openinference.span.kind"] = "LLM"
        attributes["llm.system"] = "openai"
        attributes["llm.provider"] = "openai"
        attributes["llm.model_name"] = model
        attributes["llm.request.model_name"] = model
        attributes["llm.invocation_parameters"] = invocationParameters(parameters)
        attributes["gen_ai.operation.name"] = "chat"
        attributes["gen_ai.provider.name"] = "openai"
        attributes["gen_ai.request.model"] = model
        attributes["gen_ai.request.max_tokens"] = parameters.maxTokens
        attributes["gen_ai.request.temperature"] = parameters.temperature
        if let topP = parameters.topP { attributes["gen_ai.request.top_p"] = topP }
        if let seed = parameters.seed { attributes["gen_ai.request.seed"] = seed }
        attributes["proctor.role"] = role
        if let sampleId = context.sampleId { attributes["proctor.sample_id"] = sampleId }
        if let turn = context.turn { attributes["proctor.turn"] = turn }
        if includeContent {
            for (index, message) in messages.enumerated() {
                attributes["llm.input_messages.\(index).message.role"] = message.role.rawValue
                attributes["llm.input_messages.\(index).message.content"] = message.content
            }
            attributes["input.value"] = Self.json(messages.map { ["role": $0.role.rawValue, "content": $0.content] })
            attributes["input.mime_type"] = "application/json"
        }
        span.attributes.merge(attributes)
    }

    private func finish(_ span: any Span, with completion: Completion) {
        var attributes = SpanAttributes()
        if let served = completion.model {
            attributes["llm.response.model_name"] = served
            attributes["gen_ai.response.model"] = served
        }
        if let usage = completion.usage {
            attributes["llm.token_count.prompt"] = usage.promptTokens
            attributes["llm.token_count.completion"] = usage.completionTokens
            attributes["llm.token_count.total"] = usage.totalTokens
            attributes["gen_ai.usage.input_tokens"] = usage.promptTokens
            attributes["gen_ai.usage.output_tokens"] = usage.completionTokens
        }
        if let finish = completion.finishReason { attributes["gen_ai.response.finish_reasons"] = [finish] }
        if let ttft = completion.timings.timeToFirstToken { attributes["gen_ai.response.time_to_first_chunk"] = ttft }
        attributes["proctor.attempts"] = completion.attempts
        if includeContent {
            attributes["llm.output_messages.0.message.role"] = "assistant"
            attributes["llm.output_messages.0.message.content"] = completion.text
            attributes["output.value"] = completion.text
            attributes["output.mime_type"] = "text/plain"
        }
        span.attributes.merge(attributes)
        span.setStatus(SpanStatus(code: .ok))
        span.end()
    }

    private func fail(_ span: any Span, _ error: any Error) {
        let type: String
        if let failure = error as? CompletionError {
            type = failure.kind.rawValue
            if let status = failure.statusCode { span.attributes["http.response.status_code"] = status }
        } else {
            type = error is CancellationError ? "cancelled" : String(describing: Swift.type(of: error))
        }
        span.attributes["error.type"] = type
        span.setStatus(SpanStatus(code: .error, message: type))
        span.end()
    }

    /// The parameters as JSON, encoded once per distinct set: a load test sends the same ones
    /// thousands of times a second.
    private func invocationParameters(_ parameters: GenerationParameters) -> String {
        if let cached = encodedParameters.last.withLock({ $0?.parameters == parameters ? $0?.json : nil }) { return cached }
        let json = Self.invocationParameters(parameters)
        encodedParameters.last.withLock { $0 = (parameters, json) }
        return json
    }

    static func invocationParameters(_ parameters: GenerationParameters) -> String {
        var values: [String: Any] = ["temperature": parameters.temperature, "max_tokens": parameters.maxTokens]
        if let seed = parameters.seed { values["seed"] = seed }
        if !parameters.stop.isEmpty { values["stop"] = parameters.stop }
        if let topP = parameters.topP { values["top_p"] = topP }
        return json(values)
    }

    private static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The last parameters encoded and their JSON, shared by copies of one client.
private final class ParametersCache: Sendable {
    let last = Mutex<(parameters: GenerationParameters, json: String)?>(nil)
}
